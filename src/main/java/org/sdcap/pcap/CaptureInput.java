package org.sdcap.pcap;

import java.io.IOException;
import java.io.InputStream;

/**
 * A buffered view of a capture file that keeps the file offset of every byte and lets readers look
 * ahead before they consume.
 *
 * <p>Readers call {@link #fill(int)} to make bytes available at {@link #position()} in {@link
 * #buffer()}, parse them in place, then {@link #consume(int)} them. The buffer grows to hold the
 * largest look-ahead requested, so callers bound their requests before asking.
 */
final class CaptureInput {

  private static final int INITIAL_CAPACITY = 1 << 16;

  private final InputStream in;
  private byte[] buffer = new byte[INITIAL_CAPACITY];
  private int start;
  private int end;
  private long offset;
  private boolean endOfInput;

  CaptureInput(InputStream in) {
    this.in = in;
  }

  /** Returns the file offset of the first unconsumed byte. */
  long offset() {
    return offset;
  }

  byte[] buffer() {
    return buffer;
  }

  /** Returns the index in {@link #buffer()} of the first unconsumed byte. */
  int position() {
    return start;
  }

  /** Returns how many unconsumed bytes are buffered. */
  int available() {
    return end - start;
  }

  /**
   * Reads until at least {@code count} bytes are buffered or the input ends.
   *
   * @return the number of bytes buffered, less than {@code count} only at the end of the input
   */
  int fill(int count) throws IOException {
    if (end - start >= count) {
      return end - start;
    }
    makeRoom(count);
    while (end - start < count && !endOfInput) {
      int read = in.read(buffer, end, buffer.length - end);
      if (read < 0) {
        endOfInput = true;
      } else {
        end += read;
      }
    }
    return end - start;
  }

  /** Consumes {@code count} buffered bytes. */
  void consume(int count) {
    start += count;
    offset += count;
  }

  /**
   * Consumes {@code count} bytes, reading through the input for those not buffered.
   *
   * @return the number of bytes skipped, less than {@code count} only at the end of the input
   */
  long skip(long count) throws IOException {
    long skipped = 0;
    while (skipped < count) {
      int step = (int) Math.min(count - skipped, INITIAL_CAPACITY);
      int buffered = fill(step);
      if (buffered == 0) {
        break;
      }
      int taken = Math.min(step, buffered);
      consume(taken);
      skipped += taken;
    }
    return skipped;
  }

  private void makeRoom(int count) {
    if (start + count <= buffer.length) {
      return;
    }
    int buffered = end - start;
    // Twice the window, so that sliding it one byte at a time (resynchronizing) compacts the
    // buffer once per window length instead of on every byte.
    if (count * 2L > buffer.length) {
      byte[] larger =
          new byte
              [(int) Math.min(Integer.MAX_VALUE - 64, Math.max(count * 2L, buffer.length * 2L))];
      System.arraycopy(buffer, start, larger, 0, buffered);
      buffer = larger;
    } else {
      System.arraycopy(buffer, start, buffer, 0, buffered);
    }
    start = 0;
    end = buffered;
  }
}
