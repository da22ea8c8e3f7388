package dev.portolan.catalog.model.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Field format rules, checked against verdicts of Backstage's validators (WHATWG URL parsing for links), and
 * the character loops against the regular expressions they replace.
 */
class FieldFormatsTest {

  /** URL and whether Backstage's {@code new URL(value)} check accepts it. */
  private static final String[][] URLS = {
      {"http://exa%41mple.com", "true"},
      {"https://1.2.3.256/", "false"},
      {"https://0x7f.1/", "true"},
      {"https://\u4f8b\u3048.jp/", "true"},
      {"foo://a b/", "false"},
      {"https://user:pa@ss@host/", "true"},
      {"http://host:/", "true"},
      {"file:///etc", "true"},
      {"https://host_with_underscore.com", "true"},
      {"https://xn--abc.com", "false"},
      {"https://a..b.com", "true"},
      {"https://%zz.com", "false"},
      {"mailto:", "true"},
      {"https://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com", "true"},
      {"https://-a.com", "true"},
      {"https://a-.com", "true"},
      {"http://1.2.3", "true"},
      {"http://999999999", "true"},
      {"http://0x100000000", "false"},
      {"https://a.b.c.d.e.1", "false"},
      {"https://[1::2::3]/", "false"},
      {"http://ex%00.com", "false"},
      {"javascript:alert(1)", "true"},
      {"https://exa mple", "false"},
      {"http://a/b c", "true"},
      {" https://a.com ", "true"},
      {"https://a.com:65535", "true"},
      {"https://a.com:65536", "false"},
      {"http://@a.com", "true"},
      {"http://:pw@a.com", "true"},
      {"ht tp://a", "false"},
      {"1http://a", "false"},
      {"a+b.c-d://x", "true"},
      {"https:", "false"},
      {"https:/", "false"},
      {"https:///a.com", "true"},
      {"http:\\\\a.com", "true"},
      {"urn:isbn:123", "true"},
      {"https://a.com#frag ment", "true"},
      {"https://a.com?q=1 2", "true"},
      {"https://\u00c4\u00d6.com", "true"},
      {"https://xn--nxasmq6b.com", "true"},
      {"https://a.%2Ecom", "true"},
      {"https://a%2ecom.com", "true"},
      {"http://[::]/", "true"},
      {"http://[::1]/", "true"},
      {"http://[1:2:3:4:5:6:7:8]/", "true"},
      {"http://[1:2:3:4:5:6:7:8:9]/", "false"},
      {"http://[::ffff:1.2.3.4]/", "true"},
      {"http://[::ffff:1.2.3.256]/", "false"},
      {"http://[1::]/", "true"},
      {"http://[:1]/", "false"},
      {"http://[1:]/", "false"},
      {"http://[12345::]/", "false"},
      {"http://[1:2:3:4:5:6:7::]/", "true"},
      {"http://[g::]/", "false"},
      {"slack://[::1]/", "true"},
      {"http://[::1.2.3.4]/", "true"},
      {"x.com", "false"},
      {"/rel", "false"},
      {"mailto:a@b", "true"},
      {"slack://c", "true"},
      {"foo:bar", "true"},
      {"https://example.com:99999/", "false"},
  };

  @Test
  void url_backstageCases_sameVerdict() {
    for (String[] c : URLS) {
      assertThat(FieldFormats.url(c[0])).as(c[0]).isEqualTo(Boolean.parseBoolean(c[1]));
    }
  }

  @Test
  void names_namespacesTags_followBackstageRegexes() {
    assertThat(FieldFormats.objectName("a--b")).isTrue();
    assertThat(FieldFormats.objectName("a..b")).isTrue();
    assertThat(FieldFormats.objectName("-a")).isFalse();
    assertThat(FieldFormats.objectName("a".repeat(64))).isFalse();
    assertThat(FieldFormats.dnsLabel("my--ns")).isTrue();
    assertThat(FieldFormats.dnsLabel("My")).isFalse();
    assertThat(FieldFormats.tag("lang:go")).isTrue();
    assertThat(FieldFormats.tag("c++")).isTrue();
    assertThat(FieldFormats.tag("a--b")).isFalse();
    assertThat(FieldFormats.apiVersion("backstage.io/v1alpha1")).isTrue();
    assertThat(FieldFormats.apiVersion("my-company.net/v1-beta")).isFalse();
    assertThat(FieldFormats.apiVersion("1.0")).isFalse();
    assertThat(FieldFormats.apiVersion("a/b/c")).isFalse();
    assertThat(FieldFormats.labelKey("example.com/My_Key")).isTrue();
    assertThat(FieldFormats.labelKey("Example.com/x")).isFalse();
    assertThat(FieldFormats.labelValue("")).isTrue();
    assertThat(FieldFormats.labelValue("a b")).isFalse();
    assertThat(FieldFormats.kind("Component2")).isTrue();
    assertThat(FieldFormats.kind("2Component")).isFalse();
    assertThat(FieldFormats.nonBlank(" \u00a0\t")).isFalse();
  }

  @Test
  void ipv6_groupsAndCompression() {
    assertThat(FieldFormats.ipv6("::")).isTrue();
    assertThat(FieldFormats.ipv6("1:2:3:4:5:6:7:8")).isTrue();
    assertThat(FieldFormats.ipv6("1::2::3")).isFalse();
    assertThat(FieldFormats.ipv6("::ffff:1.2.3.4")).isTrue();
    assertThat(FieldFormats.ipv6("12345::")).isFalse();
  }

  // The character loops agree with Backstage's regular expressions, the oracle.

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
        Arbitraries.strings().withChars("ab1-./").ofMinLength(0).ofMaxLength(12),
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

  @Property(tries = 3000)
  void labelKey_anyString_sameAsSplittingOnSlashAndDots(@ForAll("values") String v) {
    String[] parts = v.split("/", -1);
    boolean expected = parts.length == 1 ? FieldFormats.objectName(parts[0])
        : parts.length == 2 && subdomainBySplit(parts[0]) && FieldFormats.objectName(parts[1]);
    assertThat(FieldFormats.labelKey(v)).isEqualTo(expected);
    assertThat(FieldFormats.dnsSubdomain(v)).isEqualTo(subdomainBySplit(v));
  }

  private static boolean subdomainBySplit(String v) {
    if (v.isEmpty() || v.length() > 253) {
      return false;
    }
    for (String label : v.split("\\.", -1)) {
      if (!FieldFormats.dnsLabel(label)) {
        return false;
      }
    }
    return true;
  }
}
