package org.sdcap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {

  @TempDir Path temp;

  @Test
  void verifyReportsEveryDamagedRecord() throws Exception {
    Path cut = encodedSampleWithoutLine(5);

    Cli.Result result = Cli.run("verify", cut.toString()).expectExit(ExitCode.MISSING_PARENT);

    List<String> lines = result.stderr().lines().toList();
    assertThat(lines).hasSizeGreaterThan(1);
    for (String line : lines.subList(0, lines.size() - 1)) {
      assertThat(line).startsWith("sdcap: " + cut + ":").contains(" needs record ");
    }
    assertThat(lines.get(lines.size() - 1))
        .endsWith("records could not be rebuilt or do not match; the rest verified");
  }

  @Test
  void decodeKeepGoingWritesWhatItCan() throws Exception {
    Path cut = encodedSampleWithoutLine(5);
    int records = Files.readAllLines(cut).size();

    Cli.Result stopped = Cli.run("decode", cut.toString()).expectExit(ExitCode.MISSING_PARENT);
    Cli.Result kept =
        Cli.run("decode", "--keep-going", cut.toString()).expectExit(ExitCode.MISSING_PARENT);

    long written = kept.out().lines().count();
    long failed = kept.stderr().lines().count();
    assertThat(written + failed).isEqualTo(records);
    assertThat(written).isGreaterThan(stopped.out().lines().count());
  }

  @Test
  void verifyAcceptsCompressedV2() throws Exception {
    Path v2 = temp.resolve("sample.v2.zst");
    Cli.run("encode", "-q", "-o", v2.toString(), "testdata/sample/full.jsonl").expectExit(0);

    Cli.Result result = Cli.run("verify", v2.toString()).expectExit(0);

    assertThat(result.stderr())
        .isEqualTo(
            "sdcap: verified 41 records and 0 kept bad lines; every body matches its SHA-256\n");
  }

  private Path encodedSampleWithoutLine(int line) throws Exception {
    Cli.Result encoded = Cli.run("encode", "-q", "testdata/sample/full.jsonl").expectExit(0);
    List<String> lines = new ArrayList<>(List.of(encoded.out().split("\n")));
    lines.remove(line - 1);
    Path cut = temp.resolve("cut.v2");
    Files.write(cut, lines);
    return cut;
  }
}
