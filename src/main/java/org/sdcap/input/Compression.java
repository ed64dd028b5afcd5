package org.sdcap.input;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

/**
 * The compression formats recognised by their magic numbers, never by file name.
 *
 * <pre>
 *   gzip   1f 8b                 (RFC 1952)
 *   zstd   28 b5 2f fd           (RFC 8878, frame magic 0xFD2FB528 little-endian)
 *   xz     fd 37 7a 58 5a 00     ("\xFD7zXZ\0")
 *   bzip2  42 5a 68              ("BZh")
 * </pre>
 */
enum Compression {
  GZIP("gzip", new byte[] {0x1f, (byte) 0x8b}),
  ZSTD("zstd", new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd}),
  XZ("xz", new byte[] {(byte) 0xfd, '7', 'z', 'X', 'Z', 0}),
  BZIP2("bzip2", new byte[] {'B', 'Z', 'h'});

  /** The length of the longest magic number, which is the number of bytes to peek at. */
  static final int MAGIC_BYTES = 6;

  private final String displayName;
  private final byte[] magic;

  Compression(String displayName, byte[] magic) {
    this.displayName = displayName;
    this.magic = magic;
  }

  String displayName() {
    return displayName;
  }

  /** Returns the format whose magic number starts {@code head}, or null. */
  static Compression detect(byte[] head) {
    for (Compression compression : values()) {
      if (startsWith(head, compression.magic)) {
        return compression;
      }
    }
    return null;
  }

  /** Returns the magic number that starts every member of this format. */
  byte[] magic() {
    return magic.clone();
  }

  /**
   * Opens a decompressing stream that reads every member of a concatenated file (several gzip
   * members, zstd frames, xz streams or bzip2 streams one after another), not only the first.
   *
   * @param compressed starts with this format's magic number and supports mark and reset
   * @param warnings receives a message for trailing bytes that are skipped without losing data
   * @throws IOException when the first member's header is damaged
   */
  InputStream decompress(CountingInputStream compressed, Consumer<String> warnings)
      throws IOException {
    return switch (this) {
      case GZIP ->
          new ConcatenatedMembersInputStream(
              compressed,
              this,
              "member",
              in ->
                  GzipCompressorInputStream.builder()
                      .setInputStream(in)
                      .setDecompressConcatenated(false)
                      .get(),
              warnings);
      case BZIP2 ->
          new ConcatenatedMembersInputStream(
              compressed,
              this,
              "stream",
              in -> new BZip2CompressorInputStream(in, false),
              warnings);
      case ZSTD -> new ZstdCompressorInputStream(new ZstdFrameTracker(compressed));
      case XZ ->
          XZCompressorInputStream.builder()
              .setInputStream(compressed)
              .setDecompressConcatenated(true)
              .get();
    };
  }

  private static boolean startsWith(byte[] head, byte[] prefix) {
    if (head.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (head[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
