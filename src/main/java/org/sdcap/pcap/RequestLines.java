package org.sdcap.pcap;

import java.util.Arrays;

/**
 * Parses and finds HTTP request lines ({@code METHOD SP target SP HTTP-version}, RFC 9112 section
 * 3) in a buffer of bytes.
 */
final class RequestLines {

  private static final byte[] VERSION_PREFIX = {'H', 'T', 'T', 'P', '/', '1', '.'};

  /** Methods accepted where the start of a line can only be guessed. */
  private static final String[] KNOWN_METHODS = {
    "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "CONNECT", "TRACE"
  };

  private RequestLines() {}

  /**
   * Parses the request line in {@code buffer[0, lineEnd)} into {@code request}.
   *
   * @return false when the line is not a request line
   */
  static boolean parse(byte[] buffer, int lineEnd, HttpRequest request) {
    int methodEnd = 0;
    while (methodEnd < lineEnd && HttpSyntax.isToken(buffer[methodEnd])) {
      methodEnd++;
    }
    if (methodEnd == 0 || methodEnd >= lineEnd || buffer[methodEnd] != ' ') {
      return false;
    }

    int targetStart = methodEnd + 1;
    int targetEnd = targetStart;
    while (targetEnd < lineEnd && buffer[targetEnd] != ' ') {
      targetEnd++;
    }
    if (targetEnd == targetStart || !isVisible(buffer, targetStart, targetEnd)) {
      return false;
    }

    String version;
    if (targetEnd == lineEnd) {
      // HTTP/0.9 (RFC 1945 section 4.1): "GET" SP target CRLF, nothing else.
      if (!isGet(buffer, methodEnd)) {
        return false;
      }
      version = "HTTP/0.9";
    } else {
      version = HttpSyntax.ascii(Arrays.copyOfRange(buffer, targetEnd + 1, lineEnd)).trim();
      if (!version.startsWith("HTTP/")) {
        return false;
      }
    }

    request.method = Arrays.copyOfRange(buffer, 0, methodEnd);
    request.target = Arrays.copyOfRange(buffer, targetStart, targetEnd);
    request.version = version;
    return true;
  }

  /** Checks whether {@code buffer[0, lineEnd)} is {@code GET SP target} without a version. */
  static boolean isSimpleRequest(byte[] buffer, int lineEnd) {
    if (lineEnd <= 4 || !isGet(buffer, 3) || buffer[3] != ' ') {
      return false;
    }
    for (int i = 4; i < lineEnd; i++) {
      if (buffer[i] == ' ') {
        return false;
      }
    }
    return true;
  }

  /** Checks for the HTTP/2 connection preface, which parses as {@code PRI * HTTP/2.0}. */
  static boolean isHttp2Preface(HttpRequest request) {
    return request.version.equals("HTTP/2.0") && request.methodText().equals("PRI");
  }

  /** Checks whether {@code buffer[0, end)} contains {@code HTTP/}. */
  static boolean namesHttp(byte[] buffer, int end) {
    for (int i = 0; i + 5 <= end; i++) {
      if (buffer[i] == 'H'
          && buffer[i + 1] == 'T'
          && buffer[i + 2] == 'T'
          && buffer[i + 3] == 'P'
          && buffer[i + 4] == '/') {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns the index where a complete request line with version HTTP/1.0 or HTTP/1.1 starts in
   * {@code buffer[0, length)}, or -1. Only lines starting at {@code minStart} or later count, and
   * versions before {@code scanFrom} are not looked at again.
   *
   * <p>A method after a line feed starts a line. A method at index 0, where the line start is only
   * guessed, or after other bytes (a TCP keep-alive byte, for example) must be a well-known method.
   */
  static int find(byte[] buffer, int scanFrom, int length, int minStart) {
    for (int i = scanFrom; i + VERSION_PREFIX.length + 1 < length; i++) {
      if (buffer[i] != 'H' || !matches(buffer, length, i, VERSION_PREFIX)) {
        continue;
      }
      int afterVersion = i + VERSION_PREFIX.length + 1;
      byte minor = buffer[afterVersion - 1];
      boolean lineEnds =
          afterVersion < length
              && (buffer[afterVersion] == '\n'
                  || (buffer[afterVersion] == '\r'
                      && afterVersion + 1 < length
                      && buffer[afterVersion + 1] == '\n'));
      if ((minor != '0' && minor != '1') || !lineEnds) {
        continue;
      }

      int methodStart = methodStartBefore(buffer, i);
      if (methodStart < minStart) {
        continue;
      }
      boolean afterLineFeed = methodStart > 0 && buffer[methodStart - 1] == '\n';
      if (afterLineFeed || startsWithKnownMethod(buffer, length, methodStart)) {
        return methodStart;
      }
    }
    return -1;
  }

  /**
   * Checks {@code METHOD SP target SP} before the version at {@code versionStart} and returns where
   * the method starts, or -1.
   */
  private static int methodStartBefore(byte[] buffer, int versionStart) {
    if (versionStart < 4 || buffer[versionStart - 1] != ' ') {
      return -1;
    }
    int targetStart = versionStart - 1;
    while (targetStart > 0 && buffer[targetStart - 1] != ' ') {
      int c = buffer[targetStart - 1] & 0xFF;
      if (c < 0x21 || c == 0x7F) {
        return -1;
      }
      targetStart--;
    }
    if (targetStart == versionStart - 1 || targetStart < 2) {
      return -1;
    }

    int methodStart = targetStart - 1;
    while (methodStart > 0 && buffer[methodStart - 1] >= 'A' && buffer[methodStart - 1] <= 'Z') {
      methodStart--;
    }
    int methodLength = targetStart - 1 - methodStart;
    if (methodLength == 0 || methodLength > HttpSyntax.MAX_METHOD_LENGTH) {
      return -1;
    }
    return methodStart;
  }

  private static boolean startsWithKnownMethod(byte[] buffer, int length, int lineStart) {
    for (String method : KNOWN_METHODS) {
      int methodLength = method.length();
      if (lineStart + methodLength < length && buffer[lineStart + methodLength] == ' ') {
        boolean same = true;
        for (int k = 0; k < methodLength && same; k++) {
          same = buffer[lineStart + k] == method.charAt(k);
        }
        if (same) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isGet(byte[] buffer, int methodEnd) {
    return methodEnd == 3 && buffer[0] == 'G' && buffer[1] == 'E' && buffer[2] == 'T';
  }

  private static boolean isVisible(byte[] buffer, int from, int to) {
    for (int i = from; i < to; i++) {
      if ((buffer[i] & 0xFF) < 0x21 || buffer[i] == 0x7F) {
        return false;
      }
    }
    return true;
  }

  private static boolean matches(byte[] buffer, int length, int at, byte[] expected) {
    if (at + expected.length > length) {
      return false;
    }
    for (int k = 0; k < expected.length; k++) {
      if (buffer[at + k] != expected[k]) {
        return false;
      }
    }
    return true;
  }
}
