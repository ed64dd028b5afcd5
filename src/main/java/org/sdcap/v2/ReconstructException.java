package org.sdcap.v2;

/** A failure to rebuild a body. The CLI maps each kind to its own exit code. */
public class ReconstructException extends Exception {

  /** The kinds of failure, each with its own exit code. */
  public enum Kind {
    UNKNOWN_SESSION,
    AMBIGUOUS_SESSION,
    OUT_OF_RANGE,
    MISSING_PARENT,
    HASH_MISMATCH,
    PARTIAL_BODY,
    INVALID_RECORD
  }

  private final Kind kind;

  public ReconstructException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
