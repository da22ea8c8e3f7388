package dev.portolan.dora.internal;

import dev.portolan.dora.DoraReport;
import dev.portolan.dora.InputProblem;
import dev.portolan.dora.Rollup;
import dev.portolan.dora.ScopeMetrics;
import dev.portolan.dora.Tier;
import dev.portolan.dora.TrendPoint;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/** One self-contained HTML page: summary cards, the metric table, and an inline SVG trend chart per metric. */
public final class HtmlReport {

  private static final int W = 560;
  private static final int H = 200;
  private static final int PAD_L = 56;
  private static final int PAD_R = 16;
  private static final int PAD_T = 16;
  private static final int PAD_B = 40;

  private HtmlReport() {}

  /**
   * Writes the page.
   *
   * @param report the report
   * @param rollup groups to list instead of services
   * @param trend the weekly trend of the overall scope
   * @param out where to write
   * @throws IOException when writing fails
   */
  public static void write(DoraReport report, Optional<Rollup> rollup, List<TrendPoint> trend, Writer out)
      throws IOException {
    StringBuilder h = new StringBuilder(16_384);
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>DORA metrics ").append(esc(report.window().toString())).append("</title>\n<style>\n")
        .append("body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem;color:#1f2933}")
        .append("h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}")
        .append(".cards{display:flex;flex-wrap:wrap;gap:1rem}")
        .append(".card{border:1px solid #d9e2ec;border-radius:8px;padding:1rem;min-width:11rem}")
        .append(".card .v{font-size:1.6rem;font-weight:600}.card .l{color:#52606d;font-size:.85rem}")
        .append("table{border-collapse:collapse;font-size:.9rem}th,td{padding:.3rem .6rem;border-bottom:1px solid #e4e7eb;text-align:right}")
        .append("th:first-child,td:first-child{text-align:left}")
        .append(".t{display:inline-block;padding:0 .4rem;border-radius:4px;font-size:.8rem;color:#fff}")
        .append(".elite{background:#6b46c1}.high{background:#2f855a}.medium{background:#b7791f}.low{background:#c53030}.none{background:#9aa5b1}")
        .append(".charts{display:flex;flex-wrap:wrap;gap:1.5rem}")
        .append("svg text{font-size:11px;fill:#52606d}")
        .append("</style>\n</head>\n<body>\n");
    h.append("<h1>DORA metrics</h1>\n<p>Window ").append(esc(report.window().toString())).append(" (")
        .append(report.window().days()).append(" days, UTC), tier profile <code>")
        .append(esc(report.tierProfile().id())).append("</code>.</p>\n");

    ScopeMetrics o = report.overall();
    h.append("<div class=\"cards\">\n");
    card(h, "Deployment frequency", Format.decimal(o.deploymentFrequency().perWeek()) + " / week",
        o.deploymentFrequency().tier());
    card(h, "Lead time for changes (median)", Format.duration(o.leadTime().durations().medianSeconds()), o.leadTime().tier());
    card(h, "Change failure rate", Format.percent(o.changeFailureRate().rate()), o.changeFailureRate().tier());
    card(h, "Failed deployment recovery (median)",
        Format.duration(o.failedDeploymentRecoveryTime().durations().medianSeconds()),
        o.failedDeploymentRecoveryTime().tier());
    card(h, "Deployment rework rate", Format.percent(o.reworkRate().rate()), Optional.empty());
    card(h, "Overall", Format.tier(o.overallTier()), o.overallTier());
    h.append("</div>\n");

    h.append("<h2>Weekly trend</h2>\n<div class=\"charts\">\n");
    chart(h, "Deployments per week", trend, m -> OptionalDouble.of(m.deploymentFrequency().deployments()), "");
    chart(h, "Lead time, median (hours)", trend, m -> hours(m.leadTime().durations().medianSeconds()), "h");
    chart(h, "Change failure rate (%)", trend, m -> pct(m.changeFailureRate().rate()), "%");
    chart(h, "Failed deployment recovery, median (hours)", trend,
        m -> hours(m.failedDeploymentRecoveryTime().durations().medianSeconds()), "h");
    chart(h, "Deployment rework rate (%)", trend, m -> pct(m.reworkRate().rate()), "%");
    h.append("</div>\n");

    Map<String, ScopeMetrics> rows = new LinkedHashMap<>();
    String first = "Service";
    if (rollup.isPresent()) {
      first = rollup.get().by().key();
      first = Character.toUpperCase(first.charAt(0)) + first.substring(1);
      rollup.get().groups().values().forEach(g -> rows.put(g.name(), g.metrics()));
    } else {
      rows.putAll(report.services());
    }
    rows.put("(overall)", o);
    h.append("<h2>By ").append(esc(first.toLowerCase(Locale.ROOT))).append("</h2>\n<table>\n<tr><th>")
        .append(esc(first))
        .append("</th><th>Deployments</th><th>Per week</th><th>DF</th><th>Lead time</th><th>LT</th>")
        .append("<th>CFR</th><th>CFR</th><th>Recovery</th><th>FDRT</th><th>Open failures</th><th>Rework</th>")
        .append("<th>Overall</th></tr>\n");
    for (Map.Entry<String, ScopeMetrics> e : rows.entrySet()) {
      ScopeMetrics m = e.getValue();
      h.append("<tr><td>").append(esc(e.getKey())).append("</td><td>")
          .append(m.deploymentFrequency().deployments()).append("</td><td>")
          .append(Format.decimal(m.deploymentFrequency().perWeek())).append("</td><td>");
      badge(h, m.deploymentFrequency().tier());
      h.append("</td><td>").append(Format.duration(m.leadTime().durations().medianSeconds())).append("</td><td>");
      badge(h, m.leadTime().tier());
      h.append("</td><td>").append(Format.percent(m.changeFailureRate().rate())).append("</td><td>");
      badge(h, m.changeFailureRate().tier());
      h.append("</td><td>").append(Format.duration(m.failedDeploymentRecoveryTime().durations().medianSeconds()))
          .append("</td><td>");
      badge(h, m.failedDeploymentRecoveryTime().tier());
      h.append("</td><td>").append(m.failedDeploymentRecoveryTime().openFailures()).append("</td><td>")
          .append(Format.percent(m.reworkRate().rate())).append("</td><td>");
      badge(h, m.overallTier());
      h.append("</td></tr>\n");
    }
    h.append("</table>\n");
    if (rollup.isPresent() && !rollup.get().unmapped().isEmpty()) {
      h.append("<p>Unmapped services: ").append(esc(String.join(", ", rollup.get().unmapped()))).append("</p>\n");
    }
    h.append("<h2>Input</h2>\n<table>\n");
    for (Map.Entry<String, Long> e : report.diagnostics().counters().entrySet()) {
      h.append("<tr><td>").append(esc(e.getKey())).append("</td><td>").append(e.getValue()).append("</td></tr>\n");
    }
    h.append("</table>\n");
    if (!report.diagnostics().problems().isEmpty()) {
      h.append("<h2>First problems</h2>\n<ul>\n");
      for (InputProblem p : report.diagnostics().problems()) {
        h.append("<li><code>").append(esc(p.toString())).append("</code></li>\n");
      }
      h.append("</ul>\n");
    }
    h.append("</body>\n</html>\n");
    out.write(h.toString());
    out.flush();
  }

  private static OptionalDouble hours(OptionalDouble seconds) {
    return seconds.isPresent() ? OptionalDouble.of(seconds.getAsDouble() / 3600) : seconds;
  }

  private static OptionalDouble pct(OptionalDouble rate) {
    return rate.isPresent() ? OptionalDouble.of(rate.getAsDouble() * 100) : rate;
  }

  private static void card(StringBuilder h, String label, String value, Optional<Tier> tier) {
    h.append("<div class=\"card\"><div class=\"l\">").append(esc(label)).append("</div><div class=\"v\">")
        .append(esc(value)).append("</div>");
    if (tier.isPresent()) {
      badge(h, tier);
    }
    h.append("</div>\n");
  }

  private static void badge(StringBuilder h, Optional<Tier> t) {
    String k = t.map(Tier::key).orElse("none");
    h.append("<span class=\"t ").append(k).append("\">").append(t.isPresent() ? k : "-").append("</span>");
  }

  /** A line chart of one metric over the weeks; weeks without a value leave a gap. */
  static void chart(
      StringBuilder h, String title, List<TrendPoint> trend, Function<ScopeMetrics, OptionalDouble> metric,
      String unit) {
    int n = trend.size();
    double max = 0;
    double[] v = new double[n];
    boolean[] has = new boolean[n];
    for (int i = 0; i < n; i++) {
      OptionalDouble x = metric.apply(trend.get(i).metrics());
      has[i] = x.isPresent();
      v[i] = x.orElse(0);
      max = Math.max(max, v[i]);
    }
    double top = niceCeiling(max);
    int plotW = W - PAD_L - PAD_R;
    int plotH = H - PAD_T - PAD_B;
    h.append("<figure><figcaption>").append(esc(title)).append("</figcaption>\n<svg xmlns=\"http://www.w3.org/2000/svg\" ")
        .append("width=\"").append(W).append("\" height=\"").append(H).append("\" viewBox=\"0 0 ").append(W)
        .append(' ').append(H).append("\" role=\"img\" aria-label=\"").append(esc(title)).append("\">\n");
    for (int k = 0; k <= 4; k++) {
      double y = PAD_T + plotH - plotH * k / 4.0;
      h.append("<line x1=\"").append(PAD_L).append("\" x2=\"").append(W - PAD_R).append("\" y1=\"").append(fmt(y))
          .append("\" y2=\"").append(fmt(y)).append("\" stroke=\"#e4e7eb\"/>")
          .append("<text x=\"").append(PAD_L - 6).append("\" y=\"").append(fmt(y + 4))
          .append("\" text-anchor=\"end\">").append(esc(axis(top * k / 4) + unit)).append("</text>\n");
    }
    StringBuilder path = new StringBuilder();
    boolean pen = false;
    for (int i = 0; i < n; i++) {
      double x = n == 1 ? PAD_L + plotW / 2.0 : PAD_L + plotW * (double) i / (n - 1);
      if (i % Math.max(1, n / 7) == 0 || i == n - 1) {
        h.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(H - PAD_B + 16)
            .append("\" text-anchor=\"middle\">").append(trend.get(i).window().from().toString().substring(5))
            .append("</text>\n");
      }
      if (!has[i]) {
        pen = false;
        continue;
      }
      double y = PAD_T + plotH - (top == 0 ? 0 : plotH * v[i] / top);
      path.append(pen ? " L" : " M").append(fmt(x)).append(' ').append(fmt(y));
      pen = true;
      h.append("<circle cx=\"").append(fmt(x)).append("\" cy=\"").append(fmt(y))
          .append("\" r=\"3\" fill=\"#3e63dd\"><title>").append(trend.get(i).window().from()).append(": ")
          .append(esc(axis(v[i]) + unit)).append("</title></circle>\n");
    }
    if (path.length() > 0) {
      h.append("<path d=\"").append(path.toString().trim())
          .append("\" fill=\"none\" stroke=\"#3e63dd\" stroke-width=\"2\"/>\n");
    }
    h.append("</svg></figure>\n");
  }

  private static double niceCeiling(double max) {
    if (max <= 0) {
      return 1;
    }
    double mag = Math.pow(10, Math.floor(Math.log10(max)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * mag >= max) {
        return m * mag;
      }
    }
    return 10 * mag;
  }

  private static String axis(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e9) {
      return Long.toString((long) v);
    }
    return String.format(Locale.ROOT, "%.1f", v);
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  static String esc(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<':
          sb.append("&lt;");
          break;
        case '>':
          sb.append("&gt;");
          break;
        case '&':
          sb.append("&amp;");
          break;
        case '"':
          sb.append("&quot;");
          break;
        case '\'':
          sb.append("&#39;");
          break;
        default:
          sb.append(c);
      }
    }
    return sb.toString();
  }
}
