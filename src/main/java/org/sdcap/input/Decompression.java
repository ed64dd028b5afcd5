package org.sdcap.input;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * Opens any stream for reading with gzip, zstd, xz or bzip2 decompression chosen by its first
 * bytes, for commands that read v2 files (which may be stored compressed).
 */
public final class Decompression {

  private Decompression() {}

  /**
   * Returns {@code raw} decompressed when it starts with a known compression magic number, else
   * {@code raw} itself (buffered).
   *
   * @param name the input's name, used in messages
   * @param warnings receives a message for trailing bytes that are skipped without losing data,
   *     such as zero padding after the last gzip member
   * @throws InputException when the compressed data is damaged at its start
   */
  public static InputStream open(InputStream raw, String name, Consumer<String> warnings)
      throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
    in.mark(Compression.MAGIC_BYTES);
    byte[] head = in.readNBytes(Compression.MAGIC_BYTES);
    in.reset();
    Compression compression = Compression.detect(head);
    if (compression == null) {
      return in;
    }
    InputStream decompressed;
    try {
      decompressed = DecompressedInputStream.open(in, compression, warnings);
    } catch (DamagedCompressedDataException e) {
      throw new InputException(SourcePosition.ofFile(name), e.getMessage(), e);
    }
    return new FilterInputStream(decompressed) {
      @Override
      public int read() throws IOException {
        try {
          return super.read();
        } catch (DamagedCompressedDataException e) {
          throw new InputException(SourcePosition.ofFile(name), e.getMessage(), e);
        }
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        try {
          return super.read(buffer, offset, length);
        } catch (DamagedCompressedDataException e) {
          // Damage found while reading names the file, like damage found at the start.
          throw new InputException(SourcePosition.ofFile(name), e.getMessage(), e);
        }
      }
    };
  }
}
