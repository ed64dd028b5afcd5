package org.sdcap.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sdcap encode} on inputs with damage around the data: padded or cut compressed files made
 * by the gzip and zstd programs (which must be on the PATH), and a dump directory with a dangling
 * symbolic link. Decoding a zero-padded v2 file only warns. Every readable record is written, and
 * the exit status shows whether data was lost.
 */
class EncodeDamagedInputTest {

  @TempDir Path temp;

  @Test
  void zeroPaddedGzipKeepsEveryRecord() throws Exception {
    Path compressed = compress("gzip", lines(1, 2000), "m.gz");
    Files.write(compressed, concat(Files.readAllBytes(compressed), new byte[4096]));

    Cli.Result result = Cli.run("encode", compressed.toString()).expectExit(ExitCode.OK);

    assertThat(countRecords(result)).isEqualTo(2000);
    assertThat(result.stderr())
        .startsWith(
            "sdcap: "
                + compressed
                + ": warning: 4096 bytes of zero padding after the last gzip member are ignored\n")
        .contains("sdcap: 2000 records, 1 session, ")
        .contains(", 0 bad lines, 1 warning; ");
  }

  @Test
  void gzipWithTrailingGarbageKeepsEveryRecord() throws Exception {
    Path compressed = compress("gzip", lines(1, 2000), "m.gz");
    long size = Files.size(compressed);
    Files.write(compressed, concat(Files.readAllBytes(compressed), "garbage\n".getBytes(UTF_8)));

    Cli.Result result = Cli.run("encode", compressed.toString()).expectExit(ExitCode.INPUT_DAMAGED);

    assertThat(countRecords(result)).isEqualTo(2000);
    assertThat(result.stderr())
        .startsWith(
            "sdcap: "
                + compressed
                + ":2001: 8 bytes after the last gzip member at compressed offset "
                + size
                + " are not gzip data, so they are skipped; all data before them was read\n")
        .contains(", 0 bad lines, ");
  }

  @Test
  void cutLaterZstdFrameFailsStrictEncode() throws Exception {
    Path first = compress("zstd", lines(1, 2000), "a.zst");
    Path second = compress("zstd", lines(2001, 4000), "b.zst");
    byte[] both = concat(Files.readAllBytes(first), Files.readAllBytes(second));
    Path cut = Files.write(temp.resolve("zt.zst"), Arrays.copyOf(both, both.length - 200));

    Cli.Result result =
        Cli.run("encode", "--strict", cut.toString()).expectExit(ExitCode.INPUT_DAMAGED);

    assertThat(countRecords(result)).isGreaterThanOrEqualTo(2000);
    assertThat(result.stderr())
        .startsWith("sdcap: " + cut + ":")
        .contains(
            " (frame 2, which starts at compressed offset "
                + Files.size(first)
                + ", is cut off); was the file still being written?");
  }

  @Test
  void danglingLinkInDumpDirectoryIsSkipped() throws Exception {
    Path dumps = Files.createDirectory(temp.resolve("dumps"));
    Files.writeString(dumps.resolve("req_1_1700000000000.json"), "{\"model\":\"m\",\"n\":1}");
    Files.createSymbolicLink(dumps.resolve("req_2_1700000001000.json"), temp.resolve("gone"));
    Files.writeString(dumps.resolve("req_3_1700000002000.json"), "{\"model\":\"m\",\"n\":3}");

    Cli.Result result = Cli.run("encode", dumps.toString()).expectExit(ExitCode.INPUT_DAMAGED);

    assertThat(countRecords(result)).isEqualTo(2);
    assertThat(result.stderr())
        .startsWith(
            "sdcap: "
                + dumps
                + "/req_2_1700000001000.json: dump file is a symbolic link to a missing file, so"
                + " its body is lost\n")
        .contains("sdcap: 2 records, ");
  }

  @Test
  void decodeOfZeroPaddedGzipV2Warns() throws Exception {
    byte[] log = lines(1, 300);
    Path input = Files.write(temp.resolve("app.log"), log);
    byte[] v2 = Cli.run("encode", "-q", input.toString()).expectExit(ExitCode.OK).stdout();
    Path compressed = compress("gzip", v2, "v2.jsonl.gz");
    Files.write(compressed, concat(Files.readAllBytes(compressed), new byte[100]));

    Cli.Result decoded = Cli.run("decode", compressed.toString()).expectExit(ExitCode.OK);

    assertThat(decoded.stdout()).isEqualTo(log);
    assertThat(decoded.stderr())
        .isEqualTo(
            "sdcap: "
                + compressed
                + ": warning: 100 bytes of zero padding after the last gzip member are ignored\n");
  }

  private static long countRecords(Cli.Result result) {
    return result.out().lines().filter(line -> line.contains("\"session_key\":")).count();
  }

  /** Returns JSONL request lines numbered {@code first} to {@code last}. */
  private static byte[] lines(int first, int last) {
    StringBuilder text = new StringBuilder();
    for (int i = first; i <= last; i++) {
      text.append("{\"ts\":")
          .append(i)
          .append(",\"client\":\"1.2.3.4\",\"body\":\"x")
          .append(i)
          .append("\"}\n");
    }
    return text.toString().getBytes(UTF_8);
  }

  private Path compress(String program, byte[] plain, String name) throws Exception {
    Path input = Files.write(temp.resolve(name + ".plain"), plain);
    Path output = temp.resolve(name);
    Process process =
        new ProcessBuilder(List.of(program, "-c", "-q", input.toString()))
            .redirectOutput(output.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    assertThat(process.waitFor()).as(program + " exit status").isZero();
    return output;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(a);
    out.writeBytes(b);
    return out.toByteArray();
  }
}
