package org.sdcap.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sdcap.encode.EncodeOptions;
import org.sdcap.encode.EncodeStats;
import org.sdcap.encode.Encoder;
import org.sdcap.input.FieldNames;
import org.sdcap.input.FieldRole;
import org.sdcap.input.InputException;
import org.sdcap.input.InputFormat;
import org.sdcap.input.InputOptions;
import org.sdcap.pcap.CaptureLimits;
import org.sdcap.pcap.CaptureOptions;
import org.sdcap.session.KeyComponent;
import org.sdcap.session.SessionFieldNames;
import org.sdcap.session.SessionKeyer;
import org.sdcap.v2.V2Writer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sdcap encode}: reads request captures and writes v2. */
@Command(
    name = "encode",
    header = "Read request captures and write v2: one line per request, bodies as deltas.",
    mixinStandardHelpOptions = true,
    description = {
      "Reads request captures and writes v2: one JSON line per request, each body stored as a"
          + " delta against an earlier body of the same session.",
      "",
      "Inputs are JSONL request logs (v1 head/tail logs or full-body logs; gzip, zstd, xz and"
          + " bzip2 are recognised by their content), directories of raw body dumps named"
          + " req_<seq>_<epoch_ms>.json, and pcap or pcapng captures of plain HTTP. Several inputs"
          + " are read in order as one stream. A line that cannot be parsed is kept verbatim in a"
          + " marked record and reported on stderr. A summary line goes to stderr at the end."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:Success; bad lines, if any, were kept and reported.",
      "1:Internal error: a bug in sdcap. Run again with --verbose and report the stack trace.",
      "2:Invalid options or arguments.",
      "3:Damaged input: data was lost before sdcap read it (a damaged capture or compressed"
          + " stream), or any bad line with --strict. The output holds everything that was read.",
      "4:An input file could not be opened or read.",
      "11:The Java heap was too small; what was encoded before is written.",
      "141:Standard output was closed early, as when piped into head."
    })
final class EncodeCommand implements Callable<Integer> {

  @Parameters(
      paramLabel = "FILE",
      arity = "0..*",
      description =
          "Input files or dump directories, read in order as one stream; '-' or none reads"
              + " standard input.")
  List<String> files = List.of();

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description =
          "Write v2 to FILE instead of standard output. FILE appears only when the run ends, so"
              + " a reader never sees half a file. A name ending in .gz, .zst, .xz or .bz2 is"
              + " written compressed in that format; decode, verify and reconstruct read it.")
  Path output;

  @Option(
      names = "--input-format",
      completionCandidates = EncodeCommand.Formats.class,
      paramLabel = "FORMAT",
      defaultValue = "auto",
      description =
          "Input format: auto (detected per file from its content), jsonl, dumps or pcap"
              + " (default: ${DEFAULT-VALUE}).")
  InputFormat inputFormat;

  @Option(
      names = "--field",
      paramLabel = "ROLE=NAME",
      description =
          "Read the field NAME for ROLE, for logs with other field names; repeatable. Roles: ts,"
              + " status, path, client, client_ip, model, user_agent, x_forwarded_for, x_real_ip,"
              + " x_forwarded_host, host, referer, auth_prefix, body, body_b64, body_head,"
              + " body_tail, body_bytes, body_truncated_bytes. Example: --field client=client_ip"
              + " --field user_agent=ua")
  List<String> fields = new ArrayList<>();

  @Option(
      names = "--session-fields",
      paramLabel = "LIST",
      split = ",",
      defaultValue = "ip,model,user_agent,conversation",
      description =
          "Comma-separated components of the session key: ip, model, user_agent, conversation,"
              + " and field:NAME for any input field (default: ${DEFAULT-VALUE}).")
  List<String> sessionFields;

  @Option(
      names = "--ttl",
      paramLabel = "DURATION",
      defaultValue = "1h",
      converter = Sizes.Duration.class,
      description =
          "A session idle longer than this, by the records' ts (epoch seconds, or an ISO 8601 time"
              + " with a zone offset), starts again with a full body."
              + " Seconds, or a suffix s, m, h, d (default: ${DEFAULT-VALUE}).")
  double ttlSeconds;

  @Option(
      names = "--cache-bytes",
      paramLabel = "SIZE",
      defaultValue = "256M",
      converter = Sizes.ByteSize.class,
      description =
          "Memory for bodies kept as possible parents and their indexes; the least recently used"
              + " are dropped first. In bytes; suffixes K, M, G are powers of 1024 (default:"
              + " ${DEFAULT-VALUE}).")
  long cacheBytes;

  @Option(
      names = "--max-depth",
      paramLabel = "N",
      defaultValue = "" + EncodeOptions.DEFAULT_MAX_DEPTH,
      description =
          "Longest chain of deltas from a full body; bounds what one damaged record can cost and"
              + " how much reconstruct reads (default: ${DEFAULT-VALUE}).")
  int maxDepth;

  @Option(
      names = "--tail",
      paramLabel = "N",
      defaultValue = "" + EncodeOptions.DEFAULT_TAIL_UNITS,
      description =
          "Repeat the last N code points of each body in body_tail, for grep. The default, 0,"
              + " writes none: the end of a chat request is mostly its tool definitions, and the"
              + " new text of each request is already greppable in its delta (default:"
              + " ${DEFAULT-VALUE}).")
  int tailUnits;

  @Option(
      names = "--strict",
      description = "Exit with status 3 when any input line was bad (it is still kept).")
  boolean strict;

  @Option(
      names = "--max-line-bytes",
      paramLabel = "SIZE",
      defaultValue = "256M",
      converter = Sizes.ByteSize.class,
      description =
          "Maximum length of an input line, and maximum size of a dump file, in bytes (default:"
              + " ${DEFAULT-VALUE}). Size options take a byte count or a suffix K, M, G or T,"
              + " powers of 1024.")
  long maxLineBytes;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      split = ",",
      description = "Captures: decode only these server ports (default: any port carrying HTTP).")
  List<Integer> ports = new ArrayList<>();

  @Option(
      names = "--path-prefix",
      paramLabel = "PREFIX",
      split = ",",
      defaultValue = "/v1/,/openai/v1/",
      description =
          "Captures: keep requests whose path starts with one of these (default: ${DEFAULT-VALUE}).")
  List<String> pathPrefixes;

  @Option(
      names = "--method",
      paramLabel = "METHOD",
      split = ",",
      description = "Captures: keep only these request methods (default: all).")
  List<String> methods = new ArrayList<>();

  @Option(
      names = "--max-header-size",
      paramLabel = "SIZE",
      defaultValue = "64K",
      converter = Sizes.ByteSize.class,
      description =
          "Captures: maximum size of a request or response header block, in bytes (default:"
              + " ${DEFAULT-VALUE}).")
  long maxHeaderBytes;

  @Option(
      names = "--max-body-size",
      paramLabel = "SIZE",
      defaultValue = "64M",
      converter = Sizes.ByteSize.class,
      description =
          "Captures: maximum request body kept, in bytes; the bytes beyond it are counted in"
              + " body_dropped_bytes and the body is marked partial (default: ${DEFAULT-VALUE}).")
  long maxBodyBytes;

  @Option(
      names = "--max-out-of-order",
      paramLabel = "SIZE",
      defaultValue = "16M",
      converter = Sizes.ByteSize.class,
      description =
          "Captures: out-of-order bytes buffered per connection direction before the bytes missing"
              + " ahead of them count as lost, in bytes (default: ${DEFAULT-VALUE}).")
  long maxOutOfOrderBytes;

  @Option(
      names = "--max-connections",
      paramLabel = "N",
      defaultValue = "16384",
      description =
          "Captures: connections tracked at once; beyond it the least recently active one is"
              + " closed early (default: ${DEFAULT-VALUE}).")
  int maxConnections;

  @Option(
      names = {"-q", "--quiet"},
      description = "Do not print the summary line.")
  boolean quiet;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** The values --input-format takes, for shell completion. */
  static final class Formats extends ArrayList<String> {
    Formats() {
      super(List.of("auto", "jsonl", "dumps", "pcap"));
    }
  }

  private final Streams streams;

  EncodeCommand(Streams streams) {
    this.streams = streams;
  }

  @Override
  public Integer call() throws IOException {
    EncodeOptions encodeOptions;
    InputOptions inputOptions;
    try {
      FieldNames names = FieldNames.parse(fields);
      inputOptions = inputOptions(names);
      encodeOptions = encodeOptions(names);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }

    long started = System.nanoTime();
    warnIfHeapIsSmall();
    StderrDiagnostics diagnostics = new StderrDiagnostics(streams.err());
    try (OutputFile out = OutputFile.open(output, streams.out(), spec)) {
      CountingOutputStream counted = new CountingOutputStream(out.stream());
      Encoder encoder = new Encoder(encodeOptions, new V2Writer(counted, tailUnits));
      EncodeStats stats;
      long bytesIn;
      InputException stoppedBy = null;
      OutOfMemoryError outOfMemory = null;
      try (Inputs inputs = Inputs.open(files, inputOptions, diagnostics, streams)) {
        try {
          encoder.encodeAll(inputs.source());
        } catch (InputException e) {
          // An input that cannot be read further ends the run, but what was read is kept.
          stoppedBy = e;
        } catch (OutOfMemoryError e) {
          // The allocation that failed is gone, so there is room to write what was encoded.
          outOfMemory = e;
        }
        stats = encoder.finish();
        bytesIn = inputs.bytesRead();
      }
      counted.flush();
      out.commit();

      if (!quiet) {
        streams
            .err()
            .println(
                summary(stats, diagnostics, bytesIn, counted.count(), System.nanoTime() - started));
        streams.err().flush();
      }
      if (stoppedBy != null) {
        throw stoppedBy;
      }
      if (outOfMemory != null) {
        streams.err().println("sdcap: " + Failures.outOfMemoryMessage());
        streams.err().flush();
        return ExitCode.OUT_OF_MEMORY;
      }
      return exitCode(stats, diagnostics);
    }
  }

  /** Warns before reading when --cache-bytes leaves the heap little room for lines and bodies. */
  private void warnIfHeapIsSmall() {
    long heap = Runtime.getRuntime().maxMemory();
    if (cacheBytes > heap / 2) {
      streams
          .err()
          .println(
              "sdcap: warning: --cache-bytes "
                  + human(cacheBytes)
                  + " is more than half the Java heap ("
                  + human(heap)
                  + "), so this run may run out of memory; lower --cache-bytes, or raise the heap"
                  + " with SDCAP_JAVA_OPTS=-Xmx"
                  + Math.max(1, (cacheBytes * 3 >> 30) + 1)
                  + "g");
    }
  }

  private int exitCode(EncodeStats stats, StderrDiagnostics diagnostics) {
    boolean lostData = diagnostics.damaged() > stats.badLines();
    if (lostData || (strict && diagnostics.damaged() > 0)) {
      return ExitCode.INPUT_DAMAGED;
    }
    return ExitCode.OK;
  }

  private InputOptions inputOptions(FieldNames names) {
    for (int port : ports) {
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("--port must be between 1 and 65535, got " + port);
      }
    }
    for (String method : methods) {
      if (method.isBlank()) {
        throw new IllegalArgumentException("--method must name a method such as POST");
      }
    }
    if (maxLineBytes < 1 || maxLineBytes > InputOptions.MAX_LINE_BYTES_LIMIT) {
      throw new IllegalArgumentException(
          "--max-line-bytes must be between 1 and "
              + InputOptions.MAX_LINE_BYTES_LIMIT
              + ", got "
              + maxLineBytes);
    }
    CaptureOptions capture =
        new CaptureOptions(
            List.copyOf(ports), List.copyOf(pathPrefixes), upper(methods), captureLimits());
    return new InputOptions(inputFormat, names, capture, (int) maxLineBytes);
  }

  private CaptureLimits captureLimits() {
    // Bodies and header blocks are kept in Java arrays, so they stay below 2 GiB.
    long arrayLimit = Integer.MAX_VALUE - 8;
    requireRange("--max-header-size", maxHeaderBytes, 1024, arrayLimit);
    requireRange("--max-body-size", maxBodyBytes, 0, arrayLimit);
    requireRange("--max-out-of-order", maxOutOfOrderBytes, 0, Long.MAX_VALUE);
    requireRange("--max-connections", maxConnections, 1, Integer.MAX_VALUE);
    CaptureLimits defaults = CaptureLimits.defaults();
    return new CaptureLimits(
        (int) maxHeaderBytes,
        (int) maxBodyBytes,
        maxOutOfOrderBytes,
        maxConnections,
        defaults.holdNanos(),
        defaults.maxHeldRequests(),
        defaults.maxHeldBodyBytes());
  }

  private static void requireRange(String option, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          option + " must be between " + min + " and " + max + ", got " + value);
    }
  }

  private EncodeOptions encodeOptions(FieldNames names) {
    if (maxDepth < 1) {
      throw new IllegalArgumentException("--max-depth must be 1 or more, got " + maxDepth);
    }
    if (tailUnits < 0) {
      throw new IllegalArgumentException("--tail must be 0 or more, got " + tailUnits);
    }
    List<KeyComponent> components = new ArrayList<>();
    for (String name : sessionFields) {
      components.add(KeyComponent.parse(name));
    }
    SessionFieldNames sessionNames =
        new SessionFieldNames(
            names.name(FieldRole.CLIENT),
            names.name(FieldRole.CLIENT_IP),
            names.name(FieldRole.X_FORWARDED_FOR),
            names.name(FieldRole.X_REAL_IP),
            names.name(FieldRole.MODEL),
            names.name(FieldRole.USER_AGENT));
    return new EncodeOptions(
        new SessionKeyer(components, sessionNames),
        names.name(FieldRole.TS),
        ttlSeconds,
        cacheBytes,
        maxDepth,
        tailUnits);
  }

  private static List<String> upper(List<String> values) {
    List<String> out = new ArrayList<>();
    for (String value : values) {
      out.add(value.toUpperCase(Locale.ROOT));
    }
    return out;
  }

  static String summary(
      EncodeStats stats, StderrDiagnostics diagnostics, long bytesIn, long bytesOut, long nanos) {
    double seconds = nanos / 1e9;
    return String.format(
        Locale.ROOT,
        "sdcap: %s, %s, %s, %s, %s; %s in, %s out (%.1f%%) in %.1f s (%.0f MB/s)",
        count(stats.records(), "record"),
        count(stats.sessions(), "session"),
        count(stats.roots(), "root"),
        count(stats.badLines(), "bad line"),
        count(diagnostics.warnings(), "warning"),
        human(bytesIn),
        human(bytesOut),
        bytesIn == 0 ? 0.0 : 100.0 * bytesOut / bytesIn,
        seconds,
        seconds == 0 ? 0.0 : bytesIn / 1e6 / seconds);
  }

  /** Returns {@code "1 record"} or {@code "2 records"}. */
  static String count(long number, String noun) {
    return number + " " + noun + (number == 1 ? "" : "s");
  }

  static String human(long bytes) {
    if (bytes < 10_000) {
      return bytes + " B";
    }
    if (bytes < 10_000_000) {
      return String.format(Locale.ROOT, "%.1f kB", bytes / 1e3);
    }
    if (bytes < 10_000_000_000L) {
      return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
    return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
  }
}
