package dev.portolan.benchmarks.gen;

import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.CoreScalarResolver;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * The YAML 1.2 core schema, plus the YAML 1.1 booleans and dates. Used for writing only: a string that a
 * YAML 1.1 reader would turn into a boolean or a date ({@code yes}, {@code off}, {@code 2026-04-20}) is then
 * quoted, so the generated files mean the same to every reader.
 */
final class PortableScalarResolver implements ScalarResolver {

  /** The core schema with this resolver, for {@code DumpSettings}. */
  static final class PortableSchema extends CoreSchema {
    @Override
    public ScalarResolver getScalarResolver() {
      return new PortableScalarResolver();
    }
  }

  private static final Pattern YAML11_BOOL =
      Pattern.compile("^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$");
  private static final Pattern DATE = Pattern.compile("^\\d{4}-\\d{1,2}-\\d{1,2}(?:[Tt ].*)?$");
  private static final Tag TIMESTAMP = new Tag(Tag.PREFIX + "timestamp");

  private final ScalarResolver core = new CoreScalarResolver();

  @Override
  public Tag resolve(String value, Boolean implicit) {
    if (implicit) {
      if (YAML11_BOOL.matcher(value).matches()) {
        return Tag.BOOL;
      }
      if (DATE.matcher(value).matches()) {
        return TIMESTAMP;
      }
    }
    return core.resolve(value, implicit);
  }
}
