package dev.portolan.governance;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

/** What conditions see during one evaluation: the catalog, the date and the named predicates. */
final class EvalContext {
  final AssetCatalog catalog;
  final LocalDate asOf;
  final Map<String, Condition> predicates;
  final PathEvaluator paths;
  private final Map<String, AtomicReferenceArray<Condition.Result>> predicateCache = new HashMap<>();

  EvalContext(AssetCatalog catalog, LocalDate asOf, Map<String, Condition> predicates, int maxDepth) {
    this.catalog = catalog;
    this.asOf = asOf;
    this.predicates = predicates;
    this.paths = new PathEvaluator(catalog, maxDepth);
    for (String name : predicates.keySet()) {
      predicateCache.put(name, new AtomicReferenceArray<>(catalog.size()));
    }
  }

  Map<String, PathEvaluator.Trail> reach(String ref, String pathText, PathExpr expr) {
    return paths.reach(ref, expr);
  }

  Condition.Result predicate(String name, Asset a) {
    Condition c = predicates.get(name);
    if (c == null) {
      throw new GovernanceException(null, 0, 0, null, null, "expected a defined predicate, found '@" + name + "'");
    }
    AtomicReferenceArray<Condition.Result> cache = predicateCache.get(name);
    boolean cacheable = a.index >= 0 && a.index < cache.length() && catalog.assets().get(a.index) == a;
    Condition.Result r = cacheable ? cache.get(a.index) : null;
    if (r == null) {
      r = c.test(this, a, a.tree(), PathEvaluator.Trail.start(a.ref()));
      if (cacheable) {
        cache.set(a.index, r);
      }
    }
    return r;
  }
}
