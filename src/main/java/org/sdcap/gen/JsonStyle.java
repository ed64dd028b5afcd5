package org.sdcap.gen;

/** A client's JSON spelling: separators, indentation and the escaping of non-ASCII text. */
public enum JsonStyle {
  /**
   * {@code ,} and {@code :} with raw UTF-8, as JavaScript's {@code JSON.stringify}, the OpenAI Node
   * SDK and the OpenAI Python SDK (1.x) write request bodies.
   */
  COMPACT(",", ":", false, false),
  /**
   * {@code ", "} and {@code ": "} with every character outside printable ASCII escaped as
   * lower-case {@code \}{@code uXXXX} (UTF-16 units, so characters outside the BMP become a
   * surrogate pair): Python's {@code json.dumps} with default arguments.
   */
  PYTHON(", ", ": ", true, false),
  /** Python's {@code json.dumps(value, indent=2)}: one member per line, ASCII-only. */
  PYTHON_INDENTED(",", ": ", true, true);

  final String itemSeparator;
  final String nameSeparator;
  final boolean asciiOnly;
  final boolean indented;

  JsonStyle(String itemSeparator, String nameSeparator, boolean asciiOnly, boolean indented) {
    this.itemSeparator = itemSeparator;
    this.nameSeparator = nameSeparator;
    this.asciiOnly = asciiOnly;
    this.indented = indented;
  }
}
