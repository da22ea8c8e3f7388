package dev.portolan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/** A small catalog on disk and a way to run the CLI against it. */
final class CatalogCliFixture {

  record Run(int exit, String out, String err) {}

  private CatalogCliFixture() {}

  static Run run(String... args) {
    CommandLine cl = PortolanCommand.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  static Path write(Path dir) throws IOException {
    Files.writeString(dir.resolve("catalog-info.yaml"), """
        apiVersion: backstage.io/v1alpha1
        kind: Group
        metadata: {name: team-a}
        spec: {type: team, children: []}
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata: {name: web}
        spec: {type: website, lifecycle: production, owner: team-a, dependsOn: [component:api]}
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata: {name: api}
        spec: {type: service, lifecycle: production, owner: team-a, dependsOn: [resource:db]}
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Resource
        metadata: {name: db}
        spec: {type: database, owner: team-a}
        """);
    return dir;
  }

  static Path writeBroken(Path dir) throws IOException {
    write(dir);
    Files.writeString(dir.resolve("broken.yaml"), """
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata: {name: Bad Name}
        spec: {type: service, lifecycle: production, owner: team-a, dependsOn: [component:ghost]}
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata: {name: lonely}
        spec: {type: service, lifecycle: production, owner: nobody}
        """);
    return dir;
  }
}
