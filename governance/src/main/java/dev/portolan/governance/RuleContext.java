package dev.portolan.governance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
   * with relation names), in breadth-first, ref-sorted order. Unregistered targets are included, without an
   * asset. A path that can be empty (such as {@code derivedFrom*}) also reaches the start.
   *
   * @param ref the canonical ref of the start
   * @param path the path
   * @return the entities reached, each once
   */
  public List<Reach> reach(String ref, RelationPath path) {
    List<Reach> out = new ArrayList<>();
    ctx.reach(ref, path.text(), path.expr())
        .forEach((k, v) -> out.add(new Reach(k, v.toList(), Optional.ofNullable(ctx.catalog.find(k)))));
    return List.copyOf(out);
  }

  /**
   * Every entity reached from an entity by a path; see {@link #reach(String, RelationPath)}.
   *
   * @param asset the start
   * @param path the path
   * @return the entities reached, each once
   */
  public List<Reach> reach(Asset asset, RelationPath path) {
    return reach(asset.ref(), path);
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
