package org.sdcap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandEdgeCaseTest {

  private static final String SAMPLE = "testdata/sample/full.jsonl";

  @TempDir Path temp;

  @Test
  void portOutOfRangeIsUsageError() {
    Cli.Result result =
        Cli.run("encode", "--port", "70000", "testdata/pcap/curl-lo.pcap")
            .expectExit(ExitCode.USAGE);

    assertThat(result.stderr())
        .isEqualTo(
            "sdcap: --port must be between 1 and 65535, got 70000\n"
                + "Run 'sdcap encode --help' for the options.\n");
  }

  @Test
  void outputDirectoryIsUsageError() {
    Cli.Result result = Cli.run("encode", "-o", temp.toString(), SAMPLE).expectExit(ExitCode.USAGE);

    assertThat(result.stderr())
        .startsWith("sdcap: -o " + temp + " is a directory; give the name of a file to write\n");
  }

  @Test
  void emptyOutputNameIsUsageError() {
    Cli.Result result = Cli.run("encode", "-o", "", SAMPLE).expectExit(ExitCode.USAGE);

    assertThat(result.stderr()).startsWith("sdcap: -o needs a file name\n");
  }

  @Test
  void outputKeepsReplacedFilePermissions() throws Exception {
    Path out = temp.resolve("kept.v2");
    Files.writeString(out, "old");
    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-r-----"));

    Cli.run("encode", "-q", "-o", out.toString(), SAMPLE).expectExit(ExitCode.OK);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out)))
        .isEqualTo("rw-r-----");
    try (var files = Files.list(temp)) {
      assertThat(files.map(p -> p.getFileName().toString()).toList())
          .as("no temporary file is left")
          .containsExactly("kept.v2");
    }
  }

  @Test
  void compressedOutputIsReadBack() throws Exception {
    Path out = temp.resolve("sample.v2.gz");

    Cli.run("encode", "-q", "-o", out.toString(), SAMPLE).expectExit(ExitCode.OK);

    byte[] head = Arrays.copyOf(Files.readAllBytes(out), 2);
    assertThat(head).containsExactly(0x1f, 0x8b);
    Cli.Result decoded = Cli.run("decode", out.toString()).expectExit(ExitCode.OK);
    assertThat(decoded.out().lines().count()).isEqualTo(41);
  }

  @Test
  void cutCompressedV2NamesFile() throws Exception {
    Path whole = temp.resolve("sample.v2.gz");
    Cli.run("encode", "-q", "-o", whole.toString(), SAMPLE).expectExit(ExitCode.OK);
    byte[] bytes = Files.readAllBytes(whole);
    Path cut = temp.resolve("cut.v2.gz");
    Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));

    Cli.Result result = Cli.run("verify", cut.toString()).expectExit(ExitCode.INPUT_DAMAGED);

    assertThat(result.stderr()).startsWith("sdcap: " + cut + ": gzip data is cut off after ");
  }

  @Test
  void childOfFailedRecordSaysSo() throws Exception {
    Cli.Result encoded = Cli.run("encode", "-q", SAMPLE).expectExit(ExitCode.OK);
    List<String> lines = new ArrayList<>(encoded.out().lines().toList());
    // Damage the hash of the first record that is a parent of a later one.
    com.fasterxml.jackson.databind.ObjectMapper json =
        new com.fasterxml.jackson.databind.ObjectMapper();
    int damaged = -1;
    for (int i = 0; i < lines.size() && damaged < 0; i++) {
      var record = json.readTree(lines.get(i));
      for (int j = i + 1; j < lines.size(); j++) {
        var later = json.readTree(lines.get(j));
        if (later.path("session_key").equals(record.get("session_key"))
            && later.path("parent_seq").asInt() == record.get("seq").asInt()) {
          damaged = i;
          break;
        }
      }
    }
    String sha = json.readTree(lines.get(damaged)).get("body_sha256").asText();
    lines.set(damaged, lines.get(damaged).replace(sha, "0".repeat(64)));
    Path file = temp.resolve("hash.v2");
    Files.write(file, lines, StandardCharsets.UTF_8);

    Cli.Result result = Cli.run("verify", file.toString()).expectExit(ExitCode.HASH_MISMATCH);

    assertThat(result.stderr())
        .contains(":" + (damaged + 1) + ": rebuilt body of record ")
        .contains(", which could not be rebuilt (reported above)");
  }

  @Test
  void pythonStyleKeepsBytesThatAreNotUtf8() {
    byte[] log =
        "{\"ts\": 1, \"client\": \"1.2.3.4\", \"body\": \"A\u00f0BCD \u00e9\"}\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    Cli.Result encoded = Cli.runWithInput(log, "encode", "-q").expectExit(ExitCode.OK);

    Cli.Result decoded =
        Cli.runWithInput(encoded.stdout(), "decode", "--json-style", "python")
            .expectExit(ExitCode.OK);

    assertThat(decoded.stdout()).isEqualTo(log);
  }
}
