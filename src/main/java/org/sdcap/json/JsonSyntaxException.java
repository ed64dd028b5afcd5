package org.sdcap.json;

/**
 * Invalid JSON text, with the byte offset of the first byte that could not be accepted.
 *
 * <p>The message names what was expected and what was found, without the offset, for example {@code
 * expected ':' after member name "ts", found '1'}; callers put the offset and the source in front
 * of it.
 */
public final class JsonSyntaxException extends Exception {

  private static final long serialVersionUID = 1L;

  private final int offset;

  public JsonSyntaxException(int offset, String message) {
    super(message);
    this.offset = offset;
  }

  /**
   * Returns the offset of the offending byte, counted from the start of the scanned range. When the
   * text ended too early, the offset is the length of the range.
   */
  public int offset() {
    return offset;
  }
}
