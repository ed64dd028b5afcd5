package org.sdcap.cli;

import java.io.PrintWriter;
import java.util.function.Consumer;
import org.sdcap.v2.ReconstructException;

/**
 * Prints records that could not be rebuilt when a command goes on past them, up to a limit, and
 * keeps the exit code of the most serious one.
 */
final class FailureReport implements Consumer<ReconstructException> {

  private static final int PRINT_LIMIT = 50;

  private final PrintWriter err;
  private long count;
  private int exitCode = ExitCode.OK;

  FailureReport(PrintWriter err) {
    this.err = err;
  }

  @Override
  public void accept(ReconstructException failure) {
    count++;
    if (count <= PRINT_LIMIT) {
      err.println("sdcap: " + failure.getMessage());
    } else if (count == PRINT_LIMIT + 1) {
      err.println("sdcap: more records fail; only the count is reported from here on");
    }
    exitCode = Math.max(exitCode, Failures.exitCodeOf(failure.kind()));
  }

  long count() {
    return count;
  }

  int exitCode() {
    return exitCode;
  }
}
