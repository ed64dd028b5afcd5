package org.sdcap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdcap.json.JsonText;
import org.sdcap.json.Utf8;

/**
 * Bodies and metadata at the edges of the format, each through the whole pipeline: encode, then
 * reconstruct, decode and the jq recipe. The input log is compact and escapes strings the way sdcap
 * writes them, so decode must give it back byte for byte.
 */
class EdgeBodyRoundTripTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Shared text around the edits, long enough that a delta is always worth writing. */
  private static final String PREFIX =
      "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"" + "words ".repeat(200);

  private static final String SUFFIX = " and more text after the edit".repeat(40) + "\"}]}";

  @TempDir static Path temp;

  private static final List<byte[]> lines = new ArrayList<>();
  private static final List<String> userAgents = new ArrayList<>();
  private static final List<byte[]> bodies = new ArrayList<>();
  private static Path input;
  private static byte[] v2;
  private static List<JsonNode> records;

  @BeforeAll
  static void encodeEdgeLog() throws Exception {
    // The last byte of the emoji differs (U+1F600, U+1F601), so a byte-wise prefix would end
    // inside the character.
    addString("emoji-prefix", PREFIX + "\uD83D\uDE00 x" + SUFFIX);
    addString("emoji-prefix", PREFIX + "\uD83D\uDE01 x" + SUFFIX);
    // The third byte differs (U+1F600, U+1F640), so the shared bytes after it would start a
    // byte-wise suffix inside the character.
    addString("emoji-suffix", PREFIX + "a\uD83D\uDE00" + SUFFIX);
    addString("emoji-suffix", PREFIX + "b\uD83D\uDE40" + SUFFIX);
    // U+00E9 and U+00A9 share their last byte.
    addString("accent-suffix", PREFIX + "caf\u00e9" + SUFFIX);
    addString("accent-suffix", PREFIX + "caf\u00a9" + SUFFIX);
    addString("cjk", PREFIX + "日本語のテキストと中文和한국어" + SUFFIX);
    addString("cjk", PREFIX + "日本語のテキストと中文和한국어, ça marche, naïve Ærøskøbing" + SUFFIX);

    byte[] notUtf8 = concat(bytes(PREFIX), new byte[] {(byte) 0xFF, 0, (byte) 0x80}, bytes(SUFFIX));
    addBase64("not-utf8", notUtf8);
    byte[] notUtf8Child = notUtf8.clone();
    notUtf8Child[PREFIX.length() + 3] = (byte) 0xC3;
    addBase64("not-utf8", notUtf8Child);

    // A log writer that does not validate put raw bytes that are not UTF-8 into the JSON string.
    byte[] rawInString = {(byte) 0xE9, '-', (byte) 0xC3};
    add(
        "not-utf8-in-string",
        concat(bytes("\"body\":\"" + PREFIX.replace("\"", "\\\"")), rawInString, bytes("\"")),
        concat(bytes(PREFIX), rawInString));
    addString("lone-surrogate", PREFIX + "\uD83D alone" + SUFFIX);
    addString("lone-surrogate", PREFIX + "\uD83D alone, and \uDC00 too" + SUFFIX);
    addString("empty", "");

    String huge = hugeBody();
    addString("huge", huge);
    addString("huge", huge);
    addString("huge", huge.replace("cch=12345;", "cch=67890;").replace("]}", ",\"next\"]}"));

    add(
        "metadata",
        "\"referer\":\"\\ud83d\",\"seq\":5,\"delta\":\"x\",\"body_len\":3,\"raw_fields\":[1],"
            + "\"schema_version\":\"1\",\"note\":\"a\\udc00b\",\"ts2\":1.500e+3,\"body\":"
            + JsonText.quote("{}"),
        bytes("{}"));

    input = temp.resolve("edge.jsonl");
    Files.write(input, concat(lines.toArray(byte[][]::new)));
    v2 = Cli.run("encode", "-q", input.toString()).expectExit(0).stdout();
    records = new ArrayList<>();
    for (byte[] line : JsonValues.lines(v2)) {
      JsonValues.assertPlainV2Line(line);
      records.add(MAPPER.readTree(line));
    }
  }

  @Test
  void decodeGivesTheInputBack() {
    Cli.Result decoded = Cli.runWithInput(v2, "decode").expectExit(0);

    BodyBytes.assertSame(decoded.stdout(), concat(lines.toArray(byte[][]::new)), "decoded log");
  }

  @Test
  void reconstructGivesEveryBody() {
    assertThat(records).hasSize(bodies.size());
    for (int i = 0; i < records.size(); i++) {
      JsonNode record = records.get(i);
      Cli.Result result =
          Cli.runWithInput(
                  v2,
                  "reconstruct",
                  "--session",
                  record.get("session_key").asText(),
                  "--n",
                  record.get("seq").asText())
              .expectExit(0);
      BodyBytes.assertSame(
          result.stdout(), bodies.get(i), "record %d (%s)", i + 1, record.get("user_agent"));
    }
  }

  @Test
  void jqRecipeGivesEveryBody() throws Exception {
    Path v2File = Files.write(temp.resolve("edge.v2.jsonl"), v2);
    Path recipe = Jq.writeRecipe(temp.resolve("rebuild.jq"));

    List<Jq.Rebuilt> rebuilt = Jq.rebuildAll(recipe, v2File, temp);

    assertThat(rebuilt).hasSize(bodies.size());
    for (int i = 0; i < rebuilt.size(); i++) {
      boolean latin1 = isLatin1(records.get(i));
      BodyBytes.assertSame(
          Jq.toBytes(rebuilt.get(i).text(), latin1), bodies.get(i), "jq, record %d", i + 1);
    }
  }

  @Test
  void notUtf8AndLoneSurrogateBodiesAreLatin1() {
    for (int i = 0; i < records.size(); i++) {
      String userAgent = records.get(i).get("user_agent").asText();
      boolean expected =
          userAgent.equals("not-utf8")
              || userAgent.equals("not-utf8-in-string")
              || userAgent.equals("lone-surrogate");
      assertThat(isLatin1(records.get(i)))
          .as("record %d (%s)", i + 1, userAgent)
          .isEqualTo(expected);
    }
  }

  @Test
  void loneSurrogateBodyIsStoredAsWtf8() {
    int first = indexOf("lone-surrogate");
    byte[] wtf8 = {(byte) 0xED, (byte) 0xA0, (byte) 0xBD};

    assertThat(bodies.get(first)).containsSequence(wtf8);
    assertThat(records.get(first).get("delta").asText()).contains("\u00ed\u00a0\u00bd alone");
  }

  @Test
  void childDeltasStopAtCharacterBoundaries() {
    for (String session : List.of("emoji-prefix", "emoji-suffix", "accent-suffix", "cjk")) {
      JsonNode child = records.get(indexOf(session) + 1);
      assertThat(child.path("parent_seq").asInt()).as("%s parent_seq", session).isEqualTo(1);
      assertThat(child.get("delta").isTextual()).as("%s delta is a string", session).isTrue();
      assertThat(child.get("delta").asText().length())
          .as("%s delta: %s", session, child.get("delta"))
          .isLessThan(60);
    }
  }

  @Test
  void identicalRetryCostsNoText() {
    JsonNode retry = records.get(indexOf("huge") + 1);

    assertThat(retry.get("parent_seq").asInt()).isEqualTo(1);
    assertThat(retry.get("delta").asText()).isEmpty();
    assertThat(retry.get("prefix_len").asLong() + retry.get("suffix_len").asLong())
        .isEqualTo(retry.get("body_len").asLong());
    assertThat(lineLength(indexOf("huge") + 1)).isLessThan(400);
  }

  @Test
  void editNearStartCostsCopiesNotHistory() {
    int edited = indexOf("huge") + 2;
    JsonNode record = records.get(edited);

    assertThat(bodies.get(edited).length).isGreaterThan(500_000);
    assertThat(record.get("parent_seq").asInt()).isIn(1, 2);
    assertThat(record.get("prefix_len").asLong()).isLessThan(100);
    assertThat(record.get("delta").isArray()).as("delta %s", record.get("delta")).isTrue();
    assertThat(lineLength(edited)).isLessThan(600);
  }

  @Test
  void hugeRootKeepsWholeBody() {
    int root = indexOf("huge");

    assertThat(records.get(root).has("parent_seq")).isFalse();
    assertThat(lineLength(root)).isGreaterThan(500_000);
  }

  @Test
  void reservedAndUnwritableMetadataGoToRawFields() {
    JsonNode record = records.get(indexOf("metadata"));
    List<String> rawNames = new ArrayList<>();
    for (JsonNode entry : record.get("raw_fields")) {
      rawNames.add(entry.get(0).asText());
    }

    assertThat(rawNames)
        .containsExactly(
            "referer", "seq", "delta", "body_len", "raw_fields", "schema_version", "note");
    assertThat(new String(JsonValues.lines(v2).get(indexOf("metadata")), StandardCharsets.UTF_8))
        .contains("\"ts2\":1.500e+3,")
        .doesNotContain("\\ud83d")
        .doesNotContain("\\udc00");
  }

  @Test
  void emptyBodyIsARecordOfLengthZero() {
    JsonNode record = records.get(indexOf("empty"));

    assertThat(record.get("body_len").asInt()).isZero();
    assertThat(record.get("delta").asText()).isEmpty();
  }

  private static String hugeBody() {
    Random random = new Random(5);
    String[] words = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"};
    StringBuilder text =
        new StringBuilder("{\"system\":\"cch=12345; you are helpful\",\"messages\":[");
    while (text.length() < 520_000) {
      text.append("\"");
      for (int k = 0; k < 40; k++) {
        text.append(words[random.nextInt(words.length)]).append(random.nextInt(100)).append(' ');
      }
      text.append("\",");
    }
    return text.append("\"last\"]}").toString();
  }

  private static void addString(String userAgent, String body) {
    add(userAgent, "\"body\":" + JsonText.quote(body), Utf8.encodeWtf8(body));
  }

  private static void addBase64(String userAgent, byte[] body) {
    add(userAgent, "\"body_b64\":\"" + Base64.getEncoder().encodeToString(body) + "\"", body);
  }

  /** Adds one compact log line: fixed metadata, the session's User-Agent, then {@code rest}. */
  private static void add(String userAgent, String rest, byte[] body) {
    add(userAgent, bytes(rest), body);
  }

  private static void add(String userAgent, byte[] rest, byte[] body) {
    String metadata =
        "{\"ts\":1700000000."
            + lines.size()
            + ",\"client\":\"10.0.0.1:4000\",\"model\":\"m\",\"user_agent\":"
            + JsonText.quote(userAgent)
            + ",";
    lines.add(concat(bytes(metadata), rest, bytes("}\n")));
    userAgents.add(userAgent);
    bodies.add(body);
  }

  private static int indexOf(String userAgent) {
    int index = userAgents.indexOf(userAgent);
    if (index >= 0) {
      return index;
    }
    throw new AssertionError("no record with user_agent " + userAgent);
  }

  private static int lineLength(int index) {
    return JsonValues.lines(v2).get(index).length;
  }

  private static boolean isLatin1(JsonNode record) {
    return "latin1".equals(record.path("body_encoding").asText());
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
