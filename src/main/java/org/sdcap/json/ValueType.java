package org.sdcap.json;

/** The type of a JSON value, as RFC 8259 section 3 lists them, with each literal on its own. */
public enum ValueType {
  STRING("a JSON string"),
  NUMBER("a JSON number"),
  OBJECT("a JSON object"),
  ARRAY("a JSON array"),
  TRUE("the JSON literal true"),
  FALSE("the JSON literal false"),
  NULL("the JSON literal null");

  private final String description;

  ValueType(String description) {
    this.description = description;
  }

  /** Returns a noun phrase for messages, for example "a JSON array". */
  public String description() {
    return description;
  }
}
