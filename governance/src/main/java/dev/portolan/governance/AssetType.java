package dev.portolan.governance;

import java.util.Locale;
import java.util.Optional;

/**
 * What an entity is for governance, after reading the canonical encoding and its aliases (a
 * {@code Resource} of type {@code ai-model} is a {@link #MODEL}, an {@code AiModelServerAPI} is a
 * {@link #MODEL_SERVER}, and so on).
 */
public enum AssetType {
  /** An AI model. */
  MODEL("model"),
  /** A dataset. */
  DATASET("dataset"),
  /** An AI agent. */
  AGENT("agent"),
  /** A model server or inference endpoint. */
  MODEL_SERVER("model-server"),
  /** A tool server ({@code API} of type {@code mcp-server}). */
  TOOL_SERVER("mcp-server"),
  /** Any other entity. */
  OTHER("other");

  private final String label;

  AssetType(String label) {
    this.label = label;
  }

  /**
   * The name used in rule scopes and reports.
   *
   * @return the label, e.g. {@code model-server}
   */
  public String label() {
    return label;
  }

  /**
   * Finds a type by its label, ignoring case.
   *
   * @param label a label such as {@code dataset}
   * @return the type, if known
   */
  public static Optional<AssetType> byLabel(String label) {
    String l = label.toLowerCase(Locale.ROOT);
    for (AssetType t : values()) {
      if (t.label.equals(l)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether this is an AI asset (model, dataset, agent, model server or tool server).
   *
   * @return false only for {@link #OTHER}
   */
  public boolean isAi() {
    return this != OTHER;
  }

  @Override
  public String toString() {
    return label;
  }
}
