package org.sdcap.input;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DumpDirectoryReaderTest {

  @TempDir Path directory;

  private final RecordingDiagnostics diagnostics = new RecordingDiagnostics();

  @Test
  void filesComeInNumericSeqOrder() throws IOException {
    write("req_10_1700000000010.json", "ten");
    write("req_9_1700000000009.json", "nine");
    write("req_0100_1700000000100.json", "hundred");
    write("req_10_1700000000000.json", "ten, earlier name");

    List<InputItem> items = read();

    assertThat(items)
        .extracting(item -> ((InputRecord) item).field("dump_file").stringValue())
        .containsExactly(
            "req_9_1700000000009.json",
            "req_10_1700000000000.json",
            "req_10_1700000000010.json",
            "req_0100_1700000000100.json");
  }

  @Test
  void recordHasExactTsFileNameAndBody() throws IOException {
    write("req_1_1700000000123.json", "{\"model\":\"m\"}");

    InputRecord record = (InputRecord) read().get(0);

    assertThat(record.position())
        .isEqualTo(SourcePosition.ofFile("dumps/req_1_1700000000123.json"));
    assertThat(record.field("ts").rawText()).isEqualTo("1700000000.123");
    assertThat(record.field("dump_file").rawText()).isEqualTo("\"req_1_1700000000123.json\"");
    assertThat(record.fields()).hasSize(2);
    RequestBody body = record.body();
    assertThat(body.form()).isEqualTo(BodyForm.DUMP);
    assertThat(new String(body.bytes(), UTF_8)).isEqualTo("{\"model\":\"m\"}");
    assertThat(body.partial()).isFalse();
    assertThat(body.fieldName()).isNull();
    assertThat(body.fieldIndex()).isEqualTo(-1);
  }

  @Test
  void epochMillisBecomeExactSeconds() {
    assertThat(DumpDirectoryReader.epochMillisToSeconds("1700000000123"))
        .isEqualTo("1700000000.123");
    assertThat(DumpDirectoryReader.epochMillisToSeconds("1700000000000"))
        .isEqualTo("1700000000.000");
    assertThat(DumpDirectoryReader.epochMillisToSeconds("5")).isEqualTo("0.005");
    assertThat(DumpDirectoryReader.epochMillisToSeconds("0")).isEqualTo("0.000");
    assertThat(DumpDirectoryReader.epochMillisToSeconds("000123")).isEqualTo("0.123");
    assertThat(DumpDirectoryReader.epochMillisToSeconds("0001234")).isEqualTo("1.234");
    assertThat(DumpDirectoryReader.epochMillisToSeconds("99999999999999999999999"))
        .isEqualTo("99999999999999999999.999");
  }

  @Test
  void bodyBytesAreKeptWhateverTheyAre() throws IOException {
    byte[] multipart = {'-', '-', 'b', '\r', '\n', (byte) 0xFF, (byte) 0xD8, 0, (byte) 0x80};
    Files.write(directory.resolve("req_1_1000.json"), multipart);

    InputRecord record = (InputRecord) read().get(0);

    assertThat(record.body().bytes()).isEqualTo(multipart);
  }

  @Test
  void otherEntriesAreSkippedWithWarnings() throws IOException {
    write("req_1_1000.json", "a");
    write("notes.txt", "x");
    write("req_2_2000.json.bak", "x");
    write("req_x_2000.json", "x");
    Files.createDirectory(directory.resolve("req_3_3000.json"));

    List<InputItem> items = read();

    assertThat(items).hasSize(1);
    assertThat(diagnostics.reports)
        .containsExactly(
            "warning dumps/notes.txt: skipped: the name does not match req_<seq>_<epoch_ms>.json",
            "warning dumps/req_2_2000.json.bak: skipped: the name does not match"
                + " req_<seq>_<epoch_ms>.json",
            "warning dumps/req_3_3000.json: skipped: a subdirectory in a dump directory",
            "warning dumps/req_x_2000.json: skipped: the name does not match"
                + " req_<seq>_<epoch_ms>.json");
  }

  @Test
  void fileLargerThanMaximumIsRejected() throws IOException {
    write("req_1_1000.json", "x".repeat(10));
    write("req_2_1000.json", "x".repeat(11));

    DumpDirectoryReader reader = DumpDirectoryReader.open(directory, "dumps", 10, diagnostics);

    assertThat(reader.next()).isNotNull();
    assertThatThrownBy(reader::next)
        .isInstanceOf(InputException.class)
        .hasMessage(
            "dumps/req_2_1000.json: dump file is larger than the maximum of 10 bytes. Raise the"
                + " limit with --max-line-bytes (up to 2147483583 bytes).");
  }

  @Test
  void danglingSymbolicLinkIsReportedAndSkipped() throws IOException {
    write("req_1_1000.json", "one");
    Files.createSymbolicLink(directory.resolve("req_2_2000.json"), directory.resolve("gone.json"));
    write("req_3_3000.json", "three");

    List<InputItem> items = read();

    assertThat(items)
        .extracting(item -> ((InputRecord) item).field("dump_file").stringValue())
        .containsExactly("req_1_1000.json", "req_3_3000.json");
    assertThat(diagnostics.reports)
        .containsExactly(
            "damaged dumps/req_2_2000.json: dump file is a symbolic link to a missing file, so its"
                + " body is lost");
  }

  @Test
  void symbolicLinkLoopIsReportedAndSkipped() throws IOException {
    Path loop = directory.resolve("req_1_1000.json");
    Files.createSymbolicLink(loop, loop);
    write("req_2_2000.json", "two");

    List<InputItem> items = read();

    assertThat(items).hasSize(1);
    assertThat(((InputRecord) items.get(0)).field("dump_file").stringValue())
        .isEqualTo("req_2_2000.json");
    assertThat(diagnostics.reports)
        .containsExactly(
            "damaged dumps/req_1_1000.json: cannot read dump file: Too many levels of symbolic"
                + " links or unable to access attributes of symbolic link, so its body is lost");
  }

  @Test
  void fileWithoutReadPermissionIsReportedAndSkipped() throws IOException {
    Path secret = directory.resolve("req_1_1000.json");
    Files.writeString(secret, "secret");
    Files.setPosixFilePermissions(secret, Set.of());
    // The superuser reads any file, so there is nothing to test when the tests run as root.
    assumeFalse(Files.isReadable(secret), "the file stays readable for this user");

    List<InputItem> items = read();

    assertThat(items).isEmpty();
    assertThat(diagnostics.reports)
        .containsExactly(
            "damaged dumps/req_1_1000.json: cannot read dump file: Permission denied, so its body"
                + " is lost");
  }

  @Test
  void missingDirectoryNamesTheReason() {
    assertThatThrownBy(
            () ->
                DumpDirectoryReader.open(directory.resolve("missing"), "missing", 10, diagnostics))
        .isInstanceOf(InputException.class)
        .hasMessage("missing: cannot list directory: No such file or directory");
  }

  private void write(String name, String content) throws IOException {
    Files.writeString(directory.resolve(name), content);
  }

  private List<InputItem> read() throws IOException {
    return Items.readAll(DumpDirectoryReader.open(directory, "dumps", 1 << 20, diagnostics));
  }
}
