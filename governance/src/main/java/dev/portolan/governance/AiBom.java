package dev.portolan.governance;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.governance.internal.Fields;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Exports the AI inventory of a catalog as a CycloneDX 1.6 ML-BOM (JSON): models as {@code
 * machine-learning-model} components with model cards, datasets as {@code data} components, base models as
 * pedigree ancestors, and the agents, model servers, tool servers and services that use them as {@code
 * services}; lineage and use are {@code dependencies}. Facts CycloneDX has no field for are kept as {@code
 * portolan:*} properties. The output is deterministic for a catalog and a date.
 *
 * <p>The JSON is written with Jackson: the CycloneDX Java library pulls in Jackson and
 * json-schema-validator versions that do not converge with the rest of Portolan.
 */
public final class AiBom {

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
      .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final Pattern HASH = Pattern.compile("^(?i)(sha-?256|sha-?384|sha-?512|sha-?1|md5):([a-f0-9]+)$");
  private static final Map<String, String> SPDX = spdx();

  private final Clock clock;
  private final String toolVersion;

  private AiBom(Builder b) {
    this.clock = b.clock;
    this.toolVersion = b.toolVersion;
  }

  /**
   * Starts a builder (system clock in UTC).
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Exports a catalog.
   *
   * @param catalog the catalog
   * @return the BOM as a JSON tree
   */
  public JsonNode export(AssetCatalog catalog) {
    ObjectNode bom = F.objectNode();
    bom.put("bomFormat", "CycloneDX");
    bom.put("specVersion", "1.6");
    bom.put("serialNumber", "urn:uuid:PLACEHOLDER");
    bom.put("version", 1);
    ObjectNode meta = bom.putObject("metadata");
    meta.put("timestamp", LocalDate.now(clock) + "T00:00:00Z");
    ObjectNode tool = meta.putObject("tools").putArray("components").addObject();
    tool.put("type", "application").put("name", "portolan").put("version", toolVersion);

    ArrayNode components = bom.putArray("components");
    ArrayNode services = bom.putArray("services");
    Map<String, Set<String>> deps = new LinkedHashMap<>();
    Set<String> exported = new LinkedHashSet<>();
    for (Asset a : catalog.assets()) {
      if (a.assetType() == AssetType.MODEL || a.assetType() == AssetType.DATASET) {
        exported.add(a.ref());
      }
    }
    for (Asset a : catalog.assets()) {
      if (usesAi(catalog, a)) {
        exported.add(a.ref());
      }
    }
    for (String ref : exported) {
      Asset a = catalog.get(ref).orElseThrow();
      switch (a.assetType()) {
        case MODEL:
          components.add(model(catalog, a, exported));
          break;
        case DATASET:
          components.add(dataset(catalog, a));
          break;
        default:
          services.add(service(catalog, a));
          break;
      }
      Set<String> d = new LinkedHashSet<>();
      for (Relation r : List.of(Relation.USES_MODEL, Relation.SERVES_MODEL, Relation.TRAINED_ON, Relation.EVALUATED_ON,
          Relation.DERIVED_FROM, Relation.RETRIEVES_FROM, Relation.USES_TOOL, Relation.DELEGATES_TO)) {
        for (Edge e : catalog.edges(ref, r)) {
          if (exported.contains(e.target())) {
            d.add(e.target());
          }
        }
      }
      deps.put(ref, d);
    }
    if (services.isEmpty()) {
      bom.remove("services");
    }
    ArrayNode dependencies = bom.putArray("dependencies");
    deps.forEach((ref, on) -> {
      ObjectNode o = dependencies.addObject();
      o.put("ref", ref);
      ArrayNode arr = o.putArray("dependsOn");
      on.forEach(arr::add);
    });
    String digest = bom.toString();
    bom.put("serialNumber", "urn:uuid:" + UUID.nameUUIDFromBytes(digest.getBytes(StandardCharsets.UTF_8)));
    return bom;
  }

  /**
   * Exports a catalog as JSON text.
   *
   * @param catalog the catalog
   * @param out where to write; not closed
   * @throws UncheckedIOException when writing fails
   */
  public void write(AssetCatalog catalog, Writer out) {
    try {
      MAPPER.writeValue(out, export(catalog));
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Exports a catalog as a JSON string.
   *
   * @param catalog the catalog
   * @return the BOM
   */
  public String toJson(AssetCatalog catalog) {
    StringWriter w = new StringWriter();
    write(catalog, w);
    return w.toString();
  }

  private static boolean usesAi(AssetCatalog catalog, Asset a) {
    switch (a.assetType()) {
      case AGENT:
      case MODEL_SERVER:
      case TOOL_SERVER:
        return true;
      case OTHER:
        return !catalog.edges(a.ref(), Relation.USES_MODEL).isEmpty()
            || !catalog.edges(a.ref(), Relation.RETRIEVES_FROM).isEmpty();
      default:
        return false;
    }
  }

  private static ObjectNode base(Asset a, String type) {
    ObjectNode c = F.objectNode();
    if (type != null) {
      c.put("type", type);
    }
    c.put("bom-ref", a.ref());
    c.put("name", a.text("metadata.name").orElse(a.ref()));
    a.text("spec.version").ifPresent(v -> c.put("version", v));
    String desc = a.text("metadata.description").or(() -> a.text("metadata.title")).orElse(null);
    if (desc != null) {
      c.put("description", desc);
    }
    return c;
  }

  private ObjectNode model(AssetCatalog catalog, Asset a, Set<String> exported) {
    ObjectNode c = base(a, "machine-learning-model");
    a.text("spec.supplier").ifPresent(s -> c.putObject("supplier").put("name", s));
    licenses(a, c);
    a.text("spec.artifact.digest").ifPresent(d -> {
      java.util.regex.Matcher m = HASH.matcher(d.trim());
      if (m.matches() && List.of(32, 40, 64, 96, 128).contains(m.group(2).length())) {
        String alg = m.group(1).toUpperCase(Locale.ROOT).replace("SHA", "SHA-").replace("SHA--", "SHA-");
        c.putArray("hashes").addObject().put("alg", alg.equals("SHA-1") ? "SHA-1" : alg).put("content", m.group(2).toLowerCase(Locale.ROOT));
      }
    });
    ArrayNode ext = F.arrayNode();
    a.text("spec.modelCard.url").ifPresent(u -> ref(ext, "model-card", u));
    a.text("spec.artifact.uri").ifPresent(u -> ref(ext, "distribution", u));
    a.text("spec.trainingDataDisclosure").filter(u -> u.startsWith("http")).ifPresent(u -> ref(ext, "documentation", u));
    evidence(a, ext);
    if (ext.size() > 0) {
      c.set("externalReferences", ext);
    }
    ObjectNode card = c.putObject("modelCard");
    ObjectNode params = card.putObject("modelParameters");
    a.text("spec.task").ifPresent(t -> params.put("task", t));
    ArrayNode datasets = params.putArray("datasets");
    for (Relation r : List.of(Relation.TRAINED_ON, Relation.EVALUATED_ON)) {
      for (Edge e : catalog.edges(a.ref(), r)) {
        if (exported.contains(e.target())) {
          datasets.addObject().put("ref", e.target());
        }
      }
    }
    if (datasets.isEmpty()) {
      params.remove("datasets");
    }
    if (params.isEmpty()) {
      card.remove("modelParameters");
    }
    JsonNode metrics = a.field("spec.modelCard.metrics").orElse(null);
    if (metrics != null && metrics.isArray() && metrics.size() > 0) {
      ArrayNode pm = card.putObject("quantitativeAnalysis").putArray("performanceMetrics");
      for (JsonNode m : metrics) {
        ObjectNode o = pm.addObject();
        Fields.text(m.path("name")).ifPresent(v -> o.put("type", v));
        Fields.text(m.path("value")).ifPresent(v -> o.put("value", v));
        Fields.text(m.path("slice")).or(() -> Fields.text(m.path("dataset"))).ifPresent(v -> o.put("slice", v));
      }
    }
    ObjectNode cons = F.objectNode();
    a.text("spec.modelCard.intendedUse").ifPresent(u -> cons.putArray("useCases").add(u));
    List<String> limits = Fields.texts(a.field("spec.modelCard.limitations").orElse(null));
    if (!limits.isEmpty()) {
      ArrayNode l = cons.putArray("technicalLimitations");
      limits.forEach(l::add);
    }
    if (!cons.isEmpty()) {
      card.set("considerations", cons);
    }
    if (card.isEmpty()) {
      c.remove("modelCard");
    }
    List<Edge> bases = catalog.edges(a.ref(), Relation.DERIVED_FROM);
    if (!bases.isEmpty()) {
      ArrayNode anc = c.putObject("pedigree").putArray("ancestors");
      for (Edge e : bases) {
        ObjectNode o = anc.addObject();
        o.put("type", "machine-learning-model");
        Asset b = catalog.get(e.target()).orElse(null);
        o.put("name", b != null ? b.text("metadata.name").orElse(e.target()) : dev.portolan.governance.internal.Refs.name(e.target()));
        if (b != null) {
          b.text("spec.version").ifPresent(v -> o.put("version", v));
          o.putArray("properties").addObject().put("name", "portolan:entityRef").put("value", e.target());
        } else {
          o.putArray("properties").addObject().put("name", "portolan:unresolvedRef").put("value", e.target());
        }
      }
    }
    ArrayNode props = properties(a);
    for (String f : List.of("provider", "hosting", "usesSensitivePersonalInformation", "approval.status", "approval.expires",
        "gpai.isGpai", "gpai.systemicRisk")) {
      a.text("spec." + f).ifPresent(v -> props.addObject().put("name", "portolan:" + f).put("value", v));
    }
    unresolved(catalog, a, props);
    if (props.size() > 0) {
      c.set("properties", props);
    }
    return c;
  }

  private ObjectNode dataset(AssetCatalog catalog, Asset a) {
    ObjectNode c = base(a, "data");
    licenses(a, c);
    ObjectNode d = c.putArray("data").addObject();
    d.put("type", "dataset");
    d.put("name", a.text("metadata.name").orElse(a.ref()));
    a.text("spec.location").filter(AiBom::isUri).ifPresent(u -> d.putObject("contents").put("url", u));
    a.text("spec.confidentiality").ifPresent(v -> d.put("classification", v));
    List<String> sensitive = new ArrayList<>();
    if (a.text("spec.personalData.present").map("yes"::equalsIgnoreCase).orElse(false)) {
      sensitive.add("personal-data");
      Fields.texts(a.field("spec.personalData.categories").orElse(null)).forEach(s -> sensitive.add("personal-data:" + s));
      if (a.text("spec.personalData.specialCategories").map("yes"::equalsIgnoreCase).orElse(false)) {
        sensitive.add("special-category-data");
      }
    }
    if (!sensitive.isEmpty()) {
      ArrayNode s = d.putArray("sensitiveData");
      sensitive.forEach(s::add);
    }
    a.text("metadata.description").ifPresent(v -> d.put("description", v));
    a.text("spec.owner").ifPresent(o -> d.putObject("governance").putArray("owners").addObject()
        .putObject("organization").put("name", o));
    ArrayNode ext = F.arrayNode();
    a.text("spec.datasheet").ifPresent(u -> ref(ext, "documentation", u));
    evidence(a, ext);
    if (ext.size() > 0) {
      c.set("externalReferences", ext);
    }
    ArrayNode props = properties(a);
    for (String f : List.of("datasetType", "personalData.present", "personalData.legalBasis", "personalData.retention",
        "provenance.origin")) {
      a.text("spec." + f).ifPresent(v -> props.addObject().put("name", "portolan:" + f).put("value", v));
    }
    unresolved(catalog, a, props);
    if (props.size() > 0) {
      c.set("properties", props);
    }
    return c;
  }

  private ObjectNode service(AssetCatalog catalog, Asset a) {
    ObjectNode c = base(a, null);
    List<String> endpoints = new ArrayList<>();
    JsonNode remotes = a.field("spec.remotes").orElse(null);
    if (remotes != null && remotes.isArray()) {
      for (JsonNode r : remotes) {
        Fields.text(r.path("url")).filter(AiBom::isUri).ifPresent(endpoints::add);
      }
    }
    a.text("spec.serverUrl").filter(AiBom::isUri).ifPresent(endpoints::add);
    if (!endpoints.isEmpty()) {
      ArrayNode e = c.putArray("endpoints");
      endpoints.stream().distinct().forEach(e::add);
    }
    a.text("spec.requiresApiKey").or(() -> a.text("spec.authenticated"))
        .ifPresent(v -> c.put("authenticated", v.equalsIgnoreCase("yes")));
    a.text("spec.governance.exposure").ifPresent(v -> c.put("x-trust-boundary", v.equalsIgnoreCase("internet") || v.equalsIgnoreCase("partner")));
    ArrayNode data = F.arrayNode();
    for (Edge e : catalog.edges(a.ref(), Relation.HAS_ACCESS_TO)) {
      ObjectNode o = data.addObject();
      Object perms = e.attributes().get("permissions");
      boolean write = perms instanceof List && ((List<?>) perms).stream().anyMatch(p -> !"read".equals(p));
      o.put("flow", write ? "bi-directional" : "inbound");
      Asset t = catalog.get(e.target()).orElse(null);
      o.put("classification", t == null ? "unknown" : t.text("spec.governance.dataClassification").or(() -> t.text("spec.confidentiality")).orElse("unknown"));
      o.putArray("source").add(e.target());
    }
    for (Edge e : catalog.edges(a.ref(), Relation.RETRIEVES_FROM)) {
      Asset t = catalog.get(e.target()).orElse(null);
      ObjectNode o = data.addObject();
      o.put("flow", "inbound");
      o.put("classification", t == null ? "unknown" : t.text("spec.confidentiality").or(() -> t.text("spec.governance.dataClassification")).orElse("unknown"));
      o.putArray("source").add(e.target());
    }
    if (data.size() > 0) {
      c.set("data", data);
    }
    ArrayNode ext = F.arrayNode();
    evidence(a, ext);
    if (ext.size() > 0) {
      c.set("externalReferences", ext);
    }
    ArrayNode props = properties(a);
    props.addObject().put("name", "portolan:assetType").put("value", a.assetType().label());
    for (String f : List.of("autonomy", "trustLevel", "humanOversight.mode", "identity.serviceAccount",
        "governance.euAiAct.riskTier", "governance.euAiAct.role")) {
      a.text("spec." + f).ifPresent(v -> props.addObject().put("name", "portolan:" + f).put("value", v));
    }
    for (Edge e : catalog.edges(a.ref(), Relation.HAS_ACCESS_TO)) {
      props.addObject().put("name", "portolan:accessGrant").put("value", e.target() + " " + e.attributes().getOrDefault("environment", "")
          + " " + e.attributes().getOrDefault("permissions", List.of()) + " expires " + e.attributes().getOrDefault("expires", "never"));
    }
    unresolved(catalog, a, props);
    c.set("properties", props);
    return c;
  }

  private static ArrayNode properties(Asset a) {
    ArrayNode props = F.arrayNode();
    props.addObject().put("name", "portolan:entityRef").put("value", a.ref());
    props.addObject().put("name", "portolan:kind").put("value", a.kind());
    a.text("spec.type").ifPresent(t -> props.addObject().put("name", "portolan:type").put("value", t));
    a.text("spec.owner").ifPresent(t -> props.addObject().put("name", "portolan:owner").put("value", t));
    a.text("spec.lifecycle").ifPresent(t -> props.addObject().put("name", "portolan:lifecycle").put("value", t));
    return props;
  }

  private static void unresolved(AssetCatalog catalog, Asset a, ArrayNode props) {
    for (Edge e : catalog.edges(a.ref())) {
      if (!e.resolved() && e.relation() != Relation.OWNED_BY && e.relation() != Relation.PART_OF
          && e.relation() != Relation.DEPENDS_ON && e.relation() != Relation.DERIVED_FROM) {
        props.addObject().put("name", "portolan:unresolved:" + e.relation().id()).put("value", e.target());
      }
    }
  }

  private static void evidence(Asset a, ArrayNode ext) {
    JsonNode list = a.field("spec.governance.assessments").orElse(null);
    if (list == null || !list.isArray()) {
      return;
    }
    for (JsonNode e : list) {
      String url = Fields.text(e.path("url")).orElse(null);
      if (url == null) {
        continue;
      }
      String type = Fields.text(e.path("type")).orElse("");
      String cdx;
      switch (type) {
        case "technical-documentation":
        case "instructions-for-use":
        case "downstream-documentation":
          cdx = "documentation";
          break;
        case "conformity":
          cdx = "certification-report";
          break;
        case "dpia":
        case "fria":
        case "ai-risk":
        case "risk-management":
        case "bias-audit":
        case "vendor":
        case "art6-3":
          cdx = "risk-assessment";
          break;
        default:
          cdx = "other";
          break;
      }
      ObjectNode o = ref(ext, cdx, url);
      if (o != null) {
        o.put("comment", type + " " + Fields.text(e.path("status")).orElse("") + " " + Fields.text(e.path("date")).orElse(""));
      }
    }
  }

  private static ObjectNode ref(ArrayNode ext, String type, String url) {
    if (!isUri(url)) {
      return null;
    }
    ObjectNode o = ext.addObject();
    o.put("type", type).put("url", url);
    return o;
  }

  private static boolean isUri(String s) {
    try {
      URI u = new URI(s);
      return u.getScheme() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static void licenses(Asset a, ObjectNode c) {
    a.text("spec.license").ifPresent(l -> {
      ObjectNode lic = c.putArray("licenses").addObject().putObject("license");
      String id = SPDX.get(l.toLowerCase(Locale.ROOT));
      if (id != null) {
        lic.put("id", id);
      } else {
        lic.put("name", l);
      }
    });
  }

  private static Map<String, String> spdx() {
    Map<String, String> m = new LinkedHashMap<>();
    for (String id : List.of("Apache-2.0", "MIT", "BSD-2-Clause", "BSD-3-Clause", "GPL-2.0-only", "GPL-3.0-only",
        "LGPL-3.0-only", "MPL-2.0", "CC0-1.0", "CC-BY-4.0", "CC-BY-SA-4.0", "CC-BY-NC-4.0", "CC-BY-NC-SA-4.0",
        "CC-BY-NC-ND-4.0", "ODbL-1.0", "OpenRAIL", "Unlicense", "AGPL-3.0-only", "EPL-2.0", "ISC")) {
      m.put(id.toLowerCase(Locale.ROOT), id);
    }
    return Map.copyOf(m);
  }

  /** Configures an {@link AiBom}. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private String toolVersion = "0.1.0-SNAPSHOT";

    private Builder() {}

    /**
     * Sets the clock whose date becomes {@code metadata.timestamp}.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /**
     * Sets the tool version recorded in {@code metadata.tools}.
     *
     * @param version the version
     * @return this builder
     */
    public Builder toolVersion(String version) {
      this.toolVersion = Objects.requireNonNull(version);
      return this;
    }

    /**
     * Builds the exporter.
     *
     * @return an immutable, thread-safe exporter
     */
    public AiBom build() {
      return new AiBom(this);
    }
  }
}
