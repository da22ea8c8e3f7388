package dev.portolan.cli;

import dev.portolan.catalog.core.Catalog;
import dev.portolan.catalog.model.Profile;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;

/** Loads a catalog from command-line paths; shared by the catalog commands. */
final class CatalogLoading {

  private CatalogLoading() {}

  static Profile profile(String name, CommandLine cmd) {
    try {
      return Profile.parse(name);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cmd, e.getMessage());
    }
  }

  static Catalog load(List<Path> paths, Profile profile, CommandLine cmd) {
    PathArguments.requireExisting(cmd, paths);
    Catalog.Builder b = Catalog.builder().profile(profile);
    paths.forEach(b::location);
    return b.build();
  }
}
