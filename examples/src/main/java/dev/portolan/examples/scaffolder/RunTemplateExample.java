package dev.portolan.examples.scaffolder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.portolan.scaffolder.ActionContext;
import dev.portolan.scaffolder.ScaffoldRequest;
import dev.portolan.scaffolder.ScaffoldResult;
import dev.portolan.scaffolder.Scaffolder;
import dev.portolan.scaffolder.ScaffolderAction;
import dev.portolan.scaffolder.Template;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs a Backstage template from Java: first as a dry run, then for real into a folder.
 *
 * <p>The template ({@code service/template.yaml} next to this class) renders a skeleton with
 * {@code fetch:template}, then calls two things a platform adds itself:
 *
 * <ul>
 *   <li>a filter, {@code slug}, registered with {@link Scaffolder.Builder#filter}: it turns
 *       {@code "Payments API"} into {@code payments-api}. Filters see and return Jackson {@link JsonNode}s;
 *   <li>an action, {@code acme:ticket}, registered with {@link Scaffolder.Builder#action}: a
 *       {@link ScaffolderAction} with an input JSON Schema (checked before it runs) and a
 *       {@code handle} method that reads its rendered input and sets outputs the template can use.
 * </ul>
 *
 * <p>A dry run ({@link ScaffoldRequest#dryRun}) writes nothing and returns every generated file with its
 * content; {@link ScaffoldRequest#into} copies the files to a folder once every step succeeded. Values are
 * plain Java data ({@code Map.of("name", ...)}) or a Jackson {@code JsonNode}. Values that do not match the
 * template's parameters are refused before any step runs, with a
 * {@link dev.portolan.scaffolder.ParameterValidationException}: one line per problem, each naming the
 * template file, the line and column where the parameter is declared, the template, the value's own field
 * path ({@code parameters.owner}), what was expected and what was found.
 *
 * <p>{@link Scaffolder#loadTemplate(Path)} reads a template from the file system;
 * {@link Scaffolder#loadTemplate(String, String, Path)} from text, and
 * {@link Scaffolder#loadTemplateResource} from the class path, as this example does: its skeleton is found
 * next to the resource.
 */
public final class RunTemplateExample {

  /** Opens a ticket in the (pretend) tracker and outputs its id. */
  static final class TicketAction implements ScaffolderAction {

    @Override
    public String id() {
      return "acme:ticket";
    }

    @Override
    public JsonNode inputSchema() {
      ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "object");
      schema.putArray("required").add("title").add("queue");
      ObjectNode properties = schema.putObject("properties");
      properties.putObject("title").put("type", "string");
      properties.putObject("queue").put("type", "string");
      return schema;
    }

    @Override
    public void handle(ActionContext context) {
      String queue = context.input().get("queue").asText().toUpperCase(Locale.ROOT);
      String title = context.input().get("title").asText();
      String id = queue + "-" + Math.abs(title.hashCode() % 1000);
      context.log("opened " + id + ": " + title);
      context.output("ticketId", TextNode.valueOf(id));
    }
  }

  private RunTemplateExample() {}

  /**
   * A scaffolder with the {@code slug} filter and the {@code acme:ticket} action.
   *
   * @return the scaffolder; build it once and share it
   */
  public static Scaffolder scaffolder() {
    return Scaffolder.builder()
        .filter("slug", (input, args) -> TextNode.valueOf(
            input.asText().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "")))
        .action(new TicketAction())
        .build();
  }

  /** The class path name of the sample template shipped with the examples. */
  static final String TEMPLATE = "dev/portolan/examples/scaffolder/service/template.yaml";

  /**
   * Runs the sample template with {@code name} and {@code owner}; {@code javaVersion} takes its default.
   *
   * @param name the service's human name
   * @param owner the owning group, e.g. {@code group:payments}
   * @param outputDirectory where to write the files, or null for a dry run
   * @return the files, log, step statuses and rendered output
   */
  public static ScaffoldResult run(String name, String owner, Path outputDirectory) {
    Scaffolder scaffolder = scaffolder();
    Template template = scaffolder.loadTemplateResource(RunTemplateExample.class.getClassLoader(), TEMPLATE);
    Map<String, Object> values = Map.of("name", name, "owner", owner);
    ScaffoldRequest request = outputDirectory == null
        ? ScaffoldRequest.dryRun(template, values)
        : ScaffoldRequest.into(template, values, outputDirectory);
    return scaffolder.run(request);
  }

  /**
   * Dry-runs the template and prints each file, then writes it to a temporary folder and lists that.
   *
   * @param args unused
   * @throws IOException when the folder cannot be read
   */
  public static void main(String[] args) throws IOException {
    ScaffoldResult dryRun = run("Payments API", "group:payments", null);
    for (ScaffoldResult.GeneratedFile file : dryRun.files()) {
      System.out.println("--- " + file.path());
      System.out.print(file.text());
    }
    System.out.println("ticket: " + dryRun.output().at("/text/0/content").asText());

    Path out = Files.createTempDirectory("payments-api");
    run("Payments API", "group:payments", out);
    try (Stream<Path> files = Files.walk(out)) {
      files.filter(Files::isRegularFile).sorted().forEach(p -> System.out.println("wrote " + out.relativize(p)));
    }
  }
}
