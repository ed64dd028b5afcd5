package org.sdcap.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.sdcap.gen.GenerationJob;
import org.sdcap.gen.GeneratorConfig;
import org.sdcap.gen.OutputFormat;
import org.sdcap.gen.RequestWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sdcap generate}: writes seeded synthetic traffic to try sdcap on. */
@Command(
    name = "generate",
    header = "Write seeded synthetic LLM API traffic to try sdcap on.",
    mixinStandardHelpOptions = true,
    description = {
      "Writes synthetic LLM API traffic, the same for a given seed on every machine: agent"
          + " sessions with large tool lists, a client with a per-request billing line, chat"
          + " front ends serving many conversations from one address, regenerations, retries,"
          + " images, emoji and CJK text. Use it to try encode or to benchmark it.",
      "",
      "Example: sdcap generate --bytes 100M -o traffic.jsonl --also v1=traffic.v1.jsonl"
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:Success.",
      "1:Internal error: a bug in sdcap. Run again with --verbose and report the stack trace.",
      "2:Invalid options or arguments.",
      "4:An output file could not be written."
    })
final class GenerateCommand implements Callable<Integer> {

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Generator seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--format",
      completionCandidates = GenerateCommand.Formats.class,
      paramLabel = "FORMAT",
      defaultValue = "full",
      description =
          "v1 (head and tail of each body), full (whole bodies as JSON strings), full-embedded"
              + " (bodies as embedded JSON values), dumps (a directory of body files; needs -o)"
              + " or http (raw HTTP/1.1 requests) (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = "--bytes",
      paramLabel = "SIZE",
      converter = Sizes.ByteSize.class,
      description =
          "Stop once the output reaches this many bytes; suffixes K, M, G are powers of 1024, for"
              + " example 100M.")
  Long bytes;

  @Option(names = "--requests", paramLabel = "N", description = "Stop after N requests.")
  Long requests;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "PATH",
      description = "Write to PATH (a directory for dumps) instead of standard output.")
  Path output;

  @Option(
      names = "--also",
      paramLabel = "FORMAT=PATH",
      description = "Also write the same requests in another format to PATH; repeatable.")
  List<String> also = new ArrayList<>();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** The values --format takes, for shell completion. */
  static final class Formats extends ArrayList<String> {
    Formats() {
      super(List.of("v1", "full", "full-embedded", "dumps", "http"));
    }
  }

  private final Streams streams;

  GenerateCommand(Streams streams) {
    this.streams = streams;
  }

  @Override
  public Integer call() throws IOException {
    OutputFormat primaryFormat = parseFormat(format);
    if ((bytes != null && bytes < 1) || (requests != null && requests < 1)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--bytes and --requests must be 1 or more");
    }
    if (bytes == null && requests == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "Give --bytes SIZE or --requests N, or both");
    }
    if (primaryFormat.writesDirectory() && output == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "The dumps format writes a directory; give it with -o DIR");
    }

    List<RequestWriter> companions = new ArrayList<>();
    for (String companion : also) {
      int equals = companion.indexOf('=');
      if (equals <= 0) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--also expects FORMAT=PATH, got '" + companion + "'");
      }
      OutputFormat companionFormat = parseFormat(companion.substring(0, equals));
      companions.add(companionFormat.open(Path.of(companion.substring(equals + 1))));
    }
    RequestWriter primary =
        output != null ? primaryFormat.open(output) : primaryFormat.open(unclosable(streams.out()));

    GenerationJob job =
        new GenerationJob(
            seed,
            GeneratorConfig.defaults(),
            bytes == null ? 0 : bytes,
            requests == null ? 0 : requests);
    GenerationJob.Summary summary;
    try {
      summary = job.run(primary, companions);
    } finally {
      primary.close();
      for (RequestWriter companion : companions) {
        companion.close();
      }
    }
    streams
        .err()
        .println(
            "sdcap: generated " + summary.requests() + " requests, " + summary.bytes() + " bytes");
    streams.err().flush();
    return ExitCode.OK;
  }

  /** Wraps standard output so that closing the writer flushes it but leaves it open. */
  private static OutputStream unclosable(OutputStream out) {
    return new java.io.FilterOutputStream(out) {
      @Override
      public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
      }

      @Override
      public void close() throws IOException {
        flush();
      }
    };
  }

  private OutputFormat parseFormat(String name) {
    OutputFormat parsed = OutputFormat.fromCliName(name);
    if (parsed == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "Unknown format '" + name + "'; use v1, full, full-embedded, dumps or http");
    }
    return parsed;
  }
}
