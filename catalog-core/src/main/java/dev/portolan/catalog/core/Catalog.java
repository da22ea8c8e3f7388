package dev.portolan.catalog.core;

import dev.portolan.catalog.core.internal.Ingested;
import dev.portolan.catalog.core.internal.Ingestor;
import dev.portolan.catalog.model.CatalogModel;
import dev.portolan.catalog.model.EntityRef;
import dev.portolan.catalog.model.Profile;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Backstage-compatible software catalog held in memory: entities read from files, directories, globs and
 * the Location entities they contain, or pushed by {@link EntityProvider}s, validated as Backstage validates
 * them, with Backstage's relations, a graph and filter queries.
 *
 * <h2>Use</h2>
 *
 * <pre>
 * Catalog catalog = Catalog.builder()
 *     .location("catalog/")                    // a directory, a file, a glob or a file: URL
 *     .profile(Profile.APP)                    // or CORE: the catalog backend alone
 *     .build();                                // loads the first snapshot
 * CatalogSnapshot s = catalog.snapshot();
 * s.entity("component:default/petstore").ifPresent(e -&gt; System.out.println(e.relations()));
 * s.filter("kind=component,spec.type=service");
 * s.graph().dependents(EntityRef.parse("resource:default/db"), EntityGraph.UNBOUNDED);
 * s.problems().forEach(System.err::println);   // file:line:col: ref: field: message
 * catalog.addListener(change -&gt; System.out.println(change.added()));
 * catalog.refresh();                           // re-reads changed files, publishes a new snapshot
 * </pre>
 *
 * <h2>Consistency</h2>
 *
 * Every change ({@link #refresh()}, {@link #addLocation}, {@link #removeLocation}, a provider mutation)
 * builds a complete new {@link CatalogSnapshot} and publishes it atomically. Readers call {@link #snapshot()}
 * and keep using what they got; they are never blocked and never see a half-applied change. Writers are
 * serialised. Listeners are told after publication, in order.
 *
 * <h2>Backstage behaviour</h2>
 *
 * Location entities are followed ({@code target}, {@code targets}, types {@code file} and {@code url} when
 * local; remote targets are reported, not fetched); {@code $text}, {@code $json} and {@code $yaml}
 * placeholders are resolved relative to the file and never outside the catalog root; the same ref from two
 * locations keeps the first claimant and reports a conflict; an entity that becomes invalid keeps its last
 * valid version; orphans are deleted (or kept with {@code backstage.io/orphan}, see
 * {@link Builder#orphanStrategy}). One bad file never stops the rest of the catalog from loading.
 *
 * <p>Instances are thread-safe.
 */
public final class Catalog {

  private static final Logger LOG = LoggerFactory.getLogger(Catalog.class);

  /** What happens to entities that no location emits any more. */
  public enum OrphanStrategy {
    /** Remove them (Backstage's {@code catalog.orphanStrategy: delete}). */
    DELETE,
    /**
     * Keep them with the {@code backstage.io/orphan: "true"} annotation and report them; the default, as
     * Backstage's {@code catalog.orphanStrategy} defaults to {@code keep}.
     */
    KEEP
  }

  private final CatalogModel model;
  private final Ingestor ingestor;
  private final Clock clock;
  private final OrphanStrategy orphanStrategy;
  private final QueryEngine.FilterCache filterCache = new QueryEngine.FilterCache();
  private final Ingestor.FileCache fileCache = Ingestor.newCache();
  private final ReentrantLock writeLock = new ReentrantLock();
  private final List<CatalogListener> listeners = new CopyOnWriteArrayList<>();
  private final List<String> locations = new ArrayList<>();
  private final Map<String, Map<String, Ingested>> provided = new LinkedHashMap<>();
  private final Map<String, List<CatalogProblem>> providerProblems = new LinkedHashMap<>();
  private Ingestor.Load lastLoad;
  private volatile CatalogSnapshot current;
  private final List<EntityProcessor> processors;

  private Catalog(Builder b) {
    this.model = b.model != null ? b.model : CatalogModel.builder().profile(b.profile).build();
    List<EntityProcessor> procs = new ArrayList<>(b.processors);
    procs.sort(Comparator.comparingInt(EntityProcessor::priority));
    this.processors = List.copyOf(procs);
    this.ingestor = new Ingestor(model, procs, Optional.ofNullable(b.root));
    this.clock = b.clock;
    this.orphanStrategy = b.orphanStrategy;
    this.locations.addAll(b.locations);
    this.listeners.addAll(b.listeners);
    for (EntityProvider p : b.providers) {
      provided.put("provider:" + p.name(), new LinkedHashMap<>());
    }
    this.lastLoad = ingestor.load(List.copyOf(locations), fileCache);
    this.current = assemble(null);
    LOG.debug("catalog loaded: {} entities, {} problems from {} locations", current.size(),
        current.problems().size(), locations.size());
  }

  /**
   * A builder with the {@link Profile#APP} profile, no locations and the system clock.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The current snapshot. Never blocks.
   *
   * @return the latest published snapshot
   */
  public CatalogSnapshot snapshot() {
    return current;
  }

  /**
   * The profile whose verdicts and relations the catalog follows.
   *
   * @return the profile
   */
  public Profile profile() {
    return model.profile();
  }

  /**
   * The registered locations, in registration order.
   *
   * @return the locations
   */
  public List<String> locations() {
    writeLock.lock();
    try {
      return List.copyOf(locations);
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * Re-reads every location (only files that changed are parsed again) and publishes a new snapshot.
   *
   * @return what changed
   */
  public CatalogChange refresh() {
    writeLock.lock();
    try {
      lastLoad = ingestor.load(List.copyOf(locations), fileCache);
      return publish();
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * Registers a location (a file, a directory, a glob or a {@code file:} URL) and loads it.
   *
   * @param location the location
   * @return what changed
   */
  public CatalogChange addLocation(String location) {
    Objects.requireNonNull(location, "location");
    writeLock.lock();
    try {
      if (!locations.contains(location)) {
        locations.add(location);
      }
      lastLoad = ingestor.load(List.copyOf(locations), fileCache);
      return publish();
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * Registers a location given as a path.
   *
   * @param location the file or directory
   * @return what changed
   */
  public CatalogChange addLocation(Path location) {
    return addLocation(location.toString());
  }

  /**
   * Unregisters a location; its entities are removed eagerly (not kept as orphans).
   *
   * @param location the location, exactly as registered
   * @return what changed (empty when the location was not registered)
   */
  public CatalogChange removeLocation(String location) {
    writeLock.lock();
    try {
      if (!locations.remove(location)) {
        return new CatalogChange(current, current, List.of(), List.of(), List.of());
      }
      lastLoad = ingestor.load(List.copyOf(locations), fileCache);
      return publish();
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * Adds a listener told about every later snapshot.
   *
   * @param listener the listener
   */
  public void addListener(CatalogListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /**
   * Removes a listener.
   *
   * @param listener the listener
   */
  public void removeListener(CatalogListener listener) {
    listeners.remove(listener);
  }

  private CatalogChange applyMutation(String source, EntityProviderMutation mutation) {
    Objects.requireNonNull(mutation, "mutation");
    writeLock.lock();
    try {
      Map<String, Ingested> set = provided.get(source);
      List<CatalogProblem> problems = new ArrayList<>();
      List<DeferredEntity> added;
      if (mutation instanceof EntityProviderMutation.Full full) {
        set.clear();
        added = full.entities();
      } else {
        EntityProviderMutation.Delta delta = (EntityProviderMutation.Delta) mutation;
        for (EntityRef r : delta.removed()) {
          set.remove(r.toString());
        }
        added = delta.added();
      }
      String name = source.substring("provider:".length());
      for (DeferredEntity d : added) {
        ingestor.processProvided(name, d, problems).ifPresent(i -> set.put(i.ref().toString(), i));
      }
      if (mutation instanceof EntityProviderMutation.Full) {
        providerProblems.put(source, List.copyOf(problems));
      } else {
        List<CatalogProblem> all = new ArrayList<>(providerProblems.getOrDefault(source, List.of()));
        all.addAll(problems);
        providerProblems.put(source, List.copyOf(all));
      }
      return publish();
    } finally {
      writeLock.unlock();
    }
  }

  private CatalogChange publish() {
    CatalogSnapshot previous = current;
    CatalogSnapshot next = assemble(previous);
    current = next;
    CatalogChange change = SnapshotAssembler.diff(previous, next);
    LOG.debug("catalog snapshot {}: {} entities, {} added, {} updated, {} removed", next.version(), next.size(),
        change.added().size(), change.updated().size(), change.removed().size());
    for (CatalogListener l : listeners) {
      try {
        l.onChange(change);
      } catch (RuntimeException e) {
        LOG.warn("catalog listener {} failed: {}", l, e.toString());
      }
    }
    return change;
  }

  private CatalogSnapshot assemble(CatalogSnapshot previous) {
    List<Ingested> all = new ArrayList<>(lastLoad.entities());
    List<CatalogProblem> problems = new ArrayList<>(lastLoad.problems());
    // only entities emitted through locations can become orphans: as in Backstage, an entity a provider
    // removes (delta) or leaves out (full mutation) is deleted whatever the orphan strategy
    Set<String> live = new HashSet<>(locations);
    for (Map.Entry<String, Map<String, Ingested>> e : provided.entrySet()) {
      all.addAll(e.getValue().values());
      problems.addAll(providerProblems.getOrDefault(e.getKey(), List.of()));
    }
    long version = previous == null ? 1 : previous.version() + 1;
    return SnapshotAssembler.assemble(version, clock.instant(), model.profile(), all, problems,
        lastLoad.invalidRefs(), previous, live, orphanStrategy, filterCache, processors);
  }

  /** Configures and loads a {@link Catalog}. Not thread-safe; the built catalog is. */
  public static final class Builder {
    private Profile profile = Profile.APP;
    private CatalogModel model;
    private Path root;
    private Clock clock = Clock.systemUTC();
    private OrphanStrategy orphanStrategy = OrphanStrategy.KEEP;
    private final List<String> locations = new ArrayList<>();
    private final List<EntityProvider> providers = new ArrayList<>();
    private final List<EntityProcessor> processors = new ArrayList<>();
    private final List<CatalogListener> listeners = new ArrayList<>();

    private Builder() {}

    /**
     * Sets the profile (ignored when a {@link #model(CatalogModel) model} is given).
     *
     * @param profile {@link Profile#APP} (default) or {@link Profile#CORE}
     * @return this builder
     */
    public Builder profile(Profile profile) {
      this.profile = Objects.requireNonNull(profile, "profile");
      return this;
    }

    /**
     * Uses a configured model (profile, limits, custom kinds).
     *
     * @param model the model
     * @return this builder
     */
    public Builder model(CatalogModel model) {
      this.model = Objects.requireNonNull(model, "model");
      return this;
    }

    /**
     * Registers a location: a file, a directory (every {@code *.yaml} and {@code *.yml} below it), a glob
     * or a {@code file:} URL. Remote URLs are reported as not fetched.
     *
     * @param location the location
     * @return this builder
     */
    public Builder location(String location) {
      locations.add(Objects.requireNonNull(location, "location"));
      return this;
    }

    /**
     * Registers a location given as a path.
     *
     * @param location the file or directory
     * @return this builder
     */
    public Builder location(Path location) {
      return location(location.toString());
    }

    /**
     * Sets the catalog root: placeholders and Location targets may only read files below it. By default
     * each registered location's own directory is its root.
     *
     * @param root the root directory
     * @return this builder
     */
    public Builder root(Path root) {
      this.root = Objects.requireNonNull(root, "root");
      return this;
    }

    /**
     * Sets the clock that stamps snapshots.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets what happens to entities no location emits any more.
     *
     * @param strategy {@link OrphanStrategy#KEEP} (default, as Backstage) or {@link OrphanStrategy#DELETE}
     * @return this builder
     */
    public Builder orphanStrategy(OrphanStrategy strategy) {
      this.orphanStrategy = Objects.requireNonNull(strategy, "strategy");
      return this;
    }

    /**
     * Adds an entity provider; it is connected after the first snapshot is loaded.
     *
     * @param provider the provider, with a name unique in this catalog
     * @return this builder
     */
    public Builder provider(EntityProvider provider) {
      Objects.requireNonNull(provider, "provider");
      for (EntityProvider p : providers) {
        if (p.name().equals(provider.name())) {
          throw new IllegalArgumentException("an entity provider named " + provider.name() + " is already added");
        }
      }
      providers.add(provider);
      return this;
    }

    /**
     * Adds a processor; processors run by ascending priority, then in the order added.
     *
     * @param processor the processor
     * @return this builder
     */
    public Builder processor(EntityProcessor processor) {
      processors.add(Objects.requireNonNull(processor, "processor"));
      return this;
    }

    /**
     * Adds a listener told about every snapshot after the first.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(CatalogListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Loads the locations into the first snapshot, then connects the providers.
     *
     * @return the catalog
     */
    public Catalog build() {
      Catalog catalog = new Catalog(this);
      for (EntityProvider p : providers) {
        String source = "provider:" + p.name();
        p.connect(mutation -> catalog.applyMutation(source, mutation));
      }
      return catalog;
    }
  }
}
