package dev.portolan.dora.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
      ExecutorService pool =
          Executors.newFixedThreadPool(
              starts.size() - 2,
              r -> {
                Thread t = new Thread(r, "portolan-dora-reader");
                t.setDaemon(true);
                return t;
              });
      try {
        List<Future<EventStore>> parts = new ArrayList<>();
        for (int i = 1; i < starts.size() - 1; i++) {
          long from = starts.get(i);
          long to = starts.get(i + 1);
          parts.add(
              pool.submit(
                  () -> {
                    EventStore s = new EventStore();
                    new JsonLinesReader(s).read(new Region(ch, from, to), sourceName);
                    return s;
                  }));
        }
        long before = store.counter(Counter.LINES_READ);
        reader.read(new Region(ch, 0, starts.get(1)), sourceName);
        long offset = store.counter(Counter.LINES_READ) - before;
        for (Future<EventStore> f : parts) {
          EventStore s = join(f);
          long lines = s.counter(Counter.LINES_READ);
          store.merge(s, offset, threads);
          offset += lines;
        }
      } finally {
        pool.shutdownNow();
      }
    }
    return true;
  }

  private static EventStore join(Future<EventStore> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof IOException io) {
        throw io;
      }
      if (c instanceof RuntimeException r) {
        throw r;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new IOException(c);
    }
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
