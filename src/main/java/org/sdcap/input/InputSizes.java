package org.sdcap.input;

/** Formats byte counts for messages. */
final class InputSizes {

  private InputSizes() {}

  /** Formats a byte count such as {@code 268435456 bytes (256 MiB)}. */
  static String describe(long bytes) {
    if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
      return bytes + " bytes (" + (bytes >> 20) + " MiB)";
    }
    if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) {
      return bytes + " bytes (" + (bytes >> 10) + " KiB)";
    }
    return bytes + " bytes";
  }
}
