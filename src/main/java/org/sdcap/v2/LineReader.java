package org.sdcap.v2;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a stream into lines without decoding them. Each call to {@link #next()} exposes one line
 * as {@code buffer()[start(), end())}, without its line terminator; the slice is valid until the
 * next call. Not thread-safe.
 */
public final class LineReader {

  private final InputStream in;
  private final int maxLineBytes;
  private byte[] buffer = new byte[1 << 16];
  private int filled;
  private int position;
  private int lineStart;
  private int lineEnd;
  private boolean endOfInput;
  private boolean lastHadNewline;
  private long lineNumber;

  public LineReader(InputStream in, int maxLineBytes) {
    this.in = in;
    this.maxLineBytes = maxLineBytes;
  }

  /**
   * Advances to the next line. Returns false at the end of the input.
   *
   * @throws LineTooLongException when a line is longer than the limit given to the constructor
   */
  public boolean next() throws IOException {
    lineStart = position;
    int scanFrom = position;
    while (true) {
      int newline = indexOf(buffer, (byte) '\n', scanFrom, filled);
      if (newline >= 0) {
        lineEnd = newline;
        position = newline + 1;
        lastHadNewline = true;
        lineNumber++;
        return true;
      }
      if (endOfInput) {
        if (lineStart == filled) {
          return false;
        }
        lineEnd = filled;
        position = filled;
        lastHadNewline = false;
        lineNumber++;
        return true;
      }
      scanFrom = filled - lineStart;
      compactAndFill();
      scanFrom += lineStart;
    }
  }

  public byte[] buffer() {
    return buffer;
  }

  public int start() {
    return lineStart;
  }

  public int end() {
    return lineEnd;
  }

  /** Returns the 1-based number of the current line. */
  public long lineNumber() {
    return lineNumber;
  }

  public boolean hadNewline() {
    return lastHadNewline;
  }

  private void compactAndFill() throws IOException {
    int pending = filled - lineStart;
    if (lineStart > 0) {
      System.arraycopy(buffer, lineStart, buffer, 0, pending);
      filled = pending;
      position -= lineStart;
      lineStart = 0;
    }
    if (filled == buffer.length) {
      if (buffer.length >= maxLineBytes) {
        throw new LineTooLongException(lineNumber + 1, maxLineBytes);
      }
      buffer = Arrays.copyOf(buffer, (int) Math.min((long) buffer.length * 2, maxLineBytes));
    }
    int read = in.read(buffer, filled, buffer.length - filled);
    if (read < 0) {
      endOfInput = true;
    } else {
      filled += read;
    }
  }

  private static int indexOf(byte[] bytes, byte target, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == target) {
        return i;
      }
    }
    return -1;
  }

  /** A line longer than the reader's limit. */
  public static final class LineTooLongException extends IOException {
    private final long lineNumber;

    public LineTooLongException(long lineNumber, int limit) {
      super("line " + lineNumber + " is longer than the limit of " + limit + " bytes");
      this.lineNumber = lineNumber;
    }

    public long lineNumber() {
      return lineNumber;
    }
  }
}
