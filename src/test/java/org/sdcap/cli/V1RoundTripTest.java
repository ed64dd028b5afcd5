package org.sdcap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** v1 → v2 → v1: {@code decode --to v1} gives back every v1 record as the middleware wrote it. */
class V1RoundTripTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path temp;

  @Test
  void sampleV1LogDecodesToItself() throws Exception {
    Path sample = Path.of("testdata/sample/v1.jsonl");
    List<byte[]> input = JsonValues.lines(Files.readAllBytes(sample));

    byte[] v2 = Cli.run("encode", "-q", sample.toString()).expectExit(0).stdout();
    List<byte[]> decoded =
        JsonValues.lines(Cli.runWithInput(v2, "decode", "--to", "v1").expectExit(0).stdout());

    assertThat(decoded).hasSize(input.size());
    for (int i = 0; i < input.size(); i++) {
      assertThat(JsonValues.canonical(decoded.get(i)))
          .as("line %d", i + 1)
          .isEqualTo(JsonValues.canonical(input.get(i)));
    }
  }

  /**
   * Compact v1 lines, written the way sdcap writes JSON, come back byte for byte; the cases are the
   * shapes a v1 log contains besides ordinary records.
   */
  @Test
  void v1RecordShapesDecodeByteForByte() throws Exception {
    String head = "{\"messages\":\"" + "h".repeat(1486) + "é";
    String tail = "\uFFFD" + "t".repeat(1496) + "\"}";
    List<String> lines =
        List.of(
            // Truncated: body_truncated_bytes > 0, a character cut at the tail boundary (U+FFFD).
            v1Line(
                1.1,
                "\"gpt-4o\"",
                4010,
                1010,
                "\"body_head\":" + quote(head) + ",\"body_tail\":" + quote(tail)),
            // GET /v1/models: no body fields at all.
            "{\"ts\":1.2,\"status\":200,\"path\":\"/v1/models\",\"client\":\"10.0.0.1:4000\","
                + "\"model\":null,\"user_agent\":\"curl/8.5.0\",\"body_bytes\":0}",
            // Rejected with 413, flagged after the body members.
            v1Line(
                    1.3,
                    "\"gpt-4o\"",
                    2,
                    0,
                    "\"body_head\":\"{}\",\"body_tail\":\"\",\"oversize_rejected\":true")
                .replace("\"status\":200", "\"status\":413"),
            // A null model and a whole small body.
            v1Line(1.4, "null", 9, 0, "\"body_head\":\"{\\\"a\\\":1}\",\"body_tail\":\"\""),
            // body_head without body_tail, whole and truncated.
            v1Line(1.5, "\"gpt-4o\"", 5, 0, "\"body_head\":\"hello\""),
            v1Line(1.6, "\"gpt-4o\"", 3100, 100, "\"body_head\":" + quote("x".repeat(1500))),
            // body_tail before body_head: both stay where they were.
            v1Line(1.7, "\"gpt-4o\"", 5, 0, "\"body_tail\":\"\",\"body_head\":\"hello\""),
            // Null head and tail: no body.
            v1Line(1.8, "\"gpt-4o\"", 0, 0, "\"body_head\":null,\"body_tail\":null"));
    Path input = temp.resolve("v1.jsonl");
    Files.writeString(input, String.join("\n", lines) + "\n");

    byte[] v2 = Cli.run("encode", "-q", input.toString()).expectExit(0).stdout();
    Cli.Result decoded = Cli.runWithInput(v2, "decode", "--to", "v1").expectExit(0);

    List<byte[]> out = JsonValues.lines(decoded.stdout());
    assertThat(out).hasSize(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      assertThat(new String(out.get(i), StandardCharsets.UTF_8))
          .as("line %d", i + 1)
          .isEqualTo(lines.get(i));
    }
  }

  @Test
  void truncatedRecordReconstructsAsHeadAndTail() throws Exception {
    String head = "{\"messages\":\"" + "h".repeat(1486) + "é";
    String tail = "\uFFFD" + "t".repeat(1496) + "\"}";
    String line =
        v1Line(
            1.1,
            "\"gpt-4o\"",
            4010,
            1010,
            "\"body_head\":" + quote(head) + ",\"body_tail\":" + quote(tail));
    Path input = temp.resolve("v1.jsonl");
    Files.writeString(input, line + "\n");
    byte[] v2 = Cli.run("encode", "-q", input.toString()).expectExit(0).stdout();
    JsonNode record = MAPPER.readTree(v2);

    Cli.Result result =
        Cli.runWithInput(
                v2,
                "reconstruct",
                "--session",
                record.get("session_key").asText(),
                "--n",
                "1",
                "--allow-partial")
            .expectExit(0);

    assertThat(record.get("body_partial").asBoolean()).isTrue();
    assertThat(result.out()).isEqualTo(head + tail);
    assertThat(result.stderr())
        .isEqualTo(
            "sdcap: wrote a partial body: the capture kept only its head and tail, and 1010 bytes"
                + " between them were never captured\n");
  }

  @Test
  void renamedHeadAndTailFieldsKeepTheirNames() throws Exception {
    String line = "{\"ts\":1,\"client\":\"10.0.0.1:1\",\"h\":\"abc\",\"t\":\"xyz\",\"z\":1}";
    Path input = temp.resolve("renamed.jsonl");
    Files.writeString(input, line + "\n");

    byte[] v2 =
        Cli.run(
                "encode",
                "-q",
                "--field",
                "body_head=h",
                "--field",
                "body_tail=t",
                input.toString())
            .expectExit(0)
            .stdout();

    JsonNode record = MAPPER.readTree(v2);
    assertThat(record.get("body_field").asText()).isEqualTo("h");
    assertThat(record.get("body_tail_field").asText()).isEqualTo("t");
    for (String target : List.of("full", "v1")) {
      Cli.Result decoded = Cli.runWithInput(v2, "decode", "--to", target).expectExit(0);
      assertThat(decoded.out()).as("decode --to %s", target).isEqualTo(line + "\n");
    }
  }

  private static String v1Line(
      double ts, String model, int bodyBytes, int truncatedBytes, String bodyMembers) {
    List<String> members = new ArrayList<>();
    members.add("\"ts\":" + ts);
    members.add("\"status\":200");
    members.add("\"path\":\"/v1/chat/completions\"");
    members.add("\"client\":\"10.0.0.1:4000\"");
    members.add("\"model\":" + model);
    members.add("\"user_agent\":\"OpenAI/Python 1.51.0\"");
    members.add("\"x_forwarded_for\":null");
    members.add("\"body_bytes\":" + bodyBytes);
    members.add("\"body_truncated_bytes\":" + truncatedBytes);
    members.add(bodyMembers);
    return "{" + String.join(",", members) + "}";
  }

  private static String quote(String text) {
    return org.sdcap.json.JsonText.quote(text);
  }
}
