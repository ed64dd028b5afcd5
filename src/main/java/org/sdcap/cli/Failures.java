package org.sdcap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.sdcap.input.InputException;
import org.sdcap.input.InputNotReadableException;
import org.sdcap.v2.ReconstructException;

/** Maps exceptions that reach the command line to a message on stderr and an exit code. */
final class Failures {

  private Failures() {}

  static int report(Throwable exception, PrintWriter err, boolean verbose) {
    Throwable cause = unwrap(exception);
    if (isBrokenPipe(cause)) {
      return ExitCode.BROKEN_PIPE;
    }
    int code;
    String message;
    if (cause instanceof ReconstructException reconstruct) {
      code = exitCodeOf(reconstruct.kind());
      message = reconstruct.getMessage();
    } else if (cause instanceof InputNotReadableException unreadable) {
      code = ExitCode.CANNOT_READ;
      message = unreadable.getMessage();
    } else if (cause instanceof InputException input) {
      code = ExitCode.INPUT_DAMAGED;
      message = input.getMessage();
    } else if (cause instanceof NoSuchFileException missing) {
      code = ExitCode.CANNOT_READ;
      message = missing.getFile() + ": no such file or directory";
    } else if (cause instanceof AccessDeniedException denied) {
      code = ExitCode.CANNOT_READ;
      message = denied.getFile() + ": permission denied";
    } else if (cause instanceof IOException io) {
      code = ExitCode.CANNOT_READ;
      message = io.getMessage();
    } else if (cause instanceof OutOfMemoryError) {
      code = ExitCode.OUT_OF_MEMORY;
      message = outOfMemoryMessage();
    } else {
      code = ExitCode.INTERNAL_ERROR;
      message =
          "internal error: "
              + cause
              + (verbose ? "" : " (run again with --verbose for the stack trace)");
    }
    err.println("sdcap: " + message);
    if (verbose) {
      exception.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  static String outOfMemoryMessage() {
    return "out of memory: the Java heap ("
        + Runtime.getRuntime().maxMemory() / (1 << 20)
        + " MB) is too small for the --cache-bytes of this run plus its largest line or body;"
        + " lower --cache-bytes, or raise the heap with SDCAP_JAVA_OPTS=-Xmx2g";
  }

  static int exitCodeOf(ReconstructException.Kind kind) {
    return switch (kind) {
      case UNKNOWN_SESSION -> ExitCode.UNKNOWN_SESSION;
      case AMBIGUOUS_SESSION -> ExitCode.AMBIGUOUS_SESSION;
      case OUT_OF_RANGE -> ExitCode.OUT_OF_RANGE;
      case MISSING_PARENT -> ExitCode.MISSING_PARENT;
      case HASH_MISMATCH -> ExitCode.HASH_MISMATCH;
      case PARTIAL_BODY -> ExitCode.PARTIAL_BODY;
      case INVALID_RECORD -> ExitCode.INPUT_DAMAGED;
    };
  }

  private static Throwable unwrap(Throwable exception) {
    Throwable current = exception;
    while (current instanceof UncheckedIOException && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }

  static boolean isBrokenPipe(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause()) {
      if (t instanceof IOException
          && t.getMessage() != null
          && t.getMessage().contains("Broken pipe")) {
        return true;
      }
    }
    return false;
  }
}
