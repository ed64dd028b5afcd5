package org.sdcap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The jq program of {@code sdcap jq-recipe}, run by the real jq binary, rebuilds every body of
 * every sample exactly as {@code sdcap reconstruct} does. The committed v2 of each sample is used,
 * which {@link GoldenV2Test} keeps equal to what encode writes.
 */
class JqRecipeSampleTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path temp;

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "testdata/expected/v1.v2.jsonl",
        "testdata/expected/full.v2.jsonl",
        "testdata/expected/full-embedded.v2.jsonl",
        "testdata/expected/dumps.v2.jsonl"
      })
  void recipeRebuildsEveryBody(String file) throws Exception {
    Path v2 = Path.of(file);
    Path recipe = Jq.writeRecipe(temp.resolve("rebuild.jq"));
    List<JsonNode> records = recordsWithBody(v2);

    List<Jq.Rebuilt> rebuilt = Jq.rebuildAll(recipe, v2, temp);

    assertThat(rebuilt).hasSize(records.size());
    for (int i = 0; i < records.size(); i++) {
      JsonNode record = records.get(i);
      Jq.Rebuilt body = rebuilt.get(i);
      String key = record.get("session_key").asText();
      long seq = record.get("seq").asLong();
      assertThat(body.sessionKey() + " " + body.seq()).isEqualTo(key + " " + seq);
      BodyBytes.assertSame(
          Jq.toBytes(body.text(), isLatin1(record)),
          reconstruct(v2, key, seq),
          "%s: session %s seq %d",
          file,
          key,
          seq);
    }
  }

  /**
   * The documented command line, {@code jq -n -j --arg s KEY --argjson n N -f rebuild.jq v2}, on
   * the records whose bytes are not UTF-8 and the last record of the file.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "testdata/expected/v1.v2.jsonl",
        "testdata/expected/full.v2.jsonl",
        "testdata/expected/full-embedded.v2.jsonl",
        "testdata/expected/dumps.v2.jsonl"
      })
  void documentedCommandRebuildsBody(String file) throws Exception {
    Path v2 = Path.of(file);
    Path recipe = Jq.writeRecipe(temp.resolve("rebuild.jq"));
    List<JsonNode> records = recordsWithBody(v2);
    List<JsonNode> chosen = new ArrayList<>();
    for (JsonNode record : records) {
      if (isLatin1(record)) {
        chosen.add(record);
      }
    }
    chosen.add(records.get(records.size() - 1));

    for (JsonNode record : chosen) {
      String key = record.get("session_key").asText();
      long seq = record.get("seq").asLong();

      byte[] fromJq = Jq.rebuild(recipe, v2, key, seq, isLatin1(record));

      BodyBytes.assertSame(
          fromJq, reconstruct(v2, key, seq), "%s: session %s seq %d", file, key, seq);
    }
  }

  private static List<JsonNode> recordsWithBody(Path v2) throws Exception {
    List<JsonNode> records = new ArrayList<>();
    for (byte[] line : JsonValues.lines(Files.readAllBytes(v2))) {
      JsonNode record = MAPPER.readTree(line);
      if (record.has("delta")) {
        records.add(record);
      }
    }
    assertThat(records).as("records with a body in %s", v2).isNotEmpty();
    return records;
  }

  private static boolean isLatin1(JsonNode record) {
    return "latin1".equals(record.path("body_encoding").asText());
  }

  private static byte[] reconstruct(Path v2, String key, long seq) {
    return Cli.run(
            "reconstruct",
            "--session",
            key,
            "--n",
            Long.toString(seq),
            "--allow-partial",
            v2.toString())
        .expectExit(0)
        .stdout();
  }
}
