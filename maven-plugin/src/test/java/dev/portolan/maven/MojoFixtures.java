package dev.portolan.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Small projects on disk and configured goals for the goal tests. */
final class MojoFixtures {

  static final String VALID = """
      apiVersion: backstage.io/v1alpha1
      kind: Group
      metadata:
        name: team-a
      spec:
        type: team
        children: []
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata:
        name: svc
      spec:
        type: service
        lifecycle: production
        owner: team-a
      """;

  private MojoFixtures() {}

  static Path write(Path dir, String file, String text) throws IOException {
    Path p = dir.resolve(file);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  static <T extends AbstractCatalogMojo> T configure(T mojo, Path project) {
    mojo.basedir = project.toFile();
    mojo.profile = "app";
    mojo.reportDirectory = project.resolve("target/portolan").toFile();
    mojo.formats = new ArrayList<>(List.of("sarif", "junit"));
    mojo.failOnError = true;
    return mojo;
  }
}
