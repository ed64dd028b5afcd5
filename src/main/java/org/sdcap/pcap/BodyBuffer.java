package org.sdcap.pcap;

import java.util.Arrays;

/**
 * A growable byte array for a request body with a fixed maximum; bytes beyond it are counted, not
 * kept.
 */
final class BodyBuffer {

  private byte[] bytes;
  private int size;
  private final int max;
  private long dropped;

  /**
   * @param expected the announced length, used to size the first allocation (never beyond {@code
   *     max})
   */
  BodyBuffer(long expected, int max) {
    this.max = max;
    this.bytes = new byte[(int) Math.min(Math.max(expected, 0), Math.min(max, 1 << 20))];
  }

  void append(byte[] b, int from, int length) {
    int room = max - size;
    int take = Math.min(room, length);
    if (take < length) {
      dropped += length - take;
    }
    if (take == 0) {
      return;
    }
    if (size + take > bytes.length) {
      long grown = Math.max((long) size + take, Math.max(64, (long) bytes.length * 2));
      bytes = Arrays.copyOf(bytes, (int) Math.min(grown, max));
    }
    System.arraycopy(b, from, bytes, size, take);
    size += take;
  }

  int size() {
    return size;
  }

  /** Returns the most bytes kept. */
  int max() {
    return max;
  }

  long dropped() {
    return dropped;
  }

  byte[] toByteArray() {
    return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
  }
}
