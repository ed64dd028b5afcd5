package org.sdcap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.sdcap.json.JsonText;
import org.sdcap.json.Utf8;

/**
 * Seeded property test of member order and metadata: random compact records mix ordinary members,
 * members whose names v2 reserves, values with unusual number text and lone surrogates, and a body
 * member at a random position. {@code decode} must give every line back byte for byte, and every v2
 * line must be plain UTF-8 without lone surrogates.
 */
class MemberOrderPropertyTest {

  private static final int SEEDS = 12;
  private static final int LINES = 120;

  private static final String[] RESERVED = {
    "schema_version",
    "session_key",
    "seq",
    "parent_seq",
    "body_form",
    "body_field",
    "body_field_index",
    "body_tail_field",
    "body_len",
    "body_sha256",
    "body_encoding",
    "body_partial",
    "head_len",
    "v1_tail_absent",
    "prefix_len",
    "suffix_len",
    "delta",
    "raw_fields",
    "bad_line",
    "raw",
    "raw_b64",
    "eol"
  };
  private static final String[] ORDINARY = {
    "ts", "status", "path", "client", "model", "user_agent", "note", "referer", "x-request-id"
  };
  private static final String[] NUMBERS = {
    "1", "-0", "1.50", "1e400", "1.0E+2", "12345678901234567890123", "1700000000.123456789"
  };
  private static final String[] TEXTS = {"a", "é", "日本", "\uD83D", "x\uDC00y", "😀", "", "\n\t\""};

  @TempDir Path temp;

  @TestFactory
  Stream<DynamicTest> membersComeBackInPlace() {
    return LongStream.rangeClosed(1, SEEDS)
        .mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> checkSeed(seed)));
  }

  private void checkSeed(long seed) throws Exception {
    SplittableRandom random = new SplittableRandom(seed);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < LINES; i++) {
      lines.add(randomLine(random));
    }
    String log = String.join("\n", lines) + "\n";
    Path input = temp.resolve("seed-" + seed + ".jsonl");
    Files.write(input, Utf8.encodeWtf8(log));

    byte[] v2 = Cli.run("encode", "-q", input.toString()).expectExit(0).stdout();
    byte[] decoded = Cli.runWithInput(v2, "decode").expectExit(0).stdout();

    for (byte[] line : JsonValues.lines(v2)) {
      JsonValues.assertPlainV2Line(line);
    }
    List<byte[]> back = JsonValues.lines(decoded);
    assertThat(back).as("seed %d: decoded line count", seed).hasSize(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      assertThat(new String(back.get(i), StandardCharsets.UTF_8))
          .as("seed %d: line %d", seed, i + 1)
          .isEqualTo(new String(Utf8.encodeWtf8(lines.get(i)), StandardCharsets.UTF_8));
    }
  }

  private static String randomLine(SplittableRandom random) {
    List<String> names = new ArrayList<>();
    pick(random, ORDINARY, random.nextInt(5), names);
    pick(random, RESERVED, random.nextInt(4), names);
    shuffle(random, names);
    List<String> members = new ArrayList<>();
    for (String name : names) {
      members.add(JsonText.quote(name) + ":" + randomValue(random));
    }
    List<String> body = randomBody(random);
    members.addAll(random.nextInt(members.size() + 1), body);
    return "{" + String.join(",", members) + "}";
  }

  private static String randomValue(SplittableRandom random) {
    return switch (random.nextInt(6)) {
      case 0 -> NUMBERS[random.nextInt(NUMBERS.length)];
      case 1 -> JsonText.quote(TEXTS[random.nextInt(TEXTS.length)]);
      case 2 -> new String[] {"null", "true", "false"}[random.nextInt(3)];
      case 3 -> "{\"a\":[1,2.50,{\"b\":null}]}";
      case 4 -> "[]";
      default -> JsonText.quote("v" + random.nextInt(100));
    };
  }

  /**
   * Returns the body members of a line: none, a body string or embedded value, body_b64, or a v1
   * head with a non-empty tail (a whole v1 body would come back as {@code body}).
   */
  private static List<String> randomBody(SplittableRandom random) {
    return switch (random.nextInt(6)) {
      case 0 -> List.of("\"body\":" + JsonText.quote(TEXTS[random.nextInt(TEXTS.length)]));
      case 1 ->
          List.of("\"body\":" + new String[] {"{\"m\": 1 }", "[1,2]", "12.50"}[random.nextInt(3)]);
      case 2 -> {
        byte[] bytes = new byte[random.nextInt(6)];
        for (int i = 0; i < bytes.length; i++) {
          bytes[i] = (byte) random.nextInt(256);
        }
        yield List.of("\"body_b64\":\"" + Base64.getEncoder().encodeToString(bytes) + "\"");
      }
      case 3 -> List.of("\"body_head\":\"head é\"", "\"body_tail\":\"tail 😀\"");
      case 4 -> List.of("\"body_head\":\"only a head\"");
      default -> List.of();
    };
  }

  private static void pick(SplittableRandom random, String[] pool, int count, List<String> out) {
    List<String> left = new ArrayList<>(List.of(pool));
    for (int i = 0; i < count; i++) {
      out.add(left.remove(random.nextInt(left.size())));
    }
  }

  private static void shuffle(SplittableRandom random, List<String> list) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      String swap = list.get(i);
      list.set(i, list.get(j));
      list.set(j, swap);
    }
  }
}
