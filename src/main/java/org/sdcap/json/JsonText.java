package org.sdcap.json;

import java.nio.charset.StandardCharsets;

/** Small helpers for JSON string literals: quoting text and reading one literal back. */
public final class JsonText {

  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private JsonText() {}

  /**
   * Returns {@code text} as a JSON string literal. Only the characters JSON requires are escaped; a
   * lone surrogate is written as a {@code \}{@code uXXXX} escape.
   */
  public static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || isLoneSurrogate(text, i)) {
            out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** Returns true when the char at {@code i} is a surrogate that is not half of a valid pair. */
  private static boolean isLoneSurrogate(String text, int i) {
    char c = text.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
    }
    return false;
  }

  /**
   * Parses {@code raw} as one JSON string literal (surrounding whitespace allowed) and returns its
   * value, or null when {@code raw} is not a single string literal.
   */
  public static String parseStringOrNull(byte[] raw) {
    int start = 0;
    int end = raw.length;
    while (start < end && isWhitespace(raw[start])) {
      start++;
    }
    while (end > start && isWhitespace(raw[end - 1])) {
      end--;
    }
    if (end - start < 2 || raw[start] != '"' || raw[end - 1] != '"') {
      return null;
    }
    StringBuilder value = new StringBuilder(end - start);
    int i = start + 1;
    int last = end - 1;
    while (i < last) {
      byte b = raw[i];
      if (b == '"' || (b >= 0 && b < 0x20)) {
        return null;
      }
      if (b != '\\') {
        int runEnd = i;
        while (runEnd < last && raw[runEnd] != '\\' && raw[runEnd] != '"') {
          runEnd++;
        }
        value.append(new String(raw, i, runEnd - i, StandardCharsets.UTF_8));
        i = runEnd;
        continue;
      }
      if (i + 1 >= last) {
        return null;
      }
      byte escaped = raw[i + 1];
      switch (escaped) {
        case '"', '\\', '/' -> value.append((char) escaped);
        case 'b' -> value.append('\b');
        case 'f' -> value.append('\f');
        case 'n' -> value.append('\n');
        case 'r' -> value.append('\r');
        case 't' -> value.append('\t');
        case 'u' -> {
          if (i + 6 > last) {
            return null;
          }
          int code = parseHex4(raw, i + 2);
          if (code < 0) {
            return null;
          }
          value.append((char) code);
          i += 4;
        }
        default -> {
          return null;
        }
      }
      i += 2;
    }
    return value.toString();
  }

  static int parseHex4(byte[] raw, int at) {
    int code = 0;
    for (int k = 0; k < 4; k++) {
      int digit = Character.digit(raw[at + k], 16);
      if (digit < 0) {
        return -1;
      }
      code = code * 16 + digit;
    }
    return code;
  }

  static boolean isWhitespace(byte b) {
    return b == ' ' || b == '\t' || b == '\n' || b == '\r';
  }

  static byte hexDigit(int nibble) {
    return HEX[nibble & 0xF];
  }
}
