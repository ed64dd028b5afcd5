package org.sdcap.input;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.sdcap.json.ByteSearch;

/**
 * Splits a byte stream into lines on {@code \n}, in a reused buffer, without decoding anything.
 *
 * <p>A line is delivered as a segment of {@link #buffer()} that stays valid until the next call of
 * {@link #next()}. A {@code \r} before the newline stays in the line. A run of NUL bytes at the
 * start of a line, which logrotate's copytruncate leaves when a writer keeps its file offset, is
 * delivered as separate segments of at most {@link #NUL_RUN_PIECE_BYTES} that are counted, not
 * buffered; the rest of that line follows as its own segment with {@link #offsetInLine()} past the
 * run. A UTF-8 byte order mark (EF BB BF) at the start of a line is split off the same way, as a
 * segment of its own.
 *
 * <p>A line longer than the maximum is an {@link InputException}; at most the maximum plus one byte
 * is ever buffered. When a decompressor reports damaged data, the damage is reported to {@link
 * Diagnostics}, the bytes read before it are still delivered, and the input ends there.
 */
final class LineReader {

  /** The largest piece of a NUL run delivered at once. */
  static final int NUL_RUN_PIECE_BYTES = 16 << 20;

  /** The UTF-8 byte order mark; callers must not modify it. */
  static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private static final int INITIAL_BUFFER_BYTES = 1 << 20;

  private final InputStream in;
  private final String fileName;
  private final int maxLineBytes;
  private final Diagnostics diagnostics;

  private byte[] buf;
  private int start;
  private int limit;
  private boolean eof;

  private long lineNumber;
  private long offsetInLine;
  private boolean atLineStart = true;
  private boolean previousWasNulRun;

  private int segmentStart;
  private int segmentEnd;
  private boolean segmentEndsWithNewline;
  private int nulRunLength;
  private boolean byteOrderMark;

  LineReader(InputStream in, String fileName, int maxLineBytes, Diagnostics diagnostics) {
    this.in = in;
    this.fileName = fileName;
    this.maxLineBytes = maxLineBytes;
    this.diagnostics = diagnostics;
    this.buf = new byte[Math.min(INITIAL_BUFFER_BYTES, maxLineBytes + 1)];
  }

  /**
   * Advances to the next segment.
   *
   * @return false at the end of the input
   * @throws InputException when a line is longer than the maximum
   * @throws IOException when reading fails for another reason than damaged compressed data
   */
  boolean next() throws IOException {
    if (atLineStart) {
      lineNumber++;
      offsetInLine = 0;
    } else {
      offsetInLine += segmentLength();
    }
    if (start == limit && !fill()) {
      return false;
    }
    boolean lineStart = offsetInLine == 0 || previousWasNulRun;
    if (buf[start] == 0 && lineStart) {
      readNulRun();
    } else if (buf[start] == BYTE_ORDER_MARK[0] && lineStart && startsWithByteOrderMark()) {
      readByteOrderMark();
    } else {
      readLine();
    }
    return true;
  }

  /**
   * Returns the buffer that contains the current segment, which is empty for a NUL run and a byte
   * order mark.
   */
  byte[] buffer() {
    return buf;
  }

  int segmentStart() {
    return segmentStart;
  }

  int segmentEnd() {
    return segmentEnd;
  }

  /** Returns the length of the current segment in bytes, NUL runs and byte order marks included. */
  int segmentLength() {
    if (byteOrderMark) {
      return BYTE_ORDER_MARK.length;
    }
    return isNulRun() ? nulRunLength : segmentEnd - segmentStart;
  }

  /** Returns true when the current segment is a run of {@link #segmentLength()} NUL bytes. */
  boolean isNulRun() {
    return nulRunLength > 0;
  }

  /** Returns true when the current segment is a UTF-8 byte order mark, EF BB BF. */
  boolean isByteOrderMark() {
    return byteOrderMark;
  }

  /**
   * Returns false when more bytes of the same line follow the segment, or the input ended without a
   * newline.
   */
  boolean endsWithNewline() {
    return segmentEndsWithNewline;
  }

  /** Returns the buffer size, which is never more than the maximum line length plus one. */
  int bufferCapacity() {
    return buf.length;
  }

  /** Returns the 1-based number of the line that the current segment belongs to. */
  long lineNumber() {
    return lineNumber;
  }

  /** Returns the byte offset of the current segment within its line. */
  long offsetInLine() {
    return offsetInLine;
  }

  private void readNulRun() throws IOException {
    int count = 0;
    int pieceBytes = Math.min(NUL_RUN_PIECE_BYTES, maxLineBytes);
    while (count < pieceBytes) {
      while (start < limit && buf[start] == 0 && count < pieceBytes) {
        start++;
        count++;
      }
      if (start < limit || !fill()) {
        break;
      }
    }
    segmentStart = start;
    segmentEnd = start;
    nulRunLength = count;
    byteOrderMark = false;
    previousWasNulRun = true;
    endSegmentAtNewline();
  }

  /**
   * Buffers the first bytes of the line and returns true when they are a byte order mark. A buffer
   * too small to hold the mark and one more byte, which only a maximum line length below 3 gives,
   * never finds one.
   */
  private boolean startsWithByteOrderMark() throws IOException {
    if (buf.length <= BYTE_ORDER_MARK.length) {
      return false;
    }
    while (limit - start < BYTE_ORDER_MARK.length) {
      if (!fill()) {
        return false;
      }
    }
    return Arrays.equals(
        buf, start, start + BYTE_ORDER_MARK.length, BYTE_ORDER_MARK, 0, BYTE_ORDER_MARK.length);
  }

  private void readByteOrderMark() throws IOException {
    start += BYTE_ORDER_MARK.length;
    segmentStart = start;
    segmentEnd = start;
    nulRunLength = 0;
    byteOrderMark = true;
    previousWasNulRun = false;
    endSegmentAtNewline();
  }

  private void readLine() throws IOException {
    nulRunLength = 0;
    byteOrderMark = false;
    previousWasNulRun = false;
    int scanned = 0;
    while (true) {
      int newline = ByteSearch.indexOf(buf, start + scanned, limit, (byte) '\n');
      if (newline >= 0) {
        checkLength(newline - start);
        segmentStart = start;
        segmentEnd = newline;
        segmentEndsWithNewline = true;
        start = newline + 1;
        atLineStart = true;
        return;
      }
      scanned = limit - start;
      checkLength(scanned);
      if (!fill()) {
        segmentStart = start;
        segmentEnd = limit;
        segmentEndsWithNewline = false;
        start = limit;
        atLineStart = true;
        return;
      }
    }
  }

  /** Consumes a newline that directly follows the current NUL run or byte order mark, if any. */
  private void endSegmentAtNewline() throws IOException {
    if (start == limit) {
      fill();
    }
    if (start < limit && buf[start] == '\n') {
      start++;
      segmentEndsWithNewline = true;
      atLineStart = true;
    } else {
      segmentEndsWithNewline = false;
      atLineStart = start == limit;
    }
  }

  private void checkLength(int lineBytes) throws InputException {
    if (lineBytes > maxLineBytes) {
      throw new InputException(
          SourcePosition.ofLine(fileName, lineNumber),
          "line is longer than the maximum of "
              + InputSizes.describe(maxLineBytes)
              + ". Raise the limit with --max-line-bytes (up to "
              + InputOptions.MAX_LINE_BYTES_LIMIT
              + " bytes).");
    }
  }

  /**
   * Reads more bytes after {@code limit}, first making room by compacting or growing the buffer.
   * Returns false at the end of the input, or after reporting damaged compressed data.
   */
  private boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    if (limit == buf.length) {
      makeRoom();
    }
    int count;
    try {
      do {
        count = in.read(buf, limit, buf.length - limit);
      } while (count == 0);
    } catch (DamagedCompressedDataException e) {
      diagnostics.damaged(SourcePosition.ofLine(fileName, lineNumber), e.getMessage());
      eof = true;
      return false;
    }
    if (count < 0) {
      eof = true;
      return false;
    }
    limit += count;
    return true;
  }

  /** Compacts the buffer when at most half of it is unconsumed, else doubles it up to the cap. */
  private void makeRoom() {
    int unconsumed = limit - start;
    int cap = maxLineBytes + 1;
    if (unconsumed <= buf.length / 2 || buf.length == cap) {
      System.arraycopy(buf, start, buf, 0, unconsumed);
    } else {
      byte[] larger = new byte[(int) Math.min((long) buf.length * 2, cap)];
      System.arraycopy(buf, start, larger, 0, unconsumed);
      buf = larger;
    }
    start = 0;
    limit = unconsumed;
  }
}
