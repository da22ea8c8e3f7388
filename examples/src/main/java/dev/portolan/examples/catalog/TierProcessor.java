package dev.portolan.examples.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.core.EntityProcessor;
import dev.portolan.catalog.core.ProcessingContext;
import dev.portolan.catalog.core.RelationType;
import dev.portolan.catalog.model.EntityRef;
import dev.portolan.catalog.model.FieldPath;

/**
 * A processor enforcing a house rule and enriching entities:
 * <ul>
 *   <li>preprocessing: every Component gets {@code acme.com/tier: "3"} unless it sets a tier;</li>
 *   <li>postprocessing: a tier-1 Component must name its on-call group in {@code acme.com/oncall}; it gets
 *       a custom {@code pagedBy}/{@code pages} relation to that group, or is rejected at the annotation.</li>
 * </ul>
 */
public final class TierProcessor implements EntityProcessor {

  /** The custom relation pair this processor emits. */
  public static final RelationType PAGED_BY = RelationType.custom("pagedBy", "pages");

  @Override
  public int priority() {
    return 10;
  }

  @Override
  public ObjectNode preProcess(ObjectNode entity, ProcessingContext context) {
    if ("Component".equals(entity.path("kind").asText()) && entity.get("metadata") instanceof ObjectNode meta) {
      ObjectNode annotations = meta.get("annotations") instanceof ObjectNode a ? a : meta.putObject("annotations");
      if (!annotations.has("acme.com/tier")) {
        annotations.put("acme.com/tier", "3");
      }
    }
    return entity;
  }

  @Override
  public void postProcess(ObjectNode entity, ProcessingContext context) {
    if (!"Component".equals(entity.path("kind").asText())) {
      return;
    }
    var annotations = entity.path("metadata").path("annotations");
    if (!"1".equals(annotations.path("acme.com/tier").asText())) {
      return;
    }
    String oncall = annotations.path("acme.com/oncall").asText("");
    FieldPath path = FieldPath.of("metadata", "annotations").key("acme.com/oncall");
    if (oncall.isEmpty()) {
      context.reject(path, "tier-1 components must name their on-call group, found nothing");
      return;
    }
    context.emitRelation(PAGED_BY, EntityRef.parse(oncall, java.util.Optional.of("Group"),
        context.ref().map(EntityRef::namespace)));
  }
}
