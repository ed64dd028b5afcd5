package org.sdcap.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.Callable;
import org.sdcap.v2.Decoder;
import org.sdcap.v2.ReconstructException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sdcap verify}: rebuilds every body of a v2 file and checks it, writing nothing. */
@Command(
    name = "verify",
    header = "Rebuild every body of a v2 file and check it against its SHA-256.",
    mixinStandardHelpOptions = true,
    description = {
      "Rebuilds every body of v2 files and checks each against its body_sha256 and body_len,"
          + " without writing the bodies; prints one summary line on stderr. Every record that"
          + " fails is reported, and the exit status is that of the most serious failure.",
      "",
      "Run it after encode, for example from cron: sdcap encode -o day.v2.jsonl day.jsonl &&"
          + " sdcap verify day.v2.jsonl"
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:Every body was rebuilt and matches.",
      "1:Internal error: a bug in sdcap. Run again with --verbose and report the stack trace.",
      "2:Invalid options or arguments.",
      "3:A line is not a valid v2 record.",
      "4:An input file could not be opened or read.",
      "8:A parent record is missing from the input, or was evicted (raise --cache-bytes).",
      "9:A rebuilt body does not match its SHA-256 or length."
    })
final class VerifyCommand implements Callable<Integer> {

  @Option(
      names = "--cache-bytes",
      paramLabel = "SIZE",
      defaultValue = "256M",
      converter = Sizes.ByteSize.class,
      description =
          "Memory for bodies that later records use as parents, in bytes (suffixes K, M, G are"
              + " powers of 1024). It must be at least the --cache-bytes that encode used; the"
              + " defaults match (default: ${DEFAULT-VALUE}).")
  long cacheBytes;

  @Option(
      names = "--max-line-bytes",
      paramLabel = "SIZE",
      defaultValue = "512M",
      converter = Sizes.ByteSize.class,
      description = "Maximum length of a v2 line in bytes (default: ${DEFAULT-VALUE}).")
  long maxLineBytes;

  @Parameters(
      paramLabel = "FILE",
      arity = "0..*",
      description = "v2 files, read in order as one stream; '-' or none reads standard input.")
  List<String> files = List.of();

  private final Streams streams;

  VerifyCommand(Streams streams) {
    this.streams = streams;
  }

  @Override
  public Integer call() throws IOException, ReconstructException {
    Decoder decoder = new Decoder(OutputStream.nullOutputStream(), Decoder.Target.FULL, cacheBytes);
    FailureReport failures = new FailureReport(streams.err());
    decoder.keepGoing(failures);
    int lineLimit = (int) Math.min(maxLineBytes, Integer.MAX_VALUE - 64);
    for (String file : files.isEmpty() ? List.of("-") : files) {
      try (InputStream in = InputFiles.open(file, streams)) {
        decoder.decode(in, file, lineLimit);
      }
    }
    if (failures.count() == 0) {
      streams
          .err()
          .println(
              "sdcap: verified "
                  + decoder.records()
                  + " records and "
                  + decoder.badLines()
                  + " kept bad lines; every body matches its SHA-256");
    } else {
      streams
          .err()
          .println(
              "sdcap: "
                  + failures.count()
                  + " of "
                  + (decoder.records() + failures.count())
                  + " records could not be rebuilt or do not match; the rest verified");
    }
    streams.err().flush();
    return failures.exitCode();
  }
}
