package org.sdcap.cli;

import picocli.CommandLine.Option;

/** The memory budget of commands that rebuild every body of a v2 file, as a picocli mixin. */
final class DecodeCache {

  @Option(
      names = "--cache-bytes",
      paramLabel = "SIZE",
      defaultValue = "256M",
      converter = Sizes.ByteSize.class,
      description =
          "Memory for bodies that later records use as parents, in bytes (suffixes K, M, G are"
              + " powers of 1024). It must be at least the --cache-bytes that encode used; the"
              + " defaults match (default: ${DEFAULT-VALUE}).")
  long cacheBytes;
}
