package org.sdcap.gen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes each request body to its own file in a directory, as a body-dumping proxy does: {@code
 * req_<seq>_<epoch_ms>.json}, where {@code seq} is the 1-based number of the request in the stream
 * (at least six digits, zero-padded) and {@code epoch_ms} the time it arrived. Requests without a
 * body get no file, so their numbers are missing from the directory.
 */
public final class DumpDirectoryWriter implements RequestWriter {

  private final Path directory;
  private long sequence;
  private long bytesWritten;

  /** Creates {@code directory} (and its parents) if it does not exist. */
  public DumpDirectoryWriter(Path directory) throws IOException {
    this.directory = Files.createDirectories(directory);
  }

  @Override
  public void write(GeneratedRequest request) throws IOException {
    sequence++;
    if (request.body().length == 0) {
      return;
    }
    Files.write(directory.resolve(fileName(sequence, request.timestampMillis())), request.body());
    bytesWritten += request.body().length;
  }

  static String fileName(long sequence, long epochMillis) {
    return String.format(Locale.ROOT, "req_%06d_%d.json", sequence, epochMillis);
  }

  @Override
  public long bytesWritten() {
    return bytesWritten;
  }

  @Override
  public void close() {}
}
