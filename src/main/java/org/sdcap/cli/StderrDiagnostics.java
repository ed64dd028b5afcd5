package org.sdcap.cli;

import java.io.PrintWriter;
import org.sdcap.input.Diagnostics;
import org.sdcap.input.SourcePosition;

/**
 * Prints what readers report as {@code sdcap: POSITION: message} lines on stderr, up to a limit per
 * kind so a badly damaged input cannot flood the terminal, and counts everything.
 */
final class StderrDiagnostics implements Diagnostics {

  /** Messages of each kind printed before the rest are only counted. */
  static final int PRINT_LIMIT = 50;

  private final PrintWriter err;
  private long damaged;
  private long warnings;

  StderrDiagnostics(PrintWriter err) {
    this.err = err;
  }

  @Override
  public void damaged(SourcePosition where, String message) {
    if (++damaged <= PRINT_LIMIT) {
      err.println("sdcap: " + where + ": " + message);
    } else if (damaged == PRINT_LIMIT + 1) {
      err.println("sdcap: more damaged input follows; only the count is reported from here on");
    }
  }

  @Override
  public void warning(SourcePosition where, String message) {
    if (++warnings <= PRINT_LIMIT) {
      err.println("sdcap: " + where + ": warning: " + message);
    } else if (warnings == PRINT_LIMIT + 1) {
      err.println("sdcap: more warnings follow; only the count is reported from here on");
    }
  }

  long damaged() {
    return damaged;
  }

  long warnings() {
    return warnings;
  }
}
