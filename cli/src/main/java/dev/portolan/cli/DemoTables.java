package dev.portolan.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Plain-text tables for the demo: left-aligned first column, right-aligned numbers, two-space indent. */
final class DemoTables {

  private DemoTables() {}

  /**
   * Prints a two-column table of counts with a total row.
   *
   * @param out where to print
   * @param key the heading of the first column
   * @param value the heading of the count column
   * @param counts the rows, in order
   */
  static void counts(PrintWriter out, String key, String value, Map<String, Integer> counts) {
    int width = Math.max(Math.max(key.length(), "Total".length()),
        counts.keySet().stream().mapToInt(String::length).max().orElse(0));
    String fmt = "  %-" + width + "s %" + Math.max(value.length(), 6) + "s%n";
    out.printf(Locale.ROOT, fmt, key, value);
    int total = 0;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      out.printf(Locale.ROOT, fmt, e.getKey(), e.getValue());
      total += e.getValue();
    }
    out.printf(Locale.ROOT, fmt, "Total", total);
  }

  /**
   * Prints a table: every column as wide as its widest cell, the first left-aligned, the others right-aligned.
   *
   * @param out where to print
   * @param header the headings
   * @param rows the rows, each as long as the header
   */
  static void table(PrintWriter out, List<String> header, List<List<String>> rows) {
    int[] widths = new int[header.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = header.get(i).length();
      for (List<String> r : rows) {
        widths[i] = Math.max(widths[i], r.get(i).length());
      }
    }
    row(out, widths, header);
    for (List<String> r : rows) {
      row(out, widths, r);
    }
  }

  private static void row(PrintWriter out, int[] widths, List<String> cells) {
    StringBuilder sb = new StringBuilder(" ");
    for (int i = 0; i < widths.length; i++) {
      String c = cells.get(i);
      sb.append(' ');
      if (i == 0) {
        sb.append(c).append(" ".repeat(widths[i] - c.length()));
      } else {
        sb.append(" ".repeat(widths[i] - c.length())).append(c);
      }
    }
    out.println(sb.toString().stripTrailing());
  }
}
