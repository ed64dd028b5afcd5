package org.sdcap.input;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decompresses files made by the gzip, zstd, xz and bzip2 programs, which must be on the PATH, and
 * compares what is recovered from damaged files with what the programs themselves recover.
 */
class DecompressedInputStreamTest {

  @TempDir Path directory;

  private final List<String> warnings = new ArrayList<>();

  @ParameterizedTest
  @ValueSource(strings = {"gzip", "bzip2"})
  void zeroPaddingAfterLastMemberIsOnlyWarning(String program) throws Exception {
    byte[] plain = lines(2000);
    byte[] padded = concat(compress(program, plain), new byte[4096]);

    Decompressed result = decompress(padded, Delivery.WHOLE);

    assertThat(result.failure()).isNull();
    assertThat(result.bytes()).isEqualTo(plain);
    assertThat(warnings)
        .containsExactly(
            "4096 bytes of zero padding after the last "
                + program
                + " "
                + memberName(program)
                + " are ignored");
  }

  @ParameterizedTest
  @ValueSource(strings = {"gzip", "bzip2"})
  void garbageAfterLastMemberIsDamageAfterEveryByte(String program) throws Exception {
    byte[] plain = lines(2000);
    byte[] compressed = compress(program, plain);
    byte[] withGarbage = concat(compressed, "garbage\n".getBytes(UTF_8));

    Decompressed result = decompress(withGarbage, Delivery.WHOLE);

    assertThat(result.bytes()).isEqualTo(plain);
    assertThat(result.failure())
        .isEqualTo(
            "8 bytes after the last "
                + program
                + " "
                + memberName(program)
                + " at compressed offset "
                + compressed.length
                + " are not "
                + program
                + " data, so they are skipped; all data before them was read");
    assertThat(warnings).isEmpty();
  }

  static Stream<Arguments> programsAndDeliveries() {
    List<Arguments> arguments = new ArrayList<>();
    for (String program : List.of("gzip", "zstd", "xz", "bzip2")) {
      for (Delivery delivery : Delivery.values()) {
        arguments.add(Arguments.of(program, delivery));
      }
    }
    return arguments.stream();
  }

  @ParameterizedTest
  @MethodSource("programsAndDeliveries")
  void concatenatedMembersReadTheSameInAnyChunks(String program, Delivery delivery)
      throws Exception {
    byte[] first = lines(300);
    byte[] second = lines(500);
    byte[] both = concat(compress(program, first), compress(program, second));

    Decompressed result = decompress(both, delivery);

    assertThat(result.failure()).as(delivery.toString()).isNull();
    assertThat(result.bytes()).as(delivery.toString()).isEqualTo(concat(first, second));
  }

  @ParameterizedTest
  @ValueSource(strings = {"gzip", "bzip2"})
  void zeroPaddingIsFoundInAnyChunks(String program) throws Exception {
    byte[] plain = lines(800);
    byte[] padded = concat(compress(program, plain), new byte[100]);

    for (Delivery delivery : Delivery.values()) {
      warnings.clear();
      Decompressed result = decompress(padded, delivery);

      assertThat(result.failure()).as(delivery.toString()).isNull();
      assertThat(result.bytes()).as(delivery.toString()).isEqualTo(plain);
      assertThat(warnings).as(delivery.toString()).hasSize(1);
    }
  }

  /**
   * Cuts a file at several points and checks that the output and the program's agree on their
   * common length, and that the output is no shorter, except for xz by at most one LZMA2 chunk.
   */
  @ParameterizedTest
  @ValueSource(strings = {"gzip", "zstd", "xz", "bzip2"})
  void cutFileKeepsWhatTheProgramRecovers(String program) throws Exception {
    // About 2.6 MB, so that bzip2 has three blocks and xz several LZMA2 chunks.
    byte[] compressed = compress(program, lines(40000));

    for (int tenth = 1; tenth < 10; tenth++) {
      int cut = compressed.length * tenth / 10;
      byte[] damaged = Arrays.copyOf(compressed, cut);

      Decompressed ours = decompress(damaged, Delivery.WHOLE);
      byte[] theirs = decompressAsFarAsPossible(program, damaged);

      String at = program + " cut at " + cut;
      assertAgreeOnCommonLength(ours.bytes(), theirs, at);
      if (program.equals("xz")) {
        assertThat(ours.bytes().length).as(at).isGreaterThan(theirs.length - (2 << 20));
      } else {
        assertThat(ours.bytes().length).as(at).isGreaterThanOrEqualTo(theirs.length);
      }
      assertThat(ours.failure())
          .as(at)
          .startsWith(
              program + " data is cut off after " + ours.bytes().length + " decompressed bytes")
          .contains("; was the file still being written? ");
    }
  }

  @Test
  void cutGzipKeepsEveryByteOfEarlierMembers() throws Exception {
    byte[] first = lines(3000);
    byte[] firstCompressed = compress("gzip", first);
    byte[] both = concat(firstCompressed, compress("gzip", lines(3000)));
    byte[] damaged = Arrays.copyOf(both, firstCompressed.length + 5);

    Decompressed result = decompress(damaged, Delivery.WHOLE);

    assertThat(result.bytes()).isEqualTo(first);
    assertThat(result.failure())
        .isEqualTo(
            "gzip data is cut off after "
                + first.length
                + " decompressed bytes; was the file still being written? Everything before the"
                + " cut was read.");
  }

  @Test
  void cutLaterZstdFrameIsDamage() throws Exception {
    byte[] first = numberedLines(1, 2000);
    byte[] firstCompressed = compress("zstd", first);
    byte[] both = concat(firstCompressed, compress("zstd", numberedLines(2001, 4000)));
    byte[] damaged = Arrays.copyOf(both, both.length - 200);

    Decompressed result = decompress(damaged, Delivery.WHOLE);

    byte[] theirs = decompressAsFarAsPossible("zstd", damaged);
    assertAgreeOnCommonLength(result.bytes(), theirs, "zstd");
    assertThat(result.bytes().length).isGreaterThanOrEqualTo(theirs.length);
    assertThat(Arrays.copyOf(result.bytes(), first.length)).isEqualTo(first);
    assertThat(result.failure())
        .isEqualTo(
            "zstd data is cut off after "
                + result.bytes().length
                + " decompressed bytes (frame 2, which starts at compressed offset "
                + firstCompressed.length
                + ", is cut off); was the file still being written? Everything before the"
                + " incomplete last block was read.");
  }

  /**
   * Cuts zstd data made with several option sets at many offsets, and expects damage exactly when
   * {@code zstd -t} finds the cut file damaged.
   */
  @Test
  void zstdCutMatchesZstdTest() throws Exception {
    List<byte[]> frames =
        List.of(
            compress("zstd", lines(10), "-1"),
            compress("zstd", lines(20000), "-19"),
            compress("zstd", lines(3000), "--no-check"),
            compress("zstd", lines(30), "--no-check", "-19"),
            skippableFrame(300),
            compress("zstd", new byte[0]),
            compressFromPipe("zstd", lines(5000)));
    byte[] file = new byte[0];
    List<Integer> cuts = new ArrayList<>();
    for (byte[] frame : frames) {
      file = concat(file, frame);
      cuts.addAll(List.of(file.length - 1, file.length, file.length + 1));
    }
    Random random = new Random(11);
    for (int i = 0; i < 40; i++) {
      cuts.add(1 + random.nextInt(file.length - 1));
    }

    for (int cut : cuts) {
      byte[] damaged = Arrays.copyOf(file, Math.min(cut, file.length));

      Decompressed result = decompress(damaged, Delivery.WHOLE);
      boolean zstdFails = run(damaged, "zstd", "-t", "-q") != 0;

      // zstd -d can drop part of its last output buffer on damage, so it may recover less.
      String at = "zstd cut at " + cut;
      byte[] theirs = decompressAsFarAsPossible("zstd", damaged);
      assertThat(result.failure() != null).as(at).isEqualTo(zstdFails);
      assertAgreeOnCommonLength(result.bytes(), theirs, at);
      assertThat(result.bytes().length).as(at).isGreaterThanOrEqualTo(theirs.length);
    }
  }

  @Test
  void zstdSkippableFrameIsRead() throws Exception {
    byte[] plain = lines(100);
    byte[] file =
        concat(
            concat(compress("zstd", plain), skippableFrame(5)),
            concat(compress("zstd", plain), skippableFrame(0)));

    for (Delivery delivery : Delivery.values()) {
      Decompressed result = decompress(file, delivery);

      assertThat(result.failure()).as(delivery.toString()).isNull();
      assertThat(result.bytes()).as(delivery.toString()).isEqualTo(concat(plain, plain));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"gzip", "bzip2"})
  void headerOfLaterMemberCutOffIsDamage(String program) throws Exception {
    byte[] plain = lines(100);
    byte[] compressed = compress(program, plain);
    byte[] damaged = concat(compressed, Arrays.copyOf(compressed, 3));

    Decompressed result = decompress(damaged, Delivery.WHOLE);

    assertThat(result.bytes()).isEqualTo(plain);
    assertThat(result.failure()).startsWith(program + " data is cut off after " + plain.length);
  }

  /** How the compressed bytes reach the decompressor. */
  enum Delivery {
    WHOLE,
    ONE_BYTE_AT_A_TIME,
    RANDOM_CHUNKS_SEED_5;

    InputStream open(byte[] bytes) {
      return switch (this) {
        case WHOLE -> new ByteArrayInputStream(bytes);
        case ONE_BYTE_AT_A_TIME -> ChunkedInputStream.oneByteAtATime(bytes);
        case RANDOM_CHUNKS_SEED_5 -> ChunkedInputStream.randomChunks(bytes, 5, 700);
      };
    }
  }

  /** What was decompressed, and the message of the damage that ended it, or null. */
  record Decompressed(byte[] bytes, String failure) {}

  private Decompressed decompress(byte[] compressed, Delivery delivery) throws IOException {
    Compression compression = Compression.detect(Arrays.copyOf(compressed, 6));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DecompressedInputStream in =
        DecompressedInputStream.open(delivery.open(compressed), compression, warnings::add)) {
      byte[] buffer = new byte[1 << 16];
      int count;
      while ((count = in.read(buffer, 0, buffer.length)) >= 0) {
        out.write(buffer, 0, count);
      }
    } catch (DamagedCompressedDataException e) {
      return new Decompressed(out.toByteArray(), e.getMessage());
    }
    return new Decompressed(out.toByteArray(), null);
  }

  /** Checks that two outputs have the same bytes up to the length of the shorter one. */
  private static void assertAgreeOnCommonLength(byte[] ours, byte[] theirs, String description) {
    int common = Math.min(ours.length, theirs.length);
    assertThat(Arrays.mismatch(ours, 0, common, theirs, 0, common))
        .as(description + ": first differing byte of " + common)
        .isEqualTo(-1);
  }

  private static String memberName(String program) {
    return program.equals("gzip") ? "member" : "stream";
  }

  /** JSONL lines of varied length with random hex, so that they compress about 5 to 1. */
  private static byte[] lines(int count) {
    Random random = new Random(count);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      text.append("{\"ts\":")
          .append(1700000000 + i)
          .append(",\"body\":\"")
          .append(Long.toHexString(random.nextLong()))
          .append(" word".repeat(i % 17))
          .append("\"}\n");
    }
    return text.toString().getBytes(UTF_8);
  }

  private static byte[] numberedLines(int first, int last) {
    StringBuilder text = new StringBuilder();
    for (int i = first; i <= last; i++) {
      text.append("{\"ts\":").append(i).append(",\"body\":\"x").append(i).append("\"}\n");
    }
    return text.toString().getBytes(UTF_8);
  }

  /** Returns a zstd skippable frame (magic 0x184D2A5E) with {@code size} bytes of content. */
  private static byte[] skippableFrame(int size) {
    byte[] frame = new byte[8 + size];
    frame[0] = 0x5E;
    frame[1] = 0x2A;
    frame[2] = 0x4D;
    frame[3] = 0x18;
    frame[4] = (byte) size;
    frame[5] = (byte) (size >>> 8);
    Arrays.fill(frame, 8, frame.length, (byte) 0xAB);
    return frame;
  }

  /** Runs {@code program -c [OPTIONS] FILE} and returns its output. */
  private byte[] compress(String program, byte[] plain, String... options) throws Exception {
    Path input = Files.write(directory.resolve("plain"), plain);
    List<String> command = new ArrayList<>(List.of(program, "-c", "-q"));
    command.addAll(List.of(options));
    command.add(input.toString());
    return runForOutput(command, true);
  }

  /** Compresses from standard input, so that a zstd frame has no content size in its header. */
  private byte[] compressFromPipe(String program, byte[] plain) throws Exception {
    Process process = new ProcessBuilder(program, "-c", "-q").start();
    try (var stdin = process.getOutputStream()) {
      stdin.write(plain);
    }
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor()).as(program + " exit status").isZero();
    return output;
  }

  /** Runs {@code program -dc FILE} and returns what it wrote before failing on the damage. */
  private byte[] decompressAsFarAsPossible(String program, byte[] damaged) throws Exception {
    Path input = Files.write(directory.resolve("damaged"), damaged);
    return runForOutput(List.of(program, "-dc", input.toString()), false);
  }

  private int run(byte[] input, String... command) throws Exception {
    Path file = Files.write(directory.resolve("input"), input);
    List<String> arguments = new ArrayList<>(List.of(command));
    arguments.add(file.toString());
    Process process =
        new ProcessBuilder(arguments)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    return process.waitFor();
  }

  private static byte[] runForOutput(List<String> command, boolean mustSucceed) throws Exception {
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    byte[] output = process.getInputStream().readAllBytes();
    int status = process.waitFor();
    if (mustSucceed) {
      assertThat(status).as(String.join(" ", command)).isZero();
    }
    return output;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
