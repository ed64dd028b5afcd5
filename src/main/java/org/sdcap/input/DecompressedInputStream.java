package org.sdcap.input;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.function.Consumer;

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
 *
 * <p>Each format loses less than that where its library allows: gzip and bzip2 deliver the output
 * of a failing read before the failure (see {@link ConcatenatedMembersInputStream}), zstd-jni reads
 * more input only after it has returned its output, and xz reads stop at the end of the current
 * LZMA2 chunk. On files cut at many points (DecompressedInputStreamTest), this recovers at least as
 * much as {@code gzip -d}, {@code zstd -d} and {@code bzip2 -d}, and less than {@code xz -d}.
 */
final class DecompressedInputStream extends InputStream {

  // NOTE: xz (org.tukaani.xz 1.12) reads each LZMA2 chunk whole before decoding it, so a file cut
  // inside a chunk loses that chunk's output (up to 2 MiB), which the xz program partly recovers.

  /**
   * The maximum number of bytes requested from the decompressor at once, and so about the maximum
   * lost before damage.
   */
  static final int READ_CHUNK_BYTES = 8 << 10;

  private final InputStream decompressor;
  private final CountingInputStream compressed;
  private final Compression compression;
  private long decompressedBytes;
  private byte[] peeked = new byte[0];
  private int peekedPosition;
  private DamagedCompressedDataException pendingDamage;

  private DecompressedInputStream(
      InputStream decompressor, CountingInputStream compressed, Compression compression) {
    this.decompressor = decompressor;
    this.compressed = compressed;
    this.compression = compression;
  }

  /**
   * Starts decompressing {@code in}, which begins with {@code compression}'s magic number.
   *
   * @param warnings receives a message for trailing bytes that are skipped without losing data,
   *     such as zero padding after the last gzip member
   * @throws DamagedCompressedDataException when the header cannot be read
   */
  static DecompressedInputStream open(
      InputStream in, Compression compression, Consumer<String> warnings)
      throws DamagedCompressedDataException {
    CountingInputStream compressed =
        new CountingInputStream(in.markSupported() ? in : new BufferedInputStream(in));
    try {
      return new DecompressedInputStream(
          compression.decompress(compressed, warnings), compressed, compression);
    } catch (IOException | RuntimeException e) {
      if (isCutOff(e, compressed)) {
        throw cutOff(compression, 0, e);
      }
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
      count = decompressor.read(target, offset, stepLength(length));
    } catch (DamagedCompressedDataException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw damage(e);
    }
    if (count > 0) {
      decompressedBytes += count;
    }
    return count;
  }

  /**
   * Returns how many bytes to request: at most {@link #READ_CHUNK_BYTES}, and for xz no more than
   * the rest of the current LZMA2 chunk, which is what xz's {@code available()} returns.
   */
  private int stepLength(int length) throws IOException {
    int step = Math.min(length, READ_CHUNK_BYTES);
    if (compression == Compression.XZ) {
      // xz loses the output of a read that fails on the next chunk's header or data. A read that
      // starts at a chunk boundary has copied nothing yet when it fails.
      int rest = decompressor.available();
      if (rest > 0) {
        step = Math.min(step, rest);
      }
    }
    return step;
  }

  private DamagedCompressedDataException damage(Exception e) {
    if (isCutOff(e, compressed)) {
      return cutOff(compression, decompressedBytes, e);
    }
    return new DamagedCompressedDataException(
        compression.displayName()
            + " data is damaged after "
            + decompressedBytes
            + " decompressed bytes ("
            + describe(e)
            + "), so the rest of the file is skipped",
        e);
  }

  /**
   * True when the failure comes from the end of the compressed data: gzip, xz and the zstd frame
   * check throw {@link EOFException}, bzip2 an IOException after its input has ended.
   */
  private static boolean isCutOff(Exception e, CountingInputStream compressed) {
    return e instanceof EOFException || compressed.endReached();
  }

  private static DamagedCompressedDataException cutOff(
      Compression compression, long decompressedBytes, Exception e) {
    String detail = e.getMessage() == null ? "" : " (" + e.getMessage() + ")";
    return new DamagedCompressedDataException(
        compression.displayName()
            + " data is cut off after "
            + decompressedBytes
            + " decompressed bytes"
            + detail
            + "; was the file still being written? "
            + lossAtCut(compression),
        e);
  }

  /** Describes what the decompressor could not deliver of the data before the cut. */
  private static String lossAtCut(Compression compression) {
    return switch (compression) {
      case GZIP -> "Everything before the cut was read.";
      case ZSTD -> "Everything before the incomplete last block was read.";
      case BZIP2 -> "Everything before the incomplete last block (up to 900 kB) was read.";
      case XZ ->
          "Up to one LZMA2 chunk (2 MiB) of data before the cut may be lost; xz -d can recover"
              + " part of it.";
    };
  }

  private static String describe(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
