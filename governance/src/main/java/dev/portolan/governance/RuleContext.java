package dev.portolan.governance;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a {@link RuleCheck} may use: the catalog, the evaluation date and path traversal. Thread-safe. */
public final class RuleContext {

  private final EvalContext ctx;

  RuleContext(EvalContext ctx) {
    this.ctx = ctx;
  }

  EvalContext internal() {
    return ctx;
  }

  /**
   * The catalog being evaluated.
   *
   * @return the catalog
   */
  public AssetCatalog catalog() {
    return ctx.catalog;
  }

  /**
   * The evaluation date: every age and expiry check compares against it.
   *
   * @return the date
   */
  public LocalDate asOf() {
    return ctx.asOf;
  }

  /**
   * Every entity reached from a start by a path, each with its shortest witness path (refs alternating
   * with relation names), in breadth-first, ref-sorted order. Unregistered targets are included.
   *
   * @param ref the canonical ref of the start
   * @param path the path
   * @return target ref to witness path
   */
  public Map<String, List<String>> reach(String ref, RelationPath path) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    ctx.reach(ref, path.text(), path.expr()).forEach((k, v) -> out.put(k, v.toList()));
    return out;
  }

  /**
   * Tests a named predicate (such as {@code productionFacing}) on an entity.
   *
   * @param name the predicate name, without {@code @}
   * @param asset the entity
   * @return whether it holds
   * @throws GovernanceException when the predicate is not defined
   */
  public boolean test(String name, Asset asset) {
    return ctx.predicate(name, asset).ok();
  }
}
