package org.sdcap.gen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleSetTest {

  private static final Path COMMITTED = Path.of("testdata", "sample");
  private static final long MAX_TOTAL_BYTES = 330_000;

  @Test
  void committedSampleMatchesGenerator(@TempDir Path regenerated) throws IOException {
    SampleSet.write(regenerated);

    List<Path> expected = listFiles(regenerated);
    assertThat(listFiles(COMMITTED).stream().map(COMMITTED::relativize).toList())
        .as("files under %s; regenerate with GenerateMain --sample-set %s", COMMITTED, COMMITTED)
        .isEqualTo(expected.stream().map(regenerated::relativize).toList());
    for (Path file : expected) {
      Path committed = COMMITTED.resolve(regenerated.relativize(file));
      assertThat(Files.readAllBytes(committed))
          .as(committed.toString())
          .isEqualTo(Files.readAllBytes(file));
    }
  }

  @Test
  void sampleShowsEveryTraitButHugeBody() {
    Set<Trait> seen = EnumSet.noneOf(Trait.class);
    for (GeneratedRequest request : SampleSet.requests()) {
      seen.addAll(request.traits());
    }

    Set<Trait> expected = EnumSet.complementOf(EnumSet.of(Trait.HUGE_BODY));
    assertThat(seen).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void committedSampleIsSmall() throws IOException {
    long total = 0;
    for (Path file : listFiles(COMMITTED)) {
      total += Files.size(file);
    }

    assertThat(total).isLessThanOrEqualTo(MAX_TOTAL_BYTES);
  }

  @Test
  void dumpedBodiesShowClientFeatures() throws IOException {
    String bodies = new String(concatenatedDumps(), StandardCharsets.UTF_8);
    List<String> patterns =
        List.of(
            "x-anthropic-billing-header: cc_version=[0-9.]+\\.[0-9a-f]{3}; cc_entrypoint=cli;"
                + " cch=[0-9a-f]{5};",
            "\"user_id\":\"user_[0-9a-f]{64}_account_[0-9a-f-]{36}_session_[0-9a-f-]{36}\"",
            "\"user_id\":\"\\{\\\\\"device_id\\\\\":",
            "\"content\": ?\"\\[cleared\\]\"",
            "data:image/png;base64,iVBORw0KGgo",
            "\"prompt_cache_key\"",
            "\"litellm_session_id\"",
            "Current date and time: ",
            "\"tool_calls\"",
            "\"tool_result\"",
            "[\\x{1F300}-\\x{1FAFF}]|\\\\ud83[c-e]",
            "[\\x{4E00}-\\x{9FFF}]|\\\\u[4-9][0-9a-f]{3}",
            "[àáâäçèéêëíñóöúüß]|\\\\u00[c-f][0-9a-f]");

    for (String pattern : patterns) {
      assertThat(Pattern.compile(pattern).matcher(bodies).find()).as(pattern).isTrue();
    }
  }

  @Test
  void dumpsContainAnIdenticalRetry() throws IOException {
    Map<String, Integer> counts = new HashMap<>();
    for (Path file : listFiles(COMMITTED.resolve(SampleSet.DUMPS_DIRECTORY))) {
      counts.merge(
          new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1), 1, Integer::sum);
    }

    assertThat(counts.values()).anyMatch(count -> count >= 2);
  }

  @Test
  void v1SampleShowsStatusesAndOversizeFlag() throws IOException {
    String v1 = Files.readString(COMMITTED.resolve(SampleSet.V1_FILE));

    assertThat(v1)
        .contains("\"status\": 400,")
        .contains("\"status\": 429,")
        .contains("\"status\": 500,")
        .contains("\"status\": 413,")
        .contains("\"oversize_rejected\": true}")
        .contains("\"path\": \"/v1/embeddings\"")
        .contains("\"path\": \"/v1/models\"")
        .contains("\"path\": \"/v1/messages\"")
        .contains("\"x_forwarded_for\": \"")
        .contains("\"referer\": \"https://");
  }

  @Test
  void fullSamplesHoldBase64AndBothBodyForms() throws IOException {
    String full = Files.readString(COMMITTED.resolve(SampleSet.FULL_FILE));
    String embedded = Files.readString(COMMITTED.resolve(SampleSet.EMBEDDED_FILE));

    assertThat(full).contains("\"body_b64\": \"").contains("\"body\": \"{");
    assertThat(embedded).contains("\"body_b64\": \"").contains("\"body\": {\"");
    assertThat(embedded).as("an indented body falls back to a string").contains("\"body\": \"{\\n");
  }

  private static byte[] concatenatedDumps() throws IOException {
    List<byte[]> parts = new ArrayList<>();
    int total = 0;
    for (Path file : listFiles(COMMITTED.resolve(SampleSet.DUMPS_DIRECTORY))) {
      byte[] body = Files.readAllBytes(file);
      parts.add(body);
      total += body.length + 1;
    }
    byte[] all = new byte[total];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
      all[at++] = '\n';
    }
    return all;
  }

  private static List<Path> listFiles(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
