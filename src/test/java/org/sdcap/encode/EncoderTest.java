package org.sdcap.encode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sdcap.input.BodyForm;
import org.sdcap.input.Field;
import org.sdcap.input.InputRecord;
import org.sdcap.input.RequestBody;
import org.sdcap.input.SourcePosition;
import org.sdcap.session.SessionFieldNames;
import org.sdcap.session.SessionKeyer;
import org.sdcap.v2.V2Writer;

class EncoderTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SessionKeyer keyer =
      new SessionKeyer(SessionKeyer.defaultComponents(), SessionFieldNames.defaults());

  @Test
  void interleavedConversationsFindOwnParents() throws Exception {
    // Five conversations behind one client and User-Agent, taking turns.
    List<StringBuilder> histories = new ArrayList<>();
    for (int c = 0; c < 5; c++) {
      histories.add(
          new StringBuilder(
              "{\"messages\":[{\"role\":\"user\",\"content\":\"conversation "
                  + c
                  + " "
                  + "x".repeat(600)
                  + "\"}"));
    }
    List<byte[]> bodies = new ArrayList<>();
    List<Integer> conversationOf = new ArrayList<>();
    for (int turn = 0; turn < 6; turn++) {
      for (int c = 0; c < 5; c++) {
        histories
            .get(c)
            .append(",{\"role\":\"assistant\",\"content\":\"turn ")
            .append(turn)
            .append(" of ")
            .append(c)
            .append(" ")
            .append("y".repeat(300))
            .append("\"}");
        bodies.add((histories.get(c) + "],\"tools\":[]}").getBytes(StandardCharsets.UTF_8));
        conversationOf.add(c);
      }
    }

    List<JsonNode> lines = encode(options(1 << 26, 64, 3600), records(bodies, 1.0));

    for (int i = 0; i < lines.size(); i++) {
      JsonNode line = lines.get(i);
      if (i < 5) {
        // A first turn may borrow the shared system text from another conversation's first turn.
        continue;
      }
      int parentIndex = line.get("parent_seq").asInt() - 1;
      assertThat(conversationOf.get(parentIndex))
          .as("record %d's parent is in its own conversation", i + 1)
          .isEqualTo(conversationOf.get(i));
      assertThat(parentIndex).as("record %d's parent is the previous turn", i + 1).isEqualTo(i - 5);
    }
  }

  @Test
  void billingLineSubAgentsFindOwnParents() throws Exception {
    // Three conversations of one session; every request starts with a new billing checksum, so
    // all bodies share only a few bytes of prefix.
    String system = "You are a helpful agent. " + "Follow the rules. ".repeat(100);
    List<StringBuilder> histories = new ArrayList<>();
    for (int c = 0; c < 3; c++) {
      histories.add(new StringBuilder());
    }
    List<byte[]> bodies = new ArrayList<>();
    List<Integer> conversationOf = new ArrayList<>();
    java.util.Random random = new java.util.Random(5);
    for (int turn = 0; turn < 8; turn++) {
      for (int c = 0; c < 3; c++) {
        histories
            .get(c)
            .append("{\"role\":\"user\",\"content\":\"agent ")
            .append(c)
            .append(" step ")
            .append(turn)
            .append(' ')
            .append(Long.toHexString(random.nextLong()).repeat(40))
            .append("\"},");
        String body =
            "{\"system\":\"x-anthropic-billing-header: cch="
                + Integer.toHexString(random.nextInt())
                + "; "
                + system
                + "\",\"messages\":["
                + histories.get(c)
                + "{}]}";
        bodies.add(body.getBytes(StandardCharsets.UTF_8));
        conversationOf.add(c);
      }
    }

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Encoder encoder = new Encoder(options(1 << 26, 64, 3600), new V2Writer(out, 0));
    for (InputRecord record : records(bodies, 1.0)) {
      encoder.encode(record);
    }
    encoder.finish();
    String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");

    for (int i = 3; i < lines.length; i++) {
      JsonNode line = JSON.readTree(lines[i]);
      int parentIndex = line.get("parent_seq").asInt() - 1;
      assertThat(conversationOf.get(parentIndex))
          .as("record %d's parent is in its own conversation", i + 1)
          .isEqualTo(conversationOf.get(i));
      assertThat(lines[i].length())
          .as("record %d stores its new turn, not the history", i + 1)
          .isLessThan(1400);
    }
  }

  @Test
  void billingLineChangeCostsFewBytes() throws Exception {
    String history = "{\"role\":\"user\",\"content\":\"a long history line\"},".repeat(3000);
    List<byte[]> bodies =
        List.of(
            ("{\"system\":\"x-anthropic-billing-header: cch=1a2b3c;\",\"messages\":["
                    + history
                    + "]}")
                .getBytes(StandardCharsets.UTF_8),
            ("{\"system\":\"x-anthropic-billing-header: cch=9f8e7d;\",\"messages\":["
                    + history
                    + "{\"role\":\"user\",\"content\":\"next\"}]}")
                .getBytes(StandardCharsets.UTF_8));

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Encoder encoder = new Encoder(options(1 << 26, 64, 3600), new V2Writer(out, 0));
    for (InputRecord record : records(bodies, 1.0)) {
      encoder.encode(record);
    }
    encoder.finish();
    String second = out.toString(StandardCharsets.UTF_8).split("\n")[1];

    assertThat(second.length()).isLessThan(600);
    assertThat(JSON.readTree(second).get("parent_seq").asInt()).isEqualTo(1);
  }

  @Test
  void idleLongerThanTtlStartsARoot() throws Exception {
    byte[] body =
        "{\"messages\":[\"same body repeated\"]}".repeat(20).getBytes(StandardCharsets.UTF_8);
    List<InputRecord> records = new ArrayList<>();
    double[] times = {100, 150, 5000, 5010};
    for (int i = 0; i < times.length; i++) {
      records.add(record(i, times[i], body));
    }

    List<JsonNode> lines = encode(options(1 << 26, 64, 600), records);

    assertThat(lines.get(1).get("parent_seq").asInt()).isEqualTo(1);
    assertThat(lines.get(2).has("parent_seq")).as("after 4850 s idle with a 600 s TTL").isFalse();
    assertThat(lines.get(3).get("parent_seq").asInt()).isEqualTo(3);
  }

  @Test
  void timestampsParseAsNumbersOrIso8601() {
    assertThat(Encoder.timestampOf(withTs(Field.ofNumberText("ts", "1700000000.25")), "ts"))
        .isEqualTo(1700000000.25);
    assertThat(Encoder.timestampOf(withTs(Field.ofString("ts", "1700000000")), "ts"))
        .isEqualTo(1700000000.0);
    assertThat(Encoder.timestampOf(withTs(Field.ofString("ts", "2023-11-14T22:13:20.5Z")), "ts"))
        .isEqualTo(1700000000.5);
    assertThat(Encoder.timestampOf(withTs(Field.ofString("ts", "2023-11-15T00:13:20+02:00")), "ts"))
        .isEqualTo(1700000000.0);
    assertThat(Encoder.timestampOf(withTs(Field.ofString("ts", "yesterday")), "ts")).isNaN();
  }

  private static InputRecord withTs(Field ts) {
    return new InputRecord(SourcePosition.ofLine("t", 1), List.of(ts), null);
  }

  @Test
  void chainsStopAtMaxDepth() throws Exception {
    List<byte[]> bodies = new ArrayList<>();
    StringBuilder history = new StringBuilder("{\"messages\":[");
    for (int i = 0; i < 10; i++) {
      history.append("\"turn ").append(i).append(' ').append("z".repeat(200)).append("\",");
      bodies.add(history.toString().getBytes(StandardCharsets.UTF_8));
    }

    List<JsonNode> lines = encode(options(1 << 26, 3, 3600), records(bodies, 1.0));

    List<Integer> roots = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).has("parent_seq")) {
        roots.add(i + 1);
      }
    }
    assertThat(roots).containsExactly(1, 5, 9);
  }

  @Test
  void evictedParentsLeadToRoots() throws Exception {
    // Two sessions whose bodies do not both fit in the cache: each record evicts the other's body.
    List<InputRecord> records = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      byte[] body =
          ("{\"who\":" + (i % 2) + ",\"pad\":\"" + "p".repeat(5000) + i / 2 + "\"}")
              .getBytes(StandardCharsets.UTF_8);
      records.add(
          new InputRecord(
              SourcePosition.ofLine("t", i + 1),
              List.of(
                  Field.ofNumber("ts", 100 + i),
                  Field.ofString("client", "10.0.0." + (i % 2) + ":1")),
              RequestBody.whole(body, BodyForm.STRING, "body", -1)));
    }

    List<JsonNode> lines = encode(options(7000, 64, 3600), records);

    for (JsonNode line : lines) {
      assertThat(line.has("parent_seq")).as("seq %s", line.get("seq")).isFalse();
    }
  }

  @Test
  void seqContinuesAfterASessionWentDormant() throws Exception {
    // A cache too small for two bodies: session A's body is evicted by B's, so A goes dormant and
    // must continue its numbering when it comes back. GET-like records without bodies too.
    List<InputRecord> records = new ArrayList<>();
    String[] clients = {"10.0.0.1:1", "10.0.0.2:1", "10.0.0.1:1", "10.0.0.3:1", "10.0.0.1:1"};
    for (int i = 0; i < clients.length; i++) {
      byte[] body = ("{\"n\":\"" + "q".repeat(4000) + i + "\"}").getBytes(StandardCharsets.UTF_8);
      records.add(
          new InputRecord(
              SourcePosition.ofLine("t", i + 1),
              List.of(Field.ofNumber("ts", 100 + i), Field.ofString("client", clients[i])),
              i == 3 ? null : RequestBody.whole(body, BodyForm.STRING, "body", -1)));
    }

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Encoder encoder = new Encoder(options(5000, 64, 3600), new V2Writer(out, 0));
    for (InputRecord record : records) {
      encoder.encode(record);
    }
    EncodeStats stats = encoder.finish();
    List<JsonNode> lines = new ArrayList<>();
    for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
      lines.add(JSON.readTree(line));
    }

    assertThat(lines.get(0).get("seq").asInt()).isEqualTo(1);
    assertThat(lines.get(2).get("seq").asInt()).isEqualTo(2);
    assertThat(lines.get(4).get("seq").asInt()).isEqualTo(3);
    assertThat(lines.get(4).get("session_key").asText())
        .isEqualTo(lines.get(0).get("session_key").asText());
    assertThat(stats.sessions()).isEqualTo(3);
  }

  @Test
  void unrelatedBodyIsARoot() throws Exception {
    List<byte[]> bodies =
        List.of(
            "{\"a\":\"first body with its own words\"}".repeat(30).getBytes(StandardCharsets.UTF_8),
            "[\"something else entirely, nothing shared\"]"
                .repeat(30)
                .replace('o', '0')
                .getBytes(StandardCharsets.UTF_8));

    List<JsonNode> lines = encode(options(1 << 26, 64, 3600), records(bodies, 1.0));

    assertThat(lines.get(1).has("parent_seq")).isFalse();
  }

  private EncodeOptions options(long cacheBytes, int maxDepth, double ttl) {
    return new EncodeOptions(keyer, "ts", ttl, cacheBytes, maxDepth, 0);
  }

  private static List<InputRecord> records(List<byte[]> bodies, double step) {
    List<InputRecord> records = new ArrayList<>();
    for (int i = 0; i < bodies.size(); i++) {
      records.add(record(i, 1000 + i * step, bodies.get(i)));
    }
    return records;
  }

  private static InputRecord record(int index, double ts, byte[] body) {
    return new InputRecord(
        SourcePosition.ofLine("t", index + 1),
        List.of(
            Field.ofNumberText("ts", Double.toString(ts)),
            Field.ofString("client", "10.0.0.1:4000"),
            Field.ofString("user_agent", "agent/1.0")),
        RequestBody.whole(body, BodyForm.STRING, "body", -1));
  }

  private static List<JsonNode> encode(EncodeOptions options, List<InputRecord> records)
      throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Encoder encoder = new Encoder(options, new V2Writer(out, 0));
    for (InputRecord record : records) {
      encoder.encode(record);
    }
    encoder.finish();
    List<JsonNode> lines = new ArrayList<>();
    for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
      lines.add(JSON.readTree(line));
    }
    return lines;
  }
}
