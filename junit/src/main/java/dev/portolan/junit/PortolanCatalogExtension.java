package dev.portolan.junit;

import dev.portolan.catalog.core.Catalog;
import dev.portolan.catalog.core.CatalogSnapshot;
import dev.portolan.catalog.model.Profile;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link PortolanCatalog}: loads the catalog before the first test of a class,
 * keeps it in the class's extension store for every test of the class (and its nested classes), and
 * resolves {@link Catalog} and {@link CatalogSnapshot} parameters. Registered by the annotation; it has no
 * state of its own.
 */
public final class PortolanCatalogExtension implements BeforeAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(PortolanCatalogExtension.class);

  /** Creates the extension; JUnit does, through {@link PortolanCatalog}. */
  public PortolanCatalogExtension() {}

  @Override
  public void beforeAll(ExtensionContext context) {
    if (annotatedContext(context).isPresent()) {
      catalog(context);
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    Class<?> type = parameterContext.getParameter().getType();
    return type == Catalog.class || type == CatalogSnapshot.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    Catalog catalog = catalog(extensionContext);
    return parameterContext.getParameter().getType() == Catalog.class ? catalog : catalog.snapshot();
  }

  private static Catalog catalog(ExtensionContext context) {
    ExtensionContext owner = annotatedContext(context).orElseThrow(() -> new ParameterResolutionException(
        "a Catalog parameter needs @PortolanCatalog on the test class or an enclosing class"));
    Class<?> testClass = owner.getRequiredTestClass();
    PortolanCatalog config = AnnotationSupport.findAnnotation(testClass, PortolanCatalog.class).orElseThrow();
    return owner.getStore(NAMESPACE).getOrComputeIfAbsent(testClass, c -> load(testClass, config), Catalog.class);
  }

  /** The nearest class context whose class carries the annotation (directly, inherited or enclosing). */
  private static Optional<ExtensionContext> annotatedContext(ExtensionContext context) {
    for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
      Optional<Class<?>> type = c.get().getTestClass();
      if (type.isPresent() && c.get().getTestMethod().isEmpty()
          && AnnotationSupport.isAnnotated(type.get(), PortolanCatalog.class)) {
        return c;
      }
    }
    return Optional.empty();
  }

  static Catalog load(Class<?> testClass, PortolanCatalog config) {
    String where = "@PortolanCatalog on " + testClass.getName();
    if (config.paths().length == 0) {
      throw new ExtensionConfigurationException(where + ": paths: expected at least one location, found none");
    }
    Profile profile;
    try {
      profile = Profile.parse(config.profile());
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException(where + ": profile: expected app or core, found '"
          + config.profile() + "'", e);
    }
    Catalog.Builder b = Catalog.builder().profile(profile);
    if (!config.root().isEmpty()) {
      Path root = path(where, "root", config.root());
      if (!Files.isDirectory(root)) {
        throw new ExtensionConfigurationException(where + ": root: expected a directory, found "
            + (Files.exists(root) ? "a file" : "nothing") + " at " + config.root());
      }
      b.root(root);
    }
    for (String p : config.paths()) {
      if (!isGlob(p) && !p.startsWith("file:") && !Files.exists(path(where, "paths", p))) {
        throw new ExtensionConfigurationException(where + ": paths: expected an existing file or directory, "
            + "found nothing at " + p + " (relative to " + Path.of("").toAbsolutePath() + ")");
      }
      b.location(p);
    }
    return b.build();
  }

  private static boolean isGlob(String p) {
    return p.indexOf('*') >= 0 || p.indexOf('?') >= 0 || p.indexOf('{') >= 0 || p.indexOf('[') >= 0;
  }

  private static Path path(String where, String attribute, String value) {
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new ExtensionConfigurationException(where + ": " + attribute + ": expected a path, found '" + value
          + "'", e);
    }
  }
}
