package dev.portolan.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Loads a catalog once per test class and injects it into constructors, lifecycle methods and test methods
 * that declare a parameter of type {@link dev.portolan.catalog.core.Catalog} or
 * {@link dev.portolan.catalog.core.CatalogSnapshot}.
 *
 * <pre>
 * &#64;PortolanCatalog(paths = "src/main/catalog")
 * class CatalogInvariantsTest {
 *   &#64;Test
 *   void catalog_isHealthy(CatalogSnapshot catalog) {
 *     CatalogAssert.assertThat(catalog).hasNoErrors().everyComponentOwnedByExistingGroup();
 *   }
 * }
 * </pre>
 *
 * A path that does not exist fails every test of the class with a message naming it; problems inside the
 * catalog (invalid entities, dangling relations) do not, they are what {@link CatalogAssert} checks.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(PortolanCatalogExtension.class)
public @interface PortolanCatalog {

  /**
   * The catalog's locations: files, directories (every {@code *.yaml} and {@code *.yml} below them) or
   * globs, relative to the working directory of the test run (the module directory under Maven and Gradle).
   *
   * @return the locations, at least one
   */
  String[] paths();

  /**
   * The Backstage backend whose verdicts to follow.
   *
   * @return {@code app} (default: catalog, scaffolder and AI modules) or {@code core}
   */
  String profile() default "app";

  /**
   * The catalog root: placeholders and Location targets may only read files below it. Empty (default):
   * each location's own directory.
   *
   * @return the root directory, or empty
   */
  String root() default "";
}
