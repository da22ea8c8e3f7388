package dev.portolan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.core.Catalog;
import dev.portolan.catalog.core.CatalogException;
import dev.portolan.catalog.core.CatalogSnapshot;
import dev.portolan.catalog.core.EntityQuery;
import dev.portolan.catalog.core.QueryResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code portolan catalog}: loads a catalog and lists its entities, with Backstage filter semantics. */
@Command(name = "catalog", mixinStandardHelpOptions = true,
    description = {"Loads catalog files and lists the entities, with Backstage's filter semantics.",
        "Filters: key=value,key2=value2 (comma = AND); several --filter = OR; a bare key = exists."})
public final class CatalogCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "files, directories or globs")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--filter", paramLabel = "EXPR", description = "e.g. kind=component,spec.type=service")
  List<String> filters = new ArrayList<>();

  @Option(names = "--fields", split = ",", paramLabel = "FIELD", description = "fields to keep, e.g. metadata.name,spec")
  List<String> fields = new ArrayList<>();

  @Option(names = "--format", defaultValue = "table", description = "table, json or jsonl (default: ${DEFAULT-VALUE})")
  String format;

  @Option(names = "--profile", defaultValue = "app", description = "app or core (default: ${DEFAULT-VALUE})")
  String profile;

  @Override
  public Integer call() {
    CommandLine cmd = spec.commandLine();
    if (!List.of("table", "json", "jsonl").contains(format)) {
      throw new CommandLine.ParameterException(cmd, "--format must be table, json or jsonl, found " + format);
    }
    Catalog catalog = CatalogLoading.load(paths, CatalogLoading.profile(profile, cmd), cmd);
    CatalogSnapshot s = catalog.snapshot();
    EntityQuery.Builder q = EntityQuery.builder();
    try {
      filters.forEach(q::filter);
      q.fields(fields.toArray(String[]::new));
      QueryResult r = s.query(q.build());
      PrintWriter out = cmd.getOut();
      ObjectMapper mapper = new ObjectMapper();
      switch (format) {
        case "json" -> out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(
            mapper.createObjectNode().<ObjectNode>set("items", mapper.valueToTree(r.projected()))
                .put("totalItems", r.totalItems())));
        case "jsonl" -> {
          for (ObjectNode n : r.projected()) {
            out.println(mapper.writeValueAsString(n));
          }
        }
        default -> table(out, r);
      }
      out.flush();
    } catch (CatalogException e) {
      throw new CommandLine.ParameterException(cmd, e.getMessage());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      cmd.getErr().println("portolan catalog: cannot write JSON: " + e.getOriginalMessage());
      return PortolanCommand.EXIT_FINDINGS;
    }
    int errors = s.errors().size();
    if (errors > 0) {
      cmd.getErr().println(errors + " problem(s) while loading; run 'portolan check' for details");
    }
    return 0;
  }

  private void table(PrintWriter out, QueryResult r) {
    List<String> cols = fields.isEmpty() ? List.of("spec.type", "spec.owner", "spec.lifecycle") : fields;
    List<String[]> rows = new ArrayList<>();
    String[] header = new String[cols.size() + 1];
    header[0] = "REF";
    for (int i = 0; i < cols.size(); i++) {
      header[i + 1] = cols.get(i).toUpperCase(java.util.Locale.ROOT);
    }
    rows.add(header);
    for (int i = 0; i < r.items().size(); i++) {
      ObjectNode json = r.items().get(i).toJson();
      String[] row = new String[cols.size() + 1];
      row[0] = r.items().get(i).ref().toString();
      for (int c = 0; c < cols.size(); c++) {
        JsonNode v = json;
        for (String seg : cols.get(c).split("\\.")) {
          v = v == null ? null : v.get(seg);
        }
        row[c + 1] = v == null || v.isNull() ? "-" : v.isValueNode() ? v.asText() : v.toString();
      }
      rows.add(row);
    }
    int[] widths = new int[header.length];
    for (String[] row : rows) {
      for (int c = 0; c < row.length; c++) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder sb = new StringBuilder();
      for (int c = 0; c < row.length; c++) {
        sb.append(c == row.length - 1 ? row[c] : String.format("%-" + widths[c] + "s  ", row[c]));
      }
      out.println(sb.toString().stripTrailing());
    }
    out.println(r.totalItems() + " entities");
  }
}
