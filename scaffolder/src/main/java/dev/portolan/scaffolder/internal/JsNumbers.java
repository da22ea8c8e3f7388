package dev.portolan.scaffolder.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * JavaScript's Number.prototype.toFixed, toExponential, toPrecision and toString(radix), computed on the exact
 * binary value of the double (a tie rounds away from zero, as the ECMAScript algorithms pick the larger
 * candidate).
 */
final class JsNumbers {

  private static final String DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";
  private static final double TWO_53 = 9007199254740992.0;

  private JsNumbers() {}

  /** ToIntegerOrInfinity of an optional argument; undefined counts as 0. */
  private static double digitsArg(Object v) {
    return v == Js.UNDEF ? 0 : Js.toInteger(v);
  }

  static String toFixed(double x, Object fractionDigits) {
    double f = digitsArg(fractionDigits);
    if (f < 0 || f > 100) {
      throw new JsError("toFixed() digits argument must be between 0 and 100, found " + Js.toStr(fractionDigits));
    }
    if (!Double.isFinite(x)) {
      return Js.numberToString(x);
    }
    if (Math.abs(x) >= 1e21) {
      return Js.numberToString(x);
    }
    String body = new BigDecimal(Math.abs(x)).setScale((int) f, RoundingMode.HALF_UP).toPlainString();
    return x < 0 ? "-" + body : body;
  }

  static String toExponential(double x, Object fractionDigits) {
    double f = digitsArg(fractionDigits);
    if (!Double.isFinite(x)) {
      return Js.numberToString(x);
    }
    if (f < 0 || f > 100) {
      throw new JsError("toExponential() argument must be between 0 and 100, found " + Js.toStr(fractionDigits));
    }
    String sign = x < 0 ? "-" : "";
    double a = Math.abs(x);
    String digits;
    int e;
    if (a == 0) {
      digits = "0".repeat(fractionDigits == Js.UNDEF ? 1 : (int) f + 1);
      e = 0;
    } else if (fractionDigits == Js.UNDEF) {
      BigDecimal shortest = new BigDecimal(shortestDigits(a)).stripTrailingZeros();
      digits = shortest.unscaledValue().toString();
      e = digits.length() - shortest.scale() - 1;
    } else {
      BigDecimal r = new BigDecimal(a).round(new MathContext((int) f + 1, RoundingMode.HALF_UP));
      digits = r.unscaledValue().toString();
      e = digits.length() - r.scale() - 1;
      digits = pad(digits, (int) f + 1);
    }
    return sign + exponential(digits, e);
  }

  static String toPrecision(double x, Object precision) {
    if (precision == Js.UNDEF) {
      return Js.numberToString(x);
    }
    double p = Js.toInteger(precision);
    if (!Double.isFinite(x)) {
      return Js.numberToString(x);
    }
    if (p < 1 || p > 100) {
      throw new JsError("toPrecision() argument must be between 1 and 100, found " + Js.toStr(precision));
    }
    int prec = (int) p;
    String sign = x < 0 ? "-" : "";
    double a = Math.abs(x);
    String digits;
    int e;
    if (a == 0) {
      digits = "0".repeat(prec);
      e = 0;
    } else {
      BigDecimal r = new BigDecimal(a).round(new MathContext(prec, RoundingMode.HALF_UP));
      digits = r.unscaledValue().toString();
      e = digits.length() - r.scale() - 1;
      digits = pad(digits, prec);
    }
    if (e < -6 || e >= prec) {
      return sign + exponential(digits, e);
    }
    if (e == prec - 1) {
      return sign + digits;
    }
    if (e >= 0) {
      return sign + digits.substring(0, e + 1) + "." + digits.substring(e + 1);
    }
    return sign + "0." + "0".repeat(-(e + 1)) + digits;
  }

  static String toString(double x, Object radixArg) {
    double radix = radixArg == Js.UNDEF ? 10 : Js.toInteger(radixArg);
    if (radix < 2 || radix > 36) {
      throw new JsError("toString() radix must be between 2 and 36, found " + Js.toStr(radixArg));
    }
    if (radix == 10 || !Double.isFinite(x)) {
      return Js.numberToString(x);
    }
    return radixString(x, (int) radix);
  }

  /** The digits of the shortest decimal that reads back as {@code a} (positive, finite). */
  private static String shortestDigits(double a) {
    String s = Js.numberToString(a);
    int ePos = s.indexOf('e');
    if (ePos < 0) {
      return s;
    }
    return new BigDecimal(s.substring(0, ePos)).scaleByPowerOfTen(Integer.parseInt(s.substring(ePos + 1)))
        .toString();
  }

  /** BigDecimal drops no digits, but a rounding up to a power of ten may leave one digit too many. */
  private static String pad(String digits, int n) {
    if (digits.length() > n) {
      return digits.substring(0, n);
    }
    return digits + "0".repeat(n - digits.length());
  }

  private static String exponential(String digits, int e) {
    StringBuilder sb = new StringBuilder().append(digits.charAt(0));
    if (digits.length() > 1) {
      sb.append('.').append(digits, 1, digits.length());
    }
    return sb.append('e').append(e < 0 ? '-' : '+').append(Math.abs(e)).toString();
  }

  /**
   * A non-decimal radix as V8 writes it: the fraction digit by digit until the remaining part is within half an
   * ulp of the value (rounding the last digit), the integer part by repeated division, with zeros where the
   * quotient is beyond 2^53.
   */
  private static String radixString(double value, int radix) {
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
        frac.append(DIGITS.charAt(digit));
        fraction -= digit;
        if (fraction > 0.5 || (fraction == 0.5 && (digit & 1) == 1)) {
          if (fraction + delta > 1) {
            while (true) {
              int pos = frac.length() - 1;
              if (pos < 0) {
                integer += 1;
                break;
              }
              int d = DIGITS.indexOf(frac.charAt(pos));
              frac.setLength(pos);
              if (d + 1 < radix) {
                frac.append(DIGITS.charAt(d + 1));
                break;
              }
            }
            break;
          }
        }
      } while (fraction >= delta);
    }
    StringBuilder whole = new StringBuilder();
    while (integer / radix >= TWO_53) {
      integer /= radix;
      whole.append('0');
    }
    do {
      double remainder = integer % radix;
      whole.append(DIGITS.charAt((int) remainder));
      integer = (integer - remainder) / radix;
    } while (integer > 0);
    whole.reverse();
    StringBuilder out = new StringBuilder();
    if (negative) {
      out.append('-');
    }
    out.append(whole);
    if (frac.length() > 0) {
      out.append('.').append(frac);
    }
    return out.toString();
  }
}
