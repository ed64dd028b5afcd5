package org.sdcap.gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class GenerationJobTest {

  @Test
  void byteLimitStopsAfterCrossingRequest() throws IOException {
    ByteArrayOutputStream full = new ByteArrayOutputStream();
    ByteArrayOutputStream v1 = new ByteArrayOutputStream();
    GenerationJob job = new GenerationJob(9, GeneratorConfig.defaults(), 1 << 20, 0);

    GenerationJob.Summary summary;
    try (RequestWriter primary = OutputFormat.FULL.open(full);
        RequestWriter companion = OutputFormat.V1.open(v1)) {
      summary = job.run(primary, List.of(companion));
    }

    assertThat(summary.bytes()).isEqualTo(full.size()).isGreaterThanOrEqualTo(1 << 20);
    assertThat(lineCount(full.toByteArray())).isEqualTo(summary.requests());
    assertThat(lineCount(v1.toByteArray())).isEqualTo(summary.requests());
  }

  @Test
  void requestLimitWritesExactCount() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    GenerationJob job = new GenerationJob(9, GeneratorConfig.sample(), 0, 25);

    try (RequestWriter writer = OutputFormat.V1.open(out)) {
      job.run(writer, List.of());
    }

    assertThat(lineCount(out.toByteArray())).isEqualTo(25);
  }

  @Test
  void jobWithoutLimitIsRejected() {
    assertThatThrownBy(() -> new GenerationJob(1, GeneratorConfig.defaults(), 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a limit is required: maxBytes or maxRequests");
  }

  @Test
  void sizesTakeBinarySuffixes() {
    assertThat(GenerateMain.parseSize("512")).isEqualTo(512);
    assertThat(GenerateMain.parseSize("100M")).isEqualTo(100L << 20);
    assertThat(GenerateMain.parseSize("1g")).isEqualTo(1L << 30);
    assertThatThrownBy(() -> GenerateMain.parseSize("1.5G"))
        .hasMessage("invalid size: 1.5G (expected e.g. 500M or 1G)");
  }

  private static long lineCount(byte[] bytes) {
    long lines = 0;
    for (byte b : bytes) {
      if (b == '\n') {
        lines++;
      }
    }
    return lines;
  }
}
