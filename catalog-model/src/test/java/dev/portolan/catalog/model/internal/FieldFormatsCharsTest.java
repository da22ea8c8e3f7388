package dev.portolan.catalog.model.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The character loops of {@link FieldFormats} agree with Backstage's regular expressions, the oracle. */
class FieldFormatsCharsTest {

  private static final Pattern API_SUFFIX = Pattern.compile("[a-z0-9A-Z]+");
  private static final Pattern KIND = Pattern.compile("[a-zA-Z][a-z0-9A-Z]*");
  private static final Pattern OBJECT_NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]+(?:-+[a-z0-9]+)*");
  private static final Pattern TAG = Pattern.compile("[a-z0-9:+#]+(-[a-z0-9:+#]+)*");
  private static final Pattern SCHEME = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.\\-]*");

  @Provide
  Arbitrary<String> values() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("aZz09-_.:+#/ \u00e9A").ofMinLength(0).ofMaxLength(10),
        Arbitraries.strings().withChars("ab1-").ofMinLength(0).ofMaxLength(6),
        Arbitraries.strings().ofMinLength(0).ofMaxLength(6));
  }

  @Property(tries = 3000)
  void dnsLabelChars_anyString_sameAsRegex(@ForAll("values") String v) {
    assertThat(FieldFormats.dnsLabelChars(v)).isEqualTo(DNS_LABEL.matcher(v).matches());
  }

  @Property(tries = 3000)
  void allAlnum_anyString_sameAsRegex(@ForAll("values") String v) {
    assertThat(FieldFormats.allAlnum(v)).isEqualTo(API_SUFFIX.matcher(v).matches());
  }

  @Property(tries = 3000)
  void kindChars_anyString_sameAsRegex(@ForAll("values") String v) {
    assertThat(FieldFormats.kindChars(v)).isEqualTo(KIND.matcher(v).matches());
  }

  @Property(tries = 3000)
  void objectNameChars_anyString_sameAsRegex(@ForAll("values") String v) {
    assertThat(FieldFormats.objectNameChars(v)).isEqualTo(OBJECT_NAME.matcher(v).matches());
  }

  @Property(tries = 3000)
  void tagChars_anyString_sameAsRegex(@ForAll("values") String v) {
    assertThat(FieldFormats.tagChars(v)).isEqualTo(TAG.matcher(v).matches());
  }

  @Property(tries = 3000)
  void scheme_anyPrefix_sameAsRegex(@ForAll("values") String v) {
    assertThat(FieldFormats.scheme(v, v.length())).isEqualTo(SCHEME.matcher(v).matches());
  }
}
