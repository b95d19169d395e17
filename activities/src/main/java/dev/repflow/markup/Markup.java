package dev.repflow.markup;

/** Escaping for text and attribute values of HTML and SVG. */
public final class Markup {
  private Markup() {}

  /** {@code text} safe inside an element or a double-quoted attribute; null becomes "". */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
