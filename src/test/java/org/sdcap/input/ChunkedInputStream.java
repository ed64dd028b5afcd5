package org.sdcap.input;

import java.io.InputStream;
import java.util.Random;

/** Delivers a byte array in chunks of random sizes, or one byte per read. */
final class ChunkedInputStream extends InputStream {

  private final byte[] data;
  private final Random random;
  private final int maxChunk;
  private int position;

  private ChunkedInputStream(byte[] data, Random random, int maxChunk) {
    this.data = data;
    this.random = random;
    this.maxChunk = maxChunk;
  }

  static InputStream oneByteAtATime(byte[] data) {
    return new ChunkedInputStream(data, null, 1);
  }

  /** Reads of 1 to {@code maxChunk} bytes, sizes drawn from {@code seed}. */
  static InputStream randomChunks(byte[] data, long seed, int maxChunk) {
    return new ChunkedInputStream(data, new Random(seed), maxChunk);
  }

  @Override
  public int read() {
    return position < data.length ? data[position++] & 0xFF : -1;
  }

  @Override
  public int read(byte[] target, int offset, int length) {
    if (length == 0) {
      return 0;
    }
    if (position == data.length) {
      return -1;
    }
    int chunk = random == null ? 1 : 1 + random.nextInt(maxChunk);
    int count = Math.min(Math.min(chunk, length), data.length - position);
    System.arraycopy(data, position, target, offset, count);
    position += count;
    return count;
  }
}
