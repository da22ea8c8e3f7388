package dev.portolan.catalog.model;

import java.util.Locale;

/**
 * Which Backstage catalog backend the verdicts follow.
 *
 * <ul>
 *   <li>{@link #APP} (the default): a typical app backend, the catalog plus the scaffolder entity model and
 *       the AI model modules. {@code Template} ({@code scaffolder.backstage.io/v1beta3}) and
 *       {@code AiResource} are known, {@code API} of {@code spec.type: mcp-server} needs {@code remotes}
 *       instead of {@code definition}, and kinds are validated by the catalog model layer
 *       ({@code ModelProcessor}): a known kind with an unknown {@code apiVersion} fails in preprocessing,
 *       all schema errors of a kind are reported, non-string refs in relation fields are ignored.</li>
 *   <li>{@link #CORE}: the catalog backend alone, the classic {@code BuiltinKindsEntityProcessor} with the
 *       eight builtin kinds; {@code Template} and {@code AiResource} are unknown kinds.</li>
 * </ul>
 */
public enum Profile {
  /** Catalog + scaffolder entity model + AI model modules. */
  APP,
  /** Catalog backend alone. */
  CORE;

  /**
   * The profile's name as written on the command line: {@code app} or {@code core}.
   *
   * @return the lower-case name
   */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code app} or {@code core}, ignoring case.
   *
   * @param name the name
   * @return the profile
   * @throws IllegalArgumentException for any other name
   */
  public static Profile parse(String name) {
    for (Profile p : values()) {
      if (p.cliName().equalsIgnoreCase(name)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown profile '" + name + "', expected app or core");
  }
}
