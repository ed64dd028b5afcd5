package org.sdcap.pcap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdcap.encode.EncodeOptions;
import org.sdcap.encode.Encoder;
import org.sdcap.gen.FullBodyLogWriter;
import org.sdcap.gen.GeneratedRequest;
import org.sdcap.gen.GeneratorConfig;
import org.sdcap.gen.HttpRequestWriter;
import org.sdcap.gen.TrafficGenerator;
import org.sdcap.input.Diagnostics;
import org.sdcap.input.InputOpener;
import org.sdcap.input.InputOptions;
import org.sdcap.input.RecordSource;
import org.sdcap.input.SourcePosition;
import org.sdcap.session.KeyComponent;
import org.sdcap.session.SessionFieldNames;
import org.sdcap.session.SessionKeyer;
import org.sdcap.v2.V2Writer;

/**
 * The same generated traffic, once as a full-body log and once as a packet capture, must encode to
 * the same sessions, parents, deltas and body hashes. Only members that one input kind alone has
 * (its metadata, the body's form) may differ.
 */
class CaptureEquivalenceTest {

  /** v2 members that depend only on the bodies and the session key, not on the input kind. */
  private static final String[] SHARED_MEMBERS = {
    "session_key",
    "seq",
    "parent_seq",
    "body_len",
    "body_sha256",
    "body_encoding",
    "prefix_len",
    "suffix_len",
    "delta"
  };

  private static final String SERVER = "10.99.0.1";
  private static final int SERVER_PORT = 8000;

  @TempDir Path temp;

  @Test
  void captureEncodesLikeTheFullBodyLog() throws Exception {
    List<GeneratedRequest> requests = new ArrayList<>();
    Iterator<GeneratedRequest> generator = new TrafficGenerator(18, GeneratorConfig.sample());
    while (requests.size() < 120) {
      requests.add(generator.next());
    }

    Path log = temp.resolve("traffic.jsonl");
    try (FullBodyLogWriter writer =
        new FullBodyLogWriter(Files.newOutputStream(log), FullBodyLogWriter.BodyForm.STRING)) {
      for (GeneratedRequest request : requests) {
        writer.write(request);
      }
    }
    Path capture = temp.resolve("traffic.pcap");
    Files.write(capture, capture(requests));

    List<JsonNode> fromLog = encode(log);
    List<JsonNode> fromCapture = encode(capture);

    assertThat(fromCapture).hasSameSizeAs(fromLog);
    for (int i = 0; i < fromLog.size(); i++) {
      if (fromLog.get(i).path("body_len").asInt(-1) == 0 && !fromCapture.get(i).has("delta")) {
        // The log writes "body": "" for a request without a body; the capture has no body at all.
        assertThat(requests.get(i).body()).as("record %d", i + 1).isEmpty();
        assertThat(fromCapture.get(i).get("seq")).isEqualTo(fromLog.get(i).get("seq"));
        continue;
      }
      for (String member : SHARED_MEMBERS) {
        assertThat(fromCapture.get(i).get(member))
            .as(
                "record %d (%s %s), member %s",
                i + 1, requests.get(i).method(), requests.get(i).path(), member)
            .isEqualTo(fromLog.get(i).get(member));
      }
    }
  }

  /**
   * Writes each request on its own connection from the request's client address, with a response
   * carrying the request's status, at the request's time.
   */
  private static byte[] capture(List<GeneratedRequest> requests) {
    PcapBuilder pcap = new PcapBuilder(1);
    for (int i = 0; i < requests.size(); i++) {
      GeneratedRequest request = requests.get(i);
      TestFlow flow =
          new TestFlow(request.clientIp(), 20000 + i, SERVER, SERVER_PORT)
              .open()
              .client(HttpRequestWriter.format(request), 1448)
              .server("HTTP/1.1 " + request.status() + " X\r\nContent-Length: 2\r\n\r\n{}")
              .close();
      long nanos = request.timestampMicros() * 1000;
      for (TestFlow.Segment segment : flow.segments()) {
        // Every packet at the request's time, so the record's ts matches the log's.
        pcap.add(nanos, FrameBuilder.ethernet(segment.ipPacket()));
      }
    }
    return pcap.build();
  }

  private static List<JsonNode> encode(Path input) throws Exception {
    SessionKeyer keyer =
        new SessionKeyer(
            List.of(KeyComponent.IP, KeyComponent.MODEL, KeyComponent.USER_AGENT),
            SessionFieldNames.defaults());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Encoder encoder =
        new Encoder(
            new EncodeOptions(keyer, "ts", 3600, 64 << 20, EncodeOptions.DEFAULT_MAX_DEPTH, 0),
            new V2Writer(out, 0));
    Diagnostics failOnDamage =
        new Diagnostics() {
          @Override
          public void damaged(SourcePosition where, String message) {
            throw new AssertionError(where + ": " + message);
          }

          @Override
          public void warning(SourcePosition where, String message) {
            throw new AssertionError(where + ": " + message);
          }
        };
    try (RecordSource source =
        InputOpener.open(List.of(input.toString()), InputOptions.defaults(), failOnDamage)) {
      encoder.encodeAll(source);
    }
    List<JsonNode> lines = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
      lines.add(json.readTree(line));
    }
    return lines;
  }
}
