package org.sdcap.pcap;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** Byte-level HTTP/1.x syntax shared by the request and response parsers (RFC 9110, 9112). */
final class HttpSyntax {

  static final int MAX_METHOD_LENGTH = 32;
  private static final boolean[] TOKEN = new boolean[256];

  static {
    for (char c = '0'; c <= '9'; c++) {
      TOKEN[c] = true;
    }
    for (char c = 'A'; c <= 'Z'; c++) {
      TOKEN[c] = true;
      TOKEN[c + 32] = true;
    }
    for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
      TOKEN[c] = true;
    }
  }

  private HttpSyntax() {}

  static boolean isToken(byte b) {
    return TOKEN[b & 0xFF];
  }

  /** Returns the index of the first LF in {@code b[from, to)}, or -1. */
  static int indexOfLineFeed(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** Returns the end of a line that ends at the LF at {@code lineFeed}, without a CR before it. */
  static int lineEnd(byte[] b, int lineStart, int lineFeed) {
    return lineFeed > lineStart && b[lineFeed - 1] == '\r' ? lineFeed - 1 : lineFeed;
  }

  /**
   * Finds the end of a header block that starts at {@code from}: the index just past the empty line
   * (CRLF CRLF, or bare LF line endings), or -1 when the block is not complete in {@code b[from,
   * to)}. {@code scanFrom} lets a caller resume where an earlier search stopped.
   */
  static int headerBlockEnd(byte[] b, int from, int scanFrom, int to) {
    int i = Math.max(from, scanFrom);
    while (true) {
      int lineFeed = indexOfLineFeed(b, i, to);
      if (lineFeed < 0) {
        return -1;
      }
      int next = lineFeed + 1;
      if (next < to && b[next] == '\n') {
        return next + 1;
      }
      if (next + 1 < to && b[next] == '\r' && b[next + 1] == '\n') {
        return next + 2;
      }
      if (next >= to || (next + 1 >= to && b[next] == '\r')) {
        return -1;
      }
      i = next;
    }
  }

  /**
   * Parses header lines in {@code b[from, to)} (after the start line) into {@code headers}. An
   * obsolete line folding (a line starting with a space or tab) is joined to the previous value
   * with one space. Lines without a colon are skipped.
   */
  static void parseHeaders(byte[] b, int from, int to, List<HttpRequest.Header> headers) {
    int lineStart = from;
    while (lineStart < to) {
      int lineFeed = indexOfLineFeed(b, lineStart, to);
      int end = lineFeed < 0 ? to : lineEnd(b, lineStart, lineFeed);
      int next = lineFeed < 0 ? to : lineFeed + 1;
      if (end == lineStart) {
        break;
      }
      if ((b[lineStart] == ' ' || b[lineStart] == '\t') && !headers.isEmpty()) {
        HttpRequest.Header previous = headers.remove(headers.size() - 1);
        byte[] addition = trimmed(b, lineStart, end);
        byte[] joined = new byte[previous.value().length + 1 + addition.length];
        System.arraycopy(previous.value(), 0, joined, 0, previous.value().length);
        joined[previous.value().length] = ' ';
        System.arraycopy(addition, 0, joined, previous.value().length + 1, addition.length);
        headers.add(new HttpRequest.Header(previous.name(), joined));
      } else {
        int colon = lineStart;
        while (colon < end && b[colon] != ':') {
          colon++;
        }
        if (colon < end && colon > lineStart) {
          String name =
              new String(b, lineStart, colon - lineStart, StandardCharsets.ISO_8859_1)
                  .trim()
                  .toLowerCase(Locale.ROOT);
          headers.add(new HttpRequest.Header(name, trimmed(b, colon + 1, end)));
        }
      }
      lineStart = next;
    }
  }

  static byte[] trimmed(byte[] b, int from, int to) {
    while (from < to && (b[from] == ' ' || b[from] == '\t')) {
      from++;
    }
    while (to > from && (b[to - 1] == ' ' || b[to - 1] == '\t')) {
      to--;
    }
    byte[] value = new byte[to - from];
    System.arraycopy(b, from, value, 0, value.length);
    return value;
  }

  static String ascii(byte[] value) {
    return new String(value, StandardCharsets.ISO_8859_1);
  }

  /**
   * Parses Content-Length values: each may be a comma-separated list (RFC 9110 section 8.6); all
   * elements must be the same decimal number.
   *
   * @return the length, -1 when there is no Content-Length, -2 when a value is not a decimal
   *     number, -3 when the values differ, -4 when a value is beyond 18 digits
   */
  static long contentLength(List<byte[]> values) {
    long length = -1;
    for (byte[] value : values) {
      for (String element : ascii(value).split(",", -1)) {
        String digits = element.trim();
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
          return -2;
        }
        // Leading zeros are valid (1*DIGIT); beyond 18 significant digits a long overflows.
        String significant = digits.replaceFirst("^0+(?=.)", "");
        if (significant.length() > 18) {
          return -4;
        }
        long parsed = Long.parseLong(significant);
        if (length >= 0 && parsed != length) {
          return -3;
        }
        length = parsed;
      }
    }
    return length;
  }

  /** Returns the last transfer coding named in the Transfer-Encoding values, lower-cased. */
  static String lastTransferCoding(List<byte[]> values) {
    String last = null;
    for (byte[] value : values) {
      for (String element : ascii(value).split(",")) {
        String coding = element.trim();
        int parameters = coding.indexOf(';');
        if (parameters >= 0) {
          coding = coding.substring(0, parameters).trim();
        }
        if (!coding.isEmpty()) {
          last = coding.toLowerCase(Locale.ROOT);
        }
      }
    }
    return last;
  }

  /**
   * Parses a chunk-size line without its line ending: hex digits, then optional whitespace and
   * chunk extensions after a semicolon.
   *
   * @return the size, or -1 when the line has no hex digits or more than 15 of them
   */
  static long chunkSize(byte[] b, int from, int to) {
    long size = 0;
    int digits = 0;
    int i = from;
    while (i < to && (b[i] == ' ' || b[i] == '\t')) {
      i++;
    }
    for (; i < to; i++) {
      int digit = Character.digit(b[i], 16);
      if (digit < 0) {
        break;
      }
      if (++digits > 15) {
        return -1;
      }
      size = size * 16 + digit;
    }
    if (digits == 0) {
      return -1;
    }
    while (i < to && (b[i] == ' ' || b[i] == '\t')) {
      i++;
    }
    return i == to || b[i] == ';' ? size : -1;
  }
}
