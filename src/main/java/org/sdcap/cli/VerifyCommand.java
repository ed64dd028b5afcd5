package org.sdcap.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.Callable;
import org.sdcap.v2.Decoder;
import org.sdcap.v2.ReconstructException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

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

  @Mixin V2Inputs inputs;

  @Mixin DecodeCache cache;

  private final Streams streams;

  VerifyCommand(Streams streams) {
    this.streams = streams;
  }

  @Override
  public Integer call() throws IOException, ReconstructException {
    Decoder decoder =
        new Decoder(OutputStream.nullOutputStream(), Decoder.Target.FULL, cache.cacheBytes);
    FailureReport failures = new FailureReport(streams.err());
    decoder.keepGoing(failures);
    int lineLimit = inputs.lineLimit();
    for (String file : inputs.filesOrStdin()) {
      try (InputStream in = InputFiles.open(file, streams)) {
        decoder.decode(in, file, lineLimit);
      }
    }
    if (failures.count() == 0) {
      streams
          .err()
          .println(
              "sdcap: verified "
                  + EncodeCommand.count(decoder.records(), "record")
                  + " and "
                  + EncodeCommand.count(decoder.badLines(), "kept bad line")
                  + "; every body matches its SHA-256");
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
