package dev.portolan.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.core.Catalog;
import dev.portolan.catalog.core.CatalogSnapshot;
import dev.portolan.catalog.core.EntityGraph;
import dev.portolan.catalog.core.Relation;
import dev.portolan.catalog.core.Subgraph;
import dev.portolan.catalog.core.WellKnownRelation;
import dev.portolan.catalog.model.EntityRef;
import dev.portolan.catalog.model.InvalidEntityRefException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code portolan graph}: the dependencies or dependents of an entity, as DOT, Mermaid or JSON. */
@Command(name = "graph", mixinStandardHelpOptions = true,
    description = "Follows dependsOn relations from an entity (dependencies) or into it (dependents).")
public final class GraphCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "files, directories or globs")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--entity", required = true, paramLabel = "REF", description = "e.g. component:default/petstore")
  String entity;

  @Option(names = "--direction", defaultValue = "dependencies",
      description = "dependencies, dependents or both (default: ${DEFAULT-VALUE})")
  String direction;

  @Option(names = "--depth", paramLabel = "N", description = "hops at most (default: unbounded)")
  Integer depth;

  @Option(names = "--format", defaultValue = "dot", description = "dot, mermaid or json (default: ${DEFAULT-VALUE})")
  String format;

  @Option(names = "--profile", defaultValue = "app", description = "app or core (default: ${DEFAULT-VALUE})")
  String profile;

  @Override
  public Integer call() throws Exception {
    CommandLine cmd = spec.commandLine();
    EntityGraph.Direction dir = switch (direction) {
      case "dependencies" -> EntityGraph.Direction.OUTGOING;
      case "dependents" -> EntityGraph.Direction.INCOMING;
      case "both" -> EntityGraph.Direction.BOTH;
      default -> throw new CommandLine.ParameterException(cmd,
          "--direction must be dependencies, dependents or both, found " + direction);
    };
    if (!List.of("dot", "mermaid", "json").contains(format)) {
      throw new CommandLine.ParameterException(cmd, "--format must be dot, mermaid or json, found " + format);
    }
    if (depth != null && depth < 0) {
      throw new CommandLine.ParameterException(cmd, "--depth must be 0 or more, found " + depth);
    }
    EntityRef ref;
    try {
      ref = EntityRef.parse(entity).normalized();
    } catch (InvalidEntityRefException e) {
      throw new CommandLine.ParameterException(cmd, "--entity: " + e.getMessage());
    }
    Catalog catalog = CatalogLoading.load(paths, CatalogLoading.profile(profile, cmd), cmd);
    CatalogSnapshot s = catalog.snapshot();
    if (s.entity(ref).isEmpty()) {
      cmd.getErr().println("portolan graph: " + ref + ": no such entity in the catalog (" + s.size()
          + " entities loaded)");
      return PortolanCommand.EXIT_FINDINGS;
    }
    Subgraph g = s.graph().traverse(ref, Set.of(WellKnownRelation.DEPENDS_ON), dir,
        depth == null ? EntityGraph.UNBOUNDED : depth);
    PrintWriter out = cmd.getOut();
    switch (format) {
      case "mermaid" -> out.print(g.toMermaid());
      case "json" -> {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode().put("entity", ref.toString()).put("direction", direction);
        ArrayNode nodes = root.putArray("nodes");
        g.nodes().forEach(n -> nodes.add(n.toString()));
        ArrayNode edges = root.putArray("edges");
        for (Relation r : g.edges()) {
          edges.addObject().put("source", r.source().toString()).put("type", r.type().id())
              .put("target", r.target().toString());
        }
        out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
      }
      default -> out.print(g.toDot());
    }
    out.flush();
    return 0;
  }
}
