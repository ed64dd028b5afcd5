package org.sdcap.gen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimestampsTest {

  // Expected values are CPython's repr(float(TEXT)) for the microsecond decimal TEXT.
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "1755871504381842, 1755871504.381842",
    "1755871504000001, 1755871504.000001",
    "1755871504100000, 1755871504.1",
    "1755871504000000, 1755871504.0",
    "1767258000999999, 1767258000.999999",
  })
  void pythonFloatSecondsMatchesRepr(long micros, String expected) {
    assertThat(Timestamps.pythonFloatSeconds(micros)).isEqualTo(expected);
  }

  @Test
  void humanTimeUsesEnglishNamesInUtc() {
    assertThat(Timestamps.human(GeneratorConfig.DEFAULT_START_EPOCH_MICROS + 13_000_000))
        .isEqualTo("Monday, January 12, 2026 at 09:00:13 UTC");
  }
}
