package org.sdcap.gen;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs the traffic generator from the shell without picocli.
 *
 * <pre>
 * java -cp target/sdcap.jar org.sdcap.gen.GenerateMain --seed 1 --format full --bytes 1G --out FILE
 *     [--requests N] [--preset default|sample] [--also FORMAT=PATH ...]
 * java -cp target/sdcap.jar org.sdcap.gen.GenerateMain --sample-set DIR
 * </pre>
 *
 * <p>{@code --out -} writes to standard output. {@code --also} writes the same requests in another
 * format, for example the v1 log of the traffic a full-body log holds. Sizes take the binary
 * suffixes K, M and G. The summary goes to standard error.
 */
public final class GenerateMain {

  private GenerateMain() {}

  public static void main(String[] args) {
    try {
      run(args);
    } catch (IllegalArgumentException e) {
      System.err.println("gen: " + e.getMessage());
      System.exit(2);
    } catch (FileSystemException e) {
      String reason = e.getReason() == null ? e.getClass().getSimpleName() : e.getReason();
      System.err.println("gen: cannot write " + e.getFile() + ": " + reason);
      System.exit(1);
    } catch (IOException e) {
      System.err.println("gen: writing failed: " + e.getMessage());
      System.exit(1);
    }
  }

  private static void run(String[] args) throws IOException {
    long seed = 1;
    String format = "full";
    String out = null;
    long bytes = 0;
    long requests = 0;
    String preset = "default";
    List<String> companions = new ArrayList<>();

    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--seed" -> seed = Long.parseLong(required(args[i], value));
        case "--format" -> format = required(args[i], value);
        case "--out" -> out = required(args[i], value);
        case "--bytes" -> bytes = parseSize(required(args[i], value));
        case "--requests" -> requests = Long.parseLong(required(args[i], value));
        case "--preset" -> preset = required(args[i], value);
        case "--also" -> companions.add(required(args[i], value));
        case "--sample-set" -> {
          SampleSet.write(Path.of(required(args[i], value)));
          return;
        }
        default -> throw new IllegalArgumentException("unknown option: " + args[i]);
      }
      i++;
    }

    if (out == null) {
      throw new IllegalArgumentException("missing --out FILE (or - for standard output)");
    }
    GenerationJob job = new GenerationJob(seed, config(preset), bytes, requests);
    GenerationJob.Summary summary = write(job, parseFormat(format), out, companions);

    System.err.printf(
        Locale.ROOT,
        "gen: wrote %d requests, %d bytes to %s%n",
        summary.requests(),
        summary.bytes(),
        out);
  }

  private static GenerationJob.Summary write(
      GenerationJob job, OutputFormat format, String out, List<String> companionSpecs)
      throws IOException {
    List<RequestWriter> companions = new ArrayList<>();
    try (RequestWriter primary = open(format, out)) {
      for (String spec : companionSpecs) {
        int equals = spec.indexOf('=');
        if (equals < 0) {
          throw new IllegalArgumentException("--also expects FORMAT=PATH, got: " + spec);
        }
        companions.add(open(parseFormat(spec.substring(0, equals)), spec.substring(equals + 1)));
      }
      return job.run(primary, companions);
    } finally {
      for (RequestWriter companion : companions) {
        companion.close();
      }
    }
  }

  private static RequestWriter open(OutputFormat format, String target) throws IOException {
    if (target.equals("-") && !format.writesDirectory()) {
      return format.open(
          new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
    }
    return format.open(Path.of(target));
  }

  private static GeneratorConfig config(String preset) {
    return switch (preset) {
      case "default" -> GeneratorConfig.defaults();
      case "sample" -> GeneratorConfig.sample();
      default ->
          throw new IllegalArgumentException(
              "unknown preset: " + preset + " (expected default or sample)");
    };
  }

  private static OutputFormat parseFormat(String name) {
    OutputFormat format = OutputFormat.fromCliName(name);
    if (format == null) {
      throw new IllegalArgumentException(
          "unknown format: " + name + " (expected v1, full, full-embedded, dumps or http)");
    }
    return format;
  }

  private static String required(String option, String value) {
    if (value == null) {
      throw new IllegalArgumentException("missing value for " + option);
    }
    return value;
  }

  /** Parses a byte count with an optional binary suffix: {@code 100M} is 100 * 2^20 bytes. */
  static long parseSize(String text) {
    String upper = text.toUpperCase(Locale.ROOT);
    int shift = upper.endsWith("K") ? 10 : upper.endsWith("M") ? 20 : upper.endsWith("G") ? 30 : 0;
    String digits = shift == 0 ? upper : upper.substring(0, upper.length() - 1);
    try {
      return Long.parseLong(digits) << shift;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid size: " + text + " (expected e.g. 500M or 1G)");
    }
  }
}
