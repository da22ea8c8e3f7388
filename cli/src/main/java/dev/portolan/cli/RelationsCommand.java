package dev.portolan.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.core.Catalog;
import dev.portolan.catalog.core.CatalogEntity;
import dev.portolan.catalog.core.Relation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code portolan relations}: every entity with the relations Backstage would give it. */
@Command(name = "relations", mixinStandardHelpOptions = true,
    description = "Prints every entity with its relations (both directions, as Backstage stitches them).")
public final class RelationsCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "files, directories or globs")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--profile", defaultValue = "app", description = "app or core (default: ${DEFAULT-VALUE})")
  String profile;

  @Option(names = "--format", defaultValue = "jsonl", description = "jsonl or json (default: ${DEFAULT-VALUE})")
  String format;

  @Override
  public Integer call() throws Exception {
    CommandLine cmd = spec.commandLine();
    if (!List.of("jsonl", "json").contains(format)) {
      throw new CommandLine.ParameterException(cmd, "--format must be jsonl or json, found " + format);
    }
    Catalog catalog = CatalogLoading.load(paths, CatalogLoading.profile(profile, cmd), cmd);
    ObjectMapper mapper = new ObjectMapper();
    PrintWriter out = cmd.getOut();
    ArrayNode all = mapper.createArrayNode();
    for (CatalogEntity e : catalog.snapshot().entities()) {
      ObjectNode line = mapper.createObjectNode().put("ref", e.ref().toString());
      ArrayNode rels = line.putArray("relations");
      for (Relation r : e.relations()) {
        rels.addObject().put("type", r.type().id()).put("targetRef", r.target().toString());
      }
      if (format.equals("jsonl")) {
        out.println(mapper.writeValueAsString(line));
      } else {
        all.add(line);
      }
    }
    if (format.equals("json")) {
      out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(all));
    }
    out.flush();
    return 0;
  }
}
