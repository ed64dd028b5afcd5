package org.sdcap.input;

import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.compressors.CompressorException;
import org.apache.commons.compress.compressors.CompressorStreamFactory;

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
  GZIP("gzip", CompressorStreamFactory.GZIP, new byte[] {0x1f, (byte) 0x8b}),
  ZSTD(
      "zstd", CompressorStreamFactory.ZSTANDARD, new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd}),
  XZ("xz", CompressorStreamFactory.XZ, new byte[] {(byte) 0xfd, '7', 'z', 'X', 'Z', 0}),
  BZIP2("bzip2", CompressorStreamFactory.BZIP2, new byte[] {'B', 'Z', 'h'});

  /** The length of the longest magic number, which is the number of bytes to peek at. */
  static final int MAGIC_BYTES = 6;

  private final String displayName;
  private final String factoryName;
  private final byte[] magic;

  Compression(String displayName, String factoryName, byte[] magic) {
    this.displayName = displayName;
    this.factoryName = factoryName;
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

  /**
   * Opens a decompressing stream that reads every member of a concatenated file (several gzip
   * members, xz streams or bzip2 streams one after another), not only the first.
   */
  InputStream decompress(InputStream in) throws IOException {
    try {
      return new CompressorStreamFactory(true).createCompressorInputStream(factoryName, in);
    } catch (CompressorException e) {
      throw new IOException(e.getCause() != null ? e.getCause().getMessage() : e.getMessage(), e);
    }
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
