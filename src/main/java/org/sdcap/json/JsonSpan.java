package org.sdcap.json;

/**
 * The exact text of one JSON value inside a byte array.
 *
 * @param start offset of the value's first byte (the quote of a string, the brace of an object)
 * @param end offset just past the value's last byte
 */
public record JsonSpan(int start, int end, ValueType type) {

  public int length() {
    return end - start;
  }
}
