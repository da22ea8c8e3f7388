package dev.portolan.dora.internal;

import dev.portolan.dora.ScopeMetrics;
import dev.portolan.dora.Tier;
import dev.portolan.dora.TierProfile;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Everything the per-window metrics need, linked once over all data: counted deployments in (finished, id) order,
 * first deliveries and lead-time samples, rollback targets, incident links, failures and restorations. Immutable
 * once built; safe to share between threads.
 */
public final class Model {

  static final long US_PER_SECOND = 1_000_000L;
  static final long US_PER_DAY = 86_400L * US_PER_SECOND;

  private final String[] services;
  private final Map<String, Integer> serviceIndex;
  /**
   * The counted deployments by service, each service's in order: finish, restoration ({@link EventStore#NONE}
   * when open or not failed) and the {@link #FAILED} and {@link #REWORK} flags. A report reads each service's
   * range in place.
   */
  private final long[] depFin;
  private final long[] depRestored;
  private final byte[] depFlags;
  /** Where each service's range of {@link #depFin} starts; the last entry is where the last one ends. */
  private final int[] depBase;
  /** The finish of the latest counted deployment, or {@link EventStore#NONE}. */
  private final long lastFinish;

  private static final byte FAILED = 1;
  private static final byte REWORK = 2;
  /**
   * First-delivery time and lead of the delivered changes with a lead, service {@code s} having the range from
   * {@code leadBase[s]} to {@code leadBase[s + 1]}: one pair of arrays for all, as many small ones would be copied
   * by every young collection while they live.
   */
  private final long[] leadAt;
  private final long[] leadUs;
  private final int[] leadBase;
  /**
   * Per service: how many of the entries of its range of {@link #leadAt} and {@link #leadUs} are samples. They are
   * two runs, each in delivery order: {@code [0, leadFront)} and {@code [leadFront, leadCount)} of the range.
   */
  private final int[] leadCount;
  private final int[] leadFront;

  /** Commits of counted deployments from which linking splits its work among threads. */
  static final long PARALLEL_COMMITS = 1 << 16;
  /** Per service: incidents' opening and resolution. */
  private final long[] incOpened;
  private final long[] incResolved;
  /** Where each service's range of {@link #incOpened} and {@link #incResolved} starts, as {@link #depBase}. */
  private final int[] incBase;
  private final Map<String, Long> counters;
  /** Made on first use; racing threads make equal arrays. */
  private volatile int[] allServices;

  /**
   * Links the merged events of a store on the calling thread. The store may be discarded afterwards.
   *
   * @param store the merged events
   */
  public Model(EventStore store) {
    this(store, 1);
  }

  /**
   * Links the merged events of a store, splitting the per-commit work among threads; the result is the same with
   * any number of threads. The store may be discarded afterwards.
   *
   * @param store the merged events
   * @param threads at most this many threads, the calling one included
   */
  public Model(EventStore store, int threads) {
    this(store, threads, PARALLEL_COMMITS);
  }

  /**
   * As {@link #Model(EventStore, int)}, splitting the work from {@code parallelCommits} commits on, and ordering
   * deployments beside looking up incidents from as many deployments on.
   */
  Model(EventStore store, int threads, long parallelCommits) {
    // Each step's loop is a method of its own: each is compiled on its own, soon after its first run, and this
    // constructor, with no long loop, is never compiled as one large method.
    store.flush();
    long[] c = store.counters.clone();
    c[Counter.DEPLOYMENTS_UNIQUE.ordinal()] = store.deploymentsUnique;
    c[Counter.INCIDENTS_UNIQUE.ordinal()] = store.incidentCount();

    // 1. Counted deployments in order, beside the incidents' lookups in the store, which share nothing with them.
    Incidents inc = new Incidents(store);
    Counted counted = new Counted(store, c);
    Parallel.all(threads > 1 && store.deploymentsUnique >= parallelCommits ? 2 : 1, counted, inc);
    int[] sorted = counted.sorted;
    int n = sorted.length;
    int[] pos = counted.pos;

    // Services: counted deployments' and incidents' services, in code-point order.
    int ni = inc.n;
    boolean[] storeServiceSeen = seen(counted.service, counted.service.length, store.services.size());
    markSeen(store.incService, ni, storeServiceSeen);
    int[] storeToModel = new int[storeServiceSeen.length];
    services = serviceNames(store.services, storeServiceSeen, storeToModel);
    serviceIndex = indexOf(services);
    int ns = services.length;
    long[] fin = counted.fin;
    boolean[] rework = counted.rework;
    int[] svc = counted.service;
    depBase = starts(remap(svc, storeToModel, ns));
    lastFinish = n == 0 ? EventStore.NONE : fin[n - 1];

    // Root-cause lookups the incidents will need: (service, sha) -> position of the first delivery.
    int[] incService = new int[ni];
    Map<Long, Integer> wanted = wanted(inc, store.incService, storeToModel, incService);

    // 2. First delivery of each (service, sha) and the lead-time samples. Every decision about a sha depends only on
    // that sha's deliveries in deployment order, so the shas are split among the parts by id. Each service's samples
    // fit in the commits of its deployments, so its arrays are made once, at that size: part 0 fills them from the
    // front, part 1 from the back.
    long[] shaInfo = inc.shaInfo;
    markRootCauses(shaInfo, wanted);
    int[] commitAt = counted.commitAt;
    int[] base = starts(room(svc, commitAt, ns));
    long commitRefs = base[ns];
    leadBase = base;
    leadAt = new long[base[ns]];
    leadUs = new long[base[ns]];
    int parts = threads > 1 && commitRefs >= parallelCommits ? 2 : 1;
    // Each part reads every delivering deployment's commits, so they are first copied out in deployment order,
    // each part copying half of them, and then read in one run.
    int[] commits = new int[commitAt[n]];
    Parallel.forEach(
        parts, parts, k -> copyCommits(store, sorted, commitAt, commits, k * n / parts, (k + 1) * n / parts));
    Deliveries[] part = new Deliveries[parts];
    for (int k = 0; k < parts; k++) {
      part[k] = new Deliveries(k, parts, commits, commitAt, svc, fin, shaInfo, wanted, base, leadAt, leadUs);
    }
    Parallel.forEach(parts, parts, k -> part[k].run());
    leadFront = part[0].count;
    leadCount = part[0].count.clone();
    long delivered = 0;
    long unknown = 0;
    long negative = 0;
    for (Deliveries dl : part) {
      delivered += dl.delivered;
      unknown += dl.unknown;
      negative += dl.negative;
      addRootHits(dl.rootHits, wanted);
    }
    c[Counter.DELIVERED_CHANGES.ordinal()] = delivered;
    c[Counter.DELIVERED_CHANGES_UNKNOWN_COMMIT_TIME.ordinal()] = unknown;
    c[Counter.DELIVERED_CHANGES_NEGATIVE_LEAD_TIME.ordinal()] = negative;

    // 3. Rollbacks -> the deployment they roll back, beside 4. incident -> deployment links (explicit only) and the
    // last of the lead-time samples and change counts, which share nothing with them. Each side counts apart.
    int split = threads > 1 && n >= parallelCommits ? 2 : 1;
    long[][] rolledBack = new long[1][];
    long[] c3 = new long[c.length];
    long[] c4 = new long[c.length];
    Links links = new Links(n, ns);
    long[] at = leadAt;
    long[] us = leadUs;
    int[] front = leadFront;
    int[] count = leadCount;
    Parallel.all(
        split,
        () -> {
          rolledBack[0] = rollbacks(store, sorted, svc, fin, pos, ns, c3);
          countChanges(store.shaHasChange, shaInfo, store.shas.size(), c3);
        },
        () -> {
          if (parts == 2) {
            joinFromBack(part[1].count, base, front, count, at, us);
          }
          links.link(store, inc, incService, pos, wanted, c4);
        });
    for (int k = 0; k < c.length; k++) {
      c[k] += c3[k] + c4[k];
    }
    long[] rolledBackAt = rolledBack[0];
    incBase = starts(links.perService);
    incOpened = new long[ni];
    incResolved = new long[ni];
    layOutIncidents(store, incService, incBase, incOpened, incResolved);

    // 5. Failure and restoration per counted deployment, laid out by service: the deployments are split among the
    // threads in runs, each of which knows where its first deployment of each service goes.
    long[] byFin = new long[n];
    long[] byRestored = new long[n];
    byte[] byFlags = new byte[n];
    int[][] next = new int[split][];
    next[0] = depBase.clone();
    for (int k = 1; k < split; k++) {
      next[k] = next[k - 1].clone();
      tally(svc, (k - 1) * n / split, k * n / split, next[k]);
    }
    long[] failedIn = new long[split];
    Parallel.forEach(
        split,
        split,
        run ->
            failedIn[run] =
                layOutDeployments(
                    run * n / split, (run + 1) * n / split, next[run], svc, fin, rework, rolledBackAt, links,
                    byFin, byRestored, byFlags));
    depFin = byFin;
    depRestored = byRestored;
    depFlags = byFlags;
    long failedCount = 0;
    for (long f : failedIn) {
      failedCount += f;
    }
    c[Counter.DEPLOYMENTS_FAILED.ordinal()] = failedCount;

    Map<String, Long> out = new TreeMap<>();
    for (Counter k : Counter.values()) {
      long v = c[k.ordinal()];
      if (v != 0 || k.always()) {
        out.put(k.key(), v);
      }
    }
    counters = out;
  }

  /** Which of {@code size} ids occur in {@code ids[0, n)}. */
  private static boolean[] seen(int[] ids, int n, int size) {
    boolean[] seen = new boolean[size];
    markSeen(ids, n, seen);
    return seen;
  }

  /**
   * The names of the services seen, in code-point order; fills {@code storeToModel} with each store id's place in
   * that order, or -1 for a service not seen.
   */
  private static String[] serviceNames(StringTable services, boolean[] seen, int[] storeToModel) {
    TreeMap<String, Integer> byName = new TreeMap<>(Strings::compare);
    for (int s = 0; s < seen.length; s++) {
      storeToModel[s] = -1;
      if (seen[s]) {
        byName.put(services.text(s), s);
      }
    }
    String[] names = new String[byName.size()];
    int i = 0;
    for (Map.Entry<String, Integer> e : byName.entrySet()) {
      names[i] = e.getKey();
      storeToModel[e.getValue()] = i++;
    }
    return names;
  }

  private static Map<String, Integer> indexOf(String[] names) {
    Map<String, Integer> index = new HashMap<>(names.length * 2);
    for (int i = 0; i < names.length; i++) {
      index.put(names[i], i);
    }
    return index;
  }

  /** Sets the root-cause mark of each sha an incident names. */
  private static void markRootCauses(long[] shaInfo, Map<Long, Integer> wanted) {
    for (long k : wanted.keySet()) {
      shaInfo[2 * (int) k + 1] = 1;
    }
  }

  /** Records the first deliveries found of the (service, root-cause sha) pairs: key, then position. */
  private static void addRootHits(LongList hits, Map<Long, Integer> wanted) {
    for (int k = 0; k < hits.size; k += 2) {
      wanted.put(hits.a[k], (int) hits.a[k + 1]);
    }
  }

  private static void markSeen(int[] ids, int n, boolean[] seen) {
    for (int i = 0; i < n; i++) {
      seen[ids[i]] = true;
    }
  }

  /** Maps each service in place to its model index; returns how many deployments each has. */
  private static int[] remap(int[] svc, int[] storeToModel, int ns) {
    int[] perService = new int[ns];
    for (int i = 0; i < svc.length; i++) {
      int s = storeToModel[svc[i]];
      svc[i] = s;
      perService[s]++;
    }
    return perService;
  }

  /** Counts the services of {@code svc[from, to)} into {@code counts}. */
  private static void tally(int[] svc, int from, int to, int[] counts) {
    for (int p = from; p < to; p++) {
      counts[svc[p]]++;
    }
  }

  /**
   * Each incident's service index into {@code incService}; returns the (service, root-cause sha) pairs the
   * incidents name, each mapped to -1 until its first delivery is found.
   */
  private static Map<Long, Integer> wanted(
      Incidents inc, int[] storeService, int[] storeToModel, int[] incService) {
    Map<Long, Integer> wanted = new HashMap<>();
    for (int k = 0; k < incService.length; k++) {
      incService[k] = storeToModel[storeService[k]];
      if (inc.sha[k] >= 0) {
        wanted.put(key(incService[k], inc.sha[k]), -1);
      }
    }
    return wanted;
  }

  /** How many commits each service's deployments deliver: room enough for its lead-time samples. */
  private static int[] room(int[] svc, int[] commitAt, int ns) {
    int[] room = new int[ns];
    for (int p = 0; p < svc.length; p++) {
      room[svc[p]] += commitAt[p + 1] - commitAt[p];
    }
    return room;
  }

  /** Copies the commits of the deployments at positions {@code [from, to)} to their ranges of {@code commits}. */
  private static void copyCommits(EventStore store, int[] sorted, int[] commitAt, int[] commits, int from, int to) {
    int[] src = store.commits;
    int[] start = store.depCommitStart;
    for (int p = from; p < to; p++) {
      int j = start[sorted[p]];
      for (int k = commitAt[p], end = commitAt[p + 1]; k < end; k++) {
        commits[k] = src[j++];
      }
    }
  }

  /**
   * Part 1's samples end each service's range, latest first ({@code back[s]} of them): reverses them and moves
   * them after part 0's, adding them to the counts.
   */
  private static void joinFromBack(
      int[] back, int[] base, int[] front, int[] count, long[] leadAt, long[] leadUs) {
    for (int s = 0; s < back.length; s++) {
      int k = back[s];
      if (k > 0) {
        int from = base[s + 1] - k;
        reverse(leadAt, from, base[s + 1]);
        reverse(leadUs, from, base[s + 1]);
        System.arraycopy(leadAt, from, leadAt, base[s] + front[s], k);
        System.arraycopy(leadUs, from, leadUs, base[s] + front[s], k);
        count[s] += k;
      }
    }
  }

  /** Counts the distinct changes and those no deployment delivered. */
  private static void countChanges(boolean[] hasChange, long[] shaInfo, int shaCount, long[] c) {
    long changesUnique = 0;
    long neverDeployed = 0;
    for (int sha = 0; sha < shaCount; sha++) {
      if (hasChange[sha]) {
        changesUnique++;
        if (shaInfo[2 * sha + 1] >>> 1 == 0) {
          neverDeployed++;
        }
      }
    }
    c[Counter.CHANGES_UNIQUE.ordinal()] = changesUnique;
    c[Counter.CHANGES_NEVER_DEPLOYED.ordinal()] = neverDeployed;
  }

  /** When each counted deployment was first rolled back ({@link EventStore#NONE} when never), by position. */
  private static long[] rollbacks(
      EventStore store, int[] sorted, int[] svc, long[] fin, int[] pos, int ns, long[] c) {
    int n = sorted.length;
    long[] rolledBackAt = new long[n];
    Arrays.fill(rolledBackAt, EventStore.NONE);
    int[] lastNonRollback = new int[ns];
    Arrays.fill(lastNonRollback, -1);
    for (int i = 0; i < n; i++) {
      int d = sorted[i];
      if ((store.depFlags[d] & EventStore.ROLLBACK) == 0) {
        lastNonRollback[svc[i]] = i;
        continue;
      }
      c[Counter.ROLLBACKS.ordinal()]++;
      int target = -1;
      int of = store.depRollbackOf[d];
      if (of >= 0) {
        int tp = pos[of];
        if (tp >= 0 && tp < i && svc[tp] == svc[i]) {
          target = tp;
        }
      }
      if (target < 0) {
        target = lastNonRollback[svc[i]];
      }
      if (target < 0) {
        c[Counter.ROLLBACKS_WITHOUT_TARGET.ordinal()]++;
      } else if (rolledBackAt[target] == EventStore.NONE || fin[i] < rolledBackAt[target]) {
        rolledBackAt[target] = fin[i];
      }
    }
    return rolledBackAt;
  }

  /** The incidents linked to each counted deployment, by position, and how many incidents each service has. */
  private static final class Links {
    final int[] linked;
    final boolean[] anyOpen;
    final long[] lastResolved;
    final int[] perService;

    Links(int n, int ns) {
      linked = new int[n];
      anyOpen = new boolean[n];
      lastResolved = new long[n];
      Arrays.fill(lastResolved, EventStore.NONE);
      perService = new int[ns];
    }

    void link(EventStore store, Incidents inc, int[] incService, int[] pos, Map<Long, Integer> wanted, long[] c) {
      long[] resolvedAt = store.incResolved;
      for (int k = 0; k < incService.length; k++) {
        long resolved = resolvedAt[k];
        int p = -1;
        int d = inc.dep[k];
        if (d >= 0 && d < pos.length && pos[d] >= 0) {
          p = pos[d];
          c[Counter.INCIDENTS_LINKED_BY_DEPLOYMENT_ID.ordinal()]++;
        }
        if (p < 0 && inc.sha[k] >= 0) {
          Integer w = wanted.get(key(incService[k], inc.sha[k]));
          if (w != null && w >= 0) {
            p = w;
            c[Counter.INCIDENTS_LINKED_BY_ROOT_CAUSE_SHA.ordinal()]++;
          }
        }
        if (p < 0) {
          c[Counter.INCIDENTS_UNLINKED.ordinal()]++;
        } else {
          linked[p]++;
          if (resolved == EventStore.NONE) {
            anyOpen[p] = true;
          } else if (lastResolved[p] == EventStore.NONE || resolved > lastResolved[p]) {
            lastResolved[p] = resolved;
          }
        }
        if (resolved == EventStore.NONE) {
          c[Counter.INCIDENTS_OPEN.ordinal()]++;
        }
        perService[incService[k]]++;
      }
    }
  }

  /** Puts each incident's opening and resolution in its service's range. */
  private static void layOutIncidents(
      EventStore store, int[] incService, int[] incBase, long[] opened, long[] resolved) {
    int[] next = incBase.clone();
    for (int k = 0; k < incService.length; k++) {
      int at = next[incService[k]]++;
      opened[at] = store.incOpened[k];
      resolved[at] = store.incResolved[k];
    }
  }

  /**
   * Lays out the counted deployments at positions {@code [from, to)} by service, {@code at[s]} being where the
   * next one of service s goes; returns how many of them failed.
   */
  private static long layOutDeployments(
      int from, int to, int[] at, int[] svc, long[] fin, boolean[] rework, long[] rolledBackAt, Links links,
      long[] byFin, long[] byRestored, byte[] byFlags) {
    int[] linked = links.linked;
    boolean[] anyOpen = links.anyOpen;
    long[] lastResolved = links.lastResolved;
    long failed = 0;
    for (int p = from; p < to; p++) {
      int k = at[svc[p]]++;
      byFin[k] = fin[p];
      long rb = rolledBackAt[p];
      byte flags = rework[p] ? REWORK : 0;
      long r = EventStore.NONE;
      if (linked[p] > 0 || rb != EventStore.NONE) {
        flags |= FAILED;
        failed++;
        r = rb;
        if (linked[p] > 0 && !anyOpen[p]) {
          r = r == EventStore.NONE ? lastResolved[p] : Math.min(r, lastResolved[p]);
        }
      }
      byRestored[k] = r;
      byFlags[k] = flags;
    }
    return failed;
  }

  /**
   * The counted deployments (finished, successful, in production) in (finished, id) order, with each one's position
   * by store id, counting the others by why they are not counted.
   */
  private static final class Counted implements Runnable {
    private final EventStore store;
    private final long[] c;
    int[] sorted;
    int[] pos;
    /** By position: finish, service in the store's ids, rework flag. */
    long[] fin;
    /**
     * By position: where the deployment's commits start among all delivering deployments' commits in order; a
     * rollback delivers nothing, so its range is empty. The last entry is where the last range ends.
     */
    int[] commitAt;
    int[] service;
    boolean[] rework;

    Counted(EventStore store, long[] c) {
      this.store = store;
      this.c = c;
    }

    @Override
    public void run() {
      int[] prodIds = new int[store.deploymentsUnique];
      int n = select(prodIds);
      long[] finishes = new long[n];
      for (int i = 0; i < n; i++) {
        finishes[i] = store.depFinished[prodIds[i]];
      }
      fin = new long[n];
      int[] order = Sorting.order(finishes, fin);
      sorted = new int[n];
      for (int i = 0; i < n; i++) {
        sorted[i] = prodIds[order[i]];
      }
      orderTies();
      c[Counter.DEPLOYMENTS_COUNTED.ordinal()] = n;
      c[Counter.DEPLOYMENTS_COUNTED_WITHOUT_COMMITS.ordinal()] = positions();
    }

    /** Puts the ids of the counted deployments into {@code ids}, counting the others; returns how many. */
    private int select(int[] ids) {
      int depCount = store.depIds.size();
      int n = 0;
      for (int d = 0; d < depCount; d++) {
        if ((store.depFlags[d] & EventStore.PRESENT) == 0) {
          continue;
        }
        int env = store.depEnv[d];
        if (store.depFinished[d] == EventStore.NONE) {
          c[Counter.DEPLOYMENTS_UNFINISHED.ordinal()]++;
        } else if (store.depStatus[d] != store.success) {
          c[Counter.DEPLOYMENTS_NOT_SUCCESS.ordinal()]++;
        } else if (env != store.production && env != store.prod) {
          c[Counter.DEPLOYMENTS_NON_PRODUCTION.ordinal()]++;
        } else {
          ids[n++] = d;
        }
      }
      return n;
    }

    /** Orders deployments with equal finishes by id. */
    private void orderTies() {
      int n = sorted.length;
      for (int i = 0; i < n; ) {
        int j = i + 1;
        while (j < n && fin[j] == fin[i]) {
          j++;
        }
        if (j - i > 1) {
          Integer[] tied = new Integer[j - i];
          for (int k = i; k < j; k++) {
            tied[k - i] = sorted[k];
          }
          Arrays.sort(tied, (a, b) -> Strings.compare(store.depIds.text(a), store.depIds.text(b)));
          for (int k = i; k < j; k++) {
            sorted[k] = tied[k - i];
          }
        }
        i = j;
      }
    }

    /** Fills what is kept by position and each deployment's position; returns how many have no commits. */
    private long positions() {
      int n = sorted.length;
      pos = new int[store.depIds.size()];
      Arrays.fill(pos, -1);
      service = new int[n];
      rework = new boolean[n];
      commitAt = new int[n + 1];
      long withoutCommits = 0;
      for (int i = 0; i < n; i++) {
        int d = sorted[i];
        pos[d] = i;
        int len = store.depCommitLen[d];
        if (len == 0) {
          withoutCommits++;
        }
        service[i] = store.depService[d];
        byte flags = store.depFlags[d];
        rework[i] = (flags & (EventStore.ROLLBACK | EventStore.HOTFIX)) != 0;
        commitAt[i + 1] = commitAt[i] + ((flags & EventStore.ROLLBACK) == 0 ? len : 0);
      }
      return withoutCommits;
    }
  }

  /**
   * What each of the store's incidents names, looked up in the store: the deployment its {@code causedBy} id is,
   * and the id of its root-cause sha (added when the store lacks it). Then, as the sha table is complete, each sha's commit time at {@code 2 * sha} of a fresh array
   * that linking fills in at {@code 2 * sha + 1}.
   */
  private static final class Incidents implements Runnable {
    private final EventStore store;
    /** How many incidents there are. */
    final int n;
    int[] dep;
    int[] sha;
    long[] shaInfo;

    Incidents(EventStore store) {
      this.store = store;
      this.n = store.incidentCount();
    }

    @Override
    public void run() {
      dep = new int[n];
      sha = new int[n];
      StringTable refs = store.incRefs;
      for (int k = 0; k < n; k++) {
        int cause = store.incCause[k];
        dep[k] = cause < 0 ? -1 : store.depIds.find(refs.text(cause));
        int root = store.incRoot[k];
        sha[k] = root < 0 ? -1 : store.shaId(refs.text(root));
      }
      // What the delivery loop needs of a sha sits in one place, so each commit costs one cache miss: at 2 * sha
      // its commit time, at 2 * sha + 1 its first deliverer plus one, shifted left, with bit 0 set for a
      // root-cause sha.
      shaInfo = withTimes(store.shaTime, store.shas.size());
    }

    private static long[] withTimes(long[] shaTime, int shaCount) {
      long[] info = new long[2 * shaCount];
      for (int s = 0; s < shaCount; s++) {
        info[2 * s] = shaTime[s];
      }
      return info;
    }
  }

  /**
   * The deliveries of one part of the shas (in blocks of eight ids, so that two parts rarely write to one cache
   * line: those whose {@code id / 8} is {@code part} modulo {@code parts}), in deployment
   * order: first deliveries per (service, sha), lead-time samples, and the deployments that first delivered the
   * root-cause shas incidents name. Writes only its own shas' entries and its own end of the sample arrays.
   */
  private static final class Deliveries implements Runnable {
    private final int part;
    private final int parts;
    private final int[] commits;
    private final int[] commitAt;
    private final int[] svc;
    private final long[] fin;
    private final long[] shaInfo;
    private final Map<Long, Integer> wanted;
    private final int[] base;
    private final long[] leadAt;
    private final long[] leadUs;
    final int[] count;
    final LongList rootHits = new LongList();
    long delivered;
    long unknown;
    long negative;
    /** The sum of what was read ahead, kept so that the reads are not dropped. */
    long sink;
    /** Commits whose shas are read ahead at once. */
    private static final int AHEAD = 64;

    Deliveries(
        int part, int parts, int[] commits, int[] commitAt, int[] svc, long[] fin, long[] shaInfo,
        Map<Long, Integer> wanted, int[] base, long[] leadAt, long[] leadUs) {
      this.part = part;
      this.parts = parts;
      this.commits = commits;
      this.commitAt = commitAt;
      this.svc = svc;
      this.fin = fin;
      this.shaInfo = shaInfo;
      this.wanted = wanted;
      this.base = base;
      this.leadAt = leadAt;
      this.leadUs = leadUs;
      this.count = new int[base.length - 1];
    }

    @Override
    public void run() {
      LongSet morePairs = new LongSet();
      long[] info = shaInfo;
      int[] at = commitAt;
      boolean fromBack = part == 1;
      int mask = parts - 1;
      int n = at.length - 1;
      long warm = 0;
      for (int p = 0, blockEnd = 0; p < n; p++) {
        if (p == blockEnd) {
          // The next deployments' shas are read ahead, a block of them at once, so their cache misses overlap.
          while (blockEnd < n && at[blockEnd] - at[p] < AHEAD) {
            blockEnd++;
          }
          for (int j = at[p], end = at[blockEnd]; j < end; j++) {
            int sha = commits[j];
            if (((sha >>> 3) & mask) == part) {
              warm += info[2 * sha + 1];
            }
          }
        }
        int s = svc[p];
        long f = fin[p];
        for (int j = at[p], end = at[p + 1]; j < end; j++) {
          int sha = commits[j];
          if (((sha >>> 3) & mask) != part) {
            continue;
          }
          long meta = info[2 * sha + 1];
          int first = (int) (meta >>> 1) - 1;
          if (first == s) {
            continue;
          }
          if (first == -1) {
            info[2 * sha + 1] = meta | ((long) (s + 1) << 1);
          } else if (!morePairs.add(key(s, sha))) {
            continue;
          }
          delivered++;
          if ((meta & 1) != 0) {
            long k = key(s, sha);
            if (wanted.containsKey(k)) {
              rootHits.add(k);
              rootHits.add(p);
            }
          }
          long t = info[2 * sha];
          if (t == EventStore.NONE) {
            unknown++;
            continue;
          }
          long l = f - t;
          if (l < 0) {
            negative++;
            continue;
          }
          int k = count[s]++;
          k = fromBack ? base[s + 1] - 1 - k : base[s] + k;
          leadAt[k] = f;
          leadUs[k] = l;
        }
      }
      sink = warm;
    }
  }

  /** Where each of consecutive ranges of the given sizes starts, and at the end where the last one ends. */
  private static int[] starts(int[] sizes) {
    int[] b = new int[sizes.length + 1];
    for (int s = 0; s < sizes.length; s++) {
      b[s + 1] = b[s] + sizes[s];
    }
    return b;
  }

  private static void reverse(long[] a, int from, int to) {
    for (int i = from, j = to - 1; i < j; i++, j--) {
      long t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  private static long key(int service, int sha) {
    return ((long) service << 32) | (sha & 0xffffffffL);
  }

  /**
   * The services, in code-point order.
   *
   * @return the service names
   */
  public List<String> services() {
    return List.of(services);
  }

  /**
   * The index of a service.
   *
   * @param name the service
   * @return its index, or empty
   */
  public Optional<Integer> serviceIndex(String name) {
    return Optional.ofNullable(serviceIndex.get(name));
  }

  /**
   * The diagnostic counters after linking.
   *
   * @return counters by name
   */
  public Map<String, Long> counters() {
    return counters;
  }

  /**
   * Whether computing every service's metrics is enough work to be worth more than one thread: at least
   * {@link #PARALLEL_REPORT} counted deployments and lead-time samples together.
   *
   * @return true for a large model
   */
  public boolean large() {
    long samples = depFin.length;
    for (int c : leadCount) {
      samples += c;
    }
    return samples >= PARALLEL_REPORT;
  }

  /** Counted deployments and lead-time samples from which a report computes services on several threads. */
  static final long PARALLEL_REPORT = 1 << 15;

  /**
   * The finish of the latest counted deployment.
   *
   * @return epoch microseconds, or empty without counted deployments
   */
  public Optional<Long> lastDeployment() {
    return depFin.length == 0 ? Optional.empty() : Optional.of(lastFinish);
  }

  /**
   * All metrics for a set of services pooled together.
   *
   * @param scope service indexes, or null for every service
   * @param from window start, epoch microseconds at 00:00 UTC
   * @param to window end (excluded), epoch microseconds at 00:00 UTC
   * @param profile the tier thresholds
   * @return the metrics
   */
  public ScopeMetrics compute(int[] scope, long from, long to, TierProfile profile) {
    return compute(scope, from, to, profile, LEAD_IN_PLACE);
  }

  /** As {@link #compute(int[], long, long, TierProfile)}, reading lead times in place from that many samples. */
  ScopeMetrics compute(int[] scope, long from, long to, TierProfile profile, long leadInPlace) {
    int nDays = (int) ((to - from) / US_PER_DAY);
    long startDay = Math.floorDiv(from, US_PER_DAY);
    int[] all = scope == null ? allServices() : scope;

    // Deployments in the window.
    Tally t = new Tally(nDays, startDay);
    for (int s : all) {
      int lo = lowerBound(depFin, depBase[s], depBase[s + 1], from);
      int hi = lowerBound(depFin, lo, depBase[s + 1], to);
      t.add(depFin, depFlags, depRestored, lo, hi);
    }
    long nd = t.deployments;
    long failedN = t.failed;
    long reworkN = t.rework;
    OptionalDouble medW = blocksMedian(t.dayHit, nDays, 7);
    OptionalDouble med4W = blocksMedian(t.dayHit, nDays, 28);
    OptionalDouble med26W = blocksMedian(t.dayHit, nDays, 182);
    Optional<Tier> dfTier = profile.deploymentFrequency(nDays, medW, med4W, med26W);
    ScopeMetrics.DeploymentFrequency df =
        new ScopeMetrics.DeploymentFrequency(
            nd, t.days, (double) nd / nDays, 7.0 * nd / nDays, medW, med4W, dfTier);

    // Lead time: each service's samples in the window are two ranges of the sample arrays.
    IntList ranges = new IntList(4 * all.length);
    long samples = 0;
    for (int s : all) {
      long[] a = leadAt;
      int b = leadBase[s];
      int lo = lowerBound(a, b, b + leadFront[s], from);
      int hi = lowerBound(a, lo, b + leadFront[s], to);
      ranges.add(lo);
      ranges.add(hi);
      samples += hi - lo;
      lo = lowerBound(a, b + leadFront[s], b + leadCount[s], from);
      hi = lowerBound(a, lo, b + leadCount[s], to);
      ranges.add(lo);
      ranges.add(hi);
      samples += hi - lo;
    }
    ScopeMetrics.LeadTime leadTime = new ScopeMetrics.LeadTime(leadDurations(ranges, samples, profile, leadInPlace));

    // Change failure rate.
    OptionalDouble rate = nd == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) failedN / nd);
    Optional<Tier> cfrTier =
        rate.isPresent() ? Optional.of(profile.changeFailureRate(rate.getAsDouble())) : Optional.empty();
    ScopeMetrics.ChangeFailureRate cfr = new ScopeMetrics.ChangeFailureRate(nd, failedN, rate, cfrTier);

    ScopeMetrics.FailedDeploymentRecoveryTime recovery =
        new ScopeMetrics.FailedDeploymentRecoveryTime(
            durations(t.recovery, profile, false), t.openFailures, t.negativeRecovery);

    ScopeMetrics.ReworkRate rw =
        new ScopeMetrics.ReworkRate(
            nd, reworkN, nd == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) reworkN / nd));

    ScopeMetrics.TimeToRestore restore = timeToRestore(all, from, to, profile);

    Optional<Tier> overall = Tier.worst(Tier.worst(dfTier, leadTime.tier()), Tier.worst(cfrTier, recovery.tier()));
    return new ScopeMetrics(df, leadTime, cfr, recovery, rw, restore, overall);
  }

  /** Lead-time samples from which a scope's percentiles are read in place rather than gathered. */
  static final long LEAD_IN_PLACE = 1 << 15;

  /** The lead-time durations of the samples in {@code [from, to)} ranges of {@link #leadUs}. */
  private ScopeMetrics.Durations leadDurations(
      IntList ranges, long samples, TierProfile profile, long leadInPlace) {
    if (samples < leadInPlace || samples == 0) {
      LongList l = new LongList((int) samples);
      for (int r = 0; r < ranges.size; r += 2) {
        l.addAll(leadUs, ranges.a[r], ranges.a[r + 1]);
      }
      return durations(l, profile, true);
    }
    double[] q = Selection.percentiles(leadUs, ranges.a, ranges.size / 2, 0.5, 0.9);
    return durations(samples, q[0], q[1], profile, true);
  }

  /** Legacy time to restore over the incidents of some services opened in a window. */
  private ScopeMetrics.TimeToRestore timeToRestore(int[] all, long from, long to, TierProfile profile) {
    LongList ttr = new LongList();
    long openInc = 0;
    long negInc = 0;
    long[] o = incOpened;
    long[] r = incResolved;
    for (int s : all) {
      for (int k = incBase[s]; k < incBase[s + 1]; k++) {
        if (o[k] < from || o[k] >= to) {
          continue;
        }
        if (r[k] == EventStore.NONE) {
          openInc++;
        } else if (r[k] < o[k]) {
          negInc++;
        } else {
          ttr.add(r[k] - o[k]);
        }
      }
    }
    return new ScopeMetrics.TimeToRestore(durations(ttr, profile, false), openInc, negInc);
  }

  /** What a window's deployments add up to, taken range by range of the per-service layout. */
  private static final class Tally {
    final boolean[] dayHit;
    final long startDay;
    long deployments;
    long days;
    long failed;
    long rework;
    long openFailures;
    long negativeRecovery;
    final LongList recovery = new LongList();

    Tally(int nDays, long startDay) {
      this.dayHit = new boolean[Math.max(nDays, 0)];
      this.startDay = startDay;
    }

    void add(long[] fin, byte[] flagsOf, long[] restored, int lo, int hi) {
      deployments += hi - lo;
      for (int k = lo; k < hi; k++) {
        long f = fin[k];
        int day = (int) (Math.floorDiv(f, US_PER_DAY) - startDay);
        if (!dayHit[day]) {
          dayHit[day] = true;
          days++;
        }
        byte flags = flagsOf[k];
        if ((flags & REWORK) != 0) {
          rework++;
        }
        if ((flags & FAILED) != 0) {
          failed++;
          long r = restored[k];
          if (r == EventStore.NONE) {
            openFailures++;
          } else if (r < f) {
            negativeRecovery++;
          } else {
            recovery.add(r - f);
          }
        }
      }
    }
  }

  /** The sample's count, median and 90th percentile; reorders the list, which is not used afterwards. */
  private static ScopeMetrics.Durations durations(LongList l, TierProfile profile, boolean lead) {
    int n = l.size;
    if (n == 0) {
      return new ScopeMetrics.Durations(0, OptionalDouble.empty(), OptionalDouble.empty(), Optional.empty());
    }
    double[] q = Selection.percentiles(l.a, n, 0.5, 0.9);
    return durations(n, q[0], q[1], profile, lead);
  }

  private static ScopeMetrics.Durations durations(long n, double med, double p90, TierProfile profile, boolean lead) {
    Tier t = lead ? profile.leadTime(med) : profile.recovery(med);
    return new ScopeMetrics.Durations(
        n, OptionalDouble.of(med / US_PER_SECOND), OptionalDouble.of(p90 / US_PER_SECOND), Optional.of(t));
  }

  /** Every service's index, in order; shared, never written. */
  private int[] allServices() {
    int[] a = allServices;
    if (a == null) {
      a = new int[services.length];
      for (int s = 0; s < a.length; s++) {
        a[s] = s;
      }
      allServices = a;
    }
    return a;
  }

  /**
   * The median over whole blocks of {@code block} days of the days with a deployment in each: the counts lie in
   * {@code [0, block]}, so they are tallied rather than sorted.
   */
  private static OptionalDouble blocksMedian(boolean[] dayHit, int nDays, int block) {
    int blocks = nDays / block;
    if (blocks == 0) {
      return OptionalDouble.empty();
    }
    int[] tally = new int[block + 1];
    for (int b = 0; b < blocks; b++) {
      int hits = 0;
      for (int d = b * block, e = d + block; d < e; d++) {
        if (dayHit[d]) {
          hits++;
        }
      }
      tally[hits]++;
    }
    // Type-7 median of the sorted counts: the one in the middle, or the mean of the two there.
    int lo = (blocks - 1) / 2;
    int x = countAt(tally, lo);
    if (blocks % 2 == 1) {
      return OptionalDouble.of(x);
    }
    int y = countAt(tally, lo + 1);
    return OptionalDouble.of(x + (y - x) * 0.5);
  }

  /** The value at rank k of the values tallied. */
  private static int countAt(int[] tally, int k) {
    int v = 0;
    int seen = tally[0];
    while (seen <= k) {
      v++;
      seen += tally[v];
    }
    return v;
  }

  private static int lowerBound(long[] a, int lo, int hi, long key) {
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** A growable list of longs. */
  static final class LongList {
    long[] a;
    int size;

    LongList() {
      this(8);
    }

    LongList(int capacity) {
      a = new long[Math.max(1, capacity)];
    }

    void add(long v) {
      if (size == a.length) {
        a = Arrays.copyOf(a, size * 2);
      }
      a[size++] = v;
    }

    void addAll(long[] src, int from, int to) {
      int k = to - from;
      if (k <= 0) {
        return;
      }
      if (size + k > a.length) {
        a = Arrays.copyOf(a, Math.max(size + k, a.length * 2));
      }
      System.arraycopy(src, from, a, size, k);
      size += k;
    }
  }

  /** A growable list of ints. */
  static final class IntList {
    int[] a;
    int size;

    IntList() {
      this(8);
    }

    IntList(int capacity) {
      a = new int[Math.max(1, capacity)];
    }

    void add(int v) {
      if (size == a.length) {
        a = Arrays.copyOf(a, size * 2);
      }
      a[size++] = v;
    }
  }
}
