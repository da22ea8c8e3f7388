package dev.portolan.catalog.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.core.CatalogProblem.Kind;
import dev.portolan.catalog.core.CatalogProblem.Severity;
import dev.portolan.catalog.core.internal.Ingested;
import dev.portolan.catalog.model.EntityRef;
import dev.portolan.catalog.model.FieldPath;
import dev.portolan.catalog.model.Profile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Turns ingested entities into a snapshot: conflicts, orphans, stitching, dangling relations. */
final class SnapshotAssembler {

  private SnapshotAssembler() {}

  static CatalogSnapshot assemble(long version, Instant at, Profile profile, Collection<Ingested> ingested,
      List<CatalogProblem> loadProblems, Map<String, String> invalidRefs, CatalogSnapshot previous,
      Set<String> liveSources, Catalog.OrphanStrategy orphanStrategy, QueryEngine.FilterCache filterCache,
      List<EntityProcessor> processors) {
    List<CatalogProblem> problems = new ArrayList<>(loadProblems);
    Map<String, Ingested> claims = new LinkedHashMap<>();
    for (Ingested ing : ingested) {
      String key = ing.ref().toString();
      Ingested existing = claims.get(key);
      if (existing == null || existing.locationKey().isEmpty()
          || existing.locationKey().equals(ing.locationKey())) {
        claims.put(key, ing);
        continue;
      }
      Ingested kept = existing;
      Ingested ignored = ing;
      Optional<CatalogEntity> before = previous == null ? Optional.empty() : previous.entity(ing.ref());
      if (ing.locationKey().isPresent() && before.isPresent()
          && before.get().locationKey().equals(ing.locationKey())) {
        kept = ing;
        ignored = existing;
        claims.put(key, ing);
      }
      problems.add(new CatalogProblem(Severity.ERROR, Kind.CONFLICT, ignored.file(), ignored.position(),
          Optional.of(ignored.ref()), FieldPath.ROOT, "conflicting entity ref " + key + ": already claimed by "
              + kept.locationKey().orElse("(no location key)") + " (" + where(kept) + "), now also by "
              + ignored.locationKey().orElse("(no location key)") + " (" + where(ignored)
              + "); the first claimant is kept and this one ignored"));
    }
    if (previous != null) {
      for (CatalogEntity old : previous.entities()) {
        String key = old.ref().toString();
        if (claims.containsKey(key) || !liveSources.contains(old.ingested().sourceId())) {
          continue;
        }
        String invalidAt = invalidRefs.get(key);
        if (invalidAt != null && old.locationKey().map(invalidAt::equals).orElse(false)) {
          claims.put(key, old.ingested());
          problems.add(new CatalogProblem(Severity.WARNING, Kind.INVALID_ENTITY, old.file(), Optional.empty(),
              Optional.of(old.ref()), FieldPath.ROOT, "the entity is now invalid; its last valid version is kept, "
                  + "as Backstage keeps it"));
        } else if (orphanStrategy == Catalog.OrphanStrategy.KEEP) {
          ObjectNode json = old.ingested().json().deepCopy();
          ((ObjectNode) json.get("metadata")).withObjectProperty("annotations").put("backstage.io/orphan", "true");
          Ingested o = old.ingested();
          claims.put(key, new Ingested(o.ref(), json, o.locationKey(), o.file(), o.documentIndex(), o.position(),
              o.emitted(), o.fieldPositions(), o.sourceId()));
          problems.add(new CatalogProblem(Severity.WARNING, Kind.ORPHAN, old.file(), Optional.empty(),
              Optional.of(old.ref()), FieldPath.ROOT, "no location emits this entity any more; kept as an orphan "
                  + "(orphan strategy keep)"));
        }
      }
    }
    List<Map.Entry<String, Ingested>> keyed = new ArrayList<>(claims.entrySet());
    keyed.sort(Map.Entry.comparingByKey());
    List<Ingested> sorted = new ArrayList<>(keyed.size());
    Map<EntityRef, Integer> ids = new HashMap<>(keyed.size() * 2);
    for (int i = 0; i < keyed.size(); i++) {
      sorted.add(keyed.get(i).getValue());
      ids.put(keyed.get(i).getValue().ref(), i);
    }
    // stitch: every distinct (type, target) row whose source is the entity, whoever emitted it
    List<Map<RowKey, Relation>> outgoing = new ArrayList<>(java.util.Collections.nCopies(sorted.size(), null));
    List<DanglingRelation> dangling = new ArrayList<>();
    for (Ingested ing : sorted) {
      Set<String> seenDangling = new LinkedHashSet<>();
      for (Relation r : ing.emitted()) {
        Integer src = ids.get(r.source());
        if (src != null) {
          Map<RowKey, Relation> m = outgoing.get(src);
          if (m == null) {
            m = new HashMap<>();
            outgoing.set(src, m);
          }
          m.putIfAbsent(new RowKey(r.type().id(), r.target()), r);
        }
        if (r.source().equals(ing.ref()) && !ids.containsKey(r.target())
            && seenDangling.add(r.type().id() + "\0" + r.target())) {
          Optional<dev.portolan.catalog.model.SourcePosition> pos = r.field().flatMap(ing.fieldPositions()::position);
          dangling.add(new DanglingRelation(r, ing.file(), pos));
          problems.add(new CatalogProblem(Severity.ERROR, Kind.DANGLING_RELATION, ing.file(), pos.or(ing::position),
              Optional.of(ing.ref()), r.field().orElse(FieldPath.ROOT), r.type().id() + " relation to " + r.target()
                  + ", which is not in the catalog"));
        }
      }
    }
    CatalogSnapshot snapshot = snapshot(version, at, profile, sorted, outgoing, problems, dangling, filterCache);
    if (processors.isEmpty()) {
      return snapshot;
    }
    // catalog passes: relations that need the whole catalog join the stitched rows
    PassContext pass = new PassContext();
    boolean failed = false;
    for (EntityProcessor p : processors) {
      int before = pass.rows.size();
      try {
        p.processCatalog(snapshot, pass);
      } catch (RuntimeException e) {
        pass.rows.subList(before, pass.rows.size()).clear();
        failed = true;
        problems.add(new CatalogProblem(Severity.ERROR, Kind.PROCESSOR, "processor:" + p.name(), Optional.empty(),
            Optional.empty(), FieldPath.ROOT, "processor " + p.name() + " failed in its catalog pass: "
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
      }
    }
    if (pass.rows.isEmpty()) {
      return !failed ? snapshot : snapshot(version, at, profile, sorted, outgoing, problems, dangling, filterCache);
    }
    Set<String> seenDangling = new java.util.HashSet<>();
    for (Relation r : pass.rows) {
      Integer src = ids.get(r.source());
      if (src == null) {
        continue;
      }
      Map<RowKey, Relation> m = outgoing.get(src);
      if (m == null) {
        m = new HashMap<>();
        outgoing.set(src, m);
      }
      m.putIfAbsent(new RowKey(r.type().id(), r.target()), r);
      if (r.origin().equals(r.source()) && !ids.containsKey(r.target())
          && seenDangling.add(r.source() + "\0" + r.type().id() + "\0" + r.target())) {
        Ingested ing = sorted.get(src);
        Optional<dev.portolan.catalog.model.SourcePosition> pos = r.field().flatMap(ing.fieldPositions()::position);
        dangling.add(new DanglingRelation(r, ing.file(), pos));
        problems.add(new CatalogProblem(Severity.ERROR, Kind.DANGLING_RELATION, ing.file(), pos.or(ing::position),
            Optional.of(ing.ref()), r.field().orElse(FieldPath.ROOT), r.type().id() + " relation to " + r.target()
                + ", which is not in the catalog"));
      }
    }
    return snapshot(version, at, profile, sorted, outgoing, problems, dangling, filterCache);
  }

  /** Collects the rows of catalog passes, each with its inverse. */
  private static final class PassContext implements CatalogPassContext {
    private final List<Relation> rows = new ArrayList<>();

    @Override
    public void emitRelation(EntityRef source, RelationType type, EntityRef target, Optional<FieldPath> field,
        Map<String, Object> attributes) {
      Relation forward = new Relation(source, type, target, source, field, attributes);
      rows.add(forward);
      rows.add(forward.inverse());
    }
  }

  private static CatalogSnapshot snapshot(long version, Instant at, Profile profile, List<Ingested> sorted,
      List<Map<RowKey, Relation>> outgoing, List<CatalogProblem> problems, List<DanglingRelation> dangling,
      QueryEngine.FilterCache filterCache) {
    List<CatalogEntity> entities = new ArrayList<>(sorted.size());
    Map<EntityRef, CatalogEntity> byRef = new HashMap<>(sorted.size() * 2);
    for (int i = 0; i < sorted.size(); i++) {
      Map<RowKey, Relation> m = outgoing.get(i);
      List<Relation> rels;
      if (m == null) {
        rels = List.of();
      } else {
        List<Map.Entry<String, Relation>> l = new ArrayList<>(m.size());
        for (Map.Entry<RowKey, Relation> row : m.entrySet()) {
          l.add(Map.entry(row.getKey().type() + "\0" + row.getKey().target(), row.getValue()));
        }
        l.sort(Map.Entry.comparingByKey());
        Relation[] arr = new Relation[l.size()];
        for (int k = 0; k < arr.length; k++) {
          arr[k] = l.get(k).getValue();
        }
        rels = List.of(arr);
      }
      CatalogEntity e = new CatalogEntity(sorted.get(i), rels, i);
      entities.add(e);
      byRef.put(e.ref(), e);
    }
    return new CatalogSnapshot(version, at, profile, List.copyOf(entities), byRef, List.copyOf(problems),
        List.copyOf(dangling), filterCache);
  }

  /** A stitched row of one source: its type and target. */
  private record RowKey(String type, EntityRef target) {}

  private static String where(Ingested i) {
    return i.file() + i.position().map(p -> ":" + p.line() + ":" + p.column()).orElse("");
  }

  static CatalogChange diff(CatalogSnapshot previous, CatalogSnapshot current) {
    List<dev.portolan.catalog.model.EntityRef> added = new ArrayList<>();
    List<dev.portolan.catalog.model.EntityRef> updated = new ArrayList<>();
    List<dev.portolan.catalog.model.EntityRef> removed = new ArrayList<>();
    for (CatalogEntity e : current.entities()) {
      CatalogEntity old = previous.byRef().get(e.ref());
      if (old == null) {
        added.add(e.ref());
      } else if (old.ingested() != e.ingested() && !old.json().equals(e.json())
          || !sameRows(old.relations(), e.relations())) {
        updated.add(e.ref());
      }
    }
    for (CatalogEntity e : previous.entities()) {
      if (!current.byRef().containsKey(e.ref())) {
        removed.add(e.ref());
      }
    }
    return new CatalogChange(previous, current, added, updated, removed);
  }

  private static boolean sameRows(List<Relation> a, List<Relation> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).type().id().equals(b.get(i).type().id()) || !a.get(i).target().equals(b.get(i).target())) {
        return false;
      }
    }
    return true;
  }
}
