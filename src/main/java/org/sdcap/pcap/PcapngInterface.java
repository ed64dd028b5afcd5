package org.sdcap.pcap;

import java.math.BigInteger;

/**
 * One interface of a pcapng section: its link type, snap length and timestamp unit.
 *
 * <p>Options read from the interface description block (code, length, value padded to 4 bytes):
 * {@code if_tsresol} (9) gives the unit as 10^-n seconds, or 2^-n when its top bit is set,
 * microseconds when absent; {@code if_tsoffset} (14) gives seconds to add to every timestamp;
 * {@code if_fcslen} (13) gives the bytes of frame check sequence at the end of each frame.
 *
 * @param decoded whether sdcap decodes the link type; packets of other interfaces are skipped
 */
record PcapngInterface(
    int linkType,
    long snapLength,
    boolean decoded,
    boolean powerOfTwo,
    int unitExponent,
    long offsetSeconds,
    int fcsLength) {

  private static final int OPTION_END = 0;
  private static final int IF_TSRESOL = 9;
  private static final int IF_FCSLEN = 13;
  private static final int IF_TSOFFSET = 14;
  private static final int DEFAULT_EXPONENT = 6;
  private static final BigInteger NANOS_PER_SECOND = BigInteger.valueOf(1_000_000_000L);

  /** Returns an interface whose description could not be read, so its packets are skipped. */
  static PcapngInterface unreadable() {
    return new PcapngInterface(-1, 0, false, false, DEFAULT_EXPONENT, 0, 0);
  }

  /** Reads the options in {@code b[at, end)}; an option running past {@code end} stops reading. */
  static PcapngInterface parse(
      int linkType, long snapLength, byte[] b, int at, int end, boolean bigEndian) {
    boolean powerOfTwo = false;
    int exponent = DEFAULT_EXPONENT;
    long offsetSeconds = 0;
    int fcsLength = 0;
    while (at + 4 <= end) {
      int code = Bytes.u16(b, at, bigEndian);
      int optionLength = Bytes.u16(b, at + 2, bigEndian);
      int value = at + 4;
      if (code == OPTION_END || value + optionLength > end) {
        break;
      }
      if (code == IF_TSRESOL && optionLength >= 1) {
        int resolution = b[value] & 0xFF;
        powerOfTwo = (resolution & 0x80) != 0;
        exponent = resolution & 0x7F;
      } else if (code == IF_TSOFFSET && optionLength >= 8) {
        offsetSeconds = Bytes.u64(b, value, bigEndian);
      } else if (code == IF_FCSLEN && optionLength >= 1) {
        fcsLength = b[value] & 0xFF;
      }
      at = value + ((optionLength + 3) & ~3);
    }
    return new PcapngInterface(
        linkType,
        snapLength,
        LinkLayer.isDecoded(linkType),
        powerOfTwo,
        exponent,
        offsetSeconds,
        fcsLength);
  }

  /** Returns true when the time unit can be converted: 10^-18 seconds or coarser, or 2^-62. */
  boolean usableResolution() {
    return powerOfTwo ? unitExponent <= 62 : unitExponent <= 18;
  }

  /** Returns the same interface with microsecond timestamps. */
  PcapngInterface withMicroseconds() {
    return new PcapngInterface(
        linkType, snapLength, decoded, false, DEFAULT_EXPONENT, offsetSeconds, fcsLength);
  }

  /**
   * Converts a timestamp in this interface's units (an unsigned 64-bit count) to nanoseconds since
   * the epoch, {@link Long#MAX_VALUE} when it does not fit.
   */
  long timeNanos(long ticks) {
    boolean decimalFastPath = !powerOfTwo && unitExponent <= 9 && offsetSeconds == 0 && ticks >= 0;
    if (decimalFastPath) {
      long units = CaptureTime.powerOfTen(unitExponent);
      long seconds = ticks / units;
      long nanos = (ticks % units) * CaptureTime.powerOfTen(9 - unitExponent);
      return seconds < Long.MAX_VALUE / 1_000_000_000L ? seconds * 1_000_000_000L + nanos : 0;
    }
    BigInteger units =
        powerOfTwo ? BigInteger.ONE.shiftLeft(unitExponent) : BigInteger.TEN.pow(unitExponent);
    BigInteger[] split = toUnsigned(ticks).divideAndRemainder(units);
    BigInteger nanos = split[1].multiply(NANOS_PER_SECOND).divide(units);
    BigInteger total =
        split[0].add(BigInteger.valueOf(offsetSeconds)).multiply(NANOS_PER_SECOND).add(nanos);
    return total.bitLength() < 64 ? total.longValue() : Long.MAX_VALUE;
  }

  /** Returns the fraction digits a timestamp keeps: the decimal exponent, at most 9. */
  int timeDigits() {
    // NOTE: resolutions finer than nanoseconds, and binary ones, are rounded down to nanoseconds.
    return powerOfTwo ? 9 : Math.min(9, unitExponent);
  }

  private static BigInteger toUnsigned(long value) {
    BigInteger result = BigInteger.valueOf(value & Long.MAX_VALUE);
    return value < 0 ? result.setBit(63) : result;
  }
}
