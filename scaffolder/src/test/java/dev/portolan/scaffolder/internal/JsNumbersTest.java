package dev.portolan.scaffolder.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Number methods against what JavaScript itself returns: {@code js-number-format.json}
 * ({@code tools/oracle/js-numbers/number-format.js}: chosen values and every argument class) and
 * {@code js-numbers.json} ({@code tools/oracle/js-numbers/generate.js}: a seeded set of numbers), both written
 * by Node.
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
      case "toExponential" -> JsNumbers.toExponential(x, arg);
      case "toPrecision" -> JsNumbers.toPrecision(x, arg);
      default -> JsNumbers.toString(x, arg);
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

  /** The cases written by tools/oracle/js-numbers/number-format.js from node's own Number methods. */
  @Test
  void formatting_nodeCases_matchV8() throws IOException {
    JsonNode fixture;
    try (InputStream in = JsNumbersTest.class.getResourceAsStream("/js-number-format.json")) {
      fixture = new ObjectMapper().readTree(in);
    }
    SoftAssertions soft = new SoftAssertions();
    int n = 0;
    for (JsonNode c : fixture.path("cases")) {
      double x = Double.parseDouble(c.path("value").asText());
      Object arg = c.path("arg").isNull() ? Js.UNDEF : (Object) c.path("arg").asDouble();
      String method = c.path("method").asText();
      soft.assertThat(call(x, method, arg)).as("(%s).%s(%s)", c.path("value").asText(), method, arg)
          .isEqualTo(c.path("result").asText());
      n++;
    }
    assertThat(n).isGreaterThan(2000);
    soft.assertAll();
  }

  @Test
  void toFixed_tieOnTheBinaryValue_roundsAsTheExactValueSays() {
    assertThat(JsNumbers.toFixed(1.005, 2.0)).isEqualTo("1.00");
    assertThat(JsNumbers.toFixed(1.45, 1.0)).isEqualTo("1.4");
    assertThat(JsNumbers.toFixed(2.5, Js.UNDEF)).isEqualTo("3");
    assertThat(JsNumbers.toFixed(-2.5, Js.UNDEF)).isEqualTo("-3");
    assertThat(JsNumbers.toFixed(-0.0, 2.0)).isEqualTo("0.00");
    assertThat(JsNumbers.toFixed(-0.0001, 2.0)).isEqualTo("-0.00");
  }

  @Test
  void toFixed_atLeast1e21_givesTheNumbersStringForm() {
    assertThat(JsNumbers.toFixed(1e21, 2.0)).isEqualTo("1e+21");
    assertThat(JsNumbers.toFixed(-1.5e21, 0.0)).isEqualTo("-1.5e+21");
    assertThat(JsNumbers.toFixed(123456789012345680000.0, 2.0)).isEqualTo("123456789012345683968.00");
  }

  @Test
  void toFixed_digitsOutOfRange_failsWithARangeMessage() {
    assertThatThrownBy(() -> JsNumbers.toFixed(1, 101.0)).isInstanceOf(JsError.class)
        .hasMessage("toFixed() digits argument must be between 0 and 100, found 101");
    assertThatThrownBy(() -> JsNumbers.toFixed(Double.NaN, -1.0)).isInstanceOf(JsError.class);
    assertThat(JsNumbers.toFixed(1.5, "1.9")).isEqualTo("1.5");
  }

  @Test
  void toExponential_withoutDigits_usesTheShortestDigits() {
    assertThat(JsNumbers.toExponential(123.456, Js.UNDEF)).isEqualTo("1.23456e+2");
    assertThat(JsNumbers.toExponential(0, Js.UNDEF)).isEqualTo("0e+0");
    assertThat(JsNumbers.toExponential(0, 2.0)).isEqualTo("0.00e+0");
    assertThat(JsNumbers.toExponential(9.99, 1.0)).isEqualTo("1.0e+1");
    assertThat(JsNumbers.toExponential(Double.NEGATIVE_INFINITY, 200.0)).isEqualTo("-Infinity");
  }

  @Test
  void toExponential_digitsOutOfRange_fails() {
    assertThatThrownBy(() -> JsNumbers.toExponential(1, -1.0)).isInstanceOf(JsError.class)
        .hasMessageContaining("between 0 and 100");
  }

  @Test
  void toPrecision_smallAndLargeExponents_switchToExponentialNotation() {
    assertThat(JsNumbers.toPrecision(8080.125, 3.0)).isEqualTo("8.08e+3");
    assertThat(JsNumbers.toPrecision(0.000001234, 2.0)).isEqualTo("0.0000012");
    assertThat(JsNumbers.toPrecision(0.0000001234, 2.0)).isEqualTo("1.2e-7");
    assertThat(JsNumbers.toPrecision(99.99, 3.0)).isEqualTo("100");
    assertThat(JsNumbers.toPrecision(0, 3.0)).isEqualTo("0.00");
    assertThat(JsNumbers.toPrecision(1.5, Js.UNDEF)).isEqualTo("1.5");
  }

  @Test
  void toPrecision_precisionOutOfRange_fails() {
    assertThatThrownBy(() -> JsNumbers.toPrecision(1, 0.0)).isInstanceOf(JsError.class)
        .hasMessage("toPrecision() argument must be between 1 and 100, found 0");
    assertThat(JsNumbers.toPrecision(Double.NaN, 0.0)).isEqualTo("NaN");
  }

  @Test
  void toString_radix_writesDigitsAsV8Does() {
    assertThat(JsNumbers.toString(255, 16.0)).isEqualTo("ff");
    assertThat(JsNumbers.toString(-255.5, 16.0)).isEqualTo("-ff.8");
    assertThat(JsNumbers.toString(0.1, 2.0)).isEqualTo("0.0001100110011001100110011001100110011001100110011001101");
    assertThat(JsNumbers.toString(35, 36.0)).isEqualTo("z");
    assertThat(JsNumbers.toString(0.5, Js.UNDEF)).isEqualTo("0.5");
  }

  @Test
  void toString_radixOutOfRange_fails() {
    assertThatThrownBy(() -> JsNumbers.toString(1, 37.0)).isInstanceOf(JsError.class)
        .hasMessage("toString() radix must be between 2 and 36, found 37");
    assertThatThrownBy(() -> JsNumbers.toString(1, 1.0)).isInstanceOf(JsError.class);
  }

  @Property(tries = 500)
  void toFixed_anyValue_isTheNearestWithThoseDigits(@ForAll @DoubleRange(min = -1e20, max = 1e20) double x,
      @ForAll @IntRange(min = 0, max = 30) int digits) {
    BigDecimal got = new BigDecimal(JsNumbers.toFixed(x, (double) digits));
    assertThat(got.scale()).isEqualTo(digits);
    BigDecimal error = got.subtract(new BigDecimal(x)).abs();
    assertThat(error.compareTo(new BigDecimal("0.5").scaleByPowerOfTen(-digits))).isLessThanOrEqualTo(0);
  }

  @Property(tries = 500)
  void toPrecisionAndToExponential_anyValue_agreeOnTheDigits(@ForAll double x,
      @ForAll @IntRange(min = 1, max = 40) int precision) {
    String p = JsNumbers.toPrecision(x, (double) precision);
    String e = JsNumbers.toExponential(x, (double) (precision - 1));
    if (!Double.isFinite(x)) {
      assertThat(p).isEqualTo(e).isEqualTo(Js.numberToString(x));
      return;
    }
    assertThat(new BigDecimal(p)).isEqualByComparingTo(new BigDecimal(e));
    assertThat(significantDigits(e)).isEqualTo(precision);
  }

  @Property(tries = 500)
  void shortestForms_anyValue_readBackAsTheSameDouble(@ForAll double x) {
    if (Double.isFinite(x)) {
      assertThat(Double.parseDouble(JsNumbers.toExponential(x, Js.UNDEF))).isEqualTo(x);
      assertThat(Double.parseDouble(JsNumbers.toPrecision(x, 17.0))).isEqualTo(x);
    }
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

  private static int significantDigits(String exponential) {
    String mantissa = exponential.replace("-", "").substring(0, exponential.replace("-", "").indexOf('e'));
    List<Character> digits = new ArrayList<>();
    for (char c : mantissa.toCharArray()) {
      if (Character.isDigit(c)) {
        digits.add(c);
      }
    }
    return digits.size();
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
