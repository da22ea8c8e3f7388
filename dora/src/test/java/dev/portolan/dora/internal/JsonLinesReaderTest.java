package dev.portolan.dora.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonLinesReaderTest {

  private static long[] counters(byte[] input, int blockSize) throws IOException {
    EventStore store = new EventStore();
    new JsonLinesReader(store, blockSize).read(new ByteArrayInputStream(input), "test");
    Model m = new Model(store);
    long[] out = new long[Counter.values().length];
    for (Counter c : Counter.values()) {
      out[c.ordinal()] = m.counters().getOrDefault(c.key(), 0L);
    }
    return out;
  }

  private static String deployment(int i) {
    return "{\"type\":\"deployment\",\"id\":\"d" + i + "\",\"service\":\"s\",\"environment\":\"prod\","
        + "\"status\":\"success\",\"finished_at\":\"2024-01-0" + (1 + i % 9) + "T00:00:00Z\",\"commits\":[\"c" + i
        + "\"]}";
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 7, 64, 200, 4096})
  void read_blockBoundariesAnywhere_sameCountsAsOneBlock(int blockSize) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 50; i++) {
      sb.append(deployment(i)).append(i % 3 == 0 ? "\r\n" : i % 7 == 0 ? "\r" : "\n");
      if (i % 10 == 0) {
        sb.append("{broken\n\n  \n");
      }
      if (i % 11 == 0) {
        sb.append(deployment(1000 + i)).append(' ').append(deployment(2000 + i)).append('\n');
      }
    }
    sb.append("{\"type\":\"change\",\"sha\":\"c1\",\"committed_at\":\"2024-01-01T00:00:00Z\"}");
    byte[] input = sb.toString().getBytes(StandardCharsets.UTF_8);

    long[] reference = counters(input, 1 << 20);
    long[] small = counters(input, blockSize);

    assertThat(small).isEqualTo(reference);
    assertThat(reference[Counter.LINES_READ.ordinal()]).isEqualTo(50 + 5 * 3 + 5 + 1);
    assertThat(reference[Counter.LINES_INVALID_JSON.ordinal()]).isEqualTo(5 + 5);
    assertThat(reference[Counter.DEPLOYMENTS_COUNTED.ordinal()]).isEqualTo(50);
  }

  @Test
  void read_emptyInput_readsNothing() throws IOException {
    long[] c = counters(new byte[0], 64);
    assertThat(c[Counter.LINES_READ.ordinal()]).isZero();
  }

  @Test
  void read_objectSpreadOverLines_eachLineJudgedAlone() throws IOException {
    String text = "{\"a\":\n" + deployment(1) + "\n}\n";
    long[] c = counters(text.getBytes(StandardCharsets.UTF_8), 1 << 16);
    assertThat(c[Counter.LINES_READ.ordinal()]).isEqualTo(3);
    assertThat(c[Counter.LINES_INVALID_JSON.ordinal()]).isEqualTo(2);
    assertThat(c[Counter.DEPLOYMENTS_COUNTED.ordinal()]).isEqualTo(1);
  }

  @Test
  void read_gzipMagicOnAPlainReader_isInvalidJsonNotACrash() throws IOException {
    byte[] gz = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, '\n', 'x'};
    long[] c = counters(gz, 64);
    assertThat(c[Counter.LINES_READ.ordinal()]).isEqualTo(2);
    assertThat(c[Counter.LINES_INVALID_JSON.ordinal()]).isEqualTo(2);
    assertThat(Arrays.stream(c).sum()).isPositive();
    assertThat(GZIPInputStream.GZIP_MAGIC).isEqualTo(0x8b1f);
  }

  @Test
  void read_binaryGarbageAndByteOrderMarks_countedAsInvalidLinesAndTheRestKept() throws IOException {
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
    b.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    b.write((deployment(1) + "\n").getBytes(StandardCharsets.UTF_8));
    b.write(new byte[] {0, 0, 0, 0x7b, 0x70, 0x2f, 0x75, 0x65, '\n'});
    b.write(new byte[] {(byte) 0xFF, (byte) 0xFE, 0x7b, 0, 0x7d, 0, '\n'});
    b.write((deployment(2) + "\n").getBytes(StandardCharsets.UTF_8));
    for (int block : new int[] {1 << 16, 5, 13}) {
      long[] c = counters(b.toByteArray(), block);
      assertThat(c[Counter.LINES_READ.ordinal()]).isEqualTo(4);
      assertThat(c[Counter.LINES_INVALID_JSON.ordinal()]).isEqualTo(3);
      assertThat(c[Counter.DEPLOYMENTS_COUNTED.ordinal()]).isEqualTo(1);
    }
  }

  @Test
  void strip_pythonWhitespace_removedAtBothEnds() {
    assertThat(JsonLinesReader.strip("\u00a0\f\t {}\u2003 ")).isEqualTo("{}");
  }
}
