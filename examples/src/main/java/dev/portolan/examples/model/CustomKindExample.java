package dev.portolan.examples.model;

import dev.portolan.catalog.model.CatalogModel;
import dev.portolan.catalog.model.DocumentResult;
import dev.portolan.catalog.model.FieldPath;
import dev.portolan.catalog.model.KindDefinition;
import dev.portolan.catalog.model.KindViolation;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds two kinds of your own to the catalog model and validates documents of them.
 *
 * <p>Backstage rejects a kind no processor knows; so does Portolan, until you register it. A
 * {@link KindDefinition} names the exact {@code apiVersion} and {@code kind} and says how to check them:
 *
 * <ul>
 *   <li>{@link KindDefinition#ofSchema} with a JSON Schema (draft-07) applied to the whole entity; errors
 *       are located at the offending field, with line and column;
 *   <li>{@link KindDefinition#ofValidator} with Java code that returns a {@link KindViolation} per problem,
 *       each naming its {@link FieldPath}.
 * </ul>
 *
 * <p>Kinds are passed to the builder, so two models in one JVM can know different kinds.
 */
public final class CustomKindExample {

  /** {@code acme.com/v1 Product}: a product must name its owner and a tier between 1 and 3. */
  static final String PRODUCT_SCHEMA = """
      {
        "type": "object",
        "required": ["spec"],
        "properties": {
          "spec": {
            "type": "object",
            "required": ["owner", "tier"],
            "properties": {
              "owner": {"type": "string", "minLength": 1},
              "tier": {"type": "integer", "minimum": 1, "maximum": 3}
            }
          }
        }
      }
      """;

  static final String DOCUMENTS = """
      apiVersion: acme.com/v1
      kind: Product
      metadata:
        name: checkout
      spec:
        owner: team-a
        tier: 7
      ---
      apiVersion: acme.com/v1
      kind: CostCentre
      metadata:
        name: cc-42
      spec:
        code: CC42
      ---
      apiVersion: acme.com/v1
      kind: Product
      metadata:
        name: search
      spec:
        owner: team-b
        tier: 2
      """;

  private CustomKindExample() {}

  /**
   * A model that knows {@code Product} (by JSON Schema) and {@code CostCentre} (by Java code).
   *
   * @return the model
   */
  public static CatalogModel model() {
    return CatalogModel.builder()
        .kind(KindDefinition.ofSchema("acme.com/v1", "Product", PRODUCT_SCHEMA))
        .kind(KindDefinition.ofValidator("acme.com/v1", "CostCentre", entity -> {
          List<KindViolation> problems = new ArrayList<>();
          String code = entity.specString("code").orElse("");
          if (!code.matches("CC-\\d+")) {
            problems.add(new KindViolation(FieldPath.of("spec", "code"),
                "expected a cost centre code like CC-42, found \"" + code + "\""));
          }
          return problems;
        }))
        .build();
  }

  /**
   * Validates the sample documents: {@code ref valid} or {@code ref invalid} then one indented line per
   * problem.
   *
   * @return the report lines
   */
  public static List<String> report() {
    List<String> lines = new ArrayList<>();
    for (DocumentResult result : model().validate("products.yaml", DOCUMENTS)) {
      String ref = result.ref().map(Object::toString).orElse("document " + result.documentIndex());
      lines.add(ref + (result.valid() ? " valid" : " invalid"));
      result.violations().forEach(v -> lines.add("  " + v));
    }
    return lines;
  }

  /**
   * Prints the report.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    report().forEach(System.out::println);
  }
}
