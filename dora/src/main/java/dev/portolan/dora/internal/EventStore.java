package dev.portolan.dora.internal;

import dev.portolan.dora.InputProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Merged delivery events: deployments by id, commit times by sha, incidents by id. Records with the same key are
 * merged with commutative, associative rules, so the result does not depend on order or repetition. Memory grows
 * with distinct deployments, changes and incidents, never with the number of records. Not thread-safe.
 */
public final class EventStore {

  /** Marks a missing timestamp. */
  public static final long NONE = Long.MIN_VALUE;

  /** How many line numbers are kept per problem kind. */
  static final int PROBLEM_SAMPLES = 5;

  final ShaTable shas = new ShaTable();
  long[] shaTime = new long[1 << 14];
  boolean[] shaHasChange = new boolean[1 << 14];
  /** Deployments by dense id: ids, services and normalised environment/status values are interned. */
  final StringTable depIds = new StringTable();
  final StringTable services = new StringTable();
  final StringTable values = new StringTable();
  private final StringTable rawValues = new StringTable();
  private int[] rawToValue = new int[64];
  final int success = values.id("success");
  final int production = values.id("production");
  final int prod = values.id("prod");
  static final byte PRESENT = 1;
  static final byte ROLLBACK = 2;
  static final byte HOTFIX = 4;
  long[] depFinished = new long[1 << 10];
  int[] depService = new int[1 << 10];
  int[] depEnv = new int[1 << 10];
  int[] depStatus = new int[1 << 10];
  /**
   * Each deployment's commits (sha ids, distinct, in no particular order) are {@code depCommitLen[d]} entries of
   * {@link #commits} from {@code depCommitStart[d]}: one flat array rather than one small array per deployment.
   */
  int[] depCommitStart = new int[1 << 10];
  int[] depCommitLen = new int[1 << 10];
  int[] commits = new int[1 << 12];
  private int commitTop;
  byte[] depFlags = new byte[1 << 10];
  int[] depRollbackOf = new int[1 << 10];
  int deploymentsUnique;
  /**
   * Incidents by dense id ({@link #incIds}): service (an id of {@link #services}), opening, resolution
   * ({@link #NONE} when open), and the deployment id and root-cause sha each names, as ids of {@link #incRefs}
   * (-1 when none). Kept in flat arrays rather than objects, which every young collection would copy while they
   * live.
   */
  final StringTable incIds = new StringTable();
  final StringTable incRefs = new StringTable();
  int[] incService = new int[1 << 8];
  long[] incOpened = new long[1 << 8];
  long[] incResolved = new long[1 << 8];
  int[] incCause = new int[1 << 8];
  int[] incRoot = new int[1 << 8];
  final long[] counters = new long[Counter.values().length];
  private final Map<Problem, List<InputProblem>> problemSamples = new EnumMap<>(Problem.class);
  private final Map<String, String> normalized = new HashMap<>();

  /** Creates an empty store. */
  public EventStore() {
    Arrays.fill(shaTime, NONE);
    Arrays.fill(rawToValue, -1);
    Arrays.fill(incOpened, NONE);
  }

  /**
   * Increments a counter.
   *
   * @param c the counter
   */
  public void count(Counter c) {
    counters[c.ordinal()]++;
  }

  void count(Counter c, long n) {
    counters[c.ordinal()] += n;
  }

  /**
   * Reads a counter.
   *
   * @param c the counter
   * @return its value
   */
  public long counter(Counter c) {
    return counters[c.ordinal()];
  }

  /**
   * Records an input problem; the first few of each kind keep their place.
   *
   * @param kind the kind
   * @param source the file name
   * @param line the line number, 1-based (0 for events given as objects)
   * @param column the column in code points, 1-based (0 for events given as objects)
   * @param message what is wrong
   */
  public void problem(Problem kind, String source, long line, int column, String message) {
    List<InputProblem> l = problemSamples.computeIfAbsent(kind, k -> new ArrayList<>());
    if (l.size() < PROBLEM_SAMPLES) {
      l.add(new InputProblem(source, line, column, kind.key(), message));
    }
  }

  /**
   * Whether a problem of this kind would still be kept as a sample, so finding its column is worth the work.
   *
   * @param kind the kind
   * @return true while fewer than the sample count are kept
   */
  public boolean keeps(Problem kind) {
    List<InputProblem> l = problemSamples.get(kind);
    return l == null || l.size() < PROBLEM_SAMPLES;
  }

  /**
   * The first problems of each kind, kind by kind.
   *
   * @return the samples
   */
  public List<InputProblem> problems() {
    List<InputProblem> all = new ArrayList<>();
    problemSamples.values().forEach(all::addAll);
    return Collections.unmodifiableList(all);
  }

  int shaId(char[] c, int off, int len) {
    int id = shas.id(c, off, len);
    ensureSha(id);
    return id;
  }

  /** Change records of packed shas waiting to be merged in a batch: three longs of sha, then the time. */
  private final long[] pending = new long[4 * BATCH];
  private int nPending;
  private static final int BATCH = 64;

  /**
   * Adds a validated change record whose sha is given as ASCII bytes. Records of hex shas are merged in batches
   * (see {@link #flush}), so the table lookups of a batch overlap.
   *
   * @param b the bytes
   * @param off the first byte of the sha
   * @param len its length
   * @param time the commit time in epoch microseconds, or {@link #NONE}
   */
  void change(byte[] b, int off, int len, long time) {
    if (ShaTable.pack(b, off, len, pending, 4 * nPending)) {
      queueChange(time);
    } else {
      change(shaId(b, off, len), time);
    }
  }

  /**
   * Adds a validated change record whose sha is packed ({@link ShaTable#pack}); it waits in the batch of
   * {@link #change(byte[], int, int, long)}.
   *
   * @param a the first word of the packed sha
   * @param b the second word
   * @param d the third word
   * @param time the commit time in epoch microseconds, or {@link #NONE}
   */
  void change(long a, long b, long d, long time) {
    int at = 4 * nPending;
    pending[at] = a;
    pending[at + 1] = b;
    pending[at + 2] = d;
    queueChange(time);
  }

  /** Completes the change record whose packed sha is at the next place of the batch, and flushes a full batch. */
  private void queueChange(long time) {
    count(Counter.CHANGE_RECORDS);
    pending[4 * nPending + 3] = time;
    if (++nPending == BATCH) {
      flush();
    }
  }

  /**
   * Deployment records read from lines, waiting in a batch so that the lookups of their ids and of all their
   * commits overlap (see {@link #flush}).
   */
  private static final int DEPLOYMENT_BATCH = 64;
  private final byte[][] pdId = new byte[DEPLOYMENT_BATCH][];
  private final int[] pdIdOff = new int[DEPLOYMENT_BATCH];
  private final int[] pdIdLen = new int[DEPLOYMENT_BATCH];
  private final long[] pdHash = new long[DEPLOYMENT_BATCH];
  private final int[] pdService = new int[DEPLOYMENT_BATCH];
  private final int[] pdEnv = new int[DEPLOYMENT_BATCH];
  private final int[] pdStatus = new int[DEPLOYMENT_BATCH];
  private final long[] pdFinished = new long[DEPLOYMENT_BATCH];
  /** The batch's commits: {@code pdCommitLen[k]} packed shas from {@code pdCommitStart[k]} of {@link #pdKeys}. */
  private final int[] pdCommitStart = new int[DEPLOYMENT_BATCH];
  private final int[] pdCommitLen = new int[DEPLOYMENT_BATCH];
  /** Packed shas, three longs each ({@link #packShas}); their ids once looked up. */
  private long[] pdKeys = new long[3 * 8 * DEPLOYMENT_BATCH];
  private int[] pdShaIds = new int[8 * DEPLOYMENT_BATCH];
  private int pdKeyCount;
  private final boolean[] pdRollback = new boolean[DEPLOYMENT_BATCH];
  private final boolean[] pdHotfix = new boolean[DEPLOYMENT_BATCH];
  private final byte[][] pdOf = new byte[DEPLOYMENT_BATCH][];
  private final int[] pdOfOff = new int[DEPLOYMENT_BATCH];
  private final int[] pdOfLen = new int[DEPLOYMENT_BATCH];
  private int nPendingDeployments;

  /**
   * Adds a validated deployment record whose id (and rollback target) are ranges of ISO-8859-1 bytes. The record
   * waits in a batch: the bytes must stay unchanged until the next {@link #flush}.
   *
   * @param id the bytes of the id
   * @param idOff its first byte
   * @param idLen its length
   * @param service the service id
   * @param env the normalised environment id
   * @param status the normalised status id
   * @param finished epoch microseconds, or {@link #NONE}
   * @param keys the commits, as {@link #packShas} leaves them (any order, may repeat); the array is not kept
   * @param n how many commits there are
   * @param rollback whether it is a rollback
   * @param hotfix whether it is a hotfix
   * @param of the bytes of the id of the deployment it rolls back, or null
   * @param ofOff its first byte
   * @param ofLen its length
   */
  void deployment(
      byte[] id, int idOff, int idLen, int service, int env, int status, long finished, long[] keys, int n,
      boolean rollback, boolean hotfix, byte[] of, int ofOff, int ofLen) {
    count(Counter.DEPLOYMENT_RECORDS);
    int k = nPendingDeployments;
    pdId[k] = id;
    pdIdOff[k] = idOff;
    pdIdLen[k] = idLen;
    pdHash[k] = StringTable.hash(id, idOff, idLen);
    pdService[k] = service;
    pdEnv[k] = env;
    pdStatus[k] = status;
    pdFinished[k] = finished;
    if (3 * (pdKeyCount + n) > pdKeys.length) {
      pdKeys = Arrays.copyOf(pdKeys, Math.max(3 * (pdKeyCount + n), 2 * pdKeys.length));
    }
    System.arraycopy(keys, 0, pdKeys, 3 * pdKeyCount, 3 * n);
    pdCommitStart[k] = pdKeyCount;
    pdCommitLen[k] = n;
    pdKeyCount += n;
    pdRollback[k] = rollback;
    pdHotfix[k] = hotfix;
    pdOf[k] = of;
    pdOfOff[k] = ofOff;
    pdOfLen[k] = ofLen;
    if (++nPendingDeployments == DEPLOYMENT_BATCH) {
      flushDeployments();
    }
  }

  private void flushDeployments() {
    int n = nPendingDeployments;
    depIds.touch(pdHash, n);
    if (pdShaIds.length < pdKeyCount) {
      pdShaIds = new int[Math.max(pdKeyCount, 2 * pdShaIds.length)];
    }
    shaIds(pdKeys, pdKeyCount, pdShaIds);
    for (int k = 0; k < n; k++) {
      int d = depIds.id(pdId[k], pdIdOff[k], pdIdLen[k], pdHash[k]);
      int of = pdOf[k] == null ? -1 : depIds.id(pdOf[k], pdOfOff[k], pdOfLen[k]);
      int start = commitTop;
      int len = addCommits(pdShaIds, pdCommitStart[k], pdCommitLen[k]);
      mergeDeployment(
          d, pdService[k], pdEnv[k], pdStatus[k], pdFinished[k], start, len, pdRollback[k], pdHotfix[k], of);
      pdId[k] = null;
      pdOf[k] = null;
    }
    nPendingDeployments = 0;
    pdKeyCount = 0;
  }

  /**
   * Merges the change and deployment records waiting in their batches; done before anything reads the merged
   * records, and before the bytes of waiting records change.
   */
  public void flush() {
    flushDeployments();
    long[] p = pending;
    int n = nPending;
    for (int k = 0; k < n; k++) {
      shas.touch(p[4 * k], p[4 * k + 1], p[4 * k + 2]);
    }
    for (int k = 0; k < n; k++) {
      int id = shas.packed(p[4 * k], p[4 * k + 1], p[4 * k + 2]);
      ensureSha(id);
      mergeChange(id, p[4 * k + 3]);
    }
    nPending = 0;
  }

  /**
   * Packs the shas of a deployment's commits given as ASCII bytes into three longs each ({@link ShaTable#pack}),
   * for {@link #shaIds(long[], int, int[])}. A sha that is not 40 lower-case hex digits is looked up at once; its
   * third long is then {@code -1 - id}.
   *
   * @param b the bytes
   * @param from where each sha starts, or -1 for a sha already packed in {@code k}
   * @param len how long each is
   * @param k the packed shas, three longs each; those where {@code from} is -1 are kept
   * @param n how many there are
   */
  void packShas(byte[] b, int[] from, int[] len, long[] k, int n) {
    for (int j = 0; j < n; j++) {
      if (from[j] >= 0 && !ShaTable.pack(b, from[j], len[j], k, 3 * j)) {
        k[3 * j + 2] = -1L - shaId(b, from[j], len[j]);
      }
    }
  }

  /**
   * The ids of shas as {@link #packShas} leaves them, looked up together: the slots of all are read before any is
   * probed, so that their cache misses overlap.
   *
   * @param k the packed shas
   * @param n how many there are
   * @param out receives the ids
   */
  void shaIds(long[] k, int n, int[] out) {
    shas.touch(k, n);
    for (int j = 0; j < n; j++) {
      long d = k[3 * j + 2];
      int id = d < 0 ? (int) (-1L - d) : shas.packed(k[3 * j], k[3 * j + 1], d);
      ensureSha(id);
      out[j] = id;
    }
  }

  /** The id of a sha given as ASCII bytes. */
  int shaId(byte[] c, int off, int len) {
    int id = shas.id(c, off, len);
    ensureSha(id);
    return id;
  }

  /**
   * The id of a sha given as a string.
   *
   * @param sha the sha
   * @return its dense id
   */
  public int shaId(String sha) {
    int id = shas.id(sha);
    ensureSha(id);
    return id;
  }

  private void ensureSha(int id) {
    if (id >= shaTime.length) {
      int cap = Math.max(id + 1, shaTime.length + (shaTime.length >> 1));
      int old = shaTime.length;
      shaTime = Arrays.copyOf(shaTime, cap);
      Arrays.fill(shaTime, old, cap, NONE);
      shaHasChange = Arrays.copyOf(shaHasChange, cap);
    }
  }

  /**
   * The id of a normalised (trimmed, lower-cased) environment or status value.
   *
   * @param c characters of the raw value
   * @param off first character
   * @param len number of characters
   * @return the id in {@link #values}
   */
  int valueId(char[] c, int off, int len) {
    return value(rawValues.id(c, off, len));
  }

  private int value(int raw) {
    if (raw >= rawToValue.length) {
      int old = rawToValue.length;
      rawToValue = Arrays.copyOf(rawToValue, Math.max(raw + 1, old * 2));
      Arrays.fill(rawToValue, old, rawToValue.length, -1);
    }
    int v = rawToValue[raw];
    if (v < 0) {
      v = values.id(rawValues.text(raw).strip().toLowerCase(Locale.ROOT));
      rawToValue[raw] = v;
    }
    return v;
  }

  /** The id of a normalised environment or status value given as ISO-8859-1 bytes. */
  int valueId(byte[] b, int off, int len) {
    return value(rawValues.id(b, off, len));
  }

  int valueId(String s) {
    return valueId(s.toCharArray(), 0, s.length());
  }

  /**
   * Adds a validated deployment record given as strings.
   *
   * @param id the deployment id
   * @param service the service
   * @param env the raw environment
   * @param status the raw status
   * @param finished epoch microseconds, or {@link #NONE}
   * @param commits sha ids (any order, may repeat); the array is not kept
   * @param n how many entries of {@code commits} are used
   * @param rollback whether it is a rollback
   * @param hotfix whether it is a hotfix
   * @param rollbackOf the id of the deployment it rolls back, or null
   */
  public void deployment(
      String id,
      String service,
      String env,
      String status,
      long finished,
      int[] commits,
      int n,
      boolean rollback,
      boolean hotfix,
      String rollbackOf) {
    deployment(
        depIds.id(id), services.id(service), valueId(env), valueId(status), finished, commits, n, rollback, hotfix,
        rollbackOf == null ? -1 : depIds.id(rollbackOf));
  }

  private void ensureDeployment(int d) {
    if (d >= depFinished.length) {
      int cap = Math.max(d + 1, depFinished.length + (depFinished.length >> 1));
      depFinished = Arrays.copyOf(depFinished, cap);
      depService = Arrays.copyOf(depService, cap);
      depEnv = Arrays.copyOf(depEnv, cap);
      depStatus = Arrays.copyOf(depStatus, cap);
      depCommitStart = Arrays.copyOf(depCommitStart, cap);
      depCommitLen = Arrays.copyOf(depCommitLen, cap);
      depFlags = Arrays.copyOf(depFlags, cap);
      depRollbackOf = Arrays.copyOf(depRollbackOf, cap);
    }
  }

  /** Adds a validated deployment record given as interned ids (rollbackOf: a deployment id, or -1). */
  void deployment(
      int d, int service, int env, int status, long finished, int[] commits, int n, boolean rollback,
      boolean hotfix, int rollbackOf) {
    count(Counter.DEPLOYMENT_RECORDS);
    int start = commitTop;
    int len = addCommits(commits, 0, n);
    mergeDeployment(d, service, env, status, finished, start, len, rollback, hotfix, rollbackOf);
  }

  /**
   * Merges one deployment record without counting it; its commits are {@code len} distinct ids of
   * {@link #commits} from {@code start}, just added.
   */
  private void mergeDeployment(
      int d, int service, int env, int status, long finished, int start, int len, boolean rollback,
      boolean hotfix, int rollbackOf) {
    ensureDeployment(Math.max(d, rollbackOf));
    byte flags = (byte) (PRESENT | (rollback ? ROLLBACK : 0) | (hotfix ? HOTFIX : 0));
    if ((depFlags[d] & PRESENT) == 0) {
      deploymentsUnique++;
      depFlags[d] = flags;
      depService[d] = service;
      depEnv[d] = env;
      depStatus[d] = status;
      depFinished[d] = finished;
      depCommitStart[d] = start;
      depCommitLen[d] = len;
      depRollbackOf[d] = rollbackOf;
      return;
    }
    if (service != depService[d] && Strings.compare(services.text(service), services.text(depService[d])) < 0) {
      depService[d] = service;
    }
    if (env != depEnv[d] && Strings.compare(values.text(env), values.text(depEnv[d])) < 0) {
      depEnv[d] = env;
    }
    long f = depFinished[d];
    if (finished != NONE && (f == NONE || finished > f)) {
      depFinished[d] = finished;
      depStatus[d] = status;
    } else if (finished == f && status != depStatus[d]) {
      if (depStatus[d] == success || status == success) {
        depStatus[d] = success;
      } else if (Strings.compare(values.text(status), values.text(depStatus[d])) < 0) {
        depStatus[d] = status;
      }
    }
    mergeCommits(d, start, len);
    depFlags[d] |= flags;
    int r = depRollbackOf[d];
    if (rollbackOf >= 0
        && rollbackOf != r
        && (r < 0 || Strings.compare(depIds.text(rollbackOf), depIds.text(r)) < 0)) {
      depRollbackOf[d] = rollbackOf;
    }
  }

  /** Joins the distinct commits {@code [start, start + len)} of {@link #commits} to a present deployment's. */
  private void mergeCommits(int d, int start, int len) {
    int oldStart = depCommitStart[d];
    int oldLen = depCommitLen[d];
    if (len > 0 && oldLen == 0) {
      depCommitStart[d] = start;
      depCommitLen[d] = len;
    } else if (len > 0
        && !Arrays.equals(commits, start, start + len, commits, oldStart, oldStart + oldLen)) {
      // Their order means nothing, so both are sorted in place; the union is added after them.
      Arrays.sort(commits, oldStart, oldStart + oldLen);
      Arrays.sort(commits, start, start + len);
      depCommitStart[d] = commitTop;
      depCommitLen[d] = addUnion(oldStart, oldLen, start, len);
    }
  }

  /**
   * Adds a validated change record.
   *
   * @param sha the sha id
   * @param time the commit time (committed, else authored) in epoch microseconds, or {@link #NONE}
   */
  public void change(int sha, long time) {
    count(Counter.CHANGE_RECORDS);
    mergeChange(sha, time);
  }

  private void mergeChange(int sha, long time) {
    if (!shaHasChange[sha]) {
      shaHasChange[sha] = true;
      shaTime[sha] = time;
    } else if (time != NONE && (shaTime[sha] == NONE || time < shaTime[sha])) {
      shaTime[sha] = time;
    }
  }

  /**
   * Adds a validated incident record.
   *
   * @param id the incident id
   * @param service the service
   * @param opened epoch microseconds
   * @param resolved epoch microseconds, or {@link #NONE}
   * @param causedBy the deployment id it names, or null
   * @param rootSha the root-cause sha, or null
   */
  public void incident(String id, String service, long opened, long resolved, String causedBy, String rootSha) {
    incident(incIds.id(id), services.id(service), opened, resolved, causedBy, rootSha);
  }

  /**
   * Adds a validated incident record whose id and service are interned already.
   *
   * @param id the incident's id in {@link #incIds}
   * @param service the service's id in {@link #services}
   * @param opened epoch microseconds
   * @param resolved epoch microseconds, or {@link #NONE}
   * @param causedBy the deployment id it names, or null
   * @param rootSha the root-cause sha, or null
   */
  void incident(int id, int service, long opened, long resolved, String causedBy, String rootSha) {
    count(Counter.INCIDENT_RECORDS);
    mergeIncident(
        id, service, opened, resolved, causedBy == null ? -1 : incRefs.id(causedBy),
        rootSha == null ? -1 : incRefs.id(rootSha));
  }

  /** The number of distinct incidents. */
  int incidentCount() {
    return incIds.size();
  }

  /**
   * Merges one incident record: the least service, cause and root-cause sha in code-point order, the earliest
   * opening, the latest resolution.
   */
  private void mergeIncident(int k, int service, long opened, long resolved, int cause, int root) {
    ensureIncident(k);
    if (incOpened[k] == NONE) {
      incService[k] = service;
      incOpened[k] = opened;
      incResolved[k] = resolved;
      incCause[k] = cause;
      incRoot[k] = root;
      return;
    }
    if (service != incService[k] && Strings.compare(services.text(service), services.text(incService[k])) < 0) {
      incService[k] = service;
    }
    incOpened[k] = Math.min(incOpened[k], opened);
    if (resolved != NONE && (incResolved[k] == NONE || resolved > incResolved[k])) {
      incResolved[k] = resolved;
    }
    incCause[k] = leastRef(cause, incCause[k]);
    incRoot[k] = leastRef(root, incRoot[k]);
  }

  /** Of two ids of {@link #incRefs} (-1 for none), the one whose text comes first; none only when both are. */
  private int leastRef(int a, int b) {
    if (a < 0 || a == b) {
      return b;
    }
    if (b < 0) {
      return a;
    }
    return Strings.compare(incRefs.text(a), incRefs.text(b)) < 0 ? a : b;
  }

  private void ensureIncident(int k) {
    if (k >= incOpened.length) {
      int cap = Math.max(k + 1, incOpened.length + (incOpened.length >> 1));
      int old = incOpened.length;
      incService = Arrays.copyOf(incService, cap);
      incOpened = Arrays.copyOf(incOpened, cap);
      Arrays.fill(incOpened, old, cap, NONE);
      incResolved = Arrays.copyOf(incResolved, cap);
      incCause = Arrays.copyOf(incCause, cap);
      incRoot = Arrays.copyOf(incRoot, cap);
    }
  }

  /**
   * Merges everything another store holds into this one, as if its records had been added here: the merge rules
   * are commutative and associative, so the result is the same as reading both inputs into one store. Counters
   * are added; the other store's problem samples follow this one's, their line numbers moved by
   * {@code lineOffset} (the other store read the part of a file after this one's first {@code lineOffset}
   * lines). The other store must not be used afterwards.
   *
   * @param other the store to take over
   * @param lineOffset added to the line numbers of the other store's problems
   */
  public void merge(EventStore other, long lineOffset) {
    merge(other, lineOffset, 1);
  }

  /**
   * As {@link #merge(EventStore, long)}, the commit table being merged on one thread while the other tables are
   * merged on another when {@code threads} is 2 or more.
   *
   * @param other the store to take over
   * @param lineOffset added to the line numbers of the other store's problems
   * @param threads at most this many threads, the calling one included
   */
  public void merge(EventStore other, long lineOffset, int threads) {
    flush();
    other.flush();
    for (int k = 0; k < counters.length; k++) {
      counters[k] += other.counters[k];
    }
    other.problemSamples.forEach(
        (kind, list) -> {
          for (InputProblem p : list) {
            problem(kind, p.source(), p.line() > 0 ? p.line() + lineOffset : 0, p.column(), p.message());
          }
        });
    // The commit table and the string tables share nothing, so they are merged side by side; the deployments'
    // fields follow the string tables, their commits wait for the commit table.
    shas.reserveFor(other.shas);
    int[][] maps = new int[6][];
    Model.IntList fresh = new Model.IntList(other.deploymentsUnique);
    Model.IntList both = new Model.IntList(64);
    Parallel.all(
        threads,
        () -> {
          int[] shaMap = shas.absorb(other.shas);
          int shaMax = -1;
          for (int id : shaMap) {
            shaMax = Math.max(shaMax, id);
          }
          ensureSha(shaMax);
          for (int id = 0; id < shaMap.length; id++) {
            if (other.shaHasChange[id]) {
              mergeChange(shaMap[id], other.shaTime[id]);
            }
          }
          maps[0] = shaMap;
        },
        () -> {
          maps[1] = services.absorb(other.services);
          maps[2] = values.absorb(other.values);
          maps[3] = depIds.absorb(other.depIds);
          maps[4] = incIds.absorb(other.incIds);
          maps[5] = incRefs.absorb(other.incRefs);
          mergeDeploymentFields(other, maps[1], maps[2], maps[3], fresh, both);
        });
    mergeDeploymentCommits(other, maps[0], maps[3], fresh, both, threads);
    int[] svcMap = maps[1];
    int[] refMap = maps[5];
    for (int k = 0; k < other.incIds.size(); k++) {
      int cause = other.incCause[k];
      int root = other.incRoot[k];
      mergeIncident(
          maps[4][k], svcMap[other.incService[k]], other.incOpened[k], other.incResolved[k],
          cause < 0 ? -1 : refMap[cause], root < 0 ? -1 : refMap[root]);
    }
  }

  /**
   * Merges the fields of another store's deployments other than their commits, which are left to
   * {@link #mergeDeploymentCommits}: the other store's ids of those with commits are listed in {@code fresh} when
   * they are new here, else in {@code both}.
   */
  private void mergeDeploymentFields(
      EventStore other, int[] svcMap, int[] valueMap, int[] depMap, Model.IntList fresh, Model.IntList both) {
    ensureDeployment(depIds.size() - 1);
    for (int d = 0; d < other.depIds.size(); d++) {
      byte f = other.depFlags[d];
      if ((f & PRESENT) == 0) {
        continue;
      }
      int t = depMap[d];
      if (other.depCommitLen[d] > 0) {
        (t < depFlags.length && (depFlags[t] & PRESENT) != 0 ? both : fresh).add(d);
      }
      int of = other.depRollbackOf[d];
      mergeDeployment(
          t, svcMap[other.depService[d]], valueMap[other.depEnv[d]], valueMap[other.depStatus[d]],
          other.depFinished[d], 0, 0, (f & ROLLBACK) != 0, (f & HOTFIX) != 0, of < 0 ? -1 : depMap[of]);
    }
  }

  /**
   * Gives the deployments listed by {@link #mergeDeploymentFields} their commits from the other store, in its
   * commit ids: the new ones' lists are copied in two halves side by side, the others' joined to theirs here.
   */
  private void mergeDeploymentCommits(
      EventStore other, int[] shaMap, int[] depMap, Model.IntList fresh, Model.IntList both, int threads) {
    int[] oc = other.commits;
    int[] ocStart = other.depCommitStart;
    int[] ocLen = other.depCommitLen;
    int n = fresh.size;
    int[] at = new int[n + 1];
    at[0] = commitTop;
    for (int k = 0; k < n; k++) {
      int d = fresh.a[k];
      at[k + 1] = at[k] + ocLen[d];
      depCommitStart[depMap[d]] = at[k];
      depCommitLen[depMap[d]] = ocLen[d];
    }
    roomForCommits(at[n] - commitTop);
    int[] c = commits;
    // The other store's lists are distinct already, and distinct shas keep distinct ids here.
    Parallel.forEach(
        2,
        n >= PARALLEL_COPY ? threads : 1,
        half -> {
          for (int k = half * n / 2, end = (half + 1) * n / 2; k < end; k++) {
            int d = fresh.a[k];
            for (int j = ocStart[d], to = at[k], e = j + ocLen[d]; j < e; j++) {
              c[to++] = shaMap[oc[j]];
            }
          }
        });
    commitTop = at[n];
    for (int k = 0; k < both.size; k++) {
      int d = both.a[k];
      int len = ocLen[d];
      roomForCommits(len);
      int start = commitTop;
      for (int j = 0; j < len; j++) {
        commits[start + j] = shaMap[oc[ocStart[d] + j]];
      }
      commitTop += len;
      mergeCommits(depMap[d], start, len);
    }
  }

  /** New deployments from which a merge copies their commits on two threads. */
  private static final int PARALLEL_COPY = 1 << 12;

  /** Up to this many commits are made distinct by comparing each with those kept before it, without sorting. */
  private static final int SMALL_COMMITS = 16;

  /**
   * Adds the distinct values among {@code a[off, off + n)} at the top of {@link #commits} and returns how many
   * there were. A deployment's commits are a set: a short list keeps its first-seen order (its few comparisons are
   * predictable), a longer one is sorted.
   */
  private int addCommits(int[] a, int off, int n) {
    roomForCommits(n);
    int[] c = commits;
    int base = commitTop;
    int k = 0;
    if (n <= SMALL_COMMITS) {
      for (int i = off; i < off + n; i++) {
        int v = a[i];
        boolean seen = false;
        for (int j = 0; j < k; j++) {
          seen |= c[base + j] == v;
        }
        if (!seen) {
          c[base + k++] = v;
        }
      }
    } else {
      System.arraycopy(a, off, c, base, n);
      Arrays.sort(c, base, base + n);
      k = 1;
      for (int i = 1; i < n; i++) {
        if (c[base + i] != c[base + k - 1]) {
          c[base + k++] = c[base + i];
        }
      }
    }
    commitTop += k;
    return k;
  }

  private void roomForCommits(int n) {
    if (commitTop + n > commits.length) {
      commits = Arrays.copyOf(commits, Math.max(commitTop + n, commits.length + (commits.length >> 1)));
    }
  }

  /** Adds the sorted union of two sorted runs of {@link #commits} at its top; returns its length. */
  private int addUnion(int aFrom, int aLen, int bFrom, int bLen) {
    roomForCommits(aLen + bLen);
    int[] c = commits;
    int i = aFrom;
    int iEnd = aFrom + aLen;
    int j = bFrom;
    int jEnd = bFrom + bLen;
    int k = commitTop;
    while (i < iEnd && j < jEnd) {
      if (c[i] < c[j]) {
        c[k++] = c[i++];
      } else if (c[i] > c[j]) {
        c[k++] = c[j++];
      } else {
        c[k++] = c[i++];
        j++;
      }
    }
    while (i < iEnd) {
      c[k++] = c[i++];
    }
    while (j < jEnd) {
      c[k++] = c[j++];
    }
    int n = k - commitTop;
    commitTop = k;
    return n;
  }
}
