package org.sdcap.delta;

/**
 * The mapping between a body's bytes and the JSON text of v2 records. The wire names are the values
 * of the v2 field {@code body_encoding}.
 */
public enum BodyEncoding {
  /** Valid UTF-8: the text is the body itself and units are code points. */
  UTF8("utf-8"),
  /**
   * Anything else: each byte is written as the code point of the same value (U+0000 to U+00FF), so
   * the text converted to ISO-8859-1 gives the body's bytes back.
   */
  LATIN1("latin1");

  private final String wireName;

  BodyEncoding(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static BodyEncoding fromWireName(String name) {
    for (BodyEncoding encoding : values()) {
      if (encoding.wireName.equals(name)) {
        return encoding;
      }
    }
    return null;
  }
}
