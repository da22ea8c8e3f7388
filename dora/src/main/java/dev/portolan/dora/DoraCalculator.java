package dev.portolan.dora;

import dev.portolan.dora.internal.Model;
import dev.portolan.dora.internal.Parallel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Computes the DORA software-delivery metrics from delivery events: deployment frequency, lead time for changes,
 * change failure rate, failed deployment recovery time and deployment rework rate (plus the legacy time to
 * restore service), per service and overall, with performance tiers.
 *
 * <h2>Use</h2>
 *
 * <pre>{@code
 * DoraCalculator dora = DoraCalculator.builder()
 *     .window(Window.of(LocalDate.parse("2024-03-01"), LocalDate.parse("2024-05-31")))
 *     .build();
 * DoraData data = dora.load(List.of(Path.of("events.jsonl.gz")));   // read once, streaming
 * DoraReport report = dora.report(data);
 * ReportWriter.json(report, writer);                                 // the reference layout
 * List<TrendPoint> weeks = dora.weeklyTrend(data, Optional.empty()); // trend of everything
 * }</pre>
 *
 * <h2>Input</h2>
 *
 * JSON Lines ({@code .jsonl}, {@code .jsonl.gz}, standard input) with one event per line, or
 * {@link DeliveryEvent} objects; adapters turn GitHub, GitLab, PagerDuty and CSV into events. Events may come in any
 * order and any number of times: records with the same key are merged order-independently. Bad lines (invalid
 * JSON, unknown types, missing fields, bad timestamps) are counted in {@link Diagnostics} with their first line
 * numbers and skipped; they never stop the rest.
 *
 * <h2>Definitions</h2>
 *
 * A deployment counts when it finished with status {@code success} in {@code production} or {@code prod}. Lead
 * time runs from a commit's time to its first delivery to a service by a non-rollback deployment. A deployment
 * failed when an incident names it (or its root-cause sha was first delivered by it) or a rollback targets it;
 * recovery ends at the earliest rollback or when its last incident is resolved. Medians are type-7 percentiles;
 * durations are computed in microseconds and reported as seconds. Relations are computed over all data; windows
 * only select what is reported.
 *
 * <h2>Window</h2>
 *
 * {@code [from, to)} in whole UTC days: fixed with {@link Builder#window}, or the last days up to today on the
 * builder's clock with {@link Builder#lastDays} (placed when each report is made). When not given,
 * {@link #windowFor} takes {@value Window#DEFAULT_DAYS} days (or {@link Builder#windowDays}) ending the day after
 * the last counted deployment, or ending today on the clock when there is none.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class DoraCalculator {

  private final Clock clock;
  private final Optional<LocalDate> from;
  private final Optional<LocalDate> to;
  private final int windowDays;
  private final boolean endingToday;
  private final TierProfile profile;
  private final int threads;

  private DoraCalculator(Builder b) {
    this.threads = b.threads;
    this.clock = b.clock;
    this.from = b.from;
    this.to = b.to;
    this.windowDays = b.windowDays;
    this.endingToday = b.endingToday;
    this.profile = b.profile;
  }

  /**
   * Starts a builder with the system UTC clock, a data-derived 91-day window and the {@code dora-2023} tiers.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A loader to read events from several sources before linking them.
   *
   * @return a new loader
   */
  public EventLoader loader() {
    return new EventLoader(threads, EventLoader.MIN_CHUNK_BYTES);
  }

  /**
   * Reads JSON Lines files ({@code -} for standard input) and links their events.
   *
   * @param files the files
   * @return the linked data
   * @throws DoraInputException when a file cannot be read
   */
  public DoraData load(List<Path> files) {
    EventLoader l = loader();
    files.forEach(l::read);
    return l.load();
  }

  /**
   * Links events given as objects.
   *
   * @param events the events
   * @return the linked data
   */
  public DoraData load(Collection<? extends DeliveryEvent> events) {
    return loader().addAll(events).load();
  }

  /**
   * The window a report covers: the configured one; the last {@code days} days up to today on the clock, for
   * {@link Builder#lastDays}; completed to {@code windowDays} days when only one end is given; or derived from the
   * data.
   *
   * @param data the data
   * @return the window
   */
  public Window windowFor(DoraData data) {
    if (endingToday) {
      return Window.endingToday(clock, windowDays);
    }
    if (from.isPresent() && to.isPresent()) {
      return Window.of(from.get(), to.get());
    }
    if (from.isPresent()) {
      return Window.of(from.get(), from.get().plusDays(windowDays));
    }
    LocalDate end =
        to.orElseGet(
            () ->
                data.model()
                    .lastDeployment()
                    .map(us -> LocalDate.ofEpochDay(Math.floorDiv(us, 86_400_000_000L)).plusDays(1))
                    .orElseGet(() -> LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1)));
    return Window.of(end.minusDays(windowDays), end);
  }

  /**
   * The metrics per service and overall over the window.
   *
   * @param data the data
   * @return the report
   */
  public DoraReport report(DoraData data) {
    Window w = windowFor(data);
    long f = micros(w.from());
    long t = micros(w.to());
    Model m = data.model();
    List<String> names = m.services();
    // Piece 0, the largest, is the overall scope; the others are one service each.
    ScopeMetrics[] out = new ScopeMetrics[names.size() + 1];
    Parallel.forEach(
        out.length, m.large() ? threads : 1, i -> out[i] = m.compute(i == 0 ? null : new int[] {i - 1}, f, t, profile));
    Map<String, ScopeMetrics> services = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      services.put(names.get(i), out[i + 1]);
    }
    return new DoraReport(w, profile, services, out[0], data.diagnostics());
  }

  /**
   * Reads files and reports on them in one step.
   *
   * @param files JSON Lines files
   * @return the report
   */
  public DoraReport calculate(List<Path> files) {
    return report(load(files));
  }

  /**
   * The metrics of a set of services pooled together (as a team is the union of its services).
   *
   * @param data the data
   * @param services the services; unknown names are ignored
   * @return the pooled metrics
   */
  public ScopeMetrics pooled(DoraData data, Collection<String> services) {
    return pooled(data, services, windowFor(data));
  }

  private ScopeMetrics pooled(DoraData data, Collection<String> services, Window w) {
    return data.model().compute(indexes(data, services), micros(w.from()), micros(w.to()), profile);
  }

  /**
   * The metrics of each 7-day block of the window, for trends. A trailing partial block is included with its own
   * length. Deployment frequency has no tier in a trend point (a week is shorter than 28 days).
   *
   * @param data the data
   * @param services the services to pool, or empty for every service
   * @return one point per week, oldest first
   */
  public List<TrendPoint> weeklyTrend(DoraData data, Optional<Collection<String>> services) {
    Window w = windowFor(data);
    int[] scope = services.map(s -> indexes(data, s)).orElse(null);
    List<TrendPoint> out = new ArrayList<>();
    for (LocalDate d = w.from(); d.isBefore(w.to()); d = d.plusDays(7)) {
      LocalDate e = d.plusDays(7).isAfter(w.to()) ? w.to() : d.plusDays(7);
      out.add(new TrendPoint(Window.of(d, e), data.model().compute(scope, micros(d), micros(e), profile)));
    }
    return List.copyOf(out);
  }

  /**
   * Rolls the metrics up through a directory of services: by team (each team pools its own services and those of
   * its sub-teams), system or domain. Services the directory does not know are listed, not dropped.
   *
   * @param data the data
   * @param directory where each service belongs
   * @param by the grouping
   * @return the groups' metrics and the unmapped services
   */
  public Rollup rollup(DoraData data, ServiceDirectory directory, GroupBy by) {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(by, "by");
    Map<String, List<String>> members = new java.util.TreeMap<>();
    List<String> unmapped = new ArrayList<>();
    for (String s : data.services()) {
      Optional<ServicePlacement> p = directory.place(s);
      if (p.isEmpty()) {
        unmapped.add(s);
        continue;
      }
      List<String> groups = p.get().groups(by);
      if (groups.isEmpty()) {
        unmapped.add(s);
      }
      for (String g : groups) {
        members.computeIfAbsent(g, k -> new ArrayList<>()).add(s);
      }
    }
    Window w = windowFor(data);
    Map<String, Rollup.Group> out = new LinkedHashMap<>();
    members.forEach((g, ss) -> out.put(g, new Rollup.Group(g, ss, pooled(data, ss, w))));
    return new Rollup(by, w, out, unmapped);
  }

  /**
   * The tier profile.
   *
   * @return the profile
   */
  public TierProfile tierProfile() {
    return profile;
  }

  /**
   * The clock.
   *
   * @return the clock
   */
  public Clock clock() {
    return clock;
  }

  private static int[] indexes(DoraData data, Collection<String> services) {
    return services.stream()
        .distinct()
        .map(s -> data.model().serviceIndex(s))
        .flatMap(Optional::stream)
        .mapToInt(Integer::intValue)
        .toArray();
  }

  private static long micros(LocalDate d) {
    return d.toEpochDay() * 86_400_000_000L;
  }

  /** Configures a {@link DoraCalculator}. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private Optional<LocalDate> from = Optional.empty();
    private Optional<LocalDate> to = Optional.empty();
    private int windowDays = Window.DEFAULT_DAYS;
    private boolean endingToday;
    private TierProfile profile = TierProfile.DORA_2023;
    private int threads = Math.min(2, Runtime.getRuntime().availableProcessors());

    private Builder() {}

    /**
     * How many threads one calculation may use, the calling thread included. A large uncompressed JSON Lines file
     * is read in that many parts cut at line breaks, merged in file order; linking splits its work by commit, and
     * a report computes services side by side. The result is the same with any number of threads. Compressed
     * files, standard input and small files are read by the calling thread alone.
     *
     * @param threads at least 1 (default: 2, or 1 on a single processor)
     * @return this builder
     */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1, found " + threads);
      }
      this.threads = threads;
      return this;
    }

    /**
     * The clock, used only to place a window that ends today: one set with {@link #lastDays}, or one derived
     * when the data has no deployment.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * A fixed window.
     *
     * @param window the window
     * @return this builder
     */
    public Builder window(Window window) {
      this.from = Optional.of(window.from());
      this.to = Optional.of(window.to());
      this.endingToday = false;
      return this;
    }

    /**
     * The first day; the end follows from {@link #to} or {@link #windowDays}.
     *
     * @param from the first day
     * @return this builder
     */
    public Builder from(LocalDate from) {
      this.from = Optional.of(from);
      this.endingToday = false;
      return this;
    }

    /**
     * The day after the last day; the start follows from {@link #from} or {@link #windowDays}.
     *
     * @param to the end (excluded)
     * @return this builder
     */
    public Builder to(LocalDate to) {
      this.to = Optional.of(to);
      this.endingToday = false;
      return this;
    }

    /**
     * A window of the last {@code days} whole UTC days, today included, on this builder's {@link #clock}. It is
     * placed each time a report is made, so a long-lived calculator follows the clock. Replaces a window set
     * before; {@link #window}, {@link #from} and {@link #to} replace it.
     *
     * @param days at least 1
     * @return this builder
     */
    public Builder lastDays(int days) {
      windowDays(days);
      this.from = Optional.empty();
      this.to = Optional.empty();
      this.endingToday = true;
      return this;
    }

    /**
     * The window length when one end is missing.
     *
     * @param days at least 1 (default 91)
     * @return this builder
     */
    public Builder windowDays(int days) {
      if (days < 1) {
        throw new IllegalArgumentException("window days must be at least 1, found " + days);
      }
      this.windowDays = days;
      return this;
    }

    /**
     * The tier thresholds.
     *
     * @param profile the profile (default {@code dora-2023})
     * @return this builder
     */
    public Builder tierProfile(TierProfile profile) {
      this.profile = Objects.requireNonNull(profile, "profile");
      return this;
    }

    /**
     * Builds the calculator.
     *
     * @return the calculator
     * @throws IllegalArgumentException when the window ends before it starts
     */
    public DoraCalculator build() {
      if (from.isPresent() && to.isPresent()) {
        Window.of(from.get(), to.get());
      }
      return new DoraCalculator(this);
    }
  }
}
