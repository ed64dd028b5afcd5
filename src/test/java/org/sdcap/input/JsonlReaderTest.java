package org.sdcap.input;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonlReaderTest {

  private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final RecordingDiagnostics diagnostics = new RecordingDiagnostics();

  @Test
  void v1WholeBodyIsHeadWithEmptyTail() throws IOException {
    InputRecord record =
        readOne(
            "{\"ts\":1700000000.123456,\"status\":200,\"body_bytes\":7,"
                + "\"body_truncated_bytes\":0,\"body_head\":\"{\\\"a\\\":1}\",\"body_tail\":\"\"}\n");

    RequestBody body = record.body();
    assertThat(body.form()).isEqualTo(BodyForm.V1);
    assertThat(new String(body.bytes(), UTF_8)).isEqualTo("{\"a\":1}");
    assertThat(body.partial()).isFalse();
    assertThat(body.headBytes()).isEqualTo(7);
    assertThat(body.fieldName()).isEqualTo("body_head");
    assertThat(body.fieldIndex()).isEqualTo(-1);
    assertThat(fieldNames(record))
        .containsExactly("ts", "status", "body_bytes", "body_truncated_bytes");
  }

  @Test
  void v1TruncatedBodyIsHeadThenTail() throws IOException {
    InputRecord record =
        readOne(
            "{\"ts\":1,\"body_bytes\":4006,\"body_truncated_bytes\":4000,"
                + "\"body_head\":\"abc\",\"body_tail\":\"xyz\",\"oversize_rejected\":false}\n");

    RequestBody body = record.body();
    assertThat(body.form()).isEqualTo(BodyForm.V1);
    assertThat(new String(body.bytes(), UTF_8)).isEqualTo("abcxyz");
    assertThat(body.headBytes()).isEqualTo(3);
    assertThat(body.partial()).isTrue();
    assertThat(body.fieldIndex()).isEqualTo(3);
    assertThat(fieldNames(record))
        .containsExactly("ts", "body_bytes", "body_truncated_bytes", "oversize_rejected");
    assertThat(record.field("body_truncated_bytes").rawText()).isEqualTo("4000");
  }

  @Test
  void v1NonEmptyTailIsPartialEvenWithoutTruncatedCount() throws IOException {
    RequestBody body = readOne("{\"body_head\":\"ab\",\"body_tail\":\"cd\"}\n").body();

    assertThat(body.partial()).isTrue();
    assertThat(body.headBytes()).isEqualTo(2);
  }

  @Test
  void v1HeadWithoutTailIsStringBodyNamedBodyHead() throws IOException {
    InputRecord record =
        readOne("{\"body_truncated_bytes\":10,\"body_head\":\"abc\",\"status\":413}\n");

    RequestBody body = record.body();
    assertThat(body.form()).isEqualTo(BodyForm.STRING);
    assertThat(body.fieldName()).isEqualTo("body_head");
    assertThat(body.fieldIndex()).isEqualTo(1);
    assertThat(body.partial()).isTrue();
    assertThat(new String(body.bytes(), UTF_8)).isEqualTo("abc");
  }

  @Test
  void v1TailNotNextToHeadStaysMetadata() throws IOException {
    InputRecord record = readOne("{\"body_head\":\"abc\",\"ts\":1,\"body_tail\":\"\"}\n");

    assertThat(record.body().form()).isEqualTo(BodyForm.STRING);
    assertThat(fieldNames(record)).containsExactly("ts", "body_tail");
  }

  @Test
  void v1ZeroTruncatedCountsAreNotPartial() throws IOException {
    for (String zero : List.of("0", "-0", "0.0", "0e5", "-3")) {
      RequestBody body =
          readOne(
                  "{\"body_truncated_bytes\":"
                      + zero
                      + ",\"body_head\":\"a\",\"body_tail\":\"\"}\n")
              .body();
      assertThat(body.partial()).as(zero).isFalse();
    }
  }

  @Test
  void stringBodyIsDecodedToUtf8() throws IOException {
    InputRecord record =
        readOne("{\"ts\":1,\"body\":\"{\\\"q\\\":\\\"\\u00e9\\\\n\\ud83d\\\"}\",\"status\":200}\n");

    RequestBody body = record.body();
    assertThat(body.form()).isEqualTo(BodyForm.STRING);
    assertThat(body.bytes())
        .isEqualTo(
            new byte[] {
              '{',
              '"',
              'q',
              '"',
              ':',
              '"',
              (byte) 0xC3,
              (byte) 0xA9,
              '\\',
              'n',
              (byte) 0xED,
              (byte) 0xA0,
              (byte) 0xBD,
              '"',
              '}'
            });
    assertThat(body.partial()).isFalse();
    assertThat(body.headBytes()).isEqualTo(body.bytes().length);
    assertThat(body.fieldName()).isEqualTo("body");
    assertThat(body.fieldIndex()).isEqualTo(1);
    assertThat(fieldNames(record)).containsExactly("ts", "status");
  }

  @Test
  void stringBodyKeepsInvalidUtf8Bytes() throws IOException {
    byte[] line = "{\"body\":\"\u00ff\u00c3(\"}\n".getBytes(ISO_8859_1);

    RequestBody body = readOne(line).body();

    assertThat(body.bytes()).containsExactly(0xFF, 0xC3, '(');
  }

  @Test
  void embeddedBodyKeepsItsExactText() throws IOException {
    String value = "{ \"model\" : \"m\", \"n\": 1.50000000000000000000001e+3 ,\"a\":[ ] }";

    RequestBody body = readOne("{\"body\": " + value + " ,\"ts\":1}\n").body();

    assertThat(body.form()).isEqualTo(BodyForm.JSON);
    assertThat(new String(body.bytes(), UTF_8)).isEqualTo(value);
    assertThat(body.fieldIndex()).isZero();
  }

  @Test
  void embeddedScalarBodyIsJson() throws IOException {
    assertThat(new String(readOne("{\"body\":-12.50}\n").body().bytes(), UTF_8))
        .isEqualTo("-12.50");
    assertThat(readOne("{\"body\":[1]}\n").body().form()).isEqualTo(BodyForm.JSON);
    assertThat(readOne("{\"body\":false}\n").body().form()).isEqualTo(BodyForm.JSON);
  }

  @Test
  void nullBodyStaysMetadata() throws IOException {
    InputRecord record = readOne("{\"ts\":1,\"body\":null}\n");

    assertThat(record.body()).isNull();
    assertThat(record.field("body").rawText()).isEqualTo("null");
  }

  @Test
  void canonicalBase64BodyIsDecoded() throws IOException {
    InputRecord record = readOne("{\"body_b64\":\"/wBhYg==\",\"ts\":1}\n");

    RequestBody body = record.body();
    assertThat(body.form()).isEqualTo(BodyForm.BASE64);
    assertThat(body.bytes()).containsExactly(0xFF, 0x00, 'a', 'b');
    assertThat(body.fieldName()).isEqualTo("body_b64");
    assertThat(body.fieldIndex()).isZero();
    assertThat(diagnostics.reports).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/wBhYg", "/wBhYh==", "/wBh\\/g==", "/wBh Yg==", "/wBhYg=="})
  void nonCanonicalBase64StaysMetadata(String text) throws IOException {
    String value = text.equals("/wBhYg==") ? "/wBhYg===" : text;
    String line = "{\"body_b64\":\"" + value + "\"}\n";

    InputRecord record = readOne(line);

    assertThat(record.body()).isNull();
    assertThat(record.field("body_b64").rawText()).isEqualTo("\"" + value + "\"");
    assertThat(diagnostics.reports)
        .containsExactly(
            "warning test.jsonl:1: \"body_b64\" is not canonical padded base64, so it is kept as"
                + " metadata and the record has no body from it");
  }

  @Test
  void bodyTakesPrecedenceOverBase64AndHead() throws IOException {
    InputRecord record =
        readOne("{\"body_head\":\"h\",\"body_tail\":\"\",\"body_b64\":\"YQ==\",\"body\":\"b\"}\n");

    assertThat(record.body().form()).isEqualTo(BodyForm.STRING);
    assertThat(record.body().fieldIndex()).isEqualTo(-1);
    assertThat(fieldNames(record)).containsExactly("body_head", "body_tail", "body_b64");
  }

  @Test
  void base64TakesPrecedenceOverHead() throws IOException {
    InputRecord record =
        readOne("{\"body_head\":\"h\",\"body_tail\":\"\",\"body_b64\":\"YQ==\"}\n");

    assertThat(record.body().form()).isEqualTo(BodyForm.BASE64);
    assertThat(fieldNames(record)).containsExactly("body_head", "body_tail");
  }

  @Test
  void metadataKeepsRawValuesAndOrder() throws IOException {
    InputRecord record =
        readOne(
            "{\"ts\":1700000000.123456789012345678,\"x_custom\":{\"a\": [1, 2]},"
                + "\"client\":\"10.0.0.1:5555\",\"model\":null,\"user_agent\":\"a\\u0062c\"}\n");

    assertThat(fieldNames(record))
        .containsExactly("ts", "x_custom", "client", "model", "user_agent");
    assertThat(record.field("ts").rawText()).isEqualTo("1700000000.123456789012345678");
    assertThat(record.field("x_custom").rawText()).isEqualTo("{\"a\": [1, 2]}");
    assertThat(record.field("user_agent").rawText()).isEqualTo("\"a\\u0062c\"");
    assertThat(record.body()).isNull();
  }

  @Test
  void mappedFieldNamesChooseTheBody() throws IOException {
    FieldNames names =
        FieldNames.parse(List.of("body=request", "body_head=head", "body_tail=tail"));
    InputOptions options = InputOptions.defaults().withFieldNames(names);

    InputRecord fullBody =
        (InputRecord) read("{\"body\":\"x\",\"request\":{\"a\":1}}\n", options).get(0);
    InputRecord v1 = (InputRecord) read("{\"head\":\"ab\",\"tail\":\"cd\"}\n", options).get(0);

    assertThat(fullBody.body().form()).isEqualTo(BodyForm.JSON);
    assertThat(fullBody.body().fieldName()).isEqualTo("request");
    assertThat(fieldNames(fullBody)).containsExactly("body");
    assertThat(v1.body().form()).isEqualTo(BodyForm.V1);
    assertThat(new String(v1.body().bytes(), UTF_8)).isEqualTo("abcd");
  }

  @Test
  void notJsonLineIsKeptAndReadingGoesOn() throws IOException {
    List<InputItem> items = read("{\"ts\":1}\nhello world\n{\"ts\":3}\n");

    assertThat(items).hasSize(3);
    BadLine bad = (BadLine) items.get(1);
    assertThat(bad.position()).isEqualTo(SourcePosition.ofLine("test.jsonl", 2));
    assertThat(bad.reason())
        .isEqualTo("invalid JSON at byte offset 0: expected a value, found 'h'");
    assertThat(new String(bad.raw(), UTF_8)).isEqualTo("hello world");
    assertThat(bad.endsWithNewline()).isTrue();
    assertThat(((InputRecord) items.get(2)).position().line()).isEqualTo(3);
    assertThat(diagnostics.reports)
        .containsExactly(
            "damaged test.jsonl:2: invalid JSON at byte offset 0: expected a value, found 'h'");
  }

  @Test
  void invalidJsonReasonNamesOffsetAndMember() throws IOException {
    BadLine bad = readBad("{\"ts\" 1700000000}\n");

    assertThat(bad.reason())
        .isEqualTo(
            "invalid JSON at byte offset 6: expected ':' after member name \"ts\", found '1'");
  }

  @Test
  void arrayLineIsNotAnObject() throws IOException {
    assertThat(readBad("[1,2]\n").reason()).isEqualTo("line is a JSON array, expected an object");
    assertThat(readBad(" \"text\"\n").reason())
        .isEqualTo("line is a JSON string, expected an object");
    assertThat(readBad("42\n").reason()).isEqualTo("line is a JSON number, expected an object");
    assertThat(readBad("null\n").reason())
        .isEqualTo("line is the JSON literal null, expected an object");
    assertThat(readBad("[1,\n").reason())
        .isEqualTo("invalid JSON at byte offset 3: expected a value in array, found end of input");
  }

  @Test
  void emptyAndWhitespaceLinesAreBad() throws IOException {
    List<InputItem> items = read("\n  \t\n\r\n{}\n");

    assertThat(Items.describeAll(items))
        .containsExactly(
            "bad test.jsonl:1 [empty line] raw=",
            "bad test.jsonl:2 [line contains only whitespace] raw=  \t",
            "bad test.jsonl:3 [line contains only whitespace] raw=\r",
            "record test.jsonl:4 {}");
  }

  @Test
  void tornLastLineIsKeptWithoutNewline() throws IOException {
    List<InputItem> items = read("{\"ts\":1}\n{\"ts\":2,\"body\":\"abc");

    BadLine bad = (BadLine) items.get(1);
    assertThat(bad.reason())
        .isEqualTo(
            "last line has no newline and is not valid JSON (cut off while being written?):"
                + " invalid JSON at byte offset 19: unterminated string starting at byte offset"
                + " 15");
    assertThat(bad.endsWithNewline()).isFalse();
    assertThat(new String(bad.raw(), UTF_8)).isEqualTo("{\"ts\":2,\"body\":\"abc");
  }

  @Test
  void validLastLineWithoutNewlineIsRecord() throws IOException {
    List<InputItem> items = read("{\"ts\":1}\n{\"ts\":2}");

    assertThat(items).hasSize(2);
    assertThat(items.get(1)).isInstanceOf(InputRecord.class);
  }

  @Test
  void garbageBytesAreKeptExactly() throws IOException {
    byte[] input = {(byte) 0xFF, (byte) 0xFE, 0x01, '{', '\n', '{', '}', '\n'};

    List<InputItem> items = read(input, InputOptions.defaults());

    BadLine bad = (BadLine) items.get(0);
    assertThat(bad.raw()).containsExactly(0xFF, 0xFE, 0x01, '{');
    assertThat(bad.reason())
        .isEqualTo("invalid JSON at byte offset 0: expected a value, found byte 0xFF");
    assertThat(items.get(1)).isInstanceOf(InputRecord.class);
  }

  @Test
  void duplicateMemberNameIsBadLine() throws IOException {
    BadLine bad = readBad("{\"model\":\"a\",\"ts\":1,\"model\":\"b\"}\n");

    assertThat(bad.reason()).isEqualTo("duplicate member name \"model\" at byte offsets 1 and 20");
  }

  @Test
  void duplicateFoundThroughEscapedName() throws IOException {
    BadLine bad = readBad("{\"ts\":1,\"\\u0074s\":2}\n");

    assertThat(bad.reason()).isEqualTo("duplicate member name \"ts\" at byte offsets 1 and 8");
  }

  @Test
  void memberNameWithInvalidUtf8IsBadLine() throws IOException {
    byte[] line = "{\"ok\":1,\"n\u00ff\":2}\n".getBytes(ISO_8859_1);

    BadLine bad = (BadLine) read(line, InputOptions.defaults()).get(0);

    assertThat(bad.reason()).isEqualTo("member name at byte offset 8 is not valid UTF-8");
    assertThat(bad.raw()).isEqualTo(java.util.Arrays.copyOf(line, line.length - 1));
  }

  @Test
  void memberNameWithLoneSurrogateIsBadLine() throws IOException {
    BadLine bad = readBad("{\"ok\":1,\"a\\ud83db\":2}\n");

    assertThat(bad.reason())
        .isEqualTo("member name at byte offset 8 contains a lone surrogate escape");
  }

  @Test
  void memberNameWithSurrogatePairIsRecord() throws IOException {
    InputRecord record = readOne("{\"\\ud83d\\ude00\":1}\n");

    assertThat(fieldNames(record)).containsExactly("\uD83D\uDE00");
  }

  @Test
  void nulRunAloneIsOneBadLine() throws IOException {
    byte[] input = concat(new byte[4096], "\n{}\n".getBytes(UTF_8));

    List<InputItem> items = read(input, InputOptions.defaults());

    BadLine bad = (BadLine) items.get(0);
    assertThat(bad.reason()).isEqualTo("run of 4096 NUL bytes (a copytruncate hole?)");
    assertThat(bad.raw()).isEqualTo(new byte[4096]);
    assertThat(bad.endsWithNewline()).isTrue();
    assertThat(items.get(1).position().line()).isEqualTo(2);
  }

  @Test
  void nulRunBeforeObjectSplitsTheLine() throws IOException {
    byte[] input = concat(new byte[10], "{\"ts\":1}\n{\"ts\":2}\n".getBytes(UTF_8));

    List<InputItem> items = read(input, InputOptions.defaults());

    assertThat(Items.describeAll(items))
        .containsExactly(
            "bad test.jsonl:1 [run of 10 NUL bytes (a copytruncate hole?)] raw="
                + "\0".repeat(10)
                + " (no newline)",
            "record test.jsonl:1 {ts=1 }",
            "record test.jsonl:2 {ts=2 }");
    assertThat(diagnostics.reports)
        .containsExactly("damaged test.jsonl:1: run of 10 NUL bytes (a copytruncate hole?)");
  }

  @Test
  void nulRunBeforeGarbageCountsOffsetsFromLineStart() throws IOException {
    byte[] input = concat(new byte[3], "{\"ts\" 1}\n".getBytes(UTF_8));

    List<InputItem> items = read(input, InputOptions.defaults());

    assertThat(((BadLine) items.get(1)).reason())
        .isEqualTo(
            "invalid JSON at byte offset 9: expected ':' after member name \"ts\", found '1'");
  }

  @Test
  void longNulRunComesInPieces() throws IOException {
    byte[] input = concat(new byte[250], "\n".getBytes(UTF_8));

    List<InputItem> items = read(input, InputOptions.defaults().withMaxLineBytes(100));

    assertThat(Items.describeAll(items))
        .containsExactly(
            "bad test.jsonl:1 [run of 100 NUL bytes (a copytruncate hole?)] raw="
                + "\0".repeat(100)
                + " (no newline)",
            "bad test.jsonl:1 [run of 100 NUL bytes (a copytruncate hole?)] raw="
                + "\0".repeat(100)
                + " (no newline)",
            "bad test.jsonl:1 [run of 50 NUL bytes (a copytruncate hole?)] raw=" + "\0".repeat(50));
  }

  @Test
  void nulBytesAfterLineStartStayInTheLine() throws IOException {
    BadLine bad = readBad("{\"a\":1}\0\0\n");

    assertThat(bad.reason())
        .isEqualTo(
            "invalid JSON at byte offset 7: unexpected byte 0x00 after the end of the object");
    assertThat(bad.raw()).hasSize(9);
  }

  @Test
  void byteOrderMarkBeforeObjectSplitsTheLine() throws IOException {
    byte[] input = concat(BYTE_ORDER_MARK, "{\"ts\":1}\n{\"ts\":2}\n".getBytes(UTF_8));

    List<InputItem> items = read(input, InputOptions.defaults());

    assertThat(Items.describeAll(items))
        .containsExactly(
            "bad test.jsonl:1 [UTF-8 byte order mark (EF BB BF)] raw=\u00EF\u00BB\u00BF (no newline)",
            "record test.jsonl:1 {ts=1 }",
            "record test.jsonl:2 {ts=2 }");
    assertThat(diagnostics.reports)
        .containsExactly("damaged test.jsonl:1: UTF-8 byte order mark (EF BB BF)");
  }

  @Test
  void byteOrderMarkAloneIsOneBadLine() throws IOException {
    byte[] input = concat(BYTE_ORDER_MARK, "\n{}\n".getBytes(UTF_8));

    List<InputItem> items = read(input, InputOptions.defaults());

    BadLine bad = (BadLine) items.get(0);
    assertThat(bad.raw()).isEqualTo(BYTE_ORDER_MARK);
    assertThat(bad.endsWithNewline()).isTrue();
    assertThat(items.get(1)).isInstanceOf(InputRecord.class);
    assertThat(items.get(1).position().line()).isEqualTo(2);
  }

  @Test
  void byteOrderMarkAtEndOfInputHasNoNewline() throws IOException {
    byte[] input = concat("{}\n".getBytes(UTF_8), BYTE_ORDER_MARK);

    List<InputItem> items = read(input, InputOptions.defaults());

    assertThat(items).hasSize(2);
    BadLine bad = (BadLine) items.get(1);
    assertThat(bad.raw()).isEqualTo(BYTE_ORDER_MARK);
    assertThat(bad.endsWithNewline()).isFalse();
  }

  @Test
  void byteOrderMarkBeforeGarbageCountsOffsetsFromLineStart() throws IOException {
    byte[] input = concat(BYTE_ORDER_MARK, "{\"ts\" 1}\n".getBytes(UTF_8));

    List<InputItem> items = read(input, InputOptions.defaults());

    assertThat(((BadLine) items.get(1)).reason())
        .isEqualTo(
            "invalid JSON at byte offset 9: expected ':' after member name \"ts\", found '1'");
  }

  @Test
  void byteOrderMarkAfterLineStartStaysInTheLine() throws IOException {
    byte[] line = concat("{\"a\":1}".getBytes(UTF_8), BYTE_ORDER_MARK);

    List<InputItem> items = read(concat(line, "\n".getBytes(UTF_8)), InputOptions.defaults());

    assertThat(items).hasSize(1);
    assertThat(((BadLine) items.get(0)).raw()).isEqualTo(line);
  }

  @Test
  void incompleteByteOrderMarkStaysInTheLine() throws IOException {
    byte[] input = {(byte) 0xEF, (byte) 0xBB, '\n'};

    List<InputItem> items = read(input, InputOptions.defaults());

    assertThat(items).hasSize(1);
    assertThat(((BadLine) items.get(0)).raw()).isEqualTo(new byte[] {(byte) 0xEF, (byte) 0xBB});
  }

  @Test
  void crlfLinesParseAndBadLinesKeepTheCarriageReturn() throws IOException {
    List<InputItem> items = read("{\"ts\":1}\r\nbad\r\n{\"ts\":3}\r\n");

    assertThat(items.get(0)).isInstanceOf(InputRecord.class);
    assertThat(new String(((BadLine) items.get(1)).raw(), UTF_8)).isEqualTo("bad\r");
    assertThat(((InputRecord) items.get(2)).field("ts").rawText()).isEqualTo("3");
  }

  @Test
  void lineAtTheLimitIsAcceptedAndLongerLineIsRejected() throws IOException {
    String atLimit = "{\"a\":\"" + "x".repeat(92) + "\"}";
    InputOptions options = InputOptions.defaults().withMaxLineBytes(100);

    assertThat(read(atLimit + "\n", options)).hasSize(1);
    assertThat(read(atLimit, options)).hasSize(1);
    assertThatThrownBy(() -> read("{}\n" + atLimit + " \n", options))
        .isInstanceOf(InputException.class)
        .hasMessage(
            "test.jsonl:2: line is longer than the maximum of 100 bytes. Raise the limit with"
                + " --max-line-bytes (up to 2147483583 bytes).");
    assertThatThrownBy(() -> read(atLimit + " ", options))
        .hasMessageStartingWith("test.jsonl:1: line is longer than the maximum of 100 bytes.");
  }

  @Test
  void lineSpanningManyBufferRefillsIsRead() throws IOException {
    String text = "y".repeat(3 << 20);
    String input = "{\"a\":1}\n{\"body\":\"" + text + "\"}\n{\"a\":3}\n";

    List<InputItem> items = read(input);

    assertThat(items).hasSize(3);
    assertThat(((InputRecord) items.get(1)).body().bytes()).hasSize(3 << 20);
  }

  @Test
  void oneByteReadsGiveTheSameItems() throws IOException {
    byte[] input = mixedInput();
    List<String> expected = Items.describeAll(read(input, InputOptions.defaults()));

    List<String> actual =
        Items.describeAll(readStream(ChunkedInputStream.oneByteAtATime(input), smallOptions()));

    assertThat(actual).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
  void randomChunkReadsGiveTheSameItems(long seed) throws IOException {
    byte[] input = mixedInput();
    List<String> expected = Items.describeAll(read(input, InputOptions.defaults()));

    List<String> actual =
        Items.describeAll(
            readStream(ChunkedInputStream.randomChunks(input, seed, 97), smallOptions()));

    assertThat(actual).as("seed %d", seed).isEqualTo(expected);
  }

  /**
   * Lines of every kind, byte order marks, NUL runs and a 1,500-byte line among them, and a torn
   * last line.
   */
  private static byte[] mixedInput() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(BYTE_ORDER_MARK);
    String lines =
        "{\"ts\":1,\"body\":\"a\\nb\",\"status\":200}\n"
            + "\n"
            + "{\"ts\":2,\"body_head\":\"h\",\"body_tail\":\"t\",\"body_truncated_bytes\":5}\r\n"
            + "not json\n"
            + "[1,2]\n"
            + "{\"body_b64\":\"AAEC\"}\n"
            + "{\"a\":1,\"a\":2}\n"
            + "{\"body\": {\"k\": [1, 2, {\"x\": null}]} }\n";
    out.writeBytes(lines.getBytes(UTF_8));
    out.writeBytes(new byte[700]);
    out.writeBytes("{\"after\":\"hole\"}\n".getBytes(UTF_8));
    out.writeBytes(BYTE_ORDER_MARK);
    out.writeBytes("\n".getBytes(UTF_8));
    out.writeBytes(BYTE_ORDER_MARK);
    out.writeBytes("{\"after\":\"mark\"}\n".getBytes(UTF_8));
    out.writeBytes(("{\"long\":\"" + "z".repeat(1500) + "\"}\n").getBytes(UTF_8));
    out.writeBytes(new byte[300]);
    out.writeBytes("\n{\"torn\":".getBytes(UTF_8));
    return out.toByteArray();
  }

  private static InputOptions smallOptions() {
    return InputOptions.defaults().withMaxLineBytes(4096);
  }

  private InputRecord readOne(String line) throws IOException {
    return readOne(line.getBytes(UTF_8));
  }

  private InputRecord readOne(byte[] line) throws IOException {
    List<InputItem> items = read(line, InputOptions.defaults());
    assertThat(items).hasSize(1);
    assertThat(items.get(0)).isInstanceOf(InputRecord.class);
    return (InputRecord) items.get(0);
  }

  private BadLine readBad(String line) throws IOException {
    List<InputItem> items = read(line);
    assertThat(items).hasSize(1);
    assertThat(items.get(0)).isInstanceOf(BadLine.class);
    return (BadLine) items.get(0);
  }

  private List<InputItem> read(String input) throws IOException {
    return read(input.getBytes(UTF_8), InputOptions.defaults());
  }

  private List<InputItem> read(String input, InputOptions options) throws IOException {
    return read(input.getBytes(UTF_8), options);
  }

  private List<InputItem> read(byte[] input, InputOptions options) throws IOException {
    return readStream(new ByteArrayInputStream(input), options);
  }

  private List<InputItem> readStream(InputStream in, InputOptions options) throws IOException {
    return Items.readAll(new JsonlReader(in, "test.jsonl", options, diagnostics));
  }

  private static List<String> fieldNames(InputRecord record) {
    return record.fields().stream().map(Field::name).toList();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
