package org.sdcap.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.sdcap.input.Diagnostics;
import org.sdcap.input.InputOpener;
import org.sdcap.input.InputOptions;
import org.sdcap.input.RecordSource;

/**
 * The inputs of one encode run as one record stream, and the bytes they hold as stored (files and
 * dump directories by their size on disk, standard input by the bytes read).
 */
final class Inputs implements AutoCloseable {

  private final List<String> files;
  private final CountingInputStream stdin;
  private final RecordSource source;

  private Inputs(List<String> files, CountingInputStream stdin, RecordSource source) {
    this.files = files;
    this.stdin = stdin;
    this.source = source;
  }

  static Inputs open(
      List<String> files, InputOptions options, Diagnostics diagnostics, Streams streams)
      throws IOException {
    CountingInputStream stdin = new CountingInputStream(streams.in());
    RecordSource source = InputOpener.open(files, options, diagnostics, stdin);
    return new Inputs(files, stdin, source);
  }

  RecordSource source() {
    return source;
  }

  long bytesRead() {
    long total = stdin.count;
    for (String file : files) {
      if (!file.equals("-")) {
        total += sizeOnDisk(Path.of(file));
      }
    }
    return total;
  }

  private static long sizeOnDisk(Path path) {
    try {
      if (Files.isDirectory(path)) {
        try (Stream<Path> entries = Files.list(path)) {
          return entries.filter(Files::isRegularFile).mapToLong(Inputs::sizeOnDisk).sum();
        }
      }
      return Files.size(path);
    } catch (IOException e) {
      return 0;
    }
  }

  @Override
  public void close() throws IOException {
    source.close();
  }

  /** Counts bytes read from standard input; never closes it. */
  private static final class CountingInputStream extends FilterInputStream {
    long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int read = super.read(buffer, offset, length);
      if (read > 0) {
        count += read;
      }
      return read;
    }

    @Override
    public void close() {}
  }
}
