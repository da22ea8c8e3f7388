package dev.portolan.examples.model;

import dev.portolan.catalog.model.CatalogModel;
import dev.portolan.catalog.model.DocumentResult;
import dev.portolan.catalog.model.Violation;
import java.util.List;

/**
 * Validates catalog descriptors from Java and prints every problem with its location.
 *
 * <p>Build a {@link CatalogModel} once (it is immutable and thread-safe) and hand it files, folders or
 * text. Each document gets a {@link DocumentResult}: the verdict Backstage would give, and every
 * {@link Violation} found, already formatted as {@code file:line:column: entity ref: field path: message}.
 *
 * <pre>{@code
 * CatalogModel model = CatalogModel.builder().build();
 * for (DocumentResult r : model.validate("catalog-info.yaml", yaml)) {
 *   r.violations().forEach(System.err::println);
 * }
 * }</pre>
 *
 * <p>{@code model.validateTree(Path.of("catalog"))} does the same for every descriptor under a folder.
 */
public final class ValidateDescriptorsExample {

  /** Two documents in one file: a valid component, and one with a bad name and an unparsable ref. */
  static final String CATALOG_INFO = """
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata:
        name: payments
      spec:
        type: service
        lifecycle: production
        owner: team-a
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata:
        name: bad name
      spec:
        type: service
        lifecycle: production
        owner: team-a
        dependsOn: [database]
      """;

  private ValidateDescriptorsExample() {}

  /**
   * Validates {@code text} as if read from a file named {@code name}.
   *
   * @param name the file name used in messages
   * @param text the YAML or JSON text, one or more documents
   * @return one line per problem, {@code file:line:column: ref: path: message}; empty when all are valid
   */
  public static List<String> problems(String name, String text) {
    CatalogModel model = CatalogModel.builder().build();
    return model.validate(name, text).stream()
        .flatMap(result -> result.violations().stream())
        .map(Violation::toString)
        .toList();
  }

  /**
   * Prints the problems of a sample {@code catalog-info.yaml}.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    problems("catalog-info.yaml", CATALOG_INFO).forEach(System.out::println);
  }
}
