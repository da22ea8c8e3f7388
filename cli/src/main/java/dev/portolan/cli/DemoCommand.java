package dev.portolan.cli;

import dev.portolan.catalog.model.PortolanException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code portolan demo}: runs Portolan on the bundled sample organisation (Acme) and explains what it finds.
 *
 * <p>The sample is copied from the jar into a folder (a temporary one, removed afterwards, unless
 * {@code --dir} is given), then each {@link DemoStep} runs on it in order, at a fixed date
 * ({@link DemoContext#DEMO_CLOCK}) so that every run prints the same. The files the steps write (graphs,
 * reports, the scaffolded service) go to {@code DIR/output} with {@code --dir}, otherwise to a temporary
 * folder that is kept; each is named in the output. The exit code is 0 when every step passed and 1 when a
 * step found problems.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Runs Portolan on the bundled sample organisation (Acme): a catalog of teams, people, systems, services,"
          + " APIs, resources, AI models, datasets and an agent, a service template and delivery events.",
      "Exit code 0 when every step passed, 1 when a step found problems."
    })
public final class DemoCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description = "Copy the sample files into DIR (created if missing, must be empty) and keep them there;"
          + " the files the demo writes go to DIR/output (default: a temporary folder, kept).")
  Path dir;

  /** The steps, in order. */
  static List<DemoStep> steps() {
    return List.of(new DemoValidateStep(), new DemoCheckStep(), new DemoGraphStep(), new DemoGovernStep(),
        new DemoDoraStep(), new DemoScaffoldStep());
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path root;
    boolean temporary = dir == null;
    try {
      root = temporary ? Files.createTempDirectory("portolan-demo-") : prepare(dir);
    } catch (IOException e) {
      err.println("portolan demo: cannot create the folder for the sample: " + e.getMessage());
      return PortolanCommand.EXIT_FINDINGS;
    } catch (IllegalArgumentException e) {
      err.println("portolan demo: " + e.getMessage());
      return PortolanCommand.EXIT_USAGE;
    }
    try {
      DemoSample sample;
      try {
        sample = DemoSample.extractTo(root);
      } catch (UncheckedIOException e) {
        err.println("portolan demo: " + e.getMessage() + ": " + e.getCause().getMessage());
        return PortolanCommand.EXIT_FINDINGS;
      }
      Path outDir;
      try {
        outDir = temporary ? Files.createTempDirectory("portolan-demo-output-")
            : Files.createDirectories(root.resolve("output"));
      } catch (IOException e) {
        err.println("portolan demo: cannot create the output folder: " + e.getMessage());
        return PortolanCommand.EXIT_FINDINGS;
      }
      DemoContext context = new DemoContext(sample, out, err, outDir, DemoContext.DEMO_CLOCK);
      out.println("Portolan demo: the Acme sample organisation");
      out.println("Sample files: " + (temporary ? "a temporary copy (use --dir DIR to keep one)" : root));
      out.println("Output files: " + outDir);
      out.println("Demo date: " + DemoContext.DEMO_DATE + " (a fixed clock, so every run prints the same)");
      List<DemoStep> steps = steps();
      int failed = 0;
      for (int i = 0; i < steps.size(); i++) {
        DemoStep step = steps.get(i);
        out.println();
        out.println("== " + (i + 1) + ". " + step.title());
        out.println();
        boolean passed;
        try {
          passed = step.run(context);
        } catch (PortolanException | UncheckedIOException e) {
          out.println("The step stopped: " + e.getMessage());
          passed = false;
        }
        if (!passed) {
          failed++;
        }
      }
      out.println();
      out.println(failed == 0
          ? "Demo finished: every step passed."
          : "Demo finished: " + failed + " of " + steps.size() + " steps found problems.");
      out.flush();
      return failed == 0 ? 0 : PortolanCommand.EXIT_FINDINGS;
    } finally {
      if (temporary) {
        deleteTree(root);
      }
    }
  }

  private static Path prepare(Path dir) throws IOException {
    if (Files.exists(dir)) {
      if (!Files.isDirectory(dir)) {
        throw new IllegalArgumentException("--dir: expected a folder, found a file: " + dir);
      }
      try (Stream<Path> s = Files.list(dir)) {
        if (s.findAny().isPresent()) {
          throw new IllegalArgumentException("--dir: expected an empty folder, found files in " + dir);
        }
      }
    }
    return Files.createDirectories(dir).toAbsolutePath();
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // A temporary folder that cannot be removed is left to the operating system's clean-up.
    }
  }
}
