package org.sdcap.pcap;

/** Formats capture times as exact decimal epoch seconds. */
final class CaptureTime {

  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  private static final long[] POWERS_OF_TEN = new long[10];

  static {
    POWERS_OF_TEN[0] = 1;
    for (int i = 1; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
    }
  }

  private CaptureTime() {}

  /**
   * Formats a time as a JSON number of epoch seconds with exactly {@code digits} fraction digits,
   * for example {@code 1700000000.123456} for microseconds.
   */
  static String format(long timeNanos, int digits) {
    long seconds = Math.floorDiv(timeNanos, NANOS_PER_SECOND);
    long nanos = Math.floorMod(timeNanos, NANOS_PER_SECOND);
    if (digits <= 0) {
      return Long.toString(seconds);
    }
    long fraction = nanos / POWERS_OF_TEN[9 - digits];
    String fractionText = Long.toString(fraction);
    StringBuilder text = new StringBuilder(24).append(seconds).append('.');
    for (int i = fractionText.length(); i < digits; i++) {
      text.append('0');
    }
    return text.append(fractionText).toString();
  }

  static long powerOfTen(int exponent) {
    return POWERS_OF_TEN[exponent];
  }
}
