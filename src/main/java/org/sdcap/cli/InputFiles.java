package org.sdcap.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.sdcap.input.Decompression;
import org.sdcap.input.InputNotReadableException;
import org.sdcap.input.SourcePosition;

/**
 * Opens the v2 inputs of reconstruct, decode and verify: {@code -} is standard input (never
 * closed), and compressed files are decompressed by their magic bytes.
 */
final class InputFiles {

  private InputFiles() {}

  static InputStream open(String file, Streams streams) throws IOException {
    Consumer<String> warnings =
        message -> streams.err().println("sdcap: " + file + ": warning: " + message);
    if (file.equals("-")) {
      return Decompression.open(
          new FilterInputStream(streams.in()) {
            @Override
            public void close() {}
          },
          file,
          warnings);
    }
    Path path = Path.of(file);
    if (Files.isDirectory(path)) {
      throw new InputNotReadableException(
          SourcePosition.ofFile(file), "is a directory; give a v2 file written by sdcap encode");
    }
    try {
      return Decompression.open(Files.newInputStream(path), file, warnings);
    } catch (NoSuchFileException e) {
      throw new InputNotReadableException(
          SourcePosition.ofFile(file), "cannot open file: No such file or directory", e);
    } catch (java.nio.file.AccessDeniedException e) {
      throw new InputNotReadableException(
          SourcePosition.ofFile(file), "cannot open file: Permission denied", e);
    }
  }
}
