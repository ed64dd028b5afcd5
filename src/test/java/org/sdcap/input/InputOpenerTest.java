package org.sdcap.input;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Opens real files. Compressed inputs are made by the gzip, zstd, xz and bzip2 programs, which must
 * be on the PATH.
 */
class InputOpenerTest {

  @TempDir Path directory;

  private final RecordingDiagnostics diagnostics = new RecordingDiagnostics();

  @Test
  void plainJsonlFileIsRead() throws IOException {
    Path log = writeLines("requests.jsonl", 3);

    List<InputItem> items = read(List.of(log.toString()));

    assertThat(items).hasSize(3);
    assertThat(items.get(2).position()).isEqualTo(SourcePosition.ofLine(log.toString(), 3));
  }

  @ParameterizedTest
  @ValueSource(strings = {"gzip", "zstd", "xz", "bzip2"})
  void compressedFileIsDetectedByMagicNotName(String program) throws IOException {
    Path plain = writeLines("plain.jsonl", 1000);
    Path compressed = compress(program, plain, "requests.log");

    List<String> items = Items.describeAll(read(List.of(compressed.toString())));

    assertThat(items).isEqualTo(describeWithName(read(List.of(plain.toString())), compressed));
    assertThat(diagnostics.reports).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"gzip", "zstd", "xz", "bzip2"})
  void everyMemberOfConcatenatedFileIsRead(String program) throws IOException {
    Path first = compress(program, writeLines("a.jsonl", 10), "a.z");
    Path second = compress(program, writeLines("b.jsonl", 20), "b.z");
    Path both = directory.resolve("both.z");
    Files.write(both, concat(Files.readAllBytes(first), Files.readAllBytes(second)));

    List<InputItem> items = read(List.of(both.toString()));

    assertThat(items).hasSize(30);
    assertThat(items).allMatch(item -> item instanceof InputRecord);
  }

  @Test
  void concatenatedGzipFromPipeIsReadWhole() throws Exception {
    Path first = compress("gzip", writeLines("a.jsonl", 500), "a.gz");
    Path second = compress("gzip", writeLines("b.jsonl", 700), "b.gz");
    Process cat = new ProcessBuilder("cat", first.toString(), second.toString()).start();

    List<InputItem> items;
    try (InputStream pipe = cat.getInputStream()) {
      items = readWithStdin(List.of("-"), pipe);
    }

    assertThat(cat.waitFor()).isZero();
    assertThat(items).hasSize(1200);
    assertThat(items.get(1199).position()).isEqualTo(SourcePosition.ofLine("-", 1200));
  }

  @ParameterizedTest
  @ValueSource(strings = {"gzip", "zstd", "bzip2"})
  void truncatedFileDeliversWhatWasReadAndReportsDamage(String program) throws Exception {
    Path compressed = compress(program, writeLines("plain.jsonl", 20000), "requests.z");
    byte[] bytes = Files.readAllBytes(compressed);
    Files.write(compressed, Arrays.copyOf(bytes, bytes.length / 2));
    Path next = writeLines("next.jsonl", 2);

    List<InputItem> items = read(List.of(compressed.toString(), next.toString()));

    // sdcap recovers at least every line that the program itself recovers.
    byte[] recovered = decompressAsFarAsPossible(program, compressed);
    long recoveredLines = countNewlines(recovered, recovered.length);
    long records = items.stream().filter(item -> item instanceof InputRecord).count();
    assertThat(records).isGreaterThanOrEqualTo(recoveredLines + 2);
    assertThat(recoveredLines).isGreaterThan(1000);
    assertThat(diagnostics.reports.get(0))
        .matches(
            "damaged "
                + compressed
                + ":[0-9]+: "
                + program
                + " data is cut off after [0-9]+ decompressed bytes.*; was the file still being"
                + " written\\? Everything before .+ was read\\.");
    assertThat(diagnostics.reports).hasSizeLessThanOrEqualTo(2);
    assertThat(items.get(items.size() - 1).position())
        .isEqualTo(SourcePosition.ofLine(next.toString(), 2));
  }

  @Test
  void zeroPaddedGzipKeepsEveryRecord() throws IOException {
    Path compressed = compress("gzip", writeLines("plain.jsonl", 2000), "requests.gz");
    Files.write(compressed, new byte[4096], StandardOpenOption.APPEND);

    List<InputItem> items = read(List.of(compressed.toString()));

    assertThat(items).hasSize(2000);
    assertThat(items).allMatch(item -> item instanceof InputRecord);
    assertThat(diagnostics.reports)
        .containsExactly(
            "warning "
                + compressed
                + ": 4096 bytes of zero padding after the last gzip member are ignored");
  }

  @Test
  void cutLaterZstdFrameIsReportedAsDamage() throws IOException {
    Path first = compress("zstd", writeLines("a.jsonl", 2000), "a.zst");
    Path second = compress("zstd", writeLines("b.jsonl", 2000), "b.zst");
    byte[] both = concat(Files.readAllBytes(first), Files.readAllBytes(second));
    Path cut = Files.write(directory.resolve("cut.zst"), Arrays.copyOf(both, both.length - 200));

    long firstFrameBytes = Files.size(first);

    List<InputItem> items = read(List.of(cut.toString()));

    assertThat(items.size()).isGreaterThanOrEqualTo(2000);
    assertThat(items.subList(0, 2000)).allMatch(item -> item instanceof InputRecord);
    assertThat(diagnostics.reports)
        .anyMatch(
            report ->
                report.startsWith("damaged " + cut + ":")
                    && report.contains(
                        " (frame 2, which starts at compressed offset "
                            + firstFrameBytes
                            + ", is cut off); "));
  }

  @Test
  void corruptZstdFrameIsReportedAfterEarlierLines() throws IOException {
    Path compressed = compress("zstd", writeLines("plain.jsonl", 20000), "requests.zst");
    byte[] bytes = Files.readAllBytes(compressed);
    for (int i = bytes.length / 2; i < bytes.length / 2 + 64; i++) {
      bytes[i] ^= 0x5A;
    }
    Files.write(compressed, bytes);

    List<InputItem> items = read(List.of(compressed.toString()));

    assertThat(items.size()).isGreaterThan(1000);
    assertThat(diagnostics.reports.get(0))
        .startsWith("damaged " + compressed + ":")
        .contains(": zstd data is damaged after ")
        .endsWith(
            " decompressed bytes (Data corruption detected), so the rest of the file is"
                + " skipped");
  }

  @Test
  void compressedFileWithDamagedHeaderIsSkipped() throws IOException {
    Path broken = directory.resolve("broken.gz");
    Files.write(broken, new byte[] {0x1f, (byte) 0x8b, 1, 2, 3});

    List<InputItem> items = read(List.of(broken.toString()));

    assertThat(items).isEmpty();
    assertThat(diagnostics.reports).hasSize(1);
    assertThat(diagnostics.reports.get(0))
        .startsWith("damaged " + broken + ": gzip data is damaged");
  }

  @Test
  void pathsAreReadInOrderWithStdinBetween() throws IOException {
    Path first = writeLines("first.jsonl", 1);
    Path last = writeLines("last.jsonl", 1);
    InputStream stdin = new ByteArrayInputStream("{\"from\":\"stdin\"}\n".getBytes(UTF_8));

    List<InputItem> items = readWithStdin(List.of(first.toString(), "-", last.toString()), stdin);

    assertThat(items)
        .extracting(item -> item.position().file())
        .containsExactly(first.toString(), "-", last.toString());
  }

  @Test
  void noPathsMeansStdin() throws IOException {
    InputStream stdin = new ByteArrayInputStream("{}\n{}\n".getBytes(UTF_8));

    assertThat(readWithStdin(List.of(), stdin)).hasSize(2);
  }

  @Test
  void namedPipeIsReadOnce() throws Exception {
    Path fifo = directory.resolve("fifo");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    Path lines = writeLines("lines.jsonl", 50);
    Process writer =
        new ProcessBuilder("sh", "-c", "cat \"$0\" > \"$1\"", lines.toString(), fifo.toString())
            .start();

    List<InputItem> items = read(List.of(fifo.toString()));

    assertThat(writer.waitFor()).isZero();
    assertThat(items).hasSize(50);
  }

  @Test
  void directoryIsReadAsDumps() throws IOException {
    Path dumps = Files.createDirectory(directory.resolve("dumps"));
    Files.writeString(dumps.resolve("req_1_1000.json"), "{}");

    List<InputItem> items = read(List.of(dumps.toString()));

    assertThat(((InputRecord) items.get(0)).body().form()).isEqualTo(BodyForm.DUMP);
  }

  @Test
  void missingFileFailsBeforeAnythingIsRead() throws IOException {
    Path present = writeLines("present.jsonl", 1);
    String missing = directory.resolve("missing.jsonl").toString();

    assertThatThrownBy(
            () ->
                InputOpener.open(
                    List.of(present.toString(), missing), InputOptions.defaults(), diagnostics))
        .isInstanceOf(InputException.class)
        .hasMessage(missing + ": cannot open file: No such file or directory");
  }

  @Test
  void forcedFormatMustFitThePath() throws IOException {
    Path file = writeLines("file.jsonl", 1);
    Path dumps = Files.createDirectory(directory.resolve("dumps"));

    assertThatThrownBy(() -> open(List.of(file.toString()), InputFormat.DUMPS))
        .hasMessage(file + ": is not a directory, but the input format dumps reads directories");
    assertThatThrownBy(() -> open(List.of(dumps.toString()), InputFormat.JSONL))
        .hasMessage(dumps + ": is a directory, but the input format is jsonl");
    assertThatThrownBy(() -> open(List.of("-"), InputFormat.DUMPS))
        .hasMessage("-: standard input cannot be read as a dump directory");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a1b2c3d4", "d4c3b2a1", "a1b23c4d", "4d3cb2a1", "0a0d0d0a"})
  void captureMagicGoesToCaptureReader(String magic) throws IOException {
    Path capture = directory.resolve("capture.bin");
    Files.write(capture, emptyCapture(magic));

    // Read as JSONL, the header would be a bad line; the capture reader finds no packets.
    assertThat(read(List.of(capture.toString()))).isEmpty();
  }

  @Test
  void compressedCaptureIsDetectedAfterDecompression() throws IOException {
    Path capture = directory.resolve("capture.pcap");
    Files.write(capture, emptyCapture("d4c3b2a1"));
    Path compressed = compress("gzip", capture, "capture.pcap.gz");

    assertThat(read(List.of(compressed.toString()))).isEmpty();
  }

  @Test
  void cutCompressedCaptureKeepsEarlierRequests() throws IOException {
    Path compressed = compress("gzip", Path.of("testdata", "pcap", "python-any.pcap"), "c.gz");
    byte[] bytes = Files.readAllBytes(compressed);
    Files.write(compressed, Arrays.copyOf(bytes, bytes.length * 2 / 3));

    List<InputItem> items = read(List.of(compressed.toString()));

    assertThat(items).isNotEmpty();
    assertThat(diagnostics.reports.get(0))
        .matches(
            "damaged "
                + compressed
                + ": gzip data is cut off after [0-9]+ decompressed bytes; was the file still"
                + " being written\\? Everything before the cut was read\\.");
    assertThat(diagnostics.reports.get(1))
        .startsWith("damaged " + compressed + ": packet ")
        .contains(" the file ends after ");
  }

  /**
   * Returns a capture file without packets: a pcap file header (Ethernet, snap length 65535) in the
   * byte order and resolution {@code magic} gives, or a pcapng Section Header Block.
   */
  private static byte[] emptyCapture(String magic) {
    if (magic.equals("0a0d0d0a")) {
      return hex(
          "0a0d0d0a" + "1c000000" + "4d3c2b1a" + "01000000" + "ffffffffffffffff" + "1c000000");
    }
    boolean bigEndian = magic.startsWith("a1");
    String header =
        bigEndian
            ? "0002" + "0004" + "00000000" + "00000000" + "0000ffff" + "00000001"
            : "0200" + "0400" + "00000000" + "00000000" + "ffff0000" + "01000000";
    return hex(magic + header);
  }

  @Test
  void forcedJsonlReadsCaptureMagicAsBadLine() throws IOException {
    Path capture = directory.resolve("capture.bin");
    Files.write(capture, concat(hex("d4c3b2a1"), "\n{}\n".getBytes(UTF_8)));

    List<InputItem> items = Items.readAll(open(List.of(capture.toString()), InputFormat.JSONL));

    assertThat(items.get(0)).isInstanceOf(BadLine.class);
    assertThat(items.get(1)).isInstanceOf(InputRecord.class);
  }

  private RecordSource open(List<String> paths, InputFormat format) throws InputException {
    return InputOpener.open(
        paths,
        InputOptions.defaults().withFormat(format),
        diagnostics,
        new ByteArrayInputStream(new byte[0]));
  }

  private List<InputItem> read(List<String> paths) throws IOException {
    return readWithStdin(paths, new ByteArrayInputStream(new byte[0]));
  }

  private List<InputItem> readWithStdin(List<String> paths, InputStream stdin) throws IOException {
    return Items.readAll(InputOpener.open(paths, InputOptions.defaults(), diagnostics, stdin));
  }

  private Path writeLines(String name, int count) throws IOException {
    StringBuilder lines = new StringBuilder();
    for (int i = 1; i <= count; i++) {
      lines
          .append("{\"ts\":")
          .append(1700000000 + i)
          .append(".5,\"path\":\"/v1/chat/completions\",\"body\":{\"n\":")
          .append(i)
          .append(",\"text\":\"")
          .append("word ".repeat(i % 40))
          .append("\"}}\n");
    }
    return Files.writeString(directory.resolve(name), lines.toString());
  }

  /** Runs {@code program -c INPUT > OUTPUT}, the way all four compressors write to stdout. */
  private Path compress(String program, Path input, String outputName) throws IOException {
    Path output = directory.resolve(outputName);
    Process process =
        new ProcessBuilder(program, "-c", input.toString())
            .redirectOutput(output.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try {
      assertThat(process.waitFor()).as(program + " exit status").isZero();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    return output;
  }

  /** Runs {@code program -dc FILE} and returns what it wrote before failing on the damage. */
  private static byte[] decompressAsFarAsPossible(String program, Path compressed)
      throws Exception {
    Process process =
        new ProcessBuilder(program, "-dc", compressed.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor()).as(program + " exit status on damaged data").isNotZero();
    return output;
  }

  private static long countNewlines(byte[] bytes, int length) {
    long count = 0;
    for (int i = 0; i < length; i++) {
      if (bytes[i] == '\n') {
        count++;
      }
    }
    return count;
  }

  private static List<String> describeWithName(List<InputItem> items, Path name) {
    List<String> descriptions = new ArrayList<>();
    for (InputItem item : items) {
      InputRecord record = (InputRecord) item;
      SourcePosition position = SourcePosition.ofLine(name.toString(), record.position().line());
      descriptions.add(Items.describe(new InputRecord(position, record.fields(), record.body())));
    }
    return descriptions;
  }

  private static byte[] hex(String digits) {
    byte[] bytes = new byte[digits.length() / 2];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
    }
    return bytes;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
