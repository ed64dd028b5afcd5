package org.sdcap.gen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class V1LogWriterTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String CUT = "\u4e2d"; // three bytes in UTF-8: e4 b8 ad

  @Test
  void smallBodyLineMatchesPythonJsonDumps() throws IOException {
    String line = writeLine(Requests.withBody("{\"a\":\"é😀\"}"));

    // CPython 3.12 json.dumps of the same dict, members in this order.
    assertThat(line)
        .isEqualTo(
            "{\"ts\": 1755871504.381842, \"status\": 200, \"path\": \"/v1/chat/completions\","
                + " \"client\": \"127.0.0.1:51234\", \"model\": \"gpt-4.1\", \"user_agent\":"
                + " \"OpenAI/Python 1.97.1\", \"x_forwarded_for\": \"203.0.113.7\", \"x_real_ip\":"
                + " \"203.0.113.7\", \"x_forwarded_host\": \"llm.example.com\", \"host\":"
                + " \"127.0.0.1:4000\", \"referer\": null, \"auth_prefix\": \"Bearer"
                + " sk-proj-abcdefghi...\", \"body_bytes\": 14, \"body_truncated_bytes\": 0,"
                + " \"body_head\": \"{\\\"a\\\":\\\"\\u00e9\\ud83d\\ude00\\\"}\", \"body_tail\":"
                + " \"\"}\n");
  }

  @Test
  void bodyOf3000BytesIsKeptWhole() throws IOException {
    String body = Requests.filler(3000);

    JsonNode record = writeRecord(Requests.withBody(body));

    assertThat(record.get("body_truncated_bytes").asLong()).isZero();
    assertThat(record.get("body_head").asText()).isEqualTo(body);
    assertThat(record.get("body_tail").asText()).isEmpty();
  }

  @Test
  void bodyOf3001BytesKeeps1500BytesAtEachEnd() throws IOException {
    String body = "h".repeat(1500) + "m" + "t".repeat(1500);

    JsonNode record = writeRecord(Requests.withBody(body));

    assertThat(record.get("body_bytes").asLong()).isEqualTo(3001);
    assertThat(record.get("body_truncated_bytes").asLong()).isEqualTo(1);
    assertThat(record.get("body_head").asText()).isEqualTo("h".repeat(1500));
    assertThat(record.get("body_tail").asText()).isEqualTo("t".repeat(1500));
  }

  @Test
  void headCutGivesOneReplacement() throws IOException {
    // The three-byte character spans bytes 1498..1500, so the head keeps two of its bytes.
    String body = "a".repeat(1498) + CUT + "b".repeat(3000);

    JsonNode record = writeRecord(Requests.withBody(body));

    assertThat(record.get("body_head").asText()).isEqualTo("a".repeat(1498) + "\ufffd");
  }

  @Test
  void tailCutGivesReplacementPerByte() throws IOException {
    // The tail starts one byte into the character, at its two continuation bytes.
    String body = "a".repeat(3000) + CUT + "b".repeat(1498);

    JsonNode record = writeRecord(Requests.withBody(body));

    assertThat(record.get("body_tail").asText()).isEqualTo("\ufffd\ufffd" + "b".repeat(1498));
    assertThat(record.get("body_truncated_bytes").asLong()).isEqualTo(3003 + 1498 - 3000);
  }

  @Test
  void oversizeFlagFollowsBodyTailOnlyFor413() throws IOException {
    String rejected = writeLine(Requests.withBody("{}".getBytes(StandardCharsets.UTF_8), 413));
    String accepted = writeLine(Requests.withBody("{}"));

    assertThat(rejected).endsWith("\"body_tail\": \"\", \"oversize_rejected\": true}\n");
    assertThat(accepted).doesNotContain("oversize_rejected");
  }

  @Test
  void absentAuthorizationIsNull() {
    assertThat(LogRecords.authPrefix(null)).isNull();
    assertThat(LogRecords.authPrefix("Bearer short")).isEqualTo("Bearer short...");
  }

  private static JsonNode writeRecord(GeneratedRequest request) throws IOException {
    return MAPPER.readTree(writeLine(request));
  }

  private static String writeLine(GeneratedRequest request) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (V1LogWriter writer = new V1LogWriter(out)) {
      writer.write(request);
      assertThat(writer.bytesWritten()).isEqualTo(out.size());
    }
    String line = out.toString(StandardCharsets.UTF_8);
    assertThat(line).matches("[\\x20-\\x7e]*\n");
    return line;
  }
}
