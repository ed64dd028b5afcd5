package org.sdcap.cli;

/** Exit statuses of every sdcap command, listed in {@code --help}, the man pages and the README. */
public final class ExitCode {

  private ExitCode() {}

  public static final int OK = 0;

  /** A bug in sdcap, or an I/O failure it could not name more precisely. */
  public static final int INTERNAL_ERROR = 1;

  /** Invalid options or arguments (picocli's own convention). */
  public static final int USAGE = 2;

  /** The input was damaged: bad lines with {@code --strict}, or a damaged capture. */
  public static final int INPUT_DAMAGED = 3;

  /** An input file could not be opened or read. */
  public static final int CANNOT_READ = 4;

  /** No record of the requested session is in the input. */
  public static final int UNKNOWN_SESSION = 5;

  /** The session key prefix matches more than one session. */
  public static final int AMBIGUOUS_SESSION = 6;

  /** The requested record number is outside the session's range. */
  public static final int OUT_OF_RANGE = 7;

  /** A record's parent is not in the input. */
  public static final int MISSING_PARENT = 8;

  /** A rebuilt body does not match its recorded SHA-256 or length. */
  public static final int HASH_MISMATCH = 9;

  /** The body is partial (a truncated v1 record) and {@code --allow-partial} was not given. */
  public static final int PARTIAL_BODY = 10;

  /** The Java heap was too small for the run's cache and its largest line. */
  public static final int OUT_OF_MEMORY = 11;

  /** Standard output was closed before everything was written, as when piped into head. */
  public static final int BROKEN_PIPE = 141;

  /** Exit codes every command can return, in picocli's {@code code:description} form. */
  static final String[] COMMON =
      new String[] {
        "0:Success.",
        "1:Internal error: a bug in sdcap. Run again with --verbose and report the stack trace.",
        "2:Invalid options or arguments.",
        "4:An input file could not be opened or read.",
        "141:Standard output was closed early, as when piped into head."
      };
}
