package dev.portolan.scaffolder.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Number methods against what JavaScript itself returns: {@code js-numbers.json} is the output of
 * {@code tools/oracle/js-numbers/generate.js} (Node's {@code toFixed}, {@code toPrecision},
 * {@code toExponential} and {@code toString(radix)} on a seeded set of numbers).
 */
class JsNumbersTest {

  private static double parse(String x) {
    return switch (x) {
      case "NaN" -> Double.NaN;
      case "Infinity" -> Double.POSITIVE_INFINITY;
      case "-Infinity" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(x);
    };
  }

  static String call(double x, String method, Object arg) {
    return switch (method) {
      case "toFixed" -> JsNumbers.toFixed(x, arg);
      case "toPrecision" -> JsNumbers.toPrecision(x, arg);
      case "toExponential" -> JsNumbers.toExponential(x, arg);
      case "toString" -> JsNumbers.toString(x, arg);
      default -> throw new IllegalArgumentException(method);
    };
  }

  @TestFactory
  Stream<DynamicTest> numberMethods_javaScriptCases_sameResults() throws Exception {
    JsonNode cases;
    try (InputStream in = JsNumbersTest.class.getResourceAsStream("/js-numbers.json")) {
      cases = new ObjectMapper().readTree(in);
    }
    return StreamSupport.stream(cases.spliterator(), false).map(c -> {
      String x = c.get("x").asText();
      String method = c.get("method").asText();
      Object arg = c.get("arg").isNull() ? Js.UNDEF : (Object) c.get("arg").asDouble();
      String name = "(" + x + ")." + method + "(" + (arg == Js.UNDEF ? "" : Js.toStr(arg)) + ")";
      return DynamicTest.dynamicTest(name, () ->
          assertThat(call(parse(x), method, arg)).isEqualTo(c.get("out").asText()));
    });
  }

  @Test
  void toFixed_digitsOutOfRange_rangeError() {
    assertThatThrownBy(() -> JsNumbers.toFixed(1.5, 101.0)).isInstanceOf(JsError.class)
        .hasMessage("toFixed() digits argument must be between 0 and 100, found 101");
    assertThatThrownBy(() -> JsNumbers.toPrecision(1.5, 0.0)).isInstanceOf(JsError.class)
        .hasMessageContaining("between 1 and 100");
    assertThatThrownBy(() -> JsNumbers.toString(1.5, 37.0)).isInstanceOf(JsError.class)
        .hasMessage("toString() radix must be between 2 and 36, found 37");
  }

  @Property(tries = 500)
  void toFixed_anyDouble_readsBackWithinHalfAUnitOfTheLastPlace(@ForAll double x) {
    if (!Double.isFinite(x) || Math.abs(x) >= 1e21) {
      return;
    }
    String s = JsNumbers.toFixed(x, 3.0);
    assertThat(s).matches("-?\\d+\\.\\d{3}");
    assertThat(Math.abs(new java.math.BigDecimal(s).subtract(new java.math.BigDecimal(x)).doubleValue()))
        .isLessThanOrEqualTo(0.0005);
  }

  @Property(tries = 500)
  void toString_radix_readsBackAsTheSameDouble(@ForAll double x, @ForAll("radices") int radix) {
    if (!Double.isFinite(x) || Math.abs(x) >= 1e15 || Math.abs(x) < 1e-6) {
      return;
    }
    String s = JsNumbers.toString(x, (double) radix);
    assertThat(parseRadix(s, radix)).isCloseTo(x, org.assertj.core.data.Percentage.withPercentage(1e-10));
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<Integer> radices() {
    return net.jqwik.api.Arbitraries.integers().between(2, 36);
  }

  private static double parseRadix(String s, int radix) {
    boolean negative = s.startsWith("-");
    String t = negative ? s.substring(1) : s;
    int dot = t.indexOf('.');
    String whole = dot < 0 ? t : t.substring(0, dot);
    double v = 0;
    for (char c : whole.toCharArray()) {
      v = v * radix + Character.digit(c, radix);
    }
    if (dot >= 0) {
      double scale = 1.0 / radix;
      for (char c : t.substring(dot + 1).toCharArray()) {
        v += Character.digit(c, radix) * scale;
        scale /= radix;
      }
    }
    return negative ? -v : v;
  }
}
