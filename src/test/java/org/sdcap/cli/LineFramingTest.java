package org.sdcap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LineFramingTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"a\":1}\r\n{\"a\":2}\r\n",
        "  {\"a\":1}\t \n{\"a\":2}\n",
        "{\"a\":1}\n{\"a\":2}",
        "{\"a\":1}\r\n{\"a\":2}\r",
      })
  void recordLinesComeBackWithTheirFraming(String log) {
    byte[] input = log.getBytes(StandardCharsets.UTF_8);
    Cli.Result encoded = Cli.runWithInput(input, "encode", "-q").expectExit(0);

    Cli.Result decoded = Cli.runWithInput(encoded.stdout(), "decode").expectExit(0);

    assertThat(decoded.out()).isEqualTo(log);
  }
}
