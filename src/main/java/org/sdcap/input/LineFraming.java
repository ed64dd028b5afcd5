package org.sdcap.input;

/**
 * The bytes of a JSONL line outside its JSON object, kept so that decoding writes the line back as
 * it was: whitespace before the object, whitespace after it (a {@code \r} of a CRLF line ending,
 * trailing spaces), and whether a newline ended the line.
 *
 * @param newline false only for a last line that the input ended without a newline
 */
public record LineFraming(byte[] before, byte[] after, boolean newline) {

  /** A line that is the object alone, followed by a newline. */
  public static final LineFraming PLAIN = new LineFraming(new byte[0], new byte[0], true);

  public boolean isPlain() {
    return before.length == 0 && after.length == 0 && newline;
  }
}
