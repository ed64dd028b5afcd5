package org.sdcap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdcap.input.Diagnostics;
import org.sdcap.input.InputItem;
import org.sdcap.input.InputRecord;
import org.sdcap.input.RecordSource;
import org.sdcap.input.SourcePosition;
import org.sdcap.pcap.CaptureOptions;
import org.sdcap.pcap.CaptureSource;

/** {@code sdcap encode} on the real loopback captures in testdata/pcap. */
class EncodeCaptureTest {

  private static final Path CAPTURES = Path.of("testdata", "pcap");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;

  @Test
  void encodeRebuildsEveryCapturedBody() throws Exception {
    Path capture = CAPTURES.resolve("curl-lo.pcap");

    Cli.Result encoded = Cli.run("encode", capture.toString()).expectExit(ExitCode.OK);

    Path v2 = temp.resolve("v2.jsonl");
    Files.write(v2, encoded.stdout());
    List<String> lines = Files.readAllLines(v2);
    List<InputRecord> records = readCapture(capture);
    assertThat(lines).hasSize(records.size());
    for (int i = 0; i < lines.size(); i++) {
      JsonNode line = JSON.readTree(lines.get(i));
      InputRecord record = records.get(i);
      assertThat(line.get("path").asText()).isEqualTo(record.field("path").stringValue());
      if (record.body() == null) {
        continue;
      }
      Cli.Result body =
          Cli.run(
                  "reconstruct",
                  "--session",
                  line.get("session_key").asText(),
                  "--n",
                  line.get("seq").asText(),
                  v2.toString())
              .expectExit(ExitCode.OK);
      assertThat(body.stdout()).as("body of record " + (i + 1)).isEqualTo(record.body().bytes());
    }
  }

  @Test
  void encodeExitsDamagedOnCutCapture() {
    Path capture = CAPTURES.resolve("python-snaplen200.pcap");

    Cli.Result encoded = Cli.run("encode", capture.toString()).expectExit(ExitCode.INPUT_DAMAGED);

    assertThat(encoded.out().lines()).hasSize(10);
    assertThat(encoded.stderr())
        .contains(
            "sdcap: "
                + capture
                + ": packet 4 at byte offset 286: 126 bytes missing from the capture in"
                + " 127.0.0.1:");
  }

  @Test
  void bodyLimitOptionCutsBodyAndSaysSo() throws Exception {
    Path capture = CAPTURES.resolve("curl-lo.pcap");

    Cli.Result encoded =
        Cli.run("encode", "--max-body-size", "1K", capture.toString())
            .expectExit(ExitCode.INPUT_DAMAGED);

    assertThat(encoded.stderr())
        .contains(
            "announces Content-Length 3064, beyond the limit of 1024 body bytes (raise it with"
                + " --max-body-size); only the first 1024 bytes are kept");
    assertThat(encoded.out()).contains("\"body_dropped_bytes\":2040");

    // The cut body is partial, so reconstruct writes it only when asked to.
    String line =
        encoded
            .out()
            .lines()
            .filter(l -> l.contains("\"body_dropped_bytes\":2040"))
            .findFirst()
            .orElseThrow();
    com.fasterxml.jackson.databind.JsonNode record =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
    assertThat(record.get("body_partial").asBoolean()).isTrue();
    String key = record.get("session_key").asText();
    String n = record.get("seq").asText();
    Cli.Result refused =
        Cli.runWithInput(encoded.stdout(), "reconstruct", "--session", key, "--n", n)
            .expectExit(ExitCode.PARTIAL_BODY);
    assertThat(refused.stderr())
        .contains(
            "2040 bytes of the request were missing from the capture or beyond --max-body-size");
    Cli.Result allowed =
        Cli.runWithInput(
                encoded.stdout(), "reconstruct", "--session", key, "--n", n, "--allow-partial")
            .expectExit(ExitCode.OK);
    assertThat(allowed.stdout()).hasSize(1024);
  }

  @Test
  void headerLimitBelowMinimumIsUsageError() {
    Cli.Result result =
        Cli.run("encode", "--max-header-size", "100", CAPTURES.resolve("curl-lo.pcap").toString())
            .expectExit(ExitCode.USAGE);

    assertThat(result.stderr()).contains("--max-header-size must be between 1024 and");
  }

  private static List<InputRecord> readCapture(Path capture) throws Exception {
    Diagnostics ignore =
        new Diagnostics() {
          @Override
          public void damaged(SourcePosition where, String message) {}

          @Override
          public void warning(SourcePosition where, String message) {}
        };
    List<InputRecord> records = new ArrayList<>();
    try (RecordSource source =
        CaptureSource.open(
            new ByteArrayInputStream(Files.readAllBytes(capture)),
            capture.toString(),
            CaptureOptions.defaults(),
            ignore)) {
      InputItem item;
      while ((item = source.next()) != null) {
        records.add((InputRecord) item);
      }
    }
    return records;
  }
}
