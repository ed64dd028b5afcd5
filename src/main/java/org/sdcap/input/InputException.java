package org.sdcap.input;

import java.io.IOException;

/** An input that cannot be read further, with the position where reading stopped. */
public class InputException extends IOException {

  private final SourcePosition position;

  public InputException(SourcePosition position, String message) {
    super(position + ": " + message);
    this.position = position;
  }

  public InputException(SourcePosition position, String message, Throwable cause) {
    super(position + ": " + message, cause);
    this.position = position;
  }

  public SourcePosition position() {
    return position;
  }
}
