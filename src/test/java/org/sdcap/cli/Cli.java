package org.sdcap.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Runs sdcap commands in-process with captured streams, for tests. */
final class Cli {

  private Cli() {}

  /** The outcome of one run. */
  record Result(String[] args, int exitCode, byte[] stdout, String stderr) {

    String out() {
      return new String(stdout, StandardCharsets.UTF_8);
    }

    /** Returns this result, or fails with args, stdout and stderr when the exit code differs. */
    Result expectExit(int expected) {
      if (exitCode != expected) {
        throw new AssertionError(
            "sdcap "
                + String.join(" ", args)
                + "\nexpected exit "
                + expected
                + " but was "
                + exitCode
                + "\n--- stdout ---\n"
                + truncate(out())
                + "\n--- stderr ---\n"
                + stderr);
      }
      return this;
    }

    private static String truncate(String text) {
      return text.length() > 2000 ? text.substring(0, 2000) + "…" : text;
    }
  }

  static Result run(String... args) {
    return runWithInput(new byte[0], args);
  }

  static Result runWithInput(byte[] stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    Streams streams = new Streams(new ByteArrayInputStream(stdin), out, new PrintWriter(err, true));
    int code = SdcapCommand.newCommandLine(streams).execute(args);
    return new Result(Arrays.copyOf(args, args.length), code, out.toByteArray(), err.toString());
  }
}
