package org.sdcap.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.Callable;
import org.sdcap.v2.Decoder;
import org.sdcap.v2.ReconstructException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sdcap decode}: turns v2 back into full records, one per line. */
@Command(
    name = "decode",
    header = "Turn v2 back into one full record per line, bodies restored.",
    mixinStandardHelpOptions = true,
    description = {
      "Writes every v2 record back as one full input record per line, with its body restored and"
          + " checked against body_sha256; kept bad lines are written back unchanged.",
      "",
      "With --to full (the default), each body takes the form the input gave it: a body string or"
          + " embedded JSON value, body_b64, or body/body_b64 for raw dumps and captures; v1"
          + " records whose body was whole get it as body. With --to v1, v1 records come back"
          + " exactly as the capture middleware wrote them, and other records are cut the way it"
          + " cuts bodies (first and last 1500 bytes)."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:Success.",
      "1:Internal error: a bug in sdcap. Run again with --verbose and report the stack trace.",
      "2:Invalid options or arguments.",
      "3:A line is not a valid v2 record.",
      "4:An input file could not be opened or read.",
      "8:A parent record is missing from the input, or was evicted (raise --cache-bytes).",
      "9:A rebuilt body does not match its SHA-256 or length.",
      "141:Standard output was closed early, as when piped into head."
    })
final class DecodeCommand implements Callable<Integer> {

  @Option(
      names = "--to",
      completionCandidates = DecodeCommand.Shapes.class,
      paramLabel = "SHAPE",
      defaultValue = "full",
      description = "Shape of the records written: full or v1 (default: ${DEFAULT-VALUE}).")
  Decoder.Target to;

  @Option(
      names = "--json-style",
      completionCandidates = DecodeCommand.Styles.class,
      paramLabel = "STYLE",
      defaultValue = "compact",
      converter = JsonStyle.Converter.class,
      description =
          "Spelling of decoded records. compact: no spaces, characters as they are. python: as"
              + " Python's json.dumps writes by default, with \", \" and \": \" separators and"
              + " non-ASCII characters escaped. python-utf8: the same with ensure_ascii=False,"
              + " characters as they are. A log written in one of these styles comes back byte"
              + " for byte (default: ${DEFAULT-VALUE}).")
  JsonStyle jsonStyle;

  /** The values --to takes, for shell completion. */
  static final class Shapes extends java.util.ArrayList<String> {
    Shapes() {
      super(java.util.List.of("full", "v1"));
    }
  }

  /** The values --json-style takes, for shell completion. */
  static final class Styles extends java.util.ArrayList<String> {
    Styles() {
      super(java.util.List.of("compact", "python", "python-utf8"));
    }
  }

  /** The spellings of decoded records. */
  enum JsonStyle {
    COMPACT(false, false),
    PYTHON(true, true),
    PYTHON_UTF8(true, false);

    final boolean spaced;
    final boolean asciiOnly;

    JsonStyle(boolean spaced, boolean asciiOnly) {
      this.spaced = spaced;
      this.asciiOnly = asciiOnly;
    }

    /** Reads the names compact, python and python-utf8. */
    static final class Converter implements picocli.CommandLine.ITypeConverter<JsonStyle> {
      @Override
      public JsonStyle convert(String value) {
        for (JsonStyle style : values()) {
          if (style.name().replace('_', '-').equalsIgnoreCase(value)) {
            return style;
          }
        }
        throw new picocli.CommandLine.TypeConversionException(
            "'" + value + "' is not a JSON style; use compact, python or python-utf8");
      }
    }
  }

  @Option(
      names = "--keep-going",
      description =
          "Go on after a record that cannot be rebuilt (a missing parent, a hash mismatch, a line"
              + " that is not v2): report it on stderr, leave it out, and decode the rest. The exit"
              + " status is that of the most serious failure.")
  boolean keepGoing;

  @Mixin V2Inputs inputs;

  @Mixin DecodeCache cache;

  private final Streams streams;

  DecodeCommand(Streams streams) {
    this.streams = streams;
  }

  @Override
  public Integer call() throws IOException, ReconstructException {
    OutputStream out = streams.out();
    Decoder decoder = new Decoder(out, to, cache.cacheBytes, jsonStyle.spaced, jsonStyle.asciiOnly);
    FailureReport failures = new FailureReport(streams.err());
    if (keepGoing) {
      decoder.keepGoing(failures);
    }
    int lineLimit = inputs.lineLimit();
    try {
      for (String file : inputs.filesOrStdin()) {
        try (InputStream in = InputFiles.open(file, streams)) {
          decoder.decode(in, file, lineLimit);
        }
      }
    } finally {
      decoder.flush();
    }
    return failures.exitCode();
  }
}
