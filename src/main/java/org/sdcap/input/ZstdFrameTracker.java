package org.sdcap.input;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;

/**
 * Follows the frame structure of zstd data on its way to the decoder, and turns an end of the data
 * inside a frame into an {@link EOFException}.
 *
 * <p>zstd-jni 1.5.7 checks for a cut-off frame only when it has read new input since the last
 * complete frame: a later frame that starts in the same input buffer as the end of the frame before
 * it and is then cut off ends the data without an error. This stream checks the structure itself.
 * It throws only from a read that finds the end of the input. zstd-jni reads more input only after
 * it has returned what it had decoded (when {@code available()} is 0), so the exception costs no
 * decompressed bytes.
 *
 * <p>The frame layout (RFC 8878, section 3.1), little-endian:
 *
 * <pre>
 *   zstd frame       magic 28 b5 2f fd | descriptor (1) | window (0-1) | dictionary id (0-4)
 *                    | content size (0-8) | blocks ... | checksum (0 or 4)
 *   block            header (3): bit 0 last block, bits 1-2 type, bits 3-23 size | content
 *                    content: raw (type 0) and compressed (type 2) hold size bytes, RLE (type 1) one
 *   skippable frame  magic 5? 2a 4d 18 | frame size (4) | frame size bytes
 * </pre>
 *
 * <p>Data that does not follow this layout (legacy frames, garbage) stops the tracking, and the
 * decoder reports it.
 */
final class ZstdFrameTracker extends FilterInputStream {

  private static final int ZSTD_MAGIC = 0xFD2FB528;
  private static final int SKIPPABLE_MAGIC = 0x184D2A50;
  private static final int SKIPPABLE_MAGIC_MASK = 0xFFFFFFF0;

  private static final int DESCRIPTOR_SINGLE_SEGMENT = 0x20;
  private static final int DESCRIPTOR_RESERVED = 0x08;
  private static final int DESCRIPTOR_CHECKSUM = 0x04;
  private static final int[] DICTIONARY_ID_BYTES = {0, 1, 2, 4};
  private static final int[] CONTENT_SIZE_BYTES = {0, 2, 4, 8};
  private static final int CHECKSUM_BYTES = 4;

  private static final int BLOCK_RLE = 1;
  private static final int BLOCK_RESERVED = 3;

  /**
   * The part of a frame that the next bytes belong to. Fixed-size fields collect in {@link #field}.
   */
  private enum State {
    MAGIC(4),
    DESCRIPTOR(1),
    BLOCK_HEADER(3),
    SKIPPABLE_SIZE(4),
    SKIP(0),
    LOST(0);

    final int fieldBytes;

    State(int fieldBytes) {
      this.fieldBytes = fieldBytes;
    }
  }

  private final byte[] field = new byte[4];
  private final byte[] oneByte = new byte[1];
  private int fieldLength;
  private State state = State.MAGIC;
  private long skipRemaining;
  private State afterSkip;
  private boolean checksum;

  private long offset;
  private long frames;
  private long frameStart;

  ZstdFrameTracker(CountingInputStream in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    int count = read(oneByte, 0, 1);
    return count < 0 ? -1 : oneByte[0] & 0xFF;
  }

  @Override
  public int read(byte[] target, int off, int length) throws IOException {
    int count = in.read(target, off, length);
    if (count < 0) {
      checkEndOfData();
      return -1;
    }
    track(target, off, count);
    return count;
  }

  @Override
  public long skip(long count) throws IOException {
    byte[] scratch = new byte[(int) Math.min(count, 8 << 10)];
    int skipped = read(scratch, 0, scratch.length);
    return Math.max(skipped, 0);
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void checkEndOfData() throws EOFException {
    boolean betweenFrames = state == State.MAGIC && fieldLength == 0;
    if (!betweenFrames && state != State.LOST) {
      throw new EOFException(
          "frame " + frames + ", which starts at compressed offset " + frameStart + ", is cut off");
    }
  }

  private void track(byte[] bytes, int from, int count) {
    int i = from;
    int end = from + count;
    while (i < end) {
      if (state == State.LOST) {
        return;
      }
      if (state == State.SKIP) {
        int step = (int) Math.min(skipRemaining, end - i);
        i += step;
        offset += step;
        skipRemaining -= step;
        if (skipRemaining == 0) {
          state = afterSkip;
        }
        continue;
      }
      if (state == State.MAGIC && fieldLength == 0) {
        frameStart = offset;
      }
      field[fieldLength++] = bytes[i++];
      offset++;
      if (fieldLength == state.fieldBytes) {
        fieldLength = 0;
        readField();
      }
    }
  }

  private void readField() {
    switch (state) {
      case MAGIC -> readMagic(littleEndian(4));
      case DESCRIPTOR -> readDescriptor(field[0] & 0xFF);
      case BLOCK_HEADER -> readBlockHeader(littleEndian(3));
      case SKIPPABLE_SIZE -> skipThen(littleEndian(4) & 0xFFFFFFFFL, State.MAGIC);
      default -> throw new IllegalStateException("no field in state " + state);
    }
  }

  private void readMagic(int magic) {
    frames++;
    if (magic == ZSTD_MAGIC) {
      state = State.DESCRIPTOR;
    } else if ((magic & SKIPPABLE_MAGIC_MASK) == SKIPPABLE_MAGIC) {
      state = State.SKIPPABLE_SIZE;
    } else {
      state = State.LOST;
    }
  }

  private void readDescriptor(int descriptor) {
    if ((descriptor & DESCRIPTOR_RESERVED) != 0) {
      state = State.LOST;
      return;
    }
    boolean singleSegment = (descriptor & DESCRIPTOR_SINGLE_SEGMENT) != 0;
    int contentSizeFlag = descriptor >>> 6;
    int contentSizeBytes =
        contentSizeFlag == 0 && singleSegment ? 1 : CONTENT_SIZE_BYTES[contentSizeFlag];
    int windowBytes = singleSegment ? 0 : 1;
    checksum = (descriptor & DESCRIPTOR_CHECKSUM) != 0;
    skipThen(
        windowBytes + DICTIONARY_ID_BYTES[descriptor & 3] + contentSizeBytes, State.BLOCK_HEADER);
  }

  private void readBlockHeader(int header) {
    boolean last = (header & 1) != 0;
    int type = (header >>> 1) & 3;
    int size = header >>> 3;
    if (type == BLOCK_RESERVED) {
      state = State.LOST;
      return;
    }
    long content = type == BLOCK_RLE ? 1 : size;
    if (last) {
      skipThen(content + (checksum ? CHECKSUM_BYTES : 0), State.MAGIC);
    } else {
      skipThen(content, State.BLOCK_HEADER);
    }
  }

  private void skipThen(long count, State next) {
    if (count == 0) {
      state = next;
    } else {
      skipRemaining = count;
      afterSkip = next;
      state = State.SKIP;
    }
  }

  private int littleEndian(int length) {
    int value = 0;
    for (int i = length - 1; i >= 0; i--) {
      value = (value << 8) | (field[i] & 0xFF);
    }
    return value;
  }
}
