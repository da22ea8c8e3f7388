package dev.portolan.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.model.CatalogModel;
import dev.portolan.catalog.model.DocumentResult;
import dev.portolan.catalog.model.EntityRef;
import dev.portolan.catalog.model.Profile;
import dev.portolan.catalog.model.Violation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code portolan validate}: gives Backstage's verdict on every document of catalog descriptor files.
 * Directories are searched recursively for {@code *.yaml}, {@code *.yml} and {@code *.json}; files named
 * explicitly are read whatever their extension.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Validates Backstage catalog descriptors (catalog-info.yaml and any YAML or JSON file of entities) "
          + "and reports every problem with its file, line, column, entity ref and field path.",
      "Placeholders ($text, $json, $yaml) naming relative paths are read next to the file and their "
          + "content is validated; URLs are not fetched, so the fields they fill are not checked.",
      "Exit status: 0 all valid, 1 some document invalid or unreadable, 2 usage error."
    })
final class ValidateCommand implements Callable<Integer> {

  /** Output formats. */
  enum Format {
    TEXT, JSON, JSONL
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--profile", paramLabel = "app|core", defaultValue = "app",
      converter = ProfileConverter.class,
      description = "Backstage backend to follow: app (catalog + scaffolder + AI model modules, default) or "
          + "core (catalog backend alone).")
  Profile profile;

  @Option(names = "--format", paramLabel = "text|json|jsonl", defaultValue = "text",
      converter = FormatConverter.class,
      description = "text (for people, default), json (one document with every result and a summary) or "
          + "jsonl (one JSON object per document).")
  Format format;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories to validate.")
  List<Path> paths;

  private final ObjectMapper mapper = new ObjectMapper();

  static final class ProfileConverter implements CommandLine.ITypeConverter<Profile> {
    @Override
    public Profile convert(String value) {
      try {
        return Profile.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException("expected app or core, found '" + value + "'");
      }
    }
  }

  static final class FormatConverter implements CommandLine.ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      try {
        return Format.valueOf(value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException("expected text, json or jsonl, found '" + value + "'");
      }
    }
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    PathArguments.requireExisting(spec.commandLine(), paths);
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.walk(p)) {
          s.filter(f -> Files.isRegularFile(f) && CatalogModel.isDescriptorFile(f)).sorted().forEach(files::add);
        } catch (IOException | RuntimeException e) {
          err.println("portolan validate: " + p + ": cannot list directory: " + e.getMessage());
          return PortolanCommand.EXIT_FINDINGS;
        }
      } else {
        files.add(p);
      }
    }
    CatalogModel model = CatalogModel.builder().profile(profile).readPlaceholderFiles(true).build();
    int documents = 0;
    int invalid = 0;
    int problems = 0;
    ArrayNode all = mapper.createArrayNode();
    int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), files.size()));
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "portolan-validate");
      t.setDaemon(true);
      return t;
    });
    try {
      // Files are validated on every core; results are printed in file order. At most a few files per
      // thread are in flight, so memory stays bounded however many files there are.
      int window = threads * 4;
      ArrayDeque<Future<List<DocumentResult>>> pending = new ArrayDeque<>();
      int next = 0;
      for (Path f : files) {
        while (next < files.size() && pending.size() < window) {
          Path g = files.get(next++);
          pending.add(pool.submit(() -> model.validate(g)));
        }
        List<DocumentResult> results;
        try {
          results = await(pending.remove());
        } catch (RuntimeException e) {
          err.println("portolan validate: " + f + ": " + e);
          invalid++;
          continue;
        }
        for (DocumentResult r : results) {
          documents++;
          if (!r.valid()) {
            invalid++;
            problems += r.violations().size();
          }
          switch (format) {
            case TEXT -> {
              for (Violation v : r.violations()) {
                out.println(v);
              }
            }
            case JSONL -> out.println(write(toJson(r)));
            case JSON -> all.add(toJson(r));
            default -> throw new IllegalStateException(format.name());
          }
        }
        out.flush();
      }
    } finally {
      pool.shutdownNow();
    }
    int valid = documents - invalid;
    switch (format) {
      case TEXT -> out.printf("%d file%s, %d document%s: %d valid, %d invalid, %d problem%s (profile %s)%n",
          files.size(), files.size() == 1 ? "" : "s", documents, documents == 1 ? "" : "s", valid, invalid,
          problems, problems == 1 ? "" : "s", profile.cliName());
      case JSON -> {
        ObjectNode root = mapper.createObjectNode();
        root.put("profile", profile.cliName());
        root.set("results", all);
        ObjectNode summary = root.putObject("summary");
        summary.put("files", files.size());
        summary.put("documents", documents);
        summary.put("valid", valid);
        summary.put("invalid", invalid);
        summary.put("problems", problems);
        out.println(write(root));
      }
      default -> {
        // jsonl has no summary line: every line is one document
      }
    }
    out.flush();
    return invalid == 0 ? 0 : PortolanCommand.EXIT_FINDINGS;
  }

  /** The result of one file's validation; a failure comes back as the exception the validation threw. */
  private static List<DocumentResult> await(Future<List<DocumentResult>> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException re) {
        throw re;
      }
      if (c instanceof Error er) {
        throw er;
      }
      throw new IllegalStateException(c);
    }
  }

  private ObjectNode toJson(DocumentResult r) {
    ObjectNode o = mapper.createObjectNode();
    o.put("file", r.file());
    o.put("document", r.documentIndex());
    if (r.ref().isPresent()) {
      o.put("ref", r.ref().map(EntityRef::toString).get());
    } else {
      o.putNull("ref");
    }
    if (r.kind().isPresent()) {
      o.put("kind", r.kind().get());
    } else {
      o.putNull("kind");
    }
    o.put("valid", r.valid());
    ArrayNode errors = o.putArray("errors");
    for (Violation v : r.violations()) {
      ObjectNode e = errors.addObject();
      e.put("path", v.path().toString());
      e.put("message", v.message());
      e.put("stage", v.stage().id());
      if (v.position().isPresent()) {
        e.put("line", v.position().get().line());
        e.put("column", v.position().get().column());
      } else {
        e.putNull("line");
        e.putNull("column");
      }
    }
    r.backstageVerdict().ifPresent(b -> {
      ObjectNode bv = o.putObject("backstage");
      bv.put("stage", b.stage().id());
      bv.put("message", b.message());
    });
    return o;
  }

  private String write(Object node) {
    try {
      return mapper.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
