package dev.portolan.dora.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one uncompressed JSON Lines file with several threads: the file is cut into chunks just after line feeds,
 * each chunk is read into its own {@link EventStore} by its own thread, and the chunk stores are merged into the
 * target in file order. Because merging is commutative and associative and problem line numbers are moved by the
 * lines of the chunks before, the result is the same as a sequential read.
 */
public final class FileChunks {

  private static final int SCAN = 1 << 16;

  private FileChunks() {}

  /**
   * Reads a file in chunks when it is large enough, uncompressed, and more than one thread is allowed.
   *
   * @param file the file
   * @param sourceName the name used in problem reports
   * @param reader the reader of the target store, which reads the first chunk
   * @param store the target store
   * @param threads the most threads to use
   * @param minChunkBytes the least bytes per chunk
   * @return false when the file was left unread because it does not qualify (read it sequentially)
   * @throws IOException when the file cannot be read
   */
  public static boolean read(
      Path file, String sourceName, JsonLinesReader reader, EventStore store, int threads, long minChunkBytes)
      throws IOException {
    if (threads < 2) {
      return false;
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      int chunks = (int) Math.min(threads, size / Math.max(1, minChunkBytes));
      if (chunks < 2 || gzip(ch)) {
        return false;
      }
      List<Long> starts = new ArrayList<>();
      starts.add(0L);
      for (int i = 1; i < chunks; i++) {
        long cut = afterLineFeed(ch, size * i / chunks, size);
        if (cut > starts.get(starts.size() - 1) && cut < size) {
          starts.add(cut);
        }
      }
      if (starts.size() < 2) {
        return false;
      }
      starts.add(size);
      // Piece 0 goes to the target's own reader; each other piece to a store of its own, merged in file order.
      int pieces = starts.size() - 1;
      EventStore[] parts = new EventStore[pieces];
      long before = store.counter(Counter.LINES_READ);
      Parallel.forEach(
          pieces,
          pieces,
          i -> {
            JsonLinesReader r = i == 0 ? reader : new JsonLinesReader(parts[i] = new EventStore());
            try {
              r.read(new Region(ch, starts.get(i), starts.get(i + 1)), sourceName);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
      long offset = store.counter(Counter.LINES_READ) - before;
      for (int i = 1; i < pieces; i++) {
        long lines = parts[i].counter(Counter.LINES_READ);
        store.merge(parts[i], offset, threads);
        offset += lines;
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return true;
  }

  private static boolean gzip(FileChannel ch) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(2);
    int r = 0;
    while (b.hasRemaining() && r >= 0) {
      r = ch.read(b, b.position());
    }
    return b.position() == 2 && (b.get(0) & 0xFF) == 0x1f && (b.get(1) & 0xFF) == 0x8b;
  }

  /** The position just after the first line feed at or after {@code from}, or {@code size} when there is none. */
  private static long afterLineFeed(FileChannel ch, long from, long size) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(SCAN);
    long pos = from;
    while (pos < size) {
      b.clear();
      int r = ch.read(b, pos);
      if (r <= 0) {
        break;
      }
      for (int i = 0; i < r; i++) {
        if (b.get(i) == '\n') {
          return pos + i + 1;
        }
      }
      pos += r;
    }
    return size;
  }

  /** A byte range of a file channel, read with positional reads so several ranges can be read at once. */
  private static final class Region extends InputStream {
    private final FileChannel ch;
    private long pos;
    private final long end;

    Region(FileChannel ch, long from, long to) {
      this.ch = ch;
      this.pos = from;
      this.end = to;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (pos >= end) {
        return -1;
      }
      if (len == 0) {
        return 0;
      }
      int n = (int) Math.min(len, end - pos);
      int r = ch.read(ByteBuffer.wrap(b, off, n), pos);
      if (r < 0) {
        return -1;
      }
      pos += r;
      return r;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int r = read(one, 0, 1);
      return r < 0 ? -1 : one[0] & 0xFF;
    }
  }
}
