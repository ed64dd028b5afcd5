package org.sdcap.input;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a decompressor so that damaged compressed data loses as little as possible of what came
 * before it, and turns every failure of the decompressor into a {@link
 * DamagedCompressedDataException} naming the format and how far decompression got.
 *
 * <p>A decompressor that fails in the middle of a read discards what that read had produced, and so
 * does any stream above it that loops over reads (such as {@link java.io.BufferedInputStream}). So
 * each read requests at most {@link #READ_CHUNK_BYTES} from the decompressor, and a failure met
 * while peeking is held back until the peeked bytes have been read. Decompressors also throw
 * unchecked exceptions on some corrupt data, so those count as damage too.
 */
final class DecompressedInputStream extends InputStream {

  // NOTE: xz (org.tukaani.xz 1.12) reads each LZMA2 chunk whole before decoding it, so a file cut
  // inside a chunk loses up to that chunk's 2 MiB of output, more than the xz program loses.

  /**
   * The maximum number of bytes requested from the decompressor at once, and so about the maximum
   * lost before damage.
   */
  static final int READ_CHUNK_BYTES = 8 << 10;

  private final InputStream decompressor;
  private final Compression compression;
  private long decompressedBytes;
  private byte[] peeked = new byte[0];
  private int peekedPosition;
  private DamagedCompressedDataException pendingDamage;

  private DecompressedInputStream(InputStream decompressor, Compression compression) {
    this.decompressor = decompressor;
    this.compression = compression;
  }

  /**
   * Starts decompressing {@code in}, which begins with {@code compression}'s magic number.
   *
   * @throws DamagedCompressedDataException when the header cannot be read
   */
  static DecompressedInputStream open(InputStream in, Compression compression)
      throws DamagedCompressedDataException {
    try {
      return new DecompressedInputStream(compression.decompress(in), compression);
    } catch (IOException | RuntimeException e) {
      throw new DamagedCompressedDataException(
          compression.displayName()
              + " data is damaged at its start ("
              + describe(e)
              + "), so the file is skipped",
          e);
    }
  }

  /**
   * Returns up to {@code count} first bytes without consuming them; fewer at the end of the data or
   * before damage.
   */
  byte[] peek(int count) throws IOException {
    byte[] head = new byte[count];
    int filled = 0;
    while (filled < count && pendingDamage == null) {
      int read;
      try {
        read = readChunk(head, filled, count - filled);
      } catch (DamagedCompressedDataException e) {
        pendingDamage = e;
        break;
      }
      if (read < 0) {
        break;
      }
      filled += read;
    }
    peeked = Arrays.copyOf(head, filled);
    peekedPosition = 0;
    return peeked.clone();
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int count = read(one, 0, 1);
    return count < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] target, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (peekedPosition < peeked.length) {
      int count = Math.min(length, peeked.length - peekedPosition);
      System.arraycopy(peeked, peekedPosition, target, offset, count);
      peekedPosition += count;
      return count;
    }
    if (pendingDamage != null) {
      DamagedCompressedDataException damage = pendingDamage;
      pendingDamage = null;
      throw damage;
    }
    return readChunk(target, offset, length);
  }

  @Override
  public void close() throws IOException {
    decompressor.close();
  }

  private int readChunk(byte[] target, int offset, int length) throws IOException {
    int count;
    try {
      count = decompressor.read(target, offset, Math.min(length, READ_CHUNK_BYTES));
    } catch (IOException | RuntimeException e) {
      throw new DamagedCompressedDataException(
          compression.displayName()
              + " data is damaged after "
              + decompressedBytes
              + " decompressed bytes ("
              + describe(e)
              + "), so the rest of the file is skipped",
          e);
    }
    if (count > 0) {
      decompressedBytes += count;
    }
    return count;
  }

  private static String describe(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
