package dev.portolan.catalog.model.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigInteger;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Plain scalar typing, checked against the schemas' regular expressions (the YAML 1.2 core schema and the
 * YAML 1.1 schema as the {@code yaml} package writes them), which serve as the oracle.
 */
class ScalarResolverTest {

  private static final Pattern NULL = Pattern.compile("(?:~|[Nn]ull|NULL)?");
  private static final Pattern CORE_BOOL = Pattern.compile("[Tt]rue|TRUE|[Ff]alse|FALSE");
  private static final Pattern CORE_OCT = Pattern.compile("0o[0-7]+");
  private static final Pattern CORE_INT = Pattern.compile("[-+]?[0-9]+");
  private static final Pattern CORE_HEX = Pattern.compile("0x[0-9a-fA-F]+");
  private static final Pattern NAN_INF = Pattern.compile("[-+]?\\.(?:inf|Inf|INF)|\\.nan|\\.NaN|\\.NAN");
  private static final Pattern CORE_EXP = Pattern.compile("[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)[eE][-+]?[0-9]+");
  private static final Pattern CORE_FLOAT = Pattern.compile("[-+]?(?:\\.[0-9]+|[0-9]+\\.[0-9]*)");

  /** Every pattern of the YAML 1.1 schema that makes a plain scalar something other than a string. */
  private static final List<Pattern> YAML11 = List.of(
      NULL, NAN_INF,
      Pattern.compile("Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON"),
      Pattern.compile("N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF"),
      Pattern.compile("[-+]?0b[0-1_]+"),
      Pattern.compile("[-+]?0[0-7_]+"),
      Pattern.compile("[-+]?[0-9][0-9_]*"),
      Pattern.compile("[-+]?0x[0-9a-fA-F_]+"),
      Pattern.compile("[-+]?(?:[0-9][0-9_]*)?(?:\\.[0-9_]*)?[eE][-+]?[0-9]+"),
      Pattern.compile("[-+]?(?:[0-9][0-9_]*)?\\.[0-9_]*"),
      Pattern.compile("[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+"),
      Pattern.compile("[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"),
      Pattern.compile("([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})"
          + "(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)"
          + "(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?"));

  private static JsonNode plain(String v, boolean yaml11) {
    return ScalarResolver.resolve(new YNode.Scalar(0, 0, v, null, true), yaml11);
  }

  /** The core schema's verdict, straight from its regular expressions. */
  private static JsonNode coreOracle(String v) {
    if (NULL.matcher(v).matches()) {
      return NullNode.instance;
    }
    if (CORE_BOOL.matcher(v).matches()) {
      return BooleanNode.valueOf(v.charAt(0) == 't' || v.charAt(0) == 'T');
    }
    BigInteger i = null;
    if (CORE_OCT.matcher(v).matches()) {
      i = new BigInteger(v.substring(2), 8);
    } else if (CORE_INT.matcher(v).matches()) {
      i = new BigInteger(v.startsWith("+") ? v.substring(1) : v);
    } else if (CORE_HEX.matcher(v).matches()) {
      i = new BigInteger(v.substring(2), 16);
    }
    if (i != null) {
      return i.bitLength() <= 53 ? LongNode.valueOf(i.longValue()) : DoubleNode.valueOf(i.doubleValue());
    }
    if (NAN_INF.matcher(v).matches()) {
      return DoubleNode.valueOf(v.toLowerCase().endsWith("nan") ? Double.NaN
          : v.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
    }
    if (CORE_EXP.matcher(v).matches() || CORE_FLOAT.matcher(v).matches()) {
      return DoubleNode.valueOf(Double.parseDouble(v));
    }
    return TextNode.valueOf(v);
  }

  @Provide
  Arbitrary<String> scalars() {
    Arbitrary<String> alphabet = Arbitraries.strings()
        .withChars("~nNtTfFyYoOeE-+._:0123456789abcdefxXinINaAulrsLRSUZ \t/")
        .ofMinLength(0).ofMaxLength(12);
    Arbitrary<String> words = Arbitraries.of("null", "Null", "NULL", "~", "true", "True", "TRUE", "false",
        "False", "FALSE", "yes", "No", "on", "OFF", ".inf", "-.Inf", "+.INF", ".nan", ".NaN", ".NAN", "0o17",
        "0x1F", "1e3", "-2.5E-3", ".5", "5.", "190:20:30", "2001-12-14t21:59:43.10-05:00", "2002-12-14",
        "0b1010", "1_000", "e5", "service-a", "nullable", "truey", "0o", "0x", "+", "-", ".");
    Arbitrary<String> any = Arbitraries.strings().ofMinLength(0).ofMaxLength(8);
    return Arbitraries.oneOf(alphabet, words, any,
        Arbitraries.strings().withChars("0123456789.eE+-oxabcdefABCDEFinfINFNaAn").ofMaxLength(10));
  }

  @Property(tries = 5000)
  void resolve_plainCoreScalar_sameAsCoreSchemaRegexes(@ForAll("scalars") String v) {
    assertThat(plain(v, false)).isEqualTo(coreOracle(v));
  }

  @Property(tries = 5000)
  void resolve_plainYaml11ScalarMatchingNoPattern_isString(@ForAll("scalars") String v) {
    boolean typed = YAML11.stream().anyMatch(p -> p.matcher(v).matches());
    if (!typed) {
      assertThat(plain(v, true)).isEqualTo(TextNode.valueOf(v));
    }
  }

  @Test
  void resolve_coreSpecialForms_typed() {
    assertThat(plain("", false)).isEqualTo(NullNode.instance);
    assertThat(plain("~", false)).isEqualTo(NullNode.instance);
    assertThat(plain("~x", false)).isEqualTo(TextNode.valueOf("~x"));
    assertThat(plain("TRUE", false)).isEqualTo(BooleanNode.TRUE);
    assertThat(plain("yes", false)).isEqualTo(TextNode.valueOf("yes"));
    assertThat(plain("-.inf", false)).isEqualTo(DoubleNode.valueOf(Double.NEGATIVE_INFINITY));
    assertThat(Double.isNaN(plain(".NaN", false).doubleValue())).isTrue();
    assertThat(plain("0o17", false)).isEqualTo(LongNode.valueOf(15));
    assertThat(plain("0x1F", false)).isEqualTo(LongNode.valueOf(31));
    assertThat(plain("1.0.0", false)).isEqualTo(TextNode.valueOf("1.0.0"));
    assertThat(plain("2024-01-01", false)).isEqualTo(TextNode.valueOf("2024-01-01"));
  }

  @Test
  void resolve_yaml11Words_typed() {
    assertThat(plain("yes", true)).isEqualTo(BooleanNode.TRUE);
    assertThat(plain("Off", true)).isEqualTo(BooleanNode.FALSE);
    assertThat(plain("1_000", true)).isEqualTo(LongNode.valueOf(1000));
    assertThat(plain("190:20:30", true)).isEqualTo(LongNode.valueOf(685230));
    assertThat(plain("service", true)).isEqualTo(TextNode.valueOf("service"));
  }
}
