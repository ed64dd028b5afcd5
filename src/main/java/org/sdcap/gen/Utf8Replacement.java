package org.sdcap.gen;

/**
 * Decodes UTF-8 the way Python's {@code bytes.decode("utf-8", errors="replace")} does.
 *
 * <p>Each maximal subpart of an ill-formed sequence becomes one U+FFFD, the practice Unicode 15
 * (section 3.9, table 3-8) recommends. A character cut by a byte limit therefore becomes a single
 * U+FFFD at the end of a head, and one U+FFFD per orphaned continuation byte at the start of a
 * tail. {@code new String(bytes, UTF_8)} differs on encoded surrogates such as {@code ED A0 80},
 * which Python turns into three U+FFFD and the JDK (17) into one.
 */
final class Utf8Replacement {

  static final char REPLACEMENT = '\uFFFD';

  private Utf8Replacement() {}

  static String decode(byte[] bytes, int from, int to) {
    StringBuilder text = new StringBuilder(to - from);
    int i = from;
    while (i < to) {
      int b0 = bytes[i] & 0xFF;
      if (b0 < 0x80) {
        text.append((char) b0);
        i++;
        continue;
      }
      int length = sequenceLength(b0);
      int codePoint = b0 & (0x7F >> length);
      int valid = 1;
      while (length > 0 && valid < length && i + valid < to) {
        int b = bytes[i + valid] & 0xFF;
        if (b < lowerBound(b0, valid) || b > upperBound(b0, valid)) {
          break;
        }
        codePoint = (codePoint << 6) | (b & 0x3F);
        valid++;
      }
      if (length > 0 && valid == length) {
        text.appendCodePoint(codePoint);
      } else {
        text.append(REPLACEMENT);
      }
      i += valid;
    }
    return text.toString();
  }

  /** Returns the length a lead byte announces, or 0 when it cannot start a sequence. */
  private static int sequenceLength(int b0) {
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      return 2;
    }
    if (b0 >= 0xE0 && b0 <= 0xEF) {
      return 3;
    }
    if (b0 >= 0xF0 && b0 <= 0xF4) {
      return 4;
    }
    return 0;
  }

  // Only the second byte has narrower ranges, which exclude overlong forms, surrogates and code
  // points above U+10FFFF.
  private static int lowerBound(int b0, int position) {
    if (position == 1 && b0 == 0xE0) {
      return 0xA0;
    }
    if (position == 1 && b0 == 0xF0) {
      return 0x90;
    }
    return 0x80;
  }

  private static int upperBound(int b0, int position) {
    if (position == 1 && b0 == 0xED) {
      return 0x9F;
    }
    if (position == 1 && b0 == 0xF4) {
      return 0x8F;
    }
    return 0xBF;
  }
}
