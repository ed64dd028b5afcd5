package org.sdcap.gen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The 500 KB body is generated here rather than committed, because it would dwarf the sample. */
class HugeBodyTest {

  @Test
  void hugeBodyIsWrittenCorrectlyInEveryFormat() throws IOException {
    GeneratedRequest huge = firstHugeBody();
    byte[] body = huge.body();

    ByteArrayOutputStream v1 = new ByteArrayOutputStream();
    new V1LogWriter(v1).write(huge);
    JsonNode record = new ObjectMapper().readTree(v1.toByteArray());
    assertThat(record.get("body_bytes").asLong()).isEqualTo(body.length);
    assertThat(record.get("body_truncated_bytes").asLong()).isEqualTo(body.length - 3000);

    ByteArrayOutputStream embedded = new ByteArrayOutputStream();
    new FullBodyLogWriter(embedded, FullBodyLogWriter.BodyForm.EMBEDDED).write(huge);
    byte[] line = embedded.toByteArray();
    assertThat(FullBodyLogWriterTest.embeddedBodySpan(line)).isEqualTo(body);

    byte[] http = HttpRequestWriter.format(huge);
    String head = new String(http, 0, http.length - body.length, StandardCharsets.ISO_8859_1);
    assertThat(head).startsWith("POST /v1/chat/completions HTTP/1.1\r\nHost: ");
    assertThat(head).endsWith("Content-Length: " + body.length + "\r\n\r\n");
  }

  private static GeneratedRequest firstHugeBody() {
    GeneratorConfig config = GeneratorConfig.defaults();
    GeneratorConfig.SessionMix hugeOnly =
        new GeneratorConfig.SessionMix(0, 0, 0, 0, 0, 0, 1, false);
    TrafficGenerator generator = new TrafficGenerator(11, config.withMix(hugeOnly));
    for (int i = 0; i < 100; i++) {
      GeneratedRequest request = generator.next();
      if (request.hasTrait(Trait.HUGE_BODY)) {
        assertThat(request.body().length).isGreaterThanOrEqualTo(TrafficGenerator.HUGE_BODY_BYTES);
        return request;
      }
    }
    throw new AssertionError("no huge body in 100 requests");
  }
}
