package org.sdcap.cli;

import java.util.Arrays;

/** Compares body bytes with a failure message that shows where they differ, not whole arrays. */
final class BodyBytes {

  private static final int CONTEXT_BYTES = 40;

  private BodyBytes() {}

  /** Fails when {@code actual} differs from {@code expected}, naming the first differing byte. */
  static void assertSame(byte[] actual, byte[] expected, String description, Object... args) {
    int at = Arrays.mismatch(actual, expected);
    if (at < 0) {
      return;
    }
    throw new AssertionError(
        String.format(
            "%s: %d bytes, expected %d; first difference at byte %d%n expected: …%s…%n actual:   …%s…",
            String.format(description, args),
            actual.length,
            expected.length,
            at,
            excerpt(expected, at),
            excerpt(actual, at)));
  }

  /** Returns the bytes around {@code at}, printable ASCII as itself and other bytes as \xNN. */
  private static String excerpt(byte[] bytes, int at) {
    StringBuilder out = new StringBuilder();
    for (int i = Math.max(0, at - CONTEXT_BYTES);
        i < Math.min(bytes.length, at + CONTEXT_BYTES);
        i++) {
      int b = bytes[i] & 0xFF;
      if (b >= 0x20 && b < 0x7F && b != '\\') {
        out.append((char) b);
      } else {
        out.append(String.format("\\x%02x", b));
      }
    }
    return out.toString();
  }
}
