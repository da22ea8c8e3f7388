package dev.portolan.dora;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Compares a report with the reference output: counts and tiers equal, durations within 1e-6 s, rates within
 * 1e-12, the same keys everywhere (the report may add {@code problems}).
 */
final class ReferenceComparison {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private ReferenceComparison() {}

  static Path sharedDir() {
    return Path.of(System.getProperty("portolan.shared.dir", "../../shared"));
  }

  static JsonNode toJson(DoraReport report) {
    StringWriter w = new StringWriter();
    ReportWriter.json(report, w);
    try {
      return MAPPER.readTree(w.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode read(Path p) {
    try {
      return MAPPER.readTree(p.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The differences, as "path: expected X, found Y" lines; empty when they agree. */
  static List<String> differences(JsonNode expected, JsonNode actual) {
    List<String> out = new ArrayList<>();
    compare("$", expected, actual, out);
    return out;
  }

  private static void compare(String path, JsonNode e, JsonNode a, List<String> out) {
    if (a == null || a.isMissingNode()) {
      out.add(path + ": missing, expected " + e);
      return;
    }
    if (e.isObject()) {
      if (!a.isObject()) {
        out.add(path + ": expected an object, found " + a);
        return;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = e.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        compare(path + "." + f.getKey(), f.getValue(), a.get(f.getKey()), out);
      }
      for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        if (!e.has(k) && !(path.equals("$") && k.equals("problems"))) {
          out.add(path + "." + k + ": unexpected, found " + a.get(k));
        }
      }
    } else if (e.isNumber()) {
      if (!a.isNumber()) {
        out.add(path + ": expected " + e + ", found " + a);
      } else if (e.isIntegralNumber() && a.isIntegralNumber()) {
        if (e.longValue() != a.longValue()) {
          out.add(path + ": expected " + e + ", found " + a);
        }
      } else {
        double tol = path.endsWith("_seconds") ? 1e-6 : 1e-12;
        if (Math.abs(e.doubleValue() - a.doubleValue()) > tol) {
          out.add(path + ": expected " + e + ", found " + a);
        }
      }
    } else if (!e.equals(a)) {
      out.add(path + ": expected " + e + ", found " + a);
    }
  }
}
