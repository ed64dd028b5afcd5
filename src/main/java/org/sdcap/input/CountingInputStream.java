package org.sdcap.input;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read from a compressed file, so that messages can name a compressed offset, and
 * notes when the file has ended.
 *
 * <p>{@link #mark} and {@link #reset} are passed on to the underlying stream and move the count
 * back with it. {@link #skip} counts the bytes it skipped.
 */
final class CountingInputStream extends FilterInputStream {

  private long offset;
  private long markedOffset;
  private boolean endReached;

  CountingInputStream(InputStream in) {
    super(in);
  }

  /** Returns the offset of the next byte to be read, counted from where this stream started. */
  long offset() {
    return offset;
  }

  /** Returns true once a read has met the end of the underlying stream. */
  boolean endReached() {
    return endReached;
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b < 0) {
      endReached = true;
    } else {
      offset++;
    }
    return b;
  }

  @Override
  public int read(byte[] target, int off, int length) throws IOException {
    int count = in.read(target, off, length);
    if (count < 0) {
      endReached = true;
    } else {
      offset += count;
    }
    return count;
  }

  @Override
  public long skip(long count) throws IOException {
    long skipped = in.skip(count);
    offset += skipped;
    return skipped;
  }

  @Override
  public synchronized void mark(int readLimit) {
    in.mark(readLimit);
    markedOffset = offset;
  }

  @Override
  public synchronized void reset() throws IOException {
    in.reset();
    offset = markedOffset;
  }
}
