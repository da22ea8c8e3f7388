package dev.portolan.catalog.model.internal;

import java.math.BigDecimal;

/** JavaScript's number-to-string conversion, for the few places where a number becomes text. */
final class JsNumbers {

  private JsNumbers() {}

  static String toString(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e21) {
      return new BigDecimal(d).toPlainString();
    }
    String s = Double.toString(d);
    if (Math.abs(d) >= 1e-6 && Math.abs(d) < 1e21 && !s.contains("E")) {
      return s;
    }
    BigDecimal bd = new BigDecimal(s);
    if (Math.abs(d) >= 1e-6 && Math.abs(d) < 1e21) {
      return bd.toPlainString();
    }
    String sci = s.replace("E", "e");
    int e = sci.indexOf('e');
    String mant = sci.substring(0, e);
    if (mant.endsWith(".0")) {
      mant = mant.substring(0, mant.length() - 2);
    }
    String exp = sci.substring(e + 1);
    return mant + "e" + (exp.startsWith("-") ? exp : "+" + exp);
  }
}
