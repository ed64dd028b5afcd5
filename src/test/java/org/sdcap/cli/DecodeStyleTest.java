package org.sdcap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DecodeStyleTest {

  @ParameterizedTest
  @CsvSource({
    "testdata/sample/full.jsonl, full, python",
    "testdata/sample/full-embedded.jsonl, full, python",
    "testdata/sample/full-embedded.jsonl, full, python-utf8",
    "testdata/sample/v1.jsonl, v1, python",
  })
  void pythonWrittenLogsComeBackByteForByte(String input, String shape, String style)
      throws Exception {
    byte[] original = Files.readAllBytes(Path.of(input));
    Cli.Result encoded = Cli.run("encode", "-q", input).expectExit(0);

    Cli.Result decoded =
        Cli.runWithInput(encoded.stdout(), "decode", "--to", shape, "--json-style", style)
            .expectExit(0);

    assertThat(decoded.stdout()).isEqualTo(original);
  }

  @ParameterizedTest
  @CsvSource({"compact", "python", "python-utf8"})
  void everyStyleDecodesTheSameValues(String style) throws Exception {
    Cli.Result encoded = Cli.run("encode", "-q", "testdata/sample/full.jsonl").expectExit(0);
    Cli.Result compact = Cli.runWithInput(encoded.stdout(), "decode").expectExit(0);

    Cli.Result styled =
        Cli.runWithInput(encoded.stdout(), "decode", "--json-style", style).expectExit(0);

    com.fasterxml.jackson.databind.ObjectMapper json =
        new com.fasterxml.jackson.databind.ObjectMapper();
    String[] expected = compact.out().split("\n");
    String[] actual = styled.out().split("\n");
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.length; i++) {
      assertThat(json.readTree(actual[i]))
          .as("line %d", i + 1)
          .isEqualTo(json.readTree(expected[i]));
    }
  }
}
