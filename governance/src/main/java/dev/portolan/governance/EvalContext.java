package dev.portolan.governance;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What conditions see during one evaluation: the catalog, the date and the named predicates. */
final class EvalContext {
  final AssetCatalog catalog;
  final LocalDate asOf;
  final Map<String, Condition> predicates;
  final PathEvaluator paths;
  private final Map<String, Map<String, PathEvaluator.Trail>> reachCache = new ConcurrentHashMap<>();
  private final Map<String, Condition.Result> predicateCache = new ConcurrentHashMap<>();

  EvalContext(AssetCatalog catalog, LocalDate asOf, Map<String, Condition> predicates, int maxDepth) {
    this.catalog = catalog;
    this.asOf = asOf;
    this.predicates = predicates;
    this.paths = new PathEvaluator(catalog, maxDepth);
  }

  Map<String, PathEvaluator.Trail> reach(String ref, String pathText, PathExpr expr) {
    String key = pathText + '\u0000' + ref;
    Map<String, PathEvaluator.Trail> r = reachCache.get(key);
    if (r == null) {
      r = paths.reach(ref, expr);
      reachCache.put(key, r);
    }
    return r;
  }

  Condition.Result predicate(String name, Asset a) {
    String key = name + '\u0000' + a.ref();
    Condition.Result r = predicateCache.get(key);
    if (r == null) {
      Condition c = predicates.get(name);
      if (c == null) {
        throw new GovernanceException(null, 0, 0, null, null, "expected a defined predicate, found '@" + name + "'");
      }
      r = c.test(this, a, a.tree(), PathEvaluator.Trail.start(a.ref()));
      predicateCache.put(key, r);
    }
    return r;
  }
}
