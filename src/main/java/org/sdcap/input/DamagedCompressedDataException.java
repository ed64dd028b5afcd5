package org.sdcap.input;

import java.io.IOException;

/**
 * A decompressor found its input damaged. The message names the file, the format and the cause;
 * bytes decompressed before the damage are valid.
 */
final class DamagedCompressedDataException extends IOException {

  private static final long serialVersionUID = 1L;

  DamagedCompressedDataException(String message, Throwable cause) {
    super(message, cause);
  }
}
