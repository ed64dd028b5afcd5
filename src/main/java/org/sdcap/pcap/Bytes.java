package org.sdcap.pcap;

/** Unsigned reads of big-endian and little-endian integers from byte arrays. */
final class Bytes {

  private Bytes() {}

  static int u8(byte[] b, int i) {
    return b[i] & 0xFF;
  }

  static int u16be(byte[] b, int i) {
    return ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
  }

  static int u16le(byte[] b, int i) {
    return ((b[i + 1] & 0xFF) << 8) | (b[i] & 0xFF);
  }

  static int u16(byte[] b, int i, boolean bigEndian) {
    return bigEndian ? u16be(b, i) : u16le(b, i);
  }

  static long u32be(byte[] b, int i) {
    return ((long) (b[i] & 0xFF) << 24)
        | ((b[i + 1] & 0xFF) << 16)
        | ((b[i + 2] & 0xFF) << 8)
        | (b[i + 3] & 0xFF);
  }

  static long u32le(byte[] b, int i) {
    return ((long) (b[i + 3] & 0xFF) << 24)
        | ((b[i + 2] & 0xFF) << 16)
        | ((b[i + 1] & 0xFF) << 8)
        | (b[i] & 0xFF);
  }

  static long u32(byte[] b, int i, boolean bigEndian) {
    return bigEndian ? u32be(b, i) : u32le(b, i);
  }

  /** Reads a 64-bit value; callers treat it as unsigned where that matters. */
  static long u64(byte[] b, int i, boolean bigEndian) {
    long first = u32(b, i, bigEndian);
    long second = u32(b, i + 4, bigEndian);
    return bigEndian ? (first << 32) | second : (second << 32) | first;
  }
}
