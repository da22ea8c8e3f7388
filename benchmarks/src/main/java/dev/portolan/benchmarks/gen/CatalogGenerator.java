package dev.portolan.benchmarks.gen;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * Generates realistic, valid Backstage catalogs of any size from a seed.
 *
 * <p>The same settings always give byte-identical files. The mix follows what large organisations register:
 * about 3% Groups (one organisation, departments, teams and sub-teams), 20% Users, 0.5% Domains, 3% Systems,
 * 17% APIs, 10% Resources and Components for the rest. Entities are wired together with owners, systems,
 * domains, sub-domains, provided and consumed APIs, {@code dependsOn}, {@code subcomponentOf}, group
 * membership from both sides and the group tree from both sides. References use the shorthands people write
 * ({@code name}, {@code kind:name}, {@code kind:namespace/name}, {@code namespace/name}), and about 15% of the
 * software lives in the namespaces {@code platform} and {@code data}. Every entity is valid under Backstage's
 * {@code core} and {@code app} profiles and every reference names an entity of the catalog.
 *
 * <p>With {@link Builder#aiAssets(boolean)}, about 2.5% of the entities become {@code AiResource} models,
 * datasets and agents (training lineage, base models, tools, hand-offs and access grants), a few APIs become
 * {@code mcp-server} APIs, and the services that use a model, the agents' targets and part of the resources
 * carry {@code spec.governance} blocks. Such a catalog is valid under the {@code app} profile only, since
 * {@code core} knows neither {@code AiResource} nor {@code mcp-server}.
 *
 * <pre>{@code
 * GeneratedCatalog catalog = CatalogGenerator.builder().entities(10_000).seed(42).build().generate();
 * catalog.writeTo(Path.of("out/10k"));
 * }</pre>
 *
 * <p>From the command line: {@code java -cp benchmarks.jar dev.portolan.benchmarks.gen.CatalogGenerator
 * --entities 100000 --seed 42 --out DIR [--per-file 100] [--ai]}.
 */
public final class CatalogGenerator {

  /** The smallest catalog that still has every kind and a group tree. */
  public static final int MIN_ENTITIES = 40;

  private static final String[] ADJ = {
    "amber", "arctic", "bright", "cobalt", "copper", "dawn", "ember", "falcon", "frost", "granite", "harbor",
    "indigo", "jasper", "kestrel", "lumen", "maple", "nimbus", "orbit", "pine", "quartz", "raven", "sage",
    "sierra", "tidal", "umber", "violet", "willow", "zephyr", "basalt", "cedar"
  };
  private static final String[] AREA = {
    "payments", "checkout", "billing", "search", "catalog", "identity", "auth", "orders", "inventory",
    "shipping", "pricing", "reviews", "ads", "analytics", "messaging", "notifications", "media", "profile",
    "recommendations", "fraud", "ledger", "support", "loyalty", "booking", "maps", "telemetry", "storage",
    "gateway", "scheduler", "reporting", "claims", "onboarding", "returns", "tax"
  };
  private static final String[] PART = {
    "service", "api", "worker", "ui", "web", "lib", "sdk", "job", "processor", "adapter", "proxy", "engine",
    "store", "sync", "importer", "exporter", "console", "bridge"
  };
  private static final String[] FIRST = {
    "amara", "bruno", "chen", "dalia", "emeka", "farah", "goran", "hana", "ines", "jonas", "kiri", "lena",
    "mateo", "nadia", "oskar", "priya", "quinn", "rosa", "samir", "tomas", "uma", "viktor", "wen", "ximena",
    "yusuf", "zofia", "aiko", "bea", "caio", "dmitri"
  };
  private static final String[] LAST = {
    "almeida", "bauer", "costa", "dubois", "eriksen", "fischer", "garcia", "haddad", "ivanova", "jensen",
    "kowalski", "lindqvist", "moreau", "nakamura", "okafor", "petrov", "quiroga", "rossi", "schmidt",
    "tanaka", "uddin", "vasquez", "weber", "xu", "yilmaz", "zhang", "novak", "silva", "kim", "murphy"
  };
  private static final String[] DEPT = {
    "engineering", "product", "data", "infrastructure", "security", "commerce", "growth", "platform",
    "mobile", "research"
  };
  private static final String[][] SERVICE_TAGS = {
    {"java", "spring"}, {"go"}, {"kotlin", "grpc"}, {"python", "fastapi"}, {"node", "typescript"}, {"rust"}
  };
  private static final String[][] WEBSITE_TAGS = {{"typescript", "react"}, {"javascript", "vue"}, {"nextjs"}};
  private static final String[][] LIBRARY_TAGS = {{"java"}, {"typescript"}, {"python"}, {"go"}, {"c++"}};
  private static final List<String> LIFECYCLES = List.of("production", "experimental", "deprecated");
  private static final int[] LIFECYCLE_WEIGHTS = {70, 20, 10};
  private static final List<String> API_TYPES = List.of("openapi", "grpc", "asyncapi", "graphql");
  private static final int[] API_TYPE_WEIGHTS = {60, 20, 15, 5};
  private static final String[] RESOURCE_TYPES = {
    "database", "s3-bucket", "kafka-topic", "redis-cache", "queue", "elasticsearch-index"
  };
  private static final String[] MODEL_TASKS = {
    "text-classification", "text-generation", "summarization", "token-classification", "translation",
    "image-classification", "feature-extraction", "question-answering"
  };
  private static final String[] MODEL_FAMILIES = {"granite", "llama", "mistral", "bert", "t5", "phi"};
  private static final String[] LICENSES = {"apache-2.0", "mit", "proprietary", "llama3.1", "cc-by-4.0"};
  private static final String[] DATASET_TYPES = {"structured", "text", "image", "timeseries", "categorical"};
  private static final String[] CONFIDENTIALITY = {"red", "amber", "green", "clear"};
  private static final String[] PERSONAL_CATEGORIES = {"contact", "financial", "health", "location", "behavioural"};
  private static final LocalDate EPOCH = LocalDate.of(2026, 1, 5);

  private final int entities;
  private final long seed;
  private final int documentsPerFile;
  private final boolean aiAssets;

  private CatalogGenerator(Builder b) {
    this.entities = b.entities;
    this.seed = b.seed;
    this.documentsPerFile = b.documentsPerFile;
    this.aiAssets = b.aiAssets;
  }

  /**
   * Starts a generator: 10,000 entities, seed 42, 100 documents per file, no AI assets.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The number of entities each catalog has.
   *
   * @return the entity count
   */
  public int entities() {
    return entities;
  }

  /**
   * The seed.
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  /**
   * The number of YAML documents per file (the last file may have fewer).
   *
   * @return documents per file
   */
  public int documentsPerFile() {
    return documentsPerFile;
  }

  /**
   * Whether AI models, datasets, agents and governance blocks are generated.
   *
   * @return true if AI assets are generated
   */
  public boolean aiAssets() {
    return aiAssets;
  }

  /**
   * Generates the catalog in memory.
   *
   * @return the generated files and counts
   */
  public GeneratedCatalog generate() {
    List<Map<String, Object>> docs = new Builder.Run(this).build();
    Dump dump = new Dump(dumpSettings());
    List<CatalogFile> files = new ArrayList<>();
    Map<String, Integer> byKind = new TreeMap<>();
    for (Map<String, Object> d : docs) {
      byKind.merge((String) d.get("kind"), 1, Integer::sum);
    }
    for (int i = 0; i < docs.size(); i += documentsPerFile) {
      List<Map<String, Object>> chunk = docs.subList(i, Math.min(docs.size(), i + documentsPerFile));
      String text = dump.dumpAllToString(chunk.iterator());
      String name = String.format(Locale.ROOT, "catalog-%05d.yaml", files.size() + 1);
      files.add(new CatalogFile(name, text, chunk.size()));
    }
    return new GeneratedCatalog(seed, files, byKind);
  }

  private static DumpSettings dumpSettings() {
    return DumpSettings.builder()
        .setDefaultFlowStyle(FlowStyle.BLOCK)
        .setExplicitStart(true)
        .setIndent(2)
        .setIndicatorIndent(2)
        .setIndentWithIndicator(true)
        .setWidth(160)
        .setSplitLines(false)
        .setSchema(new PortableScalarResolver.PortableSchema())
        .build();
  }

  /**
   * Command-line entry point: {@code --entities N [--seed S] [--per-file D] [--ai] --out DIR}. Sizes accept
   * the suffixes {@code k} and {@code m} ({@code 100k}). Prints one summary line and exits with 0, or 2 on a
   * usage error.
   *
   * @param args the command-line arguments
   */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    Builder b = builder();
    Path dir = null;
    try {
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        switch (a) {
          case "--entities", "--count" -> b.entities(parseSize(value(args, ++i, a)));
          case "--seed" -> b.seed(Long.parseLong(value(args, ++i, a)));
          case "--per-file" -> b.documentsPerFile(Integer.parseInt(value(args, ++i, a)));
          case "--ai" -> b.aiAssets(true);
          case "--out" -> dir = Path.of(value(args, ++i, a));
          default -> throw new IllegalArgumentException("unknown argument " + a);
        }
      }
      if (dir == null) {
        throw new IllegalArgumentException("--out DIR is required");
      }
    } catch (IllegalArgumentException e) {
      err.println("catalog-generator: " + e.getMessage());
      err.println("usage: CatalogGenerator --entities N [--seed 42] [--per-file 100] [--ai] --out DIR");
      return 2;
    }
    long t0 = System.nanoTime();
    GeneratedCatalog catalog = b.build().generate();
    try {
      catalog.writeTo(dir);
    } catch (IOException e) {
      err.println("catalog-generator: cannot write " + dir + ": " + e.getMessage());
      return 1;
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    out.printf(
        Locale.ROOT,
        "{\"out\":\"%s\",\"seed\":%d,\"entities\":%d,\"files\":%d,\"bytes\":%d,\"byKind\":%s,\"ms\":%d}%n",
        dir,
        catalog.seed(),
        catalog.entityCount(),
        catalog.files().size(),
        catalog.byteCount(),
        jsonCounts(catalog.sortedEntitiesByKind()),
        ms);
    return 0;
  }

  private static String jsonCounts(Map<String, Integer> counts) {
    StringBuilder sb = new StringBuilder("{");
    counts.forEach((k, v) -> sb.append(sb.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
    return sb.append('}').toString();
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  /**
   * Parses a size such as {@code 2500}, {@code 10k} or {@code 1m}.
   *
   * @param s the text
   * @return the number
   * @throws IllegalArgumentException if the text is not a size
   */
  static int parseSize(String s) {
    String t = s.trim().toLowerCase(Locale.ROOT);
    long mult = 1;
    if (t.endsWith("k")) {
      mult = 1_000;
      t = t.substring(0, t.length() - 1);
    } else if (t.endsWith("m")) {
      mult = 1_000_000;
      t = t.substring(0, t.length() - 1);
    }
    try {
      long v = Math.round(Double.parseDouble(t) * mult);
      if (v <= 0 || v > Integer.MAX_VALUE || t.isEmpty() || !t.matches("[0-9.]+")) {
        throw new NumberFormatException();
      }
      return (int) v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected a size such as 2500, 10k or 1m, found \"" + s + "\"", e);
    }
  }

  /** Settings of a {@link CatalogGenerator}. */
  public static final class Builder {
    private int entities = 10_000;
    private long seed = 42;
    private int documentsPerFile = 100;
    private boolean aiAssets;

    private Builder() {}

    /**
     * The number of entities to generate.
     *
     * @param entities at least {@value CatalogGenerator#MIN_ENTITIES}
     * @return this builder
     */
    public Builder entities(int entities) {
      if (entities < MIN_ENTITIES) {
        throw new IllegalArgumentException(
            "entities: expected at least " + MIN_ENTITIES + ", found " + entities);
      }
      this.entities = entities;
      return this;
    }

    /**
     * The seed; the same seed and settings give byte-identical files.
     *
     * @param seed any value
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * How many YAML documents go in one file.
     *
     * @param documentsPerFile at least 1
     * @return this builder
     */
    public Builder documentsPerFile(int documentsPerFile) {
      if (documentsPerFile < 1) {
        throw new IllegalArgumentException("documentsPerFile: expected at least 1, found " + documentsPerFile);
      }
      this.documentsPerFile = documentsPerFile;
      return this;
    }

    /**
     * Whether to generate AI models, datasets, agents, {@code mcp-server} APIs and {@code spec.governance}
     * blocks.
     *
     * @param aiAssets true to generate AI assets
     * @return this builder
     */
    public Builder aiAssets(boolean aiAssets) {
      this.aiAssets = aiAssets;
      return this;
    }

    /**
     * Builds the immutable generator.
     *
     * @return the generator
     */
    public CatalogGenerator build() {
      return new CatalogGenerator(this);
    }

    /** One generation: all state lives here, so the generator itself stays immutable. */
    private static final class Run {
      private final CatalogGenerator g;
      private final Rng rng;
      private final Set<String> used = new HashSet<>();
      private final List<Node> depts = new ArrayList<>();

      Run(CatalogGenerator g) {
        this.g = g;
        this.rng = new Rng(g.seed);
      }

      private Node node(String kind, String ns, String base) {
        String name = base;
        for (int i = 2; !used.add(kind + ":" + ns + "/" + name); i++) {
          name = base + "-" + i;
        }
        return new Node(kind, ns, name);
      }

      /** A reference from an entity in {@code fromNs} to {@code t}, in a field whose default kind is given. */
      private String ref(Node t, String fromNs, String defaultKind) {
        boolean kindMatches = t.kind.equals(defaultKind);
        if (t.namespace.equals(fromNs)) {
          if (kindMatches) {
            return rng.weighted(
                List.of(t.name, t.refKind() + ":" + t.name, t.refKind() + ":" + t.namespace + "/" + t.name),
                new int[] {75, 15, 10});
          }
          return rng.chance(0.85) ? t.refKind() + ":" + t.name : t.refKind() + ":" + t.namespace + "/" + t.name;
        }
        if (kindMatches && rng.chance(0.5)) {
          return t.namespace + "/" + t.name;
        }
        return t.refKind() + ":" + t.namespace + "/" + t.name;
      }

      private List<String> refs(List<Node> targets, String fromNs, String defaultKind) {
        List<String> out = new ArrayList<>(targets.size());
        for (Node t : targets) {
          out.add(ref(t, fromNs, defaultKind));
        }
        return out;
      }

      private String date(int dayOffset) {
        return EPOCH.plusDays(dayOffset).toString();
      }

      List<Map<String, Object>> build() {
        int n = g.entities;
        int nGroups = Math.max(3, Math.round(n * 0.03f));
        int nUsers = Math.max(1, Math.round(n * 0.2f));
        int nDomains = Math.max(1, Math.round(n * 0.005f));
        int nSystems = Math.max(1, Math.round(n * 0.03f));
        int nApis = Math.max(1, Math.round(n * 0.17f));
        int nResources = Math.max(1, Math.round(n * 0.1f));
        int nModels = g.aiAssets ? Math.max(2, Math.round(n * 0.01f)) : 0;
        int nDatasets = g.aiAssets ? Math.max(2, Math.round(n * 0.01f)) : 0;
        int nAgents = g.aiAssets ? Math.max(1, Math.round(n * 0.005f)) : 0;
        int nComponents = n - nGroups - nUsers - nDomains - nSystems - nApis - nResources - nModels - nDatasets
            - nAgents;

        // Groups: one organisation, departments, teams and sub-teams, all in the default namespace.
        List<Node> groups = new ArrayList<>();
        Node org = node("Group", "default", "acme");
        org.type = "organization";
        groups.add(org);
        int nDept = (int) Math.max(1, Math.min(DEPT.length * 3L, Math.round(Math.sqrt(nGroups) / 1.5)));
        for (int i = 0; i < nDept && groups.size() < nGroups; i++) {
          Node d = node("Group", "default", DEPT[i % DEPT.length]);
          d.type = "department";
          d.parent = org;
          org.children.add(d);
          groups.add(d);
          depts.add(d);
        }
        List<Node> teams = new ArrayList<>();
        while (groups.size() < nGroups) {
          Node parent = !teams.isEmpty() && rng.chance(0.2) ? rng.pick(teams) : rng.pick(depts);
          Node t = node("Group", "default", "team-" + rng.pick(AREA) + "-" + rng.pick(ADJ));
          t.type = parent.type.equals("department") ? "team" : "sub-team";
          t.parent = parent;
          parent.children.add(t);
          groups.add(t);
          teams.add(t);
        }
        List<Node> owners = teams.isEmpty() ? depts : teams;

        // Users belong to one or two teams; about half of the groups also list their members.
        List<Node> users = new ArrayList<>();
        for (int i = 0; i < nUsers; i++) {
          String first = rng.pick(FIRST);
          String last = rng.pick(LAST);
          Node u = node("User", "default", first + "." + last);
          u.first = first;
          u.last = last;
          u.memberOf.addAll(rng.sample(owners, rng.weightedInt(new int[] {1, 2}, new int[] {80, 20})));
          for (Node grp : u.memberOf) {
            grp.members.add(u);
          }
          users.add(u);
        }
        for (Node grp : groups) {
          grp.listsMembers = rng.chance(0.5);
        }

        // Exactly ~15% of the domains (never the first) live in "platform" (2/3) or "data" (1/3); systems,
        // and through them APIs, resources and most components, inherit their domain's namespace.
        String[] domainNamespaces = new String[nDomains];
        Arrays.fill(domainNamespaces, "default");
        int nonDefaultDomains = Math.min(nDomains - 1, Math.max(nDomains > 1 ? 1 : 0, Math.round(nDomains * 0.15f)));
        List<Integer> slots = new ArrayList<>();
        for (int i = 1; i < nDomains; i++) {
          slots.add(i);
        }
        List<Integer> chosen = rng.sample(slots, nonDefaultDomains);
        for (int i = 0; i < chosen.size(); i++) {
          domainNamespaces[chosen.get(i)] = i % 3 == 2 ? "data" : "platform";
        }
        List<Node> domains = new ArrayList<>();
        for (int i = 0; i < nDomains; i++) {
          String ns = domainNamespaces[i];
          Node d = node("Domain", ns, rng.pick(AREA));
          d.owner = rng.pick(depts);
          if (i > 0 && rng.chance(0.2)) {
            d.subdomainOf = rng.pick(domains);
          }
          domains.add(d);
        }
        List<Node> systems = new ArrayList<>();
        for (int i = 0; i < nSystems; i++) {
          Node domain = rng.pick(domains);
          Node s = node("System", domain.namespace, rng.pick(AREA) + "-" + rng.pick(ADJ));
          s.owner = rng.pick(owners);
          s.domain = domain;
          systems.add(s);
        }

        List<Node> resources = new ArrayList<>();
        for (int i = 0; i < nResources; i++) {
          Node system = rng.pick(systems);
          String type = rng.pick(RESOURCE_TYPES);
          Node r = node("Resource", system.namespace, rng.pick(AREA) + "-" + type.split("-")[0]);
          r.type = type;
          r.owner = rng.chance(0.8) ? system.owner : rng.pick(owners);
          r.system = system;
          if (!system.systemResources.isEmpty() && rng.chance(0.15)) {
            r.dependsOn.add(rng.pick(system.systemResources));
          }
          system.systemResources.add(r);
          resources.add(r);
        }
        List<Node> apis = new ArrayList<>();
        List<Node> mcpApis = new ArrayList<>();
        for (int i = 0; i < nApis; i++) {
          Node system = rng.pick(systems);
          boolean mcp = g.aiAssets && (mcpApis.isEmpty() || rng.chance(0.03));
          String suffix = mcp ? "mcp" : rng.pick(new String[] {"api", "events", "rpc", "graph"});
          Node a = node("API", system.namespace, rng.pick(AREA) + "-" + suffix);
          a.type = mcp ? "mcp-server" : rng.weighted(API_TYPES, API_TYPE_WEIGHTS);
          a.lifecycle = rng.weighted(LIFECYCLES, LIFECYCLE_WEIGHTS);
          a.owner = rng.chance(0.8) ? system.owner : rng.pick(owners);
          a.system = system;
          system.systemApis.add(a);
          apis.add(a);
          if (mcp) {
            mcpApis.add(a);
          }
        }

        List<Node> datasets = new ArrayList<>();
        for (int i = 0; i < nDatasets; i++) {
          Node d = node("AiResource", "default", rng.pick(AREA) + "-" + rng.pick(new String[] {"events", "history",
              "corpus", "labels", "features"}) + "-" + rng.range(2019, 2026));
          d.type = "dataset";
          d.lifecycle = rng.weighted(LIFECYCLES, LIFECYCLE_WEIGHTS);
          d.owner = rng.pick(owners);
          if (!datasets.isEmpty() && rng.chance(0.15)) {
            d.derivedFrom.add(rng.pick(datasets));
          }
          d.governed = true;
          datasets.add(d);
        }
        List<Node> models = new ArrayList<>();
        for (int i = 0; i < nModels; i++) {
          boolean foundation = i < Math.max(1, nModels / 5);
          Node m = node("AiResource", "default", foundation
              ? rng.pick(MODEL_FAMILIES) + "-" + rng.range(2, 4) + "-" + rng.pick(List.of(1, 3, 8, 70)) + "b"
              : rng.pick(AREA) + "-" + rng.pick(new String[] {"classifier", "ranker", "llm", "embedder", "scorer"}));
          m.type = "model";
          m.lifecycle = rng.weighted(LIFECYCLES, LIFECYCLE_WEIGHTS);
          m.owner = rng.pick(owners);
          m.system = foundation ? null : rng.pick(systems);
          if (!foundation) {
            List<Node> bases = models.subList(0, Math.min(models.size(), Math.max(1, nModels / 5)));
            if (!bases.isEmpty() && rng.chance(0.4)) {
              m.baseModel = rng.pick(bases);
            }
            m.trainedOn.addAll(rng.sample(datasets, rng.range(1, 2)));
            if (rng.chance(0.6)) {
              m.evaluatedOn.addAll(rng.sample(datasets, 1));
            }
          }
          m.governed = true;
          models.add(m);
        }
        List<Node> agents = new ArrayList<>();
        for (int i = 0; i < nAgents; i++) {
          Node a = node("AiResource", "default", rng.pick(AREA) + "-" + rng.pick(new String[] {"ops", "triage",
              "support", "review", "router"}) + "-agent");
          a.type = "agent";
          a.lifecycle = rng.weighted(LIFECYCLES, LIFECYCLE_WEIGHTS);
          a.owner = rng.pick(owners);
          a.model = rng.pick(models);
          a.tools.addAll(rng.sample(mcpApis, rng.range(1, 2)));
          if (!agents.isEmpty() && rng.chance(0.3)) {
            a.handoffs.add(rng.pick(agents));
          }
          a.accessTargets.addAll(rng.sample(resources, rng.range(1, 2)));
          for (Node t : a.accessTargets) {
            t.governed = true;
          }
          a.governed = true;
          agents.add(a);
        }

        List<Node> components = new ArrayList<>();
        Set<Node> provided = new HashSet<>();
        for (int i = 0; i < nComponents; i++) {
          Node system = rng.chance(0.9) ? rng.pick(systems) : null;
          String ns = system == null ? "default" : system.namespace;
          String type = rng.weighted(List.of("service", "website", "library"), new int[] {60, 15, 25});
          Node c = node("Component", ns, rng.pick(AREA) + "-" + rng.pick(PART));
          c.type = type;
          c.lifecycle = rng.weighted(LIFECYCLES, LIFECYCLE_WEIGHTS);
          c.owner = rng.chance(0.05) ? rng.pick(users)
              : system != null && rng.chance(0.8) ? system.owner : rng.pick(owners);
          c.system = system;
          if (type.equals("service") && system != null && !system.systemApis.isEmpty()) {
            List<Node> free = new ArrayList<>();
            for (Node a : system.systemApis) {
              if (!provided.contains(a)) {
                free.add(a);
              }
            }
            int k = rng.weightedInt(new int[] {1, 2, 0}, new int[] {70, 20, 10});
            for (Node a : rng.sample(free.isEmpty() ? system.systemApis : free, k)) {
              c.providesApis.add(a);
              provided.add(a);
            }
          }
          if (!type.equals("library")) {
            c.consumesApis.addAll(rng.sample(apis, rng.weightedInt(new int[] {0, 1, 2, 4}, new int[] {30, 30, 25, 15})));
          }
          if (system != null && !system.systemResources.isEmpty() && type.equals("service")) {
            c.dependsOn.addAll(rng.sample(system.systemResources, rng.range(0, 2)));
          }
          if (!components.isEmpty() && rng.chance(0.4)) {
            c.dependsOn.addAll(rng.sample(components, rng.range(1, 2)));
          }
          if (!models.isEmpty() && type.equals("service") && rng.chance(0.12)) {
            c.dependsOn.add(rng.pick(models.subList(Math.min(models.size() - 1, Math.max(1, nModels / 5)),
                models.size())));
            c.governed = true;
          }
          if (system != null && !system.systemComponents.isEmpty() && rng.chance(0.05)) {
            c.subcomponentOf = rng.pick(system.systemComponents);
          }
          if (system != null) {
            system.systemComponents.add(c);
          }
          components.add(c);
        }
        if (g.aiAssets) {
          for (Node r : resources) {
            if (rng.chance(0.2)) {
              r.governed = true;
            }
          }
        }

        List<Map<String, Object>> out = new ArrayList<>(n);
        for (Node x : groups) {
          Map<String, Object> spec = new LinkedHashMap<>();
          spec.put("type", x.type);
          spec.put("profile", profile(title(x.name), x.name + "@acme.example"));
          if (x.parent != null) {
            spec.put("parent", ref(x.parent, x.namespace, "Group"));
          }
          spec.put("children", refs(x.children, x.namespace, "Group"));
          if (x.listsMembers && !x.members.isEmpty()) {
            spec.put("members", refs(x.members, x.namespace, "User"));
          }
          out.add(entity(x, List.of(), spec));
        }
        for (Node x : users) {
          Map<String, Object> spec = new LinkedHashMap<>();
          spec.put("profile", profile(title(x.first) + " " + title(x.last), x.name + "@acme.example"));
          spec.put("memberOf", refs(x.memberOf, x.namespace, "Group"));
          out.add(entity(x, List.of(), spec));
        }
        for (Node x : domains) {
          Map<String, Object> spec = new LinkedHashMap<>();
          spec.put("owner", ref(x.owner, x.namespace, "Group"));
          if (x.subdomainOf != null) {
            spec.put("subdomainOf", ref(x.subdomainOf, x.namespace, "Domain"));
          }
          out.add(entity(x, List.of(), spec));
        }
        for (Node x : systems) {
          Map<String, Object> spec = new LinkedHashMap<>();
          spec.put("owner", ref(x.owner, x.namespace, "Group"));
          spec.put("domain", ref(x.domain, x.namespace, "Domain"));
          out.add(entity(x, List.of(), spec));
        }
        for (Node x : resources) {
          Map<String, Object> spec = new LinkedHashMap<>();
          spec.put("type", x.type);
          spec.put("owner", ref(x.owner, x.namespace, "Group"));
          spec.put("system", ref(x.system, x.namespace, "System"));
          if (!x.dependsOn.isEmpty()) {
            spec.put("dependsOn", refs(x.dependsOn, x.namespace, null));
          }
          if (x.governed) {
            spec.put("governance", resourceGovernance());
          }
          out.add(entity(x, List.of(), spec));
        }
        for (Node x : apis) {
          Map<String, Object> spec = new LinkedHashMap<>();
          spec.put("type", x.type);
          spec.put("lifecycle", x.lifecycle);
          spec.put("owner", ref(x.owner, x.namespace, "Group"));
          spec.put("system", ref(x.system, x.namespace, "System"));
          if (x.type.equals("mcp-server")) {
            spec.put("remotes", List.of(mapOf("type", "streamable-http", "url",
                "https://mcp." + x.namespace + ".acme.example/" + x.name)));
          } else {
            spec.put("definition", definition(x));
          }
          out.add(entity(x, List.of(x.type), spec));
        }
        for (Node x : components) {
          String[][] tagSets = switch (x.type) {
            case "service" -> SERVICE_TAGS;
            case "website" -> WEBSITE_TAGS;
            default -> LIBRARY_TAGS;
          };
          Map<String, Object> spec = new LinkedHashMap<>();
          spec.put("type", x.type);
          spec.put("lifecycle", x.lifecycle);
          spec.put("owner", ref(x.owner, x.namespace, "Group"));
          if (x.system != null) {
            spec.put("system", ref(x.system, x.namespace, "System"));
          }
          if (x.subcomponentOf != null) {
            spec.put("subcomponentOf", ref(x.subcomponentOf, x.namespace, "Component"));
          }
          if (!x.providesApis.isEmpty()) {
            spec.put("providesApis", refs(x.providesApis, x.namespace, "API"));
          }
          if (!x.consumesApis.isEmpty()) {
            spec.put("consumesApis", refs(x.consumesApis, x.namespace, "API"));
          }
          if (!x.dependsOn.isEmpty()) {
            spec.put("dependsOn", refs(x.dependsOn, x.namespace, null));
          }
          if (x.governed) {
            spec.put("governance", serviceGovernance());
          }
          out.add(entity(x, Arrays.asList(rng.pick(tagSets)), spec));
        }
        for (Node x : datasets) {
          out.add(entity(x, List.of("dataset"), datasetSpec(x)));
        }
        for (Node x : models) {
          out.add(entity(x, List.of("model"), modelSpec(x)));
        }
        for (Node x : agents) {
          out.add(entity(x, List.of("agent"), agentSpec(x, groups)));
        }
        return out;
      }

      private Map<String, Object> entity(Node x, List<String> tags, Map<String, Object> spec) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("name", x.name);
        if (!x.namespace.equals("default") || rng.chance(0.3)) {
          meta.put("namespace", x.namespace);
        }
        meta.put("title", title(x.name));
        meta.put("description", x.kind.equals("User")
            ? title(x.first) + " " + title(x.last) + " is a member of the organization."
            : title(x.name) + " (" + x.refKind() + ") of the Acme organization.");
        if (!x.kind.equals("User") && !x.kind.equals("Group")) {
          Map<String, Object> labels = new LinkedHashMap<>();
          labels.put("tier", String.valueOf(rng.range(1, 3)));
          labels.put("acme.com/cost-center", "cc-" + rng.range(1000, 9999));
          meta.put("labels", labels);
          Map<String, Object> annotations = new LinkedHashMap<>();
          annotations.put("github.com/project-slug", "acme/" + x.name);
          annotations.put("backstage.io/techdocs-ref", "dir:.");
          if (rng.chance(0.3)) {
            annotations.put("pagerduty.com/service-id", "P" + rng.range(100000, 999999));
          }
          meta.put("annotations", annotations);
          if (rng.chance(0.5)) {
            meta.put("links", List.of(mapOf("url", "https://runbooks.acme.example/" + x.namespace + "/" + x.name,
                "title", "Runbook", "icon", "docs")));
          }
        }
        if (!tags.isEmpty()) {
          meta.put("tags", List.copyOf(tags));
        }
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("apiVersion", "backstage.io/v1alpha1");
        e.put("kind", x.kind);
        e.put("metadata", meta);
        e.put("spec", spec);
        return e;
      }

      private Map<String, Object> datasetSpec(Node x) {
        Map<String, Object> spec = base(x);
        spec.put("datasetType", rng.pick(DATASET_TYPES));
        spec.put("location", "s3://acme-lake/curated/" + x.name + "/");
        spec.put("confidentiality", rng.pick(CONFIDENTIALITY));
        spec.put("license", rng.chance(0.8) ? "proprietary" : "cc-by-4.0");
        Map<String, Object> personal = new LinkedHashMap<>();
        boolean present = rng.chance(0.4);
        personal.put("present", present ? "yes" : "no");
        if (present) {
          personal.put("categories", rng.sample(List.of(PERSONAL_CATEGORIES), rng.range(1, 3)));
          personal.put("specialCategories", rng.chance(0.2));
          personal.put("legalBasis", rng.pick(new String[] {"gdpr-6-1-b", "gdpr-6-1-f", "gdpr-6-1-a"}));
          personal.put("retention", "P" + rng.range(1, 10) + "Y");
        }
        spec.put("personalData", personal);
        spec.put("provenance", mapOf("origin", rng.pick(new String[] {"first-party", "third-party", "public",
            "synthetic"}), "collectionProcess", "Exported nightly from the " + x.name.split("-")[0] + " system."));
        if (!x.derivedFrom.isEmpty()) {
          spec.put("derivedFrom", refs(x.derivedFrom, x.namespace, null));
        }
        return spec;
      }

      private Map<String, Object> modelSpec(Node x) {
        Map<String, Object> spec = base(x);
        boolean thirdParty = x.system == null;
        spec.put("provider", thirdParty ? "third-party" : "internal");
        spec.put("hosting", thirdParty && rng.chance(0.5) ? "vendor-api" : "self-hosted");
        spec.put("version", rng.range(1, 4) + "." + rng.range(0, 9) + "." + rng.range(0, 20));
        spec.put("license", rng.pick(LICENSES));
        spec.put("task", rng.pick(MODEL_TASKS));
        spec.put("artifact", mapOf("uri", "oci://registry.acme.example/ml/" + x.name + ":latest",
            "digest", "sha256:" + hex64()));
        if (x.baseModel != null) {
          spec.put("baseModel", ref(x.baseModel, x.namespace, null));
        }
        if (!x.trainedOn.isEmpty()) {
          spec.put("trainedOn", refs(x.trainedOn, x.namespace, null));
        }
        if (!x.evaluatedOn.isEmpty()) {
          spec.put("evaluatedOn", refs(x.evaluatedOn, x.namespace, null));
        }
        spec.put("usesSensitivePersonalInformation", rng.pick(new String[] {"yes", "no", "noAssertion"}));
        int approved = rng.range(0, 300);
        spec.put("approval", mapOf("status", rng.weighted(List.of("approved", "pending", "revoked"),
            new int[] {80, 15, 5}), "approvedBy", ref(rng.pick(depts), x.namespace, null), "date", date(approved),
            "expires", date(approved + 365)));
        return spec;
      }

      private Map<String, Object> agentSpec(Node x, List<Node> groups) {
        Map<String, Object> spec = base(x);
        spec.put("instructions", "Handle " + x.name.split("-")[0] + " requests and hand over to a person when unsure.");
        spec.put("model", ref(x.model, x.namespace, null));
        spec.put("tools", refs(x.tools, x.namespace, null));
        if (!x.handoffs.isEmpty()) {
          spec.put("handoffs", refs(x.handoffs, x.namespace, null));
        }
        spec.put("autonomy", "level" + rng.range(1, 4));
        spec.put("trustLevel", rng.pick(new String[] {"selfDeclared", "thirdPartyReviewed", "unverified"}));
        spec.put("identity", mapOf("serviceAccount", "sa-" + x.name));
        List<Object> grants = new ArrayList<>();
        for (Node t : x.accessTargets) {
          int granted = rng.range(0, 200);
          grants.add(mapOf("target", ref(t, x.namespace, null), "environment", "production",
              "permissions", rng.chance(0.6) ? List.of("read") : List.of("read", "write"),
              "justification", "Reads and updates " + t.name + " records for open requests.",
              "grantedAt", date(granted), "expires", date(granted + rng.range(30, 120))));
        }
        spec.put("accessGrants", grants);
        spec.put("humanOversight", mapOf("mode", rng.pick(new String[] {"human-in-the-loop", "human-on-the-loop"}),
            "reviewers", ref(rng.pick(groups), x.namespace, "Group")));
        spec.put("governance", agentGovernance());
        return spec;
      }

      private Map<String, Object> base(Node x) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("type", x.type);
        spec.put("lifecycle", x.lifecycle);
        spec.put("owner", ref(x.owner, x.namespace, "Group"));
        if (x.system != null) {
          spec.put("system", ref(x.system, x.namespace, "System"));
        }
        return spec;
      }

      private Map<String, Object> serviceGovernance() {
        Map<String, Object> gov = new LinkedHashMap<>();
        gov.put("exposure", rng.weighted(List.of("internet", "partner", "internal"), new int[] {40, 20, 40}));
        gov.put("dataClassification", rng.pick(new String[] {"internal", "confidential", "restricted"}));
        gov.put("interactsWithNaturalPersons", rng.chance(0.6));
        gov.put("euAiAct", mapOf("role", "deployer", "riskTier",
            rng.weighted(List.of("high", "limited", "minimal", "unassessed"), new int[] {20, 40, 30, 10})));
        if (rng.chance(0.7)) {
          int day = rng.range(0, 300);
          gov.put("assessments", List.of(mapOf("type", "dpia", "status",
              rng.weighted(List.of("approved", "in-review", "expired"), new int[] {75, 15, 10}),
              "approvedBy", ref(rng.pick(depts), "default", null), "date", date(day), "expires", date(day + 365),
              "url", "https://grc.acme.example/dpia/" + rng.range(100, 999))));
        }
        return gov;
      }

      private Map<String, Object> resourceGovernance() {
        return mapOf("environment", rng.weighted(List.of("production", "staging", "development"), new int[] {60, 25, 15}),
            "dataClassification", rng.pick(new String[] {"internal", "confidential", "restricted"}));
      }

      private Map<String, Object> agentGovernance() {
        int day = rng.range(0, 300);
        Map<String, Object> gov = new LinkedHashMap<>();
        gov.put("assessments", List.of(mapOf("type", "ai-risk", "status", "approved",
            "approvedBy", ref(rng.pick(depts), "default", null), "date", date(day))));
        gov.put("controls", mapOf("logging", mapOf("enabled", true, "retentionDays", rng.range(90, 400)),
            "killSwitch", "https://runbooks.acme.example/agents#disable"));
        return gov;
      }

      private String hex64() {
        StringBuilder sb = new StringBuilder(64);
        for (int i = 0; i < 64; i++) {
          sb.append(Character.forDigit(rng.nextInt(16), 16));
        }
        return sb.toString();
      }

      private String definition(Node a) {
        if (a.type.equals("openapi")) {
          return "openapi: 3.0.0\ninfo:\n  title: " + title(a.name) + "\n  version: 1.0." + rng.range(0, 9)
              + "\npaths:\n  /" + a.name + ":\n    get:\n      responses:\n        '200':\n          description: OK\n";
        }
        return "# " + a.type + " definition for " + a.name + "\n# see " + a.namespace + "/" + a.name + "\n";
      }
    }
  }

  private static Map<String, Object> profile(String displayName, String email) {
    return mapOf("displayName", displayName, "email", email);
  }

  /** An insertion-ordered map from alternating keys and values. */
  private static Map<String, Object> mapOf(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  static String title(String name) {
    StringBuilder sb = new StringBuilder();
    for (String w : name.split("[-.]")) {
      if (w.isEmpty()) {
        continue;
      }
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(Character.toUpperCase(w.charAt(0))).append(w, 1, w.length());
    }
    return sb.toString();
  }
}
