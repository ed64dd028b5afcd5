package org.sdcap.pcap;

import java.util.Arrays;

/**
 * Decodes the chunked transfer coding (RFC 9112 section 7.1) incrementally: chunk-size lines with
 * optional extensions, chunk data, the last chunk and the trailer section. Line endings may be CRLF
 * or a bare LF.
 */
final class ChunkedDecoder {

  private static final int MAX_SIZE_LINE = 4096;

  private enum Part {
    SIZE_LINE,
    DATA,
    DATA_END,
    TRAILERS,
    DONE,
    FAILED
  }

  private final BodyBuffer body;
  private final int maxTrailerBytes;
  private Part part = Part.SIZE_LINE;
  private byte[] line = new byte[64];
  private int lineLength;
  private long remaining;
  private String error;
  private boolean bodyLimitReached;

  /**
   * @param body where the chunk data goes, or null to skip it
   * @param maxTrailerBytes largest trailer section accepted
   */
  ChunkedDecoder(BodyBuffer body, int maxTrailerBytes) {
    this.body = body;
    this.maxTrailerBytes = maxTrailerBytes;
  }

  /**
   * Decodes {@code b[at, end)} until the input ends, the chunked body ends ({@link #done()}) or the
   * framing is invalid ({@link #error()}).
   *
   * @return the index after the last byte that belongs to the chunked body
   */
  int decode(byte[] b, int at, int end) {
    while (at < end && part != Part.DONE && part != Part.FAILED) {
      at =
          switch (part) {
            case SIZE_LINE -> sizeLine(b, at, end);
            case DATA -> data(b, at, end);
            case DATA_END -> dataEnd(b, at);
            case TRAILERS -> trailers(b, at, end);
            case DONE, FAILED -> at;
          };
    }
    return at;
  }

  boolean done() {
    return part == Part.DONE;
  }

  /** Returns what made the framing invalid, as a phrase for a message, or null. */
  String error() {
    return error;
  }

  /** Returns the bytes still expected in the current chunk's data, 0 outside chunk data. */
  long remainingInChunk() {
    return part == Part.DATA ? remaining : 0;
  }

  /** Returns true once, when a chunk first makes the body exceed its buffer's maximum. */
  boolean takeBodyLimitReached() {
    boolean reached = bodyLimitReached;
    bodyLimitReached = false;
    return reached;
  }

  private int sizeLine(byte[] b, int at, int end) {
    int lineFeed = HttpSyntax.indexOfLineFeed(b, at, end);
    int take = lineFeed < 0 ? end - at : lineFeed + 1 - at;
    if (lineLength + take > MAX_SIZE_LINE) {
      return fail(at + take, "a chunk-size line longer than " + MAX_SIZE_LINE + " bytes");
    }
    append(b, at, take);
    if (lineFeed < 0) {
      return end;
    }

    long size = HttpSyntax.chunkSize(line, 0, HttpSyntax.lineEnd(line, 0, lineLength - 1));
    lineLength = 0;
    if (size < 0) {
      return fail(at + take, "an invalid chunk-size line");
    }
    if (size == 0) {
      part = Part.TRAILERS;
      return at + take;
    }
    if (body != null && body.dropped() == 0 && body.size() + size > body.max()) {
      bodyLimitReached = true;
    }
    remaining = size;
    part = Part.DATA;
    return at + take;
  }

  private int data(byte[] b, int at, int end) {
    int take = (int) Math.min(end - at, remaining);
    if (body != null) {
      body.append(b, at, take);
    }
    remaining -= take;
    if (remaining == 0) {
      part = Part.DATA_END;
    }
    return at + take;
  }

  /** Consumes the line ending after a chunk's data. */
  private int dataEnd(byte[] b, int at) {
    if (b[at] == '\n') {
      lineLength = 0;
      part = Part.SIZE_LINE;
      return at + 1;
    }
    if (b[at] == '\r' && lineLength == 0) {
      line[lineLength++] = '\r';
      return at + 1;
    }
    lineLength = 0;
    return fail(at, "chunk data not followed by a line ending");
  }

  /** Reads the trailer section: header lines, then an empty line (alone when there are none). */
  private int trailers(byte[] b, int at, int end) {
    int take = Math.min(end - at, maxTrailerBytes - lineLength);
    append(b, at, take);
    int blockEnd;
    if (line[0] == '\n') {
      blockEnd = 1;
    } else if (lineLength >= 2 && line[0] == '\r' && line[1] == '\n') {
      blockEnd = 2;
    } else {
      blockEnd = HttpSyntax.headerBlockEnd(line, 0, 0, lineLength);
    }
    if (blockEnd < 0) {
      if (lineLength >= maxTrailerBytes) {
        return fail(
            at + take,
            "a trailer section larger than "
                + maxTrailerBytes
                + " bytes (limit of header bytes, raise it with --max-header-size)");
      }
      return at + take;
    }
    int consumed = take - (lineLength - blockEnd);
    lineLength = 0;
    part = Part.DONE;
    return at + consumed;
  }

  private int fail(int at, String reason) {
    error = reason;
    part = Part.FAILED;
    return at;
  }

  private void append(byte[] b, int from, int length) {
    if (lineLength + length > line.length) {
      line = Arrays.copyOf(line, Math.max(lineLength + length, line.length * 2));
    }
    System.arraycopy(b, from, line, lineLength, length);
    lineLength += length;
  }
}
