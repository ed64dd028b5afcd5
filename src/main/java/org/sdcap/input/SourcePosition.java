package org.sdcap.input;

/**
 * The place an input item was read from: a file name plus either a 1-based line number (JSONL, raw
 * dumps) or a 1-based packet number with the byte offset of that packet's record (captures).
 *
 * <p>{@code file} is the name given on the command line, {@code "-"} for standard input.
 */
public record SourcePosition(String file, long line, long packet, long byteOffset) {

  public static SourcePosition ofLine(String file, long line) {
    return new SourcePosition(file, line, 0, -1);
  }

  public static SourcePosition ofFile(String file) {
    return new SourcePosition(file, 0, 0, -1);
  }

  public static SourcePosition ofPacket(String file, long packet, long byteOffset) {
    return new SourcePosition(file, 0, packet, byteOffset);
  }

  /**
   * Formats the position as messages print it: {@code FILE:LINE} or {@code FILE: packet N at byte
   * offset O}.
   */
  @Override
  public String toString() {
    if (packet > 0) {
      return file + ": packet " + packet + " at byte offset " + byteOffset;
    }
    if (line > 0) {
      return file + ":" + line;
    }
    if (byteOffset >= 0) {
      return file + ": at byte offset " + byteOffset;
    }
    return file;
  }
}
