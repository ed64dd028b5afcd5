package org.sdcap.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.Callable;
import org.sdcap.v2.ReconstructException;
import org.sdcap.v2.Reconstructor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sdcap reconstruct}: writes one request body of a v2 file, byte for byte. */
@Command(
    name = "reconstruct",
    header = "Write the exact bytes of one request body of a v2 file.",
    mixinStandardHelpOptions = true,
    description = {
      "Writes the exact bytes of request body N of a session to standard output (no newline is"
          + " added), after checking them against the record's body_sha256.",
      "",
      "Lines of other sessions are skipped without being parsed, so this runs at about the speed"
          + " of reading the file. Reading stops at record N when KEY is a full 16-digit key."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:The body was written (or the record has no body: nothing is written).",
      "1:Internal error: a bug in sdcap. Run again with --verbose and report the stack trace.",
      "2:Invalid options or arguments.",
      "3:The record or a record of its chain is not a valid v2 record.",
      "4:An input file could not be opened or read.",
      "5:No session key starts with KEY.",
      "6:KEY matches several sessions; they are listed.",
      "7:N is outside the session's records; the range is given.",
      "8:A parent record in the chain is missing from the input; its seq is given.",
      "9:The rebuilt body does not match its SHA-256 or length.",
      "10:The body is partial (a truncated v1 record) and --allow-partial was not given.",
      "141:Standard output was closed early, as when piped into head."
    })
final class ReconstructCommand implements Callable<Integer> {

  /** Describes what a partial body lacks, in the words of the input it came from. */
  static String partialDescription(org.sdcap.v2.V2Record record) {
    long missing = record.missingBytes();
    if ("v1".equals(record.bodyForm())) {
      return "the capture kept only its head and tail, and "
          + (missing >= 0 ? missing + " bytes" : "the bytes")
          + " between them were never captured";
    }
    return (missing >= 0 ? missing + " bytes" : "some bytes")
        + " of the request were missing from the capture or beyond --max-body-size, and the body"
        + " holds only the bytes that were kept";
  }

  @Option(
      names = "--session",
      required = true,
      paramLabel = "KEY",
      description = "Session key, or any prefix of it that is unique in the input.")
  String session;

  @Option(
      names = "--n",
      required = true,
      paramLabel = "N",
      description = "Record number within the session (its seq), starting at 1.")
  long n;

  @Option(
      names = "--allow-partial",
      description =
          "Write a partial body (a v1 record truncated at capture time) as the kept head followed"
              + " by the kept tail, and report how many bytes were never captured.")
  boolean allowPartial;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin V2Inputs inputs;

  private final Streams streams;

  ReconstructCommand(Streams streams) {
    this.streams = streams;
  }

  @Override
  public Integer call() throws IOException, ReconstructException {
    if (session.isBlank()) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--session must not be empty; give a session key or a prefix of one");
    }
    if (n < 1) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--n must be 1 or more, got " + n);
    }
    Reconstructor reconstructor = new Reconstructor(session, n, inputs.lineLimit());
    for (String file : inputs.filesOrStdin()) {
      try (InputStream in = InputFiles.open(file, streams)) {
        if (!reconstructor.read(in, file)) {
          break;
        }
      }
    }
    Reconstructor.Result result;
    try {
      result = reconstructor.finish();
    } catch (ReconstructException e) {
      String skipped = reconstructor.unreadableSummary();
      if (skipped != null) {
        streams.err().println("sdcap: note: " + skipped);
      }
      throw e;
    }

    if (!result.record().hasBody()) {
      streams
          .err()
          .println("sdcap: record " + n + " of session " + result.sessionKey() + " has no body");
      return ExitCode.OK;
    }
    if (result.record().partial()) {
      String missing = partialDescription(result.record());
      if (!allowPartial) {
        throw new ReconstructException(
            ReconstructException.Kind.PARTIAL_BODY,
            "record "
                + n
                + " of session "
                + result.sessionKey()
                + " is partial: "
                + missing
                + "; to write the bytes that were captured anyway, add --allow-partial");
      }
      streams.err().println("sdcap: wrote a partial body: " + missing);
    }
    OutputStream out = streams.out();
    out.write(result.body());
    out.flush();
    return ExitCode.OK;
  }
}
