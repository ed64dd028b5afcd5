package org.sdcap.input;

/**
 * The representation a request body had in the input, so that decoding can write it back the same
 * way.
 *
 * <p>The names are the values of the v2 field {@code body_form}.
 */
public enum BodyForm {
  /**
   * A JSON string in the field {@code body}; the body bytes are the UTF-8 encoding of its value.
   */
  STRING("string"),
  /** An embedded JSON value in {@code body}; the body bytes are the exact text of that value. */
  JSON("json"),
  /** A base64 string in {@code body_b64}; the body bytes are the decoded bytes. */
  BASE64("b64"),
  /** A v1 record's {@code body_head} and {@code body_tail}. */
  V1("v1"),
  /** A raw body dump file; the body bytes are the file's bytes. */
  DUMP("dump"),
  /** The body of an HTTP request read from a packet capture. */
  HTTP("http");

  private final String wireName;

  BodyForm(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static BodyForm fromWireName(String name) {
    for (BodyForm form : values()) {
      if (form.wireName.equals(name)) {
        return form;
      }
    }
    return null;
  }
}
