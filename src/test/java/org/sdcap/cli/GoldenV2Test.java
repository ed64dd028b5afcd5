package org.sdcap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Encoding each committed sample must give exactly the committed v2 in {@code testdata/expected}:
 * any change to what encode writes shows up here, and must be deliberate.
 */
class GoldenV2Test {

  static final String REGENERATE =
      "If the change is intended, regenerate the expected files (see testdata/README.md):\n"
          + "  mvn -q package -DskipTests\n"
          + "  for f in v1 full full-embedded; do\n"
          + "    bin/sdcap encode -q testdata/sample/$f.jsonl > testdata/expected/$f.v2.jsonl\n"
          + "  done\n"
          + "  bin/sdcap encode -q testdata/sample/dumps > testdata/expected/dumps.v2.jsonl";

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "testdata/sample/v1.jsonl, testdata/expected/v1.v2.jsonl",
    "testdata/sample/full.jsonl, testdata/expected/full.v2.jsonl",
    "testdata/sample/full-embedded.jsonl, testdata/expected/full-embedded.v2.jsonl",
    "testdata/sample/dumps, testdata/expected/dumps.v2.jsonl"
  })
  void sampleEncodesToCommittedV2(String sample, String expectedFile) throws Exception {
    byte[] expected = Files.readAllBytes(Path.of(expectedFile));

    byte[] actual = Cli.run("encode", "-q", sample).expectExit(0).stdout();

    List<byte[]> expectedLines = JsonValues.lines(expected);
    List<byte[]> actualLines = JsonValues.lines(actual);
    for (int i = 0; i < Math.min(expectedLines.size(), actualLines.size()); i++) {
      String expectedLine = new String(expectedLines.get(i), StandardCharsets.UTF_8);
      String actualLine = new String(actualLines.get(i), StandardCharsets.UTF_8);
      int at = firstDifference(expectedLine, actualLine);
      assertThat(actualLine)
          .withFailMessage(
              "line %d of encoding %s differs from %s at character %d%n expected: …%s…%n"
                  + " actual:   …%s…%n%s",
              i + 1,
              sample,
              expectedFile,
              at,
              around(expectedLine, at),
              around(actualLine, at),
              REGENERATE)
          .isEqualTo(expectedLine);
    }
    assertThat(actual)
        .withFailMessage(
            "encoding %s gave %d lines (%d bytes), %s has %d lines (%d bytes)%n%s",
            sample,
            actualLines.size(),
            actual.length,
            expectedFile,
            expectedLines.size(),
            expected.length,
            REGENERATE)
        .isEqualTo(expected);
  }

  private static int firstDifference(String a, String b) {
    int i = 0;
    while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return i;
  }

  private static String around(String line, int at) {
    return line.substring(Math.max(0, at - 60), Math.min(line.length(), at + 60));
  }
}
