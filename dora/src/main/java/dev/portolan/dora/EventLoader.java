package dev.portolan.dora;

import dev.portolan.dora.internal.EventStore;
import dev.portolan.dora.internal.FileChunks;
import dev.portolan.dora.internal.JsonLinesReader;
import dev.portolan.dora.internal.Model;
import dev.portolan.dora.internal.Problem;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads delivery events from JSON Lines files, streams and objects, merging them as they come; then
 * {@link #load()} links them into {@link DoraData}. Each event is read once; memory grows with distinct
 * deployments, changes and incidents, not with the input size. A loader is used by one thread, once.
 */
public final class EventLoader {

  private static final String OBJECTS = "<events>";
  /** The least bytes of a file per reading thread. */
  static final long MIN_CHUNK_BYTES = 16L << 20;

  private final EventStore store = new EventStore();
  private final JsonLinesReader reader = new JsonLinesReader(store);
  private int[] shaBuf = new int[16];
  private boolean loaded;
  private final int threads;
  private final long minChunkBytes;

  EventLoader(int threads, long minChunkBytes) {
    this.threads = threads;
    this.minChunkBytes = minChunkBytes;
  }

  /**
   * Reads a JSON Lines file; gzip-compressed when its content starts with the gzip magic bytes. {@code -} reads
   * standard input. A large uncompressed file is read by several threads (see {@link
   * DoraCalculator.Builder#threads}), with the same result as one.
   *
   * @param file the file
   * @return this loader
   * @throws DoraInputException when the file cannot be opened or read
   */
  public EventLoader read(Path file) {
    String name = file.toString();
    if (name.equals("-")) {
      return read(System.in, "-");
    }
    checkOpen();
    try {
      if (FileChunks.read(file, name, reader, store, threads, minChunkBytes)) {
        return this;
      }
    } catch (NoSuchFileException e) {
      throw new DoraInputException(name, 0, 0, null, "a readable file", "no such file", e);
    } catch (IOException | UncheckedIOException e) {
      throw new DoraInputException(name, 0, 0, null, "readable JSON Lines", e.getMessage(), e);
    }
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, name);
    } catch (NoSuchFileException e) {
      throw new DoraInputException(name, 0, 0, null, "a readable file", "no such file", e);
    } catch (IOException e) {
      throw new DoraInputException(name, 0, 0, null, "a readable file", e.getMessage(), e);
    }
  }

  /**
   * Reads JSON Lines from a stream (not closed), decompressing gzip when the stream starts with its magic bytes.
   *
   * @param in the stream
   * @param sourceName the name used in problem reports
   * @return this loader
   * @throws DoraInputException when the stream cannot be read
   */
  public EventLoader read(InputStream in, String sourceName) {
    checkOpen();
    try {
      BufferedInputStream b = new BufferedInputStream(in, 1 << 16);
      b.mark(2);
      int m1 = b.read();
      int m2 = b.read();
      b.reset();
      InputStream src = m1 == 0x1f && m2 == 0x8b ? new GZIPInputStream(b, 1 << 16) : b;
      reader.read(src, sourceName);
    } catch (IOException | UncheckedIOException e) {
      throw new DoraInputException(sourceName, 0, 0, null, "readable JSON Lines", e.getMessage(), e);
    }
    return this;
  }

  /**
   * Adds one event given as an object.
   *
   * @param event the event
   * @return this loader
   */
  public EventLoader add(DeliveryEvent event) {
    checkOpen();
    if (event instanceof DeploymentEvent d) {
      List<String> cs = d.commits();
      if (shaBuf.length < cs.size()) {
        shaBuf = new int[cs.size()];
      }
      for (int i = 0; i < cs.size(); i++) {
        shaBuf[i] = store.shaId(cs.get(i));
      }
      store.deployment(
          d.id(),
          d.service(),
          d.environment(),
          d.status(),
          d.finishedAt().map(EventLoader::micros).orElse(EventStore.NONE),
          shaBuf,
          cs.size(),
          d.rollback(),
          d.hotfix(),
          d.rollbackOf().filter(s -> !s.isEmpty()).orElse(null));
    } else if (event instanceof ChangeEvent c) {
      long t = c.committedAt().or(c::authoredAt).map(EventLoader::micros).orElse(EventStore.NONE);
      store.change(store.shaId(c.sha()), t);
    } else if (event instanceof IncidentEvent i) {
      store.incident(
          i.id(),
          i.service(),
          micros(i.openedAt()),
          i.resolvedAt().map(EventLoader::micros).orElse(EventStore.NONE),
          i.causedByDeployment().filter(s -> !s.isEmpty()).orElse(null),
          i.rootCauseSha().filter(s -> !s.isEmpty()).orElse(null));
    } else {
      store.problem(Problem.UNKNOWN_TYPE, OBJECTS, 0, 0, "unknown event " + event);
    }
    return this;
  }

  /**
   * Adds events given as objects.
   *
   * @param events the events
   * @return this loader
   */
  public EventLoader addAll(Iterable<? extends DeliveryEvent> events) {
    for (DeliveryEvent e : events) {
      add(e);
    }
    return this;
  }

  /**
   * Links everything read so far. The loader cannot be used afterwards.
   *
   * @return the linked data
   */
  public DoraData load() {
    checkOpen();
    loaded = true;
    return new DoraData(new Model(store, threads), store.problems());
  }

  private void checkOpen() {
    if (loaded) {
      throw new IllegalStateException("this loader has already been loaded");
    }
  }

  static long micros(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
  }
}
