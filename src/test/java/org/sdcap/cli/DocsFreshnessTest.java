package org.sdcap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DocsFreshnessTest {

  private static final String REGENERATE =
      "regenerate with: mvn -q package -DskipTests && java -cp target/sdcap.jar"
          + " org.sdcap.cli.DocsGenerator .";

  @Test
  void manPagesAndCompletionsMatchCommands() throws IOException {
    Map<String, String> generated = DocsGenerator.generate();
    for (Map.Entry<String, String> file : generated.entrySet()) {
      Path path = Path.of(file.getKey());
      assertThat(Files.exists(path)).as(file.getKey() + " is missing; " + REGENERATE).isTrue();
      assertThat(Files.readString(path, StandardCharsets.UTF_8))
          .as(file.getKey() + " is out of date; " + REGENERATE)
          .isEqualTo(file.getValue());
    }
  }

  @Test
  void noStaleGeneratedFiles() throws IOException {
    Set<String> committed = new TreeSet<>();
    for (String folder : new String[] {"man", "completions"}) {
      try (Stream<Path> files = Files.list(Path.of(folder))) {
        files.forEach(path -> committed.add(folder + "/" + path.getFileName()));
      }
    }
    assertThat(committed)
        .as("files no command generates any more; delete them")
        .isEqualTo(new TreeSet<>(DocsGenerator.generate().keySet()));
  }
}
