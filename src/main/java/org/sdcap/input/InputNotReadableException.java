package org.sdcap.input;

/**
 * An input that cannot be opened or read at all: missing, a directory where a file was expected, no
 * permission. The command line gives it its own exit code, apart from damaged input.
 */
public class InputNotReadableException extends InputException {

  public InputNotReadableException(SourcePosition position, String message) {
    super(position, message);
  }

  public InputNotReadableException(SourcePosition position, String message, Throwable cause) {
    super(position, message, cause);
  }
}
