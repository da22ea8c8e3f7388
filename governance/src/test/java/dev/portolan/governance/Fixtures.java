package dev.portolan.governance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Shared test fixtures: the example catalog of the governance specification and a fixed clock. */
final class Fixtures {

  static final LocalDate AS_OF = LocalDate.of(2026, 7, 1);

  private Fixtures() {}

  static Clock clock() {
    return clock(AS_OF);
  }

  static Clock clock(LocalDate date) {
    return Clock.fixed(date.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
  }

  static String resource(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static AssetCatalog example() {
    return AssetCatalog.builder().addYaml(resource("example-catalog.yaml"), "example-catalog.yaml").build();
  }

  static AssetCatalog catalog(String yaml) {
    return AssetCatalog.builder().addYaml(yaml, "catalog.yaml").build();
  }

  static Governance builtIn() {
    return Governance.builder().builtInPacks().clock(clock()).build();
  }

  static Path shared() {
    return Path.of(System.getProperty("portolan.shared.dir", "/work/shared"));
  }
}
