package dev.portolan.dora.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ShaTableTest {

  /** Lower-case hex digits, their neighbours in ASCII, upper case and bytes above 0x7f. */
  private static final char[] ALPHABET = "0123456789abcdef/:`gAF@G\u0080\u00ff".toCharArray();

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> hex = Arbitraries.strings().withChars("0123456789abcdef".toCharArray()).ofLength(40);
    Arbitrary<String> near = Arbitraries.strings().withChars(ALPHABET).ofLength(40);
    Arbitrary<String> oneOff =
        hex.flatMap(
            h -> Arbitraries.integers().between(0, 39).flatMap(
                i -> Arbitraries.of(ALPHABET).map(c -> h.substring(0, i) + c + h.substring(i + 1))));
    Arbitrary<String> otherLength = Arbitraries.strings().withChars("0123456789abcdef".toCharArray()).ofMaxLength(45);
    return Arbitraries.oneOf(hex, near, oneOff, otherLength);
  }

  @Property(tries = 2000)
  void pack_anyText_sameAsReadingTheDigitsOneByOne(@ForAll("texts") String text) {
    byte[] b = ("  " + text + "  ").getBytes(StandardCharsets.ISO_8859_1);
    long[] key = new long[5];
    boolean packed = ShaTable.pack(b, 2, text.length(), key, 1);
    boolean sha = text.matches("[0-9a-f]{40}");
    assertThat(packed).isEqualTo(sha);
    if (sha) {
      BigInteger v = new BigInteger(text, 16);
      assertThat(key[1]).isEqualTo(v.shiftRight(96).longValue());
      assertThat(key[2]).isEqualTo(v.shiftRight(32).longValue());
      assertThat(key[3]).isEqualTo(v.longValue() & 0xffffffffL);
    }
  }

  @Property(tries = 300)
  void id_bytesAndChars_sameIds(@ForAll("texts") String text) {
    ShaTable t = new ShaTable();
    int fromChars = t.id(text.toCharArray(), 0, text.length());
    byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
    assertThat(t.id(b, 0, b.length)).isEqualTo(fromChars);
    assertThat(t.size()).isEqualTo(1);
  }

  /** Growing segment by segment and taking over another table keep every sha's id, new ones dense after them. */
  @Test
  void packedAndAbsorb_manyShas_idsKeptAndDense() {
    Random r = new Random(5);
    int n = 200_000;
    long[][] keys = new long[n][];
    for (int i = 0; i < n; i++) {
      keys[i] = new long[] {r.nextLong(), r.nextLong(), r.nextLong() & 0xffffffffL};
    }
    ShaTable a = new ShaTable();
    ShaTable b = new ShaTable();
    // a holds the first two thirds, b the last two thirds: one third in both.
    for (int i = 0; i < 2 * n / 3; i++) {
      assertThat(a.packed(keys[i][0], keys[i][1], keys[i][2])).isEqualTo(i);
    }
    int[] inB = new int[n];
    for (int i = n / 3; i < n; i++) {
      inB[i] = b.packed(keys[i][0], keys[i][1], keys[i][2]);
    }
    int other = b.id("not-a-sha");
    for (int i = 0; i < 2 * n / 3; i++) {
      assertThat(a.packed(keys[i][0], keys[i][1], keys[i][2])).isEqualTo(i);
    }
    int[] map = a.absorb(b);
    assertThat(a.size()).isEqualTo(n + 1);
    for (int i = n / 3; i < n; i++) {
      int id = map[inB[i]];
      assertThat(id).isEqualTo(i < 2 * n / 3 ? i : a.packed(keys[i][0], keys[i][1], keys[i][2]));
      assertThat(id).isLessThan(n + 1);
    }
    assertThat(map[other]).isEqualTo(a.id("not-a-sha"));
    Set<Integer> ids = new HashSet<>();
    for (int i = 0; i < n; i++) {
      ids.add(a.packed(keys[i][0], keys[i][1], keys[i][2]));
    }
    assertThat(ids).hasSize(n);
    assertThat(a.size()).isEqualTo(n + 1);
  }
}
