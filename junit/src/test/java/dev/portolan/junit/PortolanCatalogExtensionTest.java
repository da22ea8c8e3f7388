package dev.portolan.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.portolan.catalog.core.Catalog;
import dev.portolan.catalog.core.CatalogSnapshot;
import dev.portolan.catalog.model.Profile;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

class PortolanCatalogExtensionTest {

  private static Events run(Class<?> testClass) {
    return execute(testClass).allEvents();
  }

  private static Events tests(Class<?> testClass) {
    return execute(testClass).testEvents();
  }

  private static EngineExecutionResults execute(Class<?> testClass) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute();
  }

  @Test
  void extension_twoTestsAndNestedClass_shareOneCatalog() {
    SharedCatalog.seen.clear();
    tests(SharedCatalog.class).assertStatistics(s -> s.failed(0).succeeded(3));
    assertThat(SharedCatalog.seen).hasSize(3);
    assertThat(SharedCatalog.seen).allSatisfy(c -> assertThat(c).isSameAs(SharedCatalog.seen.get(0)));
  }

  @Test
  void extension_snapshotAndCatalogParameters_injected() {
    tests(Injection.class).assertStatistics(s -> s.failed(0).succeeded(1));
  }

  @Test
  void extension_missingPath_failsWithTheAttributeAndPath() {
    run(MissingPath.class).assertThatEvents().haveExactly(1, event(finishedWithFailure(
        instanceOf(ExtensionConfigurationException.class),
        message(m -> m.startsWith("@PortolanCatalog on " + MissingPath.class.getName()
            + ": paths: expected an existing file or directory, found nothing at src/test/resources/nope")))));
  }

  @Test
  void extension_unknownProfile_failsNamingIt() {
    run(BadProfile.class).assertThatEvents().haveExactly(1, event(finishedWithFailure(
        instanceOf(ExtensionConfigurationException.class),
        message("@PortolanCatalog on " + BadProfile.class.getName()
            + ": profile: expected app or core, found 'galaxy'"))));
  }

  @Test
  void extension_rootIsAFile_failsNamingIt() {
    run(BadRoot.class).assertThatEvents().haveExactly(1, event(finishedWithFailure(
        instanceOf(ExtensionConfigurationException.class),
        message("@PortolanCatalog on " + BadRoot.class.getName()
            + ": root: expected a directory, found a file at src/test/resources/catalogs/healthy/catalog-info.yaml"))));
  }

  @Test
  void parameter_withoutAnnotation_notResolved() {
    run(NoAnnotation.class).assertThatEvents().haveExactly(1, event(test(), finishedWithFailure(
        instanceOf(ParameterResolutionException.class),
        message("a Catalog parameter needs @PortolanCatalog on the test class or an enclosing class"))));
  }

  @Test
  void parameter_otherTypes_leftToOtherResolvers() {
    run(OtherParameter.class).assertThatEvents().haveExactly(1, event(test(), finishedWithFailure(
        instanceOf(ParameterResolutionException.class),
        message(m -> m.contains("No ParameterResolver registered for parameter [java.lang.String")))));
  }

  @PortolanCatalog(paths = "src/test/resources/catalogs/healthy")
  static class SharedCatalog {
    static final java.util.List<Catalog> seen = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Test
    void first(Catalog catalog) {
      seen.add(catalog);
    }

    @Test
    void second(Catalog catalog) {
      seen.add(catalog);
    }

    @Nested
    class Inner {
      @Test
      void nested(Catalog catalog) {
        seen.add(catalog);
      }
    }
  }

  @PortolanCatalog(paths = {"src/test/resources/catalogs/healthy/catalog-info.yaml",
      "src/test/resources/catalogs/governed/catalog-*.yaml"}, profile = "core", root = "src/test/resources/catalogs")
  static class Injection {
    private final CatalogSnapshot fromConstructor;

    Injection(CatalogSnapshot snapshot) {
      this.fromConstructor = snapshot;
    }

    @Test
    void injected(Catalog catalog, CatalogSnapshot snapshot) {
      assertThat(catalog.profile()).isEqualTo(Profile.CORE);
      assertThat(snapshot).isSameAs(catalog.snapshot()).isSameAs(fromConstructor);
      assertThat(snapshot.entity("component:default/checkout")).isPresent();
      assertThat(snapshot.entity("component:default/indexer")).isPresent();
      CatalogAssert.assertThat(snapshot).allEntitiesValid();
    }
  }

  @PortolanCatalog(paths = "src/test/resources/nope")
  static class MissingPath {
    @Test
    void never(Catalog catalog) {
      assertThat(catalog).isNotNull();
    }
  }

  @PortolanCatalog(paths = "src/test/resources/catalogs/healthy", profile = "galaxy")
  static class BadProfile {
    @Test
    void never() {
      assertThat(this).isNotNull();
    }
  }

  @PortolanCatalog(paths = "src/test/resources/catalogs/healthy",
      root = "src/test/resources/catalogs/healthy/catalog-info.yaml")
  static class BadRoot {
    @Test
    void never() {
      assertThat(this).isNotNull();
    }
  }

  @ExtendWith(PortolanCatalogExtension.class)
  static class NoAnnotation {
    @Test
    void needsCatalog(Catalog catalog) {
      assertThat(catalog).isNotNull();
    }
  }

  @PortolanCatalog(paths = "src/test/resources/catalogs/healthy")
  static class OtherParameter {
    @Test
    void needsString(String text) {
      assertThat(text).isNotNull();
    }
  }
}
