package dev.portolan.catalog.core.internal;

import java.util.Locale;

/** Text made safe for the XML reports (JUnit XML) that Portolan's modules write. */
public final class XmlText {

  private XmlText() {}

  /**
   * The text with every character XML 1.0 cannot carry (control characters other than tab and line feed,
   * unpaired surrogates, U+FFFE and U+FFFF) written as a backslash, {@code u} and four hex digits, and line
   * breaks written as line feeds ({@code \r\n} and a lone {@code \r} would reach a reader as {@code \n}
   * anyway), so that any text gives a well-formed report that reads back as written.
   *
   * @param text the text
   * @return the text to write
   */
  public static String of(String text) {
    StringBuilder sb = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        if (sb != null) {
          sb.append(c).append(text.charAt(i + 1));
        }
        i++;
        continue;
      }
      boolean ok = c == '\t' || c == '\n' || (c >= 0x20 && c < 0xD800) || (c >= 0xE000 && c <= 0xFFFD);
      if (ok) {
        if (sb != null) {
          sb.append(c);
        }
        continue;
      }
      if (sb == null) {
        sb = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (c == '\r') {
        if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
          sb.append('\n');
        }
      } else {
        sb.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
      }
    }
    return sb == null ? text : sb.toString();
  }
}
