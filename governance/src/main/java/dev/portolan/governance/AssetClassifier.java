package dev.portolan.governance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.governance.internal.Fields;
import java.util.Locale;

/** The alias table of the AI asset encoding: kind and type combinations to {@link AssetType}. */
final class AssetClassifier {

  private AssetClassifier() {}

  static String canonicalKind(String kind) {
    if (kind.equalsIgnoreCase("AiResource")) {
      return "AiResource";
    }
    if (kind.equalsIgnoreCase("AiModelServerAPI")) {
      return "AiModelServerAPI";
    }
    return kind;
  }

  static AssetType classify(String kind, JsonNode tree) {
    String type = Fields.text(tree.path("spec").path("type")).orElse("").toLowerCase(Locale.ROOT);
    switch (kind.toLowerCase(Locale.ROOT)) {
      case "airesource":
        switch (type) {
          case "model":
          case "ai-model":
            return AssetType.MODEL;
          case "dataset":
            return AssetType.DATASET;
          case "agent":
            return AssetType.AGENT;
          default:
            return AssetType.OTHER;
        }
      case "resource":
        if (type.equals("ai-model")) {
          return AssetType.MODEL;
        }
        if (type.equals("dataset")) {
          return AssetType.DATASET;
        }
        if (type.equals("ai-model-server")) {
          return AssetType.MODEL_SERVER;
        }
        return AssetType.OTHER;
      case "component":
        if (type.equals("ai-agent")) {
          return AssetType.AGENT;
        }
        if (type.equals("model-server")) {
          return AssetType.MODEL_SERVER;
        }
        return AssetType.OTHER;
      case "aimodelserverapi":
        return AssetType.MODEL_SERVER;
      case "api":
        if (type.equals("ai-model-server")) {
          return AssetType.MODEL_SERVER;
        }
        if (type.equals("mcp-server")) {
          return AssetType.TOOL_SERVER;
        }
        if (type.equals("openapi") && Fields.texts(tree.path("metadata").path("tags")).stream()
            .anyMatch(t -> t.equalsIgnoreCase("openai"))) {
          return AssetType.MODEL_SERVER;
        }
        return AssetType.OTHER;
      default:
        return AssetType.OTHER;
    }
  }
}
