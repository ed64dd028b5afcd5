package org.sdcap.gen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BoundedMemoryTest {

  @Test
  void activeSessionsStayWithinLimit() {
    TrafficGenerator generator = new TrafficGenerator(3, GeneratorConfig.defaults());
    long previous = Long.MIN_VALUE;
    int maxSeen = 0;
    for (int i = 0; i < 20_000; i++) {
      GeneratedRequest request = generator.next();
      assertThat(request.timestampMicros()).as("request %d", i).isGreaterThanOrEqualTo(previous);
      previous = request.timestampMicros();
      maxSeen = Math.max(maxSeen, generator.activeSessions());
    }

    assertThat(maxSeen).isLessThanOrEqualTo(generator.maxActiveSessions());
    assertThat(maxSeen).isGreaterThanOrEqualTo(GeneratorConfig.defaults().maxActiveSessions());
  }

  @Test
  void generates200MegabytesInSmallHeap() throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        List.of(
            java,
            "-Xmx48m",
            "-XX:+UseSerialGC",
            "-cp",
            System.getProperty("java.class.path"),
            GenerateMain.class.getName(),
            "--seed",
            "5",
            "--format",
            "full",
            "--bytes",
            "200M",
            "--out",
            "-");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.PIPE)
            .start();
    String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    boolean finished = process.waitFor(5, TimeUnit.MINUTES);

    assertThat(finished).as("finished within 5 minutes").isTrue();
    assertThat(process.exitValue()).as(stderr).isZero();
    assertThat(stderr).startsWith("gen: wrote ").contains(" to -");
  }
}
