package org.sdcap.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds bytes in arrays eight at a time, for the hot loops of line splitting and string scanning.
 *
 * <p>The word tests are the "has zero byte" bit tricks: {@code (x - 0x01..01) & ~x & 0x80..80}
 * flags every byte of {@code x} that is zero, and may also flag bytes above a flagged one (a borrow
 * carries upwards). Words are read little-endian, so the lowest flagged byte is always a true match
 * and {@code numberOfTrailingZeros / 8} is its index.
 */
public final class ByteSearch {

  static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  static final long ONES = 0x0101010101010101L;
  static final long HIGH_BITS = 0x8080808080808080L;

  private ByteSearch() {}

  /** Returns the index of the first {@code target} byte in {@code bytes[from, to)}, or -1. */
  public static int indexOf(byte[] bytes, int from, int to, byte target) {
    long pattern = ONES * (target & 0xFF);
    int i = from;
    while (i + 8 <= to) {
      long word = (long) LONGS.get(bytes, i) ^ pattern;
      long found = (word - ONES) & ~word & HIGH_BITS;
      if (found != 0) {
        return i + (Long.numberOfTrailingZeros(found) >>> 3);
      }
      i += 8;
    }
    while (i < to) {
      if (bytes[i] == target) {
        return i;
      }
      i++;
    }
    return -1;
  }

  /**
   * Returns the index of the first byte in {@code bytes[from, to)} that ends a plain run inside a
   * JSON string: a quote, a backslash or a control character below 0x20. Returns {@code to} when
   * there is none.
   */
  static int skipPlainStringBytes(byte[] bytes, int from, int to) {
    int i = from;
    while (i + 8 <= to) {
      long word = (long) LONGS.get(bytes, i);
      long quote = word ^ (ONES * '"');
      long backslash = word ^ (ONES * '\\');
      // Bytes below 0x20 are the ones where subtracting 0x20 borrows and the high bit was clear.
      long special =
          ((quote - ONES) & ~quote)
              | ((backslash - ONES) & ~backslash)
              | ((word - ONES * 0x20) & ~word);
      special &= HIGH_BITS;
      if (special != 0) {
        return i + (Long.numberOfTrailingZeros(special) >>> 3);
      }
      i += 8;
    }
    while (i < to) {
      int b = bytes[i];
      if (b == '"' || b == '\\' || (b >= 0 && b < 0x20)) {
        return i;
      }
      i++;
    }
    return to;
  }
}
