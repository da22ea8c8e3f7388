package dev.portolan.governance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Computes entity scorecards and their rollups per owner group (with sub-groups) and per system. */
final class Scoring {

  private final AssetCatalog catalog;
  private final List<EntityScore> entityScores = new ArrayList<>();
  private final List<Rollup> rollups = new ArrayList<>();
  private final List<Level> levels;

  Scoring(AssetCatalog catalog, Map<String, Rule> rules, List<Level> levels, List<RuleResult> results) {
    this.catalog = catalog;
    this.levels = levels;
    Map<String, List<RuleResult>> byEntity = new TreeMap<>();
    for (RuleResult r : results) {
      byEntity.computeIfAbsent(r.entity(), k -> new ArrayList<>()).add(r);
    }
    Map<String, Integer> levelIndex = new HashMap<>();
    for (int i = 0; i < levels.size(); i++) {
      for (String id : levels.get(i).rules()) {
        levelIndex.putIfAbsent(id, i);
      }
    }
    for (Map.Entry<String, List<RuleResult>> e : byEntity.entrySet()) {
      int firstBroken = levels.size();
      int passed = 0;
      int failed = 0;
      int waived = 0;
      int wTotal = 0;
      int wPassed = 0;
      for (RuleResult r : e.getValue()) {
        Rule rule = rules.get(r.rule());
        int w = rule == null ? 1 : Math.max(1, rule.severity().weight());
        switch (r.status()) {
          case PASS:
            passed++;
            wTotal += w;
            wPassed += w;
            break;
          case WAIVED:
            waived++;
            break;
          default:
            failed++;
            wTotal += w;
            Integer li = levelIndex.get(r.rule());
            if (li != null) {
              firstBroken = Math.min(firstBroken, li);
            }
        }
      }
      Optional<String> level = firstBroken == 0 || levels.isEmpty() ? Optional.empty() : Optional.of(levels.get(firstBroken - 1).name());
      int score = wTotal == 0 ? 100 : (int) Math.round(100.0 * wPassed / wTotal);
      entityScores.add(new EntityScore(e.getKey(), level, score, passed, failed, waived));
    }
    rollUp();
  }

  private void rollUp() {
    Map<String, List<EntityScore>> byGroup = new TreeMap<>();
    Map<String, List<EntityScore>> bySystem = new TreeMap<>();
    Map<String, List<String>> chains = new HashMap<>();
    PathEvaluator pe = new PathEvaluator(catalog, 64);
    PathExpr parents = new PathExpr.Repeat(new PathExpr.Step(Relation.CHILD_OF, List.of()), 1);
    PathExpr containers = new PathExpr.Repeat(new PathExpr.Step(Relation.PART_OF, List.of()), 1);
    for (EntityScore s : entityScores) {
      for (Edge owner : catalog.edges(s.entity(), Relation.OWNED_BY)) {
        List<String> chain = chains.computeIfAbsent(owner.target(), o -> {
          List<String> c = new ArrayList<>();
          c.add(o);
          c.addAll(pe.reach(o, parents).keySet());
          return c;
        });
        for (String g : chain) {
          if (!g.equals(s.entity())) {
            byGroup.computeIfAbsent(g, k -> new ArrayList<>()).add(s);
          }
        }
      }
      for (String sys : pe.reach(s.entity(), containers).keySet()) {
        if (sys.startsWith("system:")) {
          bySystem.computeIfAbsent(sys, k -> new ArrayList<>()).add(s);
        }
      }
    }
    byGroup.forEach((g, l) -> rollups.add(rollup("group", g, l)));
    bySystem.forEach((g, l) -> rollups.add(rollup("system", g, l)));
  }

  private Rollup rollup(String scope, String ref, List<EntityScore> scores) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("none", 0);
    levels.forEach(l -> counts.put(l.name(), 0));
    long sum = 0;
    int failed = 0;
    for (EntityScore s : scores) {
      counts.merge(s.level().orElse("none"), 1, Integer::sum);
      sum += s.score();
      failed += s.failed();
    }
    return new Rollup(scope, ref, scores.size(), counts, (int) Math.round((double) sum / scores.size()), failed);
  }

  List<EntityScore> entityScores() {
    return entityScores;
  }

  List<Rollup> rollups() {
    return rollups;
  }
}
