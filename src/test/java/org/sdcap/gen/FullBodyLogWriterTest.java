package org.sdcap.gen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class FullBodyLogWriterTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory FACTORY = new JsonFactory();

  @Test
  void embeddedBodiesAreExactBytesOfGeneratedStream() throws IOException {
    List<GeneratedRequest> requests = generate(GeneratorConfig.defaults(), 300);
    byte[] log = write(requests, FullBodyLogWriter.BodyForm.EMBEDDED);

    List<byte[]> lines = splitLines(log);
    assertThat(lines).hasSize(requests.size());
    int embedded = 0;
    for (int i = 0; i < lines.size(); i++) {
      byte[] body = requests.get(i).body();
      byte[] span = embeddedBodySpan(lines.get(i));
      if (span != null) {
        embedded++;
        assertThat(span).as("line %d", i + 1).isEqualTo(body);
      } else {
        assertThat(bodyFromStringOrBase64(lines.get(i))).as("line %d", i + 1).isEqualTo(body);
      }
    }
    assertThat(embedded).isGreaterThan(requests.size() / 2);
  }

  @Test
  void stringBodiesDecodeToBodyBytes() throws IOException {
    List<GeneratedRequest> requests = generate(GeneratorConfig.sample(), 200);
    byte[] log = write(requests, FullBodyLogWriter.BodyForm.STRING);

    List<byte[]> lines = splitLines(log);
    for (int i = 0; i < lines.size(); i++) {
      assertThat(bodyFromStringOrBase64(lines.get(i)))
          .as("line %d", i + 1)
          .isEqualTo(requests.get(i).body());
    }
  }

  @Test
  void indentedBodyFallsBackToString() throws IOException {
    byte[] body = "{\n  \"model\": \"m\"\n}".getBytes(StandardCharsets.UTF_8);

    JsonNode record = writeRecord(Requests.withBody(body), FullBodyLogWriter.BodyForm.EMBEDDED);

    assertThat(record.get("body").isTextual()).isTrue();
    assertThat(record.get("body").asText()).isEqualTo("{\n  \"model\": \"m\"\n}");
  }

  @Test
  void nonUtf8BodyGoesToBodyB64() throws IOException {
    byte[] body = "{\"q\":\"Café\"}".getBytes(StandardCharsets.ISO_8859_1);

    JsonNode record = writeRecord(Requests.withBody(body), FullBodyLogWriter.BodyForm.EMBEDDED);

    assertThat(record.has("body")).isFalse();
    assertThat(Base64.getDecoder().decode(record.get("body_b64").asText())).isEqualTo(body);
  }

  @Test
  void embeddableRejectsWhatWouldChangeTheLine() {
    assertThat(FullBodyLogWriter.isEmbeddable(bytes("{\"a\":1}"))).isTrue();
    assertThat(FullBodyLogWriter.isEmbeddable(bytes("[1,2]"))).isTrue();
    assertThat(FullBodyLogWriter.isEmbeddable(bytes(""))).isFalse();
    assertThat(FullBodyLogWriter.isEmbeddable(bytes(" {\"a\":1}"))).isFalse();
    assertThat(FullBodyLogWriter.isEmbeddable(bytes("{\"a\":1} "))).isFalse();
    assertThat(FullBodyLogWriter.isEmbeddable(bytes("{\"a\":1}{}"))).isFalse();
    assertThat(FullBodyLogWriter.isEmbeddable(bytes("{\"a\":1"))).isFalse();
    assertThat(FullBodyLogWriter.isEmbeddable(bytes("{\"a\":\r1}"))).isFalse();
    assertThat(FullBodyLogWriter.isEmbeddable(bytes("\ufeff{}"))).isFalse();
    assertThat(FullBodyLogWriter.isEmbeddable(bytes("model=gpt"))).isFalse();
  }

  static List<GeneratedRequest> generate(GeneratorConfig config, int count) {
    TrafficGenerator generator = new TrafficGenerator(7, config);
    List<GeneratedRequest> requests = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      requests.add(generator.next());
    }
    return requests;
  }

  /** Returns the exact text of an embedded (non-string) {@code body} member, or null. */
  static byte[] embeddedBodySpan(byte[] line) throws IOException {
    try (JsonParser parser = FACTORY.createParser(line)) {
      parser.nextToken();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (name.equals("body") && value != JsonToken.VALUE_STRING) {
          int start = (int) parser.currentTokenLocation().getByteOffset();
          parser.skipChildren();
          int end = (int) parser.currentLocation().getByteOffset();
          return Arrays.copyOfRange(line, start, end);
        }
        parser.skipChildren();
      }
      return null;
    }
  }

  static byte[] bodyFromStringOrBase64(byte[] line) throws IOException {
    JsonNode record = MAPPER.readTree(line);
    if (record.has("body_b64")) {
      return Base64.getDecoder().decode(record.get("body_b64").asText());
    }
    return record.get("body").asText().getBytes(StandardCharsets.UTF_8);
  }

  static List<byte[]> splitLines(byte[] log) {
    List<byte[]> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < log.length; i++) {
      if (log[i] == '\n') {
        lines.add(Arrays.copyOfRange(log, start, i));
        start = i + 1;
      }
    }
    assertThat(start).as("the log ends with a newline").isEqualTo(log.length);
    return lines;
  }

  private static byte[] write(List<GeneratedRequest> requests, FullBodyLogWriter.BodyForm form)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (FullBodyLogWriter writer = new FullBodyLogWriter(out, form)) {
      for (GeneratedRequest request : requests) {
        writer.write(request);
      }
      assertThat(writer.bytesWritten()).isEqualTo(out.size());
    }
    return out.toByteArray();
  }

  private static JsonNode writeRecord(GeneratedRequest request, FullBodyLogWriter.BodyForm form)
      throws IOException {
    return MAPPER.readTree(write(List.of(request), form));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
