package org.sdcap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.sdcap.gen.GeneratedRequest;
import org.sdcap.gen.GeneratorConfig;
import org.sdcap.gen.OutputFormat;
import org.sdcap.gen.RequestWriter;
import org.sdcap.gen.TrafficGenerator;
import org.sdcap.json.JsonText;
import org.sdcap.json.Utf8;
import org.sdcap.v2.Reconstructor;

/**
 * Seeded property test of the lossless guarantee: generated traffic, written in every input kind
 * the generator writes, is encoded with options that vary by seed, and must come back whole from
 * {@code decode}, and body by body from {@code reconstruct}.
 *
 * <p>Each dynamic test is named for its seed, and a failure message starts with the seed and the
 * encode options. Seeds 1 to 16 run by default; {@code -Droundtrip.seeds=FIRST-LAST} runs others,
 * for example {@code mvn -q test -Dtest=RoundTripPropertyTest -Droundtrip.seeds=1-500}.
 */
class RoundTripPropertyTest {

  private static final String DEFAULT_SEEDS = "1-16";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path temp;

  @TestFactory
  Stream<DynamicTest> generatedTrafficRoundTrips() {
    String[] range = System.getProperty("roundtrip.seeds", DEFAULT_SEEDS).split("-", 2);
    long first = Long.parseLong(range[0]);
    long last = range.length == 2 ? Long.parseLong(range[1]) : first;
    return LongStream.rangeClosed(first, last)
        .mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> checkSeed(seed)));
  }

  /** The encode options of one seed, and the decode cache that must be enough to replay them. */
  private record Options(List<String> encodeArgs, List<String> decodeArgs, int tailUnits) {

    static Options random(SplittableRandom random) {
      List<String> encode = new ArrayList<>();
      List<String> decode = new ArrayList<>();
      String[] caches = {"6K", "24K", "100K", "256M"};
      String cache = caches[random.nextInt(caches.length)];
      encode.addAll(List.of("--cache-bytes", cache));
      // Decoding with exactly the cache encode used checks that decode replays the encoder's
      // least-recently-used order; the default decode cache is larger than any of these.
      if (random.nextBoolean()) {
        decode.addAll(List.of("--cache-bytes", cache));
      }
      String[] depths = {"1", "2", "3", "64"};
      encode.addAll(List.of("--max-depth", depths[random.nextInt(depths.length)]));
      String[] ttls = {"1s", "5", "30s", "1h"};
      encode.addAll(List.of("--ttl", ttls[random.nextInt(ttls.length)]));
      int[] tails = {0, 0, 1, 7, 200};
      int tail = tails[random.nextInt(tails.length)];
      encode.addAll(List.of("--tail", Integer.toString(tail)));
      return new Options(encode, decode, tail);
    }
  }

  private void checkSeed(long seed) throws Exception {
    SplittableRandom random = new SplittableRandom(seed);
    Options options = Options.random(random);
    try {
      List<GeneratedRequest> requests = generate(seed, random);
      Path dir = Files.createDirectories(temp.resolve("seed-" + seed));
      checkFullLog(requests, OutputFormat.FULL, dir, options);
      checkFullLog(requests, OutputFormat.FULL_EMBEDDED, dir, options);
      checkBase64Log(requests, dir, options);
      checkV1Log(requests, dir, options);
      checkDumps(requests, dir, options);
    } catch (AssertionError | RuntimeException e) {
      throw new AssertionError(
          "seed " + seed + ", encode " + String.join(" ", options.encodeArgs()) + ": " + e, e);
    }
  }

  private static List<GeneratedRequest> generate(long seed, SplittableRandom random) {
    GeneratorConfig config = GeneratorConfig.sample().withMaxActiveSessions(1 + random.nextInt(4));
    if (random.nextBoolean()) {
      config =
          config.withMix(
              new GeneratorConfig.SessionMix(
                  random.nextInt(4),
                  random.nextInt(4),
                  random.nextInt(4),
                  random.nextInt(4),
                  random.nextInt(2),
                  random.nextInt(2),
                  0,
                  false));
      if (config.mix().agent() + config.mix().claudeCode() + config.mix().chatUi() == 0) {
        config = GeneratorConfig.sample();
      }
    }
    TrafficGenerator generator = new TrafficGenerator(seed, config);
    int count = 20 + random.nextInt(30);
    List<GeneratedRequest> requests = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      requests.add(generator.next());
    }
    return requests;
  }

  /** A full-body log decodes to the input's JSON values, and every body rebuilds exactly. */
  private void checkFullLog(
      List<GeneratedRequest> requests, OutputFormat format, Path dir, Options options)
      throws Exception {
    Path input = dir.resolve(format.cliName() + ".jsonl");
    write(requests, format, input);
    List<byte[]> inputLines = JsonValues.lines(Files.readAllBytes(input));

    byte[] v2 = encode(input, options);
    List<byte[]> decoded = decode(v2, options, "full");
    assertThat(decoded).as("%s: decoded line count", format.cliName()).hasSize(inputLines.size());
    for (int i = 0; i < inputLines.size(); i++) {
      assertThat(JsonValues.canonical(decoded.get(i)))
          .as("%s: decoded line %d", format.cliName(), i + 1)
          .isEqualTo(JsonValues.canonical(inputLines.get(i)));
    }

    List<byte[]> bodies = new ArrayList<>();
    for (GeneratedRequest request : requests) {
      bodies.add(request.body());
    }
    checkReconstruct(format.cliName(), v2, bodies, options);
  }

  /**
   * A compact log with every body in {@code body_b64} decodes to the same bytes, because sdcap
   * keeps metadata text verbatim and writes base64 in the only canonical way.
   */
  private void checkBase64Log(List<GeneratedRequest> requests, Path dir, Options options)
      throws Exception {
    Path input = dir.resolve("b64.jsonl");
    List<byte[]> bodies = new ArrayList<>();
    try (OutputStream out = Files.newOutputStream(input)) {
      for (GeneratedRequest request : requests) {
        out.write(base64Line(request).getBytes(StandardCharsets.UTF_8));
        bodies.add(request.body());
      }
    }

    byte[] v2 = encode(input, options);
    List<byte[]> decoded = decode(v2, options, "full");
    List<byte[]> inputLines = JsonValues.lines(Files.readAllBytes(input));
    assertThat(decoded).as("b64: decoded line count").hasSize(inputLines.size());
    for (int i = 0; i < inputLines.size(); i++) {
      assertThat(new String(decoded.get(i), StandardCharsets.UTF_8))
          .as("b64: decoded line %d", i + 1)
          .isEqualTo(new String(inputLines.get(i), StandardCharsets.UTF_8));
    }
    checkReconstruct("b64", v2, bodies, options);
  }

  private static String base64Line(GeneratedRequest request) {
    String client = request.clientIp() + ":" + request.clientPort();
    String userAgent = request.header("User-Agent");
    return "{\"ts\":"
        + (request.timestampMicros() / 1_000_000)
        + "."
        + String.format("%06d", request.timestampMicros() % 1_000_000)
        + ",\"status\":"
        + request.status()
        + ",\"client\":"
        + JsonText.quote(client)
        + ",\"model\":"
        + (request.model() == null ? "null" : JsonText.quote(request.model()))
        + ",\"user_agent\":"
        + (userAgent == null ? "null" : JsonText.quote(userAgent))
        + ",\"body_b64\":\""
        + Base64.getEncoder().encodeToString(request.body())
        + "\",\"path\":"
        + JsonText.quote(request.path())
        + "}\n";
  }

  /**
   * A v1 log decodes with {@code --to v1} to the input's JSON values, and every body rebuilds as
   * the head and tail the log kept.
   */
  private void checkV1Log(List<GeneratedRequest> requests, Path dir, Options options)
      throws Exception {
    Path input = dir.resolve("v1.jsonl");
    write(requests, OutputFormat.V1, input);
    List<byte[]> inputLines = JsonValues.lines(Files.readAllBytes(input));

    byte[] v2 = encode(input, options);
    List<byte[]> decoded = decode(v2, options, "v1");
    assertThat(decoded).as("v1: decoded line count").hasSize(inputLines.size());
    List<byte[]> bodies = new ArrayList<>();
    for (int i = 0; i < inputLines.size(); i++) {
      assertThat(JsonValues.canonical(decoded.get(i)))
          .as("v1: decoded line %d", i + 1)
          .isEqualTo(JsonValues.canonical(inputLines.get(i)));
      bodies.add(JsonValues.bodyOf(inputLines.get(i)));
    }
    checkReconstruct("v1", v2, bodies, options);
  }

  /**
   * A dump directory decodes to one record per file that names the file and contains exactly its
   * bytes, as {@code body} or, when they are not UTF-8, as {@code body_b64}.
   */
  private void checkDumps(List<GeneratedRequest> requests, Path dir, Options options)
      throws Exception {
    Path input = dir.resolve("dumps");
    write(requests, OutputFormat.DUMPS, input);
    List<Path> files;
    try (Stream<Path> listing = Files.list(input)) {
      files = listing.sorted().toList();
    }

    byte[] v2 = encode(input, options);
    List<byte[]> decoded = decode(v2, options, "full");
    assertThat(decoded).as("dumps: decoded line count").hasSize(files.size());
    List<byte[]> bodies = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      byte[] fileBytes = Files.readAllBytes(files.get(i));
      bodies.add(fileBytes);
      JsonNode record = MAPPER.readTree(decoded.get(i));
      assertThat(record.get("dump_file").asText())
          .as("dumps: dump_file of line %d", i + 1)
          .isEqualTo(files.get(i).getFileName().toString());
      byte[] body;
      if (Utf8.isValid(fileBytes)) {
        assertThat(record.has("body_b64")).as("dumps: line %d has body_b64", i + 1).isFalse();
        body = Utf8.encodeWtf8(record.get("body").asText());
      } else {
        assertThat(record.has("body")).as("dumps: line %d has body", i + 1).isFalse();
        body = Base64.getDecoder().decode(record.get("body_b64").asText());
      }
      BodyBytes.assertSame(body, fileBytes, "dumps: body of line %d", i + 1);
    }
    checkReconstruct("dumps", v2, bodies, options);
  }

  /**
   * Rebuilds the body of every v2 record with {@link Reconstructor}, and a few through {@code sdcap
   * reconstruct}, and compares them with the input bodies in order. Also checks {@code body_tail}
   * against the rebuilt body's last code points.
   */
  private static void checkReconstruct(
      String kind, byte[] v2, List<byte[]> expectedBodies, Options options) throws Exception {
    List<byte[]> lines = JsonValues.lines(v2);
    List<byte[]> expected = expectedBodies.stream().filter(b -> b != null).toList();
    List<JsonNode> withBody = new ArrayList<>();
    for (byte[] line : lines) {
      JsonValues.assertPlainV2Line(line);
      JsonNode record = MAPPER.readTree(line);
      if (record.has("delta")) {
        withBody.add(record);
      }
    }
    assertThat(withBody).as("%s: records with a body", kind).hasSize(expected.size());

    for (int i = 0; i < withBody.size(); i++) {
      JsonNode record = withBody.get(i);
      String key = record.get("session_key").asText();
      long seq = record.get("seq").asLong();
      Reconstructor reconstructor = new Reconstructor(key, seq, 1 << 26);
      reconstructor.read(new ByteArrayInputStream(v2), "v2");
      byte[] body = reconstructor.finish().body();
      BodyBytes.assertSame(
          body,
          expected.get(i),
          "%s: body of session %s seq %d (record %d)",
          kind,
          key,
          seq,
          i + 1);
      checkTail(kind, record, body, options.tailUnits());
    }

    Random pick = new Random(v2.length);
    for (int k = 0; k < 3 && !withBody.isEmpty(); k++) {
      int i = pick.nextInt(withBody.size());
      JsonNode record = withBody.get(i);
      List<String> args =
          new ArrayList<>(
              List.of(
                  "reconstruct",
                  "--session",
                  record.get("session_key").asText(),
                  "--n",
                  record.get("seq").asText()));
      if (record.path("body_partial").asBoolean()) {
        args.add("--allow-partial");
      }
      Cli.Result result = Cli.runWithInput(v2, args.toArray(String[]::new)).expectExit(0);
      BodyBytes.assertSame(
          result.stdout(), expected.get(i), "%s: sdcap %s", kind, String.join(" ", args));
    }
  }

  private static void checkTail(String kind, JsonNode record, byte[] body, int tailUnits) {
    if (tailUnits == 0) {
      assertThat(record.has("body_tail")).as("%s: body_tail without --tail", kind).isFalse();
      return;
    }
    boolean latin1 = "latin1".equals(record.path("body_encoding").asText());
    String text =
        latin1
            ? new String(body, StandardCharsets.ISO_8859_1)
            : new String(body, StandardCharsets.UTF_8);
    int codePoints = text.codePointCount(0, text.length());
    int from = text.offsetByCodePoints(0, Math.max(0, codePoints - tailUnits));
    assertThat(record.get("body_tail").asText())
        .as(
            "%s: body_tail of session %s seq %s",
            kind, record.get("session_key"), record.get("seq"))
        .isEqualTo(text.substring(from));
  }

  private static byte[] encode(Path input, Options options) {
    List<String> args = new ArrayList<>(List.of("encode", "-q"));
    args.addAll(options.encodeArgs());
    args.add(input.toString());
    Cli.Result result = Cli.run(args.toArray(String[]::new)).expectExit(0);
    assertThat(result.stderr()).as("encode stderr").isEmpty();
    return result.stdout();
  }

  private static List<byte[]> decode(byte[] v2, Options options, String target) {
    List<String> args = new ArrayList<>(List.of("decode", "--to", target));
    args.addAll(options.decodeArgs());
    Cli.Result result = Cli.runWithInput(v2, args.toArray(String[]::new)).expectExit(0);
    assertThat(result.stderr()).as("decode stderr").isEmpty();
    return JsonValues.lines(result.stdout());
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
