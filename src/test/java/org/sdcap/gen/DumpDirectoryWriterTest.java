package org.sdcap.gen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DumpDirectoryWriterTest {

  @Test
  void writesOneFilePerBody(@TempDir Path directory) throws IOException {
    GeneratedRequest withBody = Requests.withBody("{\"a\":1}");
    GeneratedRequest empty = Requests.withBody(new byte[0]);

    try (DumpDirectoryWriter writer = new DumpDirectoryWriter(directory.resolve("d"))) {
      writer.write(withBody);
      writer.write(empty);
      writer.write(withBody);
    }

    try (Stream<Path> files = Files.list(directory.resolve("d"))) {
      List<String> names = files.map(path -> path.getFileName().toString()).sorted().toList();
      assertThat(names)
          .containsExactly("req_000001_1755871504381.json", "req_000003_1755871504381.json");
    }
    assertThat(Files.readString(directory.resolve("d/req_000001_1755871504381.json")))
        .isEqualTo("{\"a\":1}");
  }
}
