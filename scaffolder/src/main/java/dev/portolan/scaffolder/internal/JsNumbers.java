package dev.portolan.scaffolder.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The JavaScript Number methods templates may call ({@code toFixed}, {@code toPrecision},
 * {@code toExponential}, {@code toString(radix)}), with ECMAScript's results: decimal forms are rounded on the
 * double's exact binary value, ties away from zero; radix forms follow the shortest-digits algorithm
 * JavaScript engines use.
 */
final class JsNumbers {

  private static final char[] DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();

  private JsNumbers() {}

  /** {@code Number.prototype.toFixed}. */
  static String toFixed(double x, Object digits) {
    double f = digits == Js.UNDEF ? 0 : Js.toInteger(digits);
    if (!(f >= 0 && f <= 100)) {
      throw new JsError("toFixed() digits argument must be between 0 and 100, found " + Js.numberToString(f));
    }
    if (!Double.isFinite(x)) {
      return Js.numberToString(x);
    }
    if (Math.abs(x) >= 1e21) {
      return Js.numberToString(x);
    }
    String s = new BigDecimal(x).abs().setScale((int) f, RoundingMode.HALF_UP).toPlainString();
    return x < 0 ? "-" + s : s;
  }

  /** {@code Number.prototype.toPrecision}. */
  static String toPrecision(double x, Object precision) {
    if (precision == Js.UNDEF) {
      return Js.numberToString(x);
    }
    double p = Js.toInteger(precision);
    if (!Double.isFinite(x)) {
      return Js.numberToString(x);
    }
    if (!(p >= 1 && p <= 100)) {
      throw new JsError("toPrecision() argument must be between 1 and 100, found " + Js.numberToString(p));
    }
    int digits = (int) p;
    String sign = x < 0 ? "-" : "";
    String m;
    int e;
    if (x == 0) {
      m = "0".repeat(digits);
      e = 0;
    } else {
      BigDecimal r = new BigDecimal(x).abs().round(new MathContext(digits, RoundingMode.HALF_UP));
      m = significand(r, digits);
      e = r.precision() - r.scale() - 1;
    }
    if (e < -6 || e >= digits) {
      StringBuilder sb = new StringBuilder(sign).append(m.charAt(0));
      if (digits > 1) {
        sb.append('.').append(m, 1, m.length());
      }
      return sb.append('e').append(e >= 0 ? '+' : '-').append(Math.abs(e)).toString();
    }
    if (e == digits - 1) {
      return sign + m;
    }
    if (e >= 0) {
      return sign + m.substring(0, e + 1) + "." + m.substring(e + 1);
    }
    return sign + "0." + "0".repeat(-(e + 1)) + m;
  }

  /** {@code Number.prototype.toExponential}. */
  static String toExponential(double x, Object fractionDigits) {
    double f = fractionDigits == Js.UNDEF ? 0 : Js.toInteger(fractionDigits);
    if (!Double.isFinite(x)) {
      return Js.numberToString(x);
    }
    if (!(f >= 0 && f <= 100)) {
      throw new JsError("toExponential() argument must be between 0 and 100, found " + Js.numberToString(f));
    }
    String sign = x < 0 ? "-" : "";
    String m;
    int e;
    if (x == 0) {
      m = "0".repeat((int) f + 1);
      e = 0;
    } else if (fractionDigits == Js.UNDEF) {
      BigDecimal shortest = Js.shortest(Math.abs(x));
      m = shortest.unscaledValue().toString();
      e = shortest.precision() - shortest.scale() - 1;
    } else {
      BigDecimal r = new BigDecimal(x).abs().round(new MathContext((int) f + 1, RoundingMode.HALF_UP));
      m = significand(r, (int) f + 1);
      e = r.precision() - r.scale() - 1;
    }
    StringBuilder sb = new StringBuilder(sign).append(m.charAt(0));
    if (m.length() > 1) {
      sb.append('.').append(m, 1, m.length());
    }
    return sb.append('e').append(e >= 0 ? '+' : '-').append(Math.abs(e)).toString();
  }

  /** The first {@code n} significant digits of a positive decimal, padded with zeros. */
  private static String significand(BigDecimal r, int n) {
    String u = r.unscaledValue().toString();
    return u.length() >= n ? u.substring(0, n) : u + "0".repeat(n - u.length());
  }

  /** {@code Number.prototype.toString(radix)}. */
  static String toString(double x, Object radix) {
    double r = radix == Js.UNDEF ? 10 : Js.toInteger(radix);
    if (!(r >= 2 && r <= 36)) {
      throw new JsError("toString() radix must be between 2 and 36, found " + Js.numberToString(r));
    }
    if (r == 10 || !Double.isFinite(x)) {
      return Js.numberToString(x);
    }
    return toRadix(x, (int) r);
  }

  /**
   * A finite double in a radix other than 10: the integer part digit by digit (digits below the double's
   * precision written as zeros), then fraction digits until the value is the nearest double to what was
   * written, rounding the last digit half to even.
   */
  private static String toRadix(double value, int radix) {
    if (value == 0) {
      return "0";
    }
    boolean negative = value < 0;
    double v = Math.abs(value);
    double integer = Math.floor(v);
    double fraction = v - integer;
    double delta = Math.max(0.5 * (Math.nextUp(v) - v), Double.MIN_VALUE);
    StringBuilder frac = new StringBuilder();
    if (fraction >= delta) {
      do {
        fraction *= radix;
        delta *= radix;
        int digit = (int) fraction;
        frac.append(DIGITS[digit]);
        fraction -= digit;
        if (fraction > 0.5 || (fraction == 0.5 && (digit & 1) == 1)) {
          if (fraction + delta > 1) {
            // round up, carrying into earlier digits and possibly the integer part
            int i = frac.length() - 1;
            while (true) {
              if (i < 0) {
                integer += 1;
                frac.setLength(0);
                break;
              }
              int d = Character.digit(frac.charAt(i), radix);
              if (d + 1 < radix) {
                frac.setCharAt(i, DIGITS[d + 1]);
                frac.setLength(i + 1);
                break;
              }
              i--;
            }
            break;
          }
        }
      } while (fraction >= delta);
    }
    StringBuilder whole = new StringBuilder();
    while (Math.getExponent(integer / radix) > 52) {
      integer /= radix;
      whole.append('0');
    }
    do {
      double remainder = integer % radix;
      whole.append(DIGITS[(int) remainder]);
      integer = (integer - remainder) / radix;
    } while (integer > 0);
    whole.reverse();
    if (negative) {
      whole.insert(0, '-');
    }
    if (frac.length() > 0) {
      whole.append('.').append(frac);
    }
    return whole.toString();
  }
}
