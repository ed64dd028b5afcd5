package org.sdcap.gen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The small sample of generated traffic committed under {@code testdata/sample}: the requests of
 * seed {@value #SEED} with {@link GeneratorConfig#sample()}, up to the first request by which every
 * {@link Trait} except {@link Trait#HUGE_BODY} has appeared, in every file format.
 *
 * <p>Regenerate with {@code java -cp target/classes org.sdcap.gen.GenerateMain --sample-set
 * testdata/sample}.
 */
public final class SampleSet {

  public static final long SEED = 18;

  /** The sample stops here even if a trait is still missing. */
  static final int MAX_REQUESTS = 1_000;

  static final String V1_FILE = "v1.jsonl";
  static final String FULL_FILE = "full.jsonl";
  static final String EMBEDDED_FILE = "full-embedded.jsonl";
  static final String DUMPS_DIRECTORY = "dumps";

  private SampleSet() {}

  /** Returns the sample's requests. */
  public static List<GeneratedRequest> requests() {
    Set<Trait> missing = EnumSet.allOf(Trait.class);
    missing.remove(Trait.HUGE_BODY);
    TrafficGenerator generator = new TrafficGenerator(SEED, GeneratorConfig.sample());
    List<GeneratedRequest> requests = new ArrayList<>();
    while (!missing.isEmpty()) {
      if (requests.size() == MAX_REQUESTS) {
        throw new IllegalStateException(
            "the sample has no " + missing + " after " + MAX_REQUESTS + " requests");
      }
      GeneratedRequest request = generator.next();
      missing.removeAll(request.traits());
      requests.add(request);
    }
    return requests;
  }

  /** Writes the sample files into {@code directory}, replacing files of the same names. */
  public static void write(Path directory) throws IOException {
    List<GeneratedRequest> requests = requests();
    Files.createDirectories(directory);
    write(requests, OutputFormat.V1, directory.resolve(V1_FILE));
    write(requests, OutputFormat.FULL, directory.resolve(FULL_FILE));
    write(requests, OutputFormat.FULL_EMBEDDED, directory.resolve(EMBEDDED_FILE));
    write(requests, OutputFormat.DUMPS, directory.resolve(DUMPS_DIRECTORY));
  }

  private static void write(List<GeneratedRequest> requests, OutputFormat format, Path target)
      throws IOException {
    try (RequestWriter writer = format.open(target)) {
      for (GeneratedRequest request : requests) {
        writer.write(request);
      }
    }
  }
}
