package org.sdcap.pcap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sdcap.input.InputRecord;

/**
 * Reads the captures that testdata/pcap/capture.sh made with tcpdump and dumpcap from real clients
 * (curl, Python http.client, the openai npm package) and compares them with the expected records
 * and messages next to them, and with the requests tshark decoded.
 *
 * <p>Run with {@code -Dsdcap.updateExpected=true} to rewrite the expected files after a capture was
 * remade; review the diff before committing it.
 */
class RealCaptureTest {

  private static final Path FOLDER = Path.of("testdata", "pcap");

  static Stream<String> captures() throws IOException {
    try (Stream<Path> files = Files.list(FOLDER)) {
      return files
          .map(path -> path.getFileName().toString())
          .filter(name -> name.endsWith(".pcap") || name.endsWith(".pcapng"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest
  @MethodSource("captures")
  void captureMatchesExpectedRecords(String name) throws Exception {
    String base = name.substring(0, name.lastIndexOf('.'));
    byte[] capture = Files.readAllBytes(FOLDER.resolve(name));

    CaptureReading.Result result = CaptureReading.read(capture, CaptureOptions.defaults());

    Path records = FOLDER.resolve(base + ".records.jsonl");
    Path messages = FOLDER.resolve(base + ".messages.txt");
    if (Boolean.getBoolean("sdcap.updateExpected")) {
      Files.write(records, result.lines(), StandardCharsets.UTF_8);
      Files.write(messages, result.messages(), StandardCharsets.UTF_8);
    }
    assertThat(result.lines()).isEqualTo(Files.readAllLines(records, StandardCharsets.UTF_8));
    assertThat(result.messages()).isEqualTo(Files.readAllLines(messages, StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @MethodSource("captures")
  void everyRequestTsharkDecodesIsFound(String name) throws Exception {
    String base = name.substring(0, name.lastIndexOf('.'));
    byte[] capture = Files.readAllBytes(FOLDER.resolve(name));
    List<String> tshark = new ArrayList<>();
    for (String line : Files.readAllLines(FOLDER.resolve(base + ".tshark.tsv"))) {
      // tshark lists requests that share a frame in one row: "GET,POST<TAB>/a,/b".
      String[] columns = line.split("\t");
      String[] methods = columns[0].split(",");
      String[] targets = columns[1].split(",");
      for (int i = 0; i < methods.length; i++) {
        tshark.add(methods[i] + "\t" + targets[i]);
      }
    }

    CaptureReading.Result result = CaptureReading.read(capture, CaptureOptions.everything());

    List<String> ours = new ArrayList<>();
    for (InputRecord record : result.records()) {
      ours.add(record.field("method").stringValue() + "\t" + record.field("path").stringValue());
    }
    // tshark misses requests whose frames the snap length cut, and a request whose body was
    // never sent after a rejected "Expect: 100-continue"; sdcap keeps both.
    assertThat(ours).containsAll(tshark);
  }
}
