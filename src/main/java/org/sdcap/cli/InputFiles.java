package org.sdcap.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens a command's input files; {@code -} is standard input, which is never closed. */
final class InputFiles {

  private InputFiles() {}

  static InputStream open(String file, Streams streams) throws IOException {
    if (file.equals("-")) {
      return new FilterInputStream(streams.in()) {
        @Override
        public void close() {}
      };
    }
    return Files.newInputStream(Path.of(file));
  }
}
