package org.sdcap.json;

/**
 * UTF-8 checks and code-point arithmetic on byte arrays.
 *
 * <p>"Valid" means well-formed UTF-8 as RFC 3629 defines it: no overlong forms, no encoded
 * surrogates (U+D800 to U+DFFF), nothing above U+10FFFF.
 */
public final class Utf8 {

  private Utf8() {}

  /** Returns true when {@code bytes[from, to)} is well-formed UTF-8. */
  public static boolean isValid(byte[] bytes, int from, int to) {
    return validCodePointCount(bytes, from, to) >= 0;
  }

  /**
   * Returns the number of code points in {@code bytes[from, to)} when it is well-formed UTF-8, or
   * -1 when it is not.
   */
  public static int validCodePointCount(byte[] bytes, int from, int to) {
    int i = from;
    int count = 0;
    while (i < to) {
      // ASCII runs, eight bytes at a time.
      while (i + 8 <= to && ((long) ByteSearch.LONGS.get(bytes, i) & ByteSearch.HIGH_BITS) == 0) {
        i += 8;
        count += 8;
      }
      if (i >= to) {
        break;
      }
      int b = bytes[i];
      if (b >= 0) {
        i++;
        count++;
        continue;
      }
      int length = sequenceLength(bytes, i, to);
      if (length < 0) {
        return -1;
      }
      i += length;
      count++;
    }
    return count;
  }

  public static boolean isValid(byte[] bytes) {
    return isValid(bytes, 0, bytes.length);
  }

  /**
   * Returns the length of the well-formed multi-byte sequence starting at {@code i}, or -1 when the
   * bytes there are not one.
   */
  public static int sequenceLength(byte[] bytes, int i, int to) {
    int b0 = bytes[i] & 0xFF;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      return i + 1 < to && isContinuation(bytes[i + 1]) ? 2 : -1;
    }
    if (b0 >= 0xE0 && b0 <= 0xEF) {
      if (i + 2 >= to) {
        return -1;
      }
      int b1 = bytes[i + 1] & 0xFF;
      boolean secondOk =
          b0 == 0xE0
              ? (b1 >= 0xA0 && b1 <= 0xBF)
              : b0 == 0xED ? (b1 >= 0x80 && b1 <= 0x9F) : isContinuation(bytes[i + 1]);
      return secondOk && isContinuation(bytes[i + 2]) ? 3 : -1;
    }
    if (b0 >= 0xF0 && b0 <= 0xF4) {
      if (i + 3 >= to) {
        return -1;
      }
      int b1 = bytes[i + 1] & 0xFF;
      boolean secondOk =
          b0 == 0xF0
              ? (b1 >= 0x90 && b1 <= 0xBF)
              : b0 == 0xF4 ? (b1 >= 0x80 && b1 <= 0x8F) : isContinuation(bytes[i + 1]);
      return secondOk && isContinuation(bytes[i + 2]) && isContinuation(bytes[i + 3]) ? 4 : -1;
    }
    return -1;
  }

  public static boolean isContinuation(byte b) {
    return (b & 0xC0) == 0x80;
  }

  /** Counts the code points of valid UTF-8 in {@code bytes[from, to)}. */
  public static int countCodePoints(byte[] bytes, int from, int to) {
    int count = 0;
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long word = (long) ByteSearch.LONGS.get(bytes, i);
      // A continuation byte has its top two bits 10.
      long continuation = word & ~(word << 1) & ByteSearch.HIGH_BITS;
      count += 8 - Long.bitCount(continuation);
    }
    for (; i < to; i++) {
      if ((bytes[i] & 0xC0) != 0x80) {
        count++;
      }
    }
    return count;
  }

  /**
   * Encodes UTF-16 text as UTF-8, writing a lone surrogate as its three-byte generalized form
   * (WTF-8), so that text holding one still maps to bytes and back without loss.
   */
  public static byte[] encodeWtf8(CharSequence text) {
    int length = text.length();
    byte[] out = new byte[utf8Length(text)];
    int o = 0;
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        out[o++] = (byte) c;
      } else if (c < 0x800) {
        out[o++] = (byte) (0xC0 | (c >> 6));
        out[o++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c)
          && i + 1 < length
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, text.charAt(++i));
        out[o++] = (byte) (0xF0 | (cp >> 18));
        out[o++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        out[o++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        out[o++] = (byte) (0x80 | (cp & 0x3F));
      } else {
        out[o++] = (byte) (0xE0 | (c >> 12));
        out[o++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        out[o++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    return out;
  }

  private static int utf8Length(CharSequence text) {
    int length = text.length();
    int bytes = 0;
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < length
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}
