package org.sdcap.encode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.sdcap.input.BodyForm;
import org.sdcap.input.Field;
import org.sdcap.input.InputRecord;
import org.sdcap.input.RequestBody;
import org.sdcap.input.SourcePosition;
import org.sdcap.session.SessionFieldNames;
import org.sdcap.session.SessionKeyer;
import org.sdcap.v2.Decoder;
import org.sdcap.v2.Reconstructor;
import org.sdcap.v2.V2Writer;

class EncodeRoundTripTest {

  private static final String[] SNIPPETS = {
    "{\"role\":\"user\",\"content\":\"fix the bug\"}",
    "{\"role\":\"assistant\",\"content\":\"Done — ça marche 👍\"}",
    "{\"role\":\"tool\",\"content\":\"日本語のテキスト\\n\"}",
    "\"tools\":[{\"name\":\"read_file\",\"parameters\":{\"type\":\"object\"}}]",
    "𝄞 music",
    "plain words of a history line ",
  };

  @TestFactory
  Stream<DynamicTest> everyRecordRebuildsExactly() {
    return LongStream.range(1, 41)
        .mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> checkSeed(seed)));
  }

  private static void checkSeed(long seed) throws Exception {
    Random random = new Random(seed);
    SessionKeyer keyer =
        new SessionKeyer(SessionKeyer.defaultComponents(), SessionFieldNames.defaults());
    long cacheBytes = random.nextBoolean() ? 1 << 20 : 20_000;
    int maxDepth = 1 + random.nextInt(8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Encoder encoder =
        new Encoder(
            new EncodeOptions(keyer, "ts", 3600, cacheBytes, maxDepth, random.nextInt(3) * 10),
            new V2Writer(out, random.nextInt(3) * 10));

    List<String> histories = new ArrayList<>();
    List<String> clients = new ArrayList<>();
    Map<String, Integer> seqByKey = new HashMap<>();
    List<Object[]> expected = new ArrayList<>();
    int records = 20 + random.nextInt(60);
    for (int i = 0; i < records; i++) {
      int conversation = random.nextInt(4);
      while (histories.size() <= conversation) {
        histories.add("{\"model\":\"m\",\"messages\":[");
        clients.add("10.0.0." + (random.nextInt(2) + 1) + ":5000");
      }
      String history = mutate(random, histories.get(conversation));
      histories.set(conversation, history);
      String body =
          random.nextInt(10) == 0 ? "cch=" + random.nextInt(1000) + ";" + history : history;
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      InputRecord record =
          new InputRecord(
              SourcePosition.ofLine("test", i + 1),
              List.of(
                  Field.ofNumberText("ts", "1700000000." + i),
                  Field.ofString("client", clients.get(conversation)),
                  Field.ofString("user_agent", "ua")),
              RequestBody.whole(bytes, BodyForm.STRING, "body", -1));
      String key = keyer.keyOf(record);
      int seq = seqByKey.merge(key, 1, Integer::sum);
      expected.add(new Object[] {key, seq, bytes});
      encoder.encode(record);
    }
    encoder.finish();

    byte[] v2 = out.toByteArray();
    ByteArrayOutputStream decoded = new ByteArrayOutputStream();
    Decoder decoder = new Decoder(decoded, Decoder.Target.FULL, cacheBytes);
    decoder.decode(new ByteArrayInputStream(v2), "v2", 1 << 26);
    decoder.flush();
    String[] lines = decoded.toString(StandardCharsets.UTF_8).split("\n");
    assertThat(lines).hasSize(expected.size());
    for (int i = 0; i < lines.length; i++) {
      JsonNode line = new ObjectMapper().readTree(lines[i]);
      assertThat(line.get("body").asText())
          .as("seed %d line %d", seed, i + 1)
          .isEqualTo(new String((byte[]) expected.get(i)[2], StandardCharsets.UTF_8));
      assertThat(lines[i]).startsWith("{\"ts\":1700000000." + i + ",\"client\":");
    }
    for (Object[] entry : expected) {
      Reconstructor reconstructor =
          new Reconstructor((String) entry[0], (Integer) entry[1], 1 << 26);
      reconstructor.read(new ByteArrayInputStream(v2), "v2");
      byte[] body = reconstructor.finish().body();
      assertThat(new String(body, StandardCharsets.UTF_8))
          .as("seed %d key %s seq %d", seed, entry[0], entry[1])
          .isEqualTo(new String((byte[]) entry[2], StandardCharsets.UTF_8));
    }
  }

  private static String mutate(Random random, String history) {
    StringBuilder next = new StringBuilder(history);
    switch (random.nextInt(5)) {
      case 0 -> next.setLength(Math.max(10, next.length() - random.nextInt(200)));
      case 1 -> {
        int at = random.nextInt(next.length());
        if (at > 0 && Character.isLowSurrogate(next.charAt(at))) {
          at--;
        }
        next.insert(at, "[cleared]");
      }
      default -> {
        int count = 1 + random.nextInt(4);
        for (int k = 0; k < count; k++) {
          next.append(SNIPPETS[random.nextInt(SNIPPETS.length)]).append(',');
        }
      }
    }
    return next.toString();
  }
}
