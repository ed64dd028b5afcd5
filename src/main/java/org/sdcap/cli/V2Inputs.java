package org.sdcap.cli;

import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The v2 files that reconstruct, decode and verify read, as a picocli mixin. */
final class V2Inputs {

  @Option(
      names = "--max-line-bytes",
      paramLabel = "SIZE",
      defaultValue = "512M",
      converter = Sizes.ByteSize.class,
      description =
          "Maximum length of a v2 line in bytes; suffixes K, M, G are powers of 1024 (default:"
              + " ${DEFAULT-VALUE}).")
  long maxLineBytes;

  @Parameters(
      paramLabel = "FILE",
      arity = "0..*",
      description =
          "v2 files, plain or compressed, read in order as one stream; '-' or none reads standard"
              + " input.")
  List<String> files = List.of();

  /** Returns the files to read, {@code -} for standard input when none were given. */
  List<String> filesOrStdin() {
    return files.isEmpty() ? List.of("-") : files;
  }

  /** Returns the line limit as an array size. */
  int lineLimit() {
    return (int) Math.min(maxLineBytes, Integer.MAX_VALUE - 64);
  }
}
