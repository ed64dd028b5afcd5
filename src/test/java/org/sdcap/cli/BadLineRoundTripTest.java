package org.sdcap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad input line goes through {@code sdcap encode} with its exact report on stderr,
 * counts in the summary, changes the exit status only with {@code --strict}, and comes back from
 * {@code sdcap decode} byte for byte.
 */
class BadLineRoundTripTest {

  private static final String GOOD =
      "{\"ts\":1700000000.5,\"client\":\"10.0.0.1:4000\",\"user_agent\":\"curl/8.5.0\","
          + "\"body\":\"{\\\"model\\\":\\\"gpt-4o\\\"}\"}";

  private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  @TempDir Path temp;

  /**
   * One bad line between two good records (or after one, for a last line), the message sdcap prints
   * for it, and how many records the file contains.
   */
  record Case(String name, byte[] content, String message, int records) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case(
            "torn last line",
            bytes(GOOD + "\n{\"ts\":1700000001,\"client\":\"10.0.0.1:4000\",\"body\":\"{\\\"mod"),
            "last line has no newline and is not valid JSON (cut off while being written?):"
                + " invalid JSON at byte offset 56: unterminated string starting at byte offset 49",
            1),
        between(
            "garbage",
            bytes("Traceback (most recent call last):\n"),
            "invalid JSON at byte offset 0: expected a value, found 'T'"),
        between("array", bytes("[1,2,3]\n"), "line is a JSON array, expected an object"),
        between("empty line", bytes("\n"), "empty line"),
        between("whitespace", bytes(" \t\r\n"), "line contains only whitespace"),
        between(
            "run of NUL bytes",
            concat(new byte[4096], bytes("\n")),
            "run of 4096 NUL bytes (a copytruncate hole?)"),
        new Case(
            "NUL bytes before a record",
            concat(bytes(GOOD + "\n"), new byte[7], bytes(GOOD + "\n")),
            "run of 7 NUL bytes (a copytruncate hole?)",
            2),
        new Case(
            "byte order mark before a record",
            concat(bytes(GOOD + "\n"), BYTE_ORDER_MARK, bytes(GOOD + "\n")),
            "UTF-8 byte order mark (EF BB BF)",
            2),
        between(
            "duplicate member name",
            bytes("{\"ts\":1,\"ts\":2}\n"),
            "duplicate member name \"ts\" at byte offsets 1 and 8"),
        between(
            "member name not UTF-8",
            concat(bytes("{\"ts\":1,\"na"), new byte[] {(byte) 0xC3, 0x28}, bytes("me\":2}\n")),
            "member name at byte offset 8 is not valid UTF-8"),
        between(
            "member name with a lone surrogate",
            bytes("{\"ts\":1,\"\\ud83d\":2}\n"),
            "member name at byte offset 8 contains a lone surrogate escape"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void badLineIsReportedAndKept(Case badLine) throws Exception {
    Path input = temp.resolve("app.log");
    Files.write(input, badLine.content());

    Cli.Result result = Cli.run("encode", input.toString()).expectExit(0);

    for (byte[] line : JsonValues.lines(result.stdout())) {
      JsonValues.assertPlainV2Line(line);
    }
    List<String> stderr = result.stderr().lines().toList();
    assertThat(stderr).hasSize(2);
    assertThat(stderr.get(0)).isEqualTo("sdcap: " + input + ":2: " + badLine.message());
    assertThat(stderr.get(1))
        .startsWith(
            "sdcap: "
                + badLine.records()
                + (badLine.records() == 1 ? " record" : " records")
                + ", 1 session, ")
        .contains(", 1 bad line, 0 warnings; ");
    assertThat(Cli.runWithInput(result.stdout(), "decode").expectExit(0).stdout())
        .isEqualTo(badLine.content());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void strictExitsWithDamagedInput(Case badLine) throws Exception {
    Path input = temp.resolve("app.log");
    Files.write(input, badLine.content());

    Cli.Result result =
        Cli.run("encode", "-q", "--strict", input.toString()).expectExit(ExitCode.INPUT_DAMAGED);

    assertThat(result.stderr()).isEqualTo("sdcap: " + input + ":2: " + badLine.message() + "\n");
    assertThat(Cli.runWithInput(result.stdout(), "decode").expectExit(0).stdout())
        .isEqualTo(badLine.content());
  }

  @Test
  void allBadLineKindsInOneFile() throws Exception {
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    List<Case> all = cases().toList();
    for (Case badLine : all) {
      if (!badLine.name().equals("torn last line")) {
        content.write(badLine.content());
      }
    }
    content.write(all.get(0).content());
    Path input = temp.resolve("app.log");
    Files.write(input, content.toByteArray());

    Cli.Result result = Cli.run("encode", input.toString()).expectExit(0);

    List<String> stderr = result.stderr().lines().toList();
    assertThat(stderr).hasSize(all.size() + 1);
    assertThat(stderr.get(all.size())).contains(" roots, " + all.size() + " bad lines, ");
    assertThat(Cli.runWithInput(result.stdout(), "decode").expectExit(0).stdout())
        .isEqualTo(content.toByteArray());
  }

  @Test
  void byteOrderMarkAtFileStartKeepsFirstRecord() throws Exception {
    byte[] content = concat(BYTE_ORDER_MARK, bytes(GOOD + "\n" + GOOD + "\n"));
    Path input = Files.write(temp.resolve("app.log"), content);

    Cli.Result result = Cli.run("encode", input.toString()).expectExit(0);

    assertThat(result.stderr().lines().toList().get(0))
        .isEqualTo("sdcap: " + input + ":1: UTF-8 byte order mark (EF BB BF)");
    assertThat(result.stderr()).contains("sdcap: 2 records, 1 session, ");
    assertThat(Cli.runWithInput(result.stdout(), "decode").expectExit(0).stdout())
        .isEqualTo(content);
  }

  private static Case between(String name, byte[] line, String message) {
    return new Case(name, concat(bytes(GOOD + "\n"), line, bytes(GOOD + "\n")), message, 2);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
