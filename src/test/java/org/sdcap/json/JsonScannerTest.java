package org.sdcap.json;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonScannerTest {

  @Test
  void membersComeBackInOrderWithExactValueText() throws Exception {
    String json =
        " {\"ts\": 1700000000.123456789012345678901234567890, \"s\":\"a\\\"b\\u00e9\\/\","
            + " \"o\":{\"x\":[1,{\"y\":null}]},\"a\":[ ],\"t\":true,\"f\":false,\"n\":null,"
            + "\"e\":-0.5E+10} \r\n";

    List<String> members = describeMembers(json);

    assertThat(members)
        .containsExactly(
            "ts NUMBER 1700000000.123456789012345678901234567890",
            "s STRING \"a\\\"b\\u00e9\\/\"",
            "o OBJECT {\"x\":[1,{\"y\":null}]}",
            "a ARRAY [ ]",
            "t TRUE true",
            "f FALSE false",
            "n NULL null",
            "e NUMBER -0.5E+10");
  }

  @Test
  void objectSpanCoversBracesOnly() throws Exception {
    byte[] bytes = "xx  {\"a\":1}  yy".getBytes(UTF_8);

    ObjectScan scan = JsonScanner.scanObject(bytes, 2, 13);

    assertThat(scan.start()).isEqualTo(4);
    assertThat(scan.end()).isEqualTo(11);
    assertThat(scan.size()).isEqualTo(1);
  }

  @Test
  void emptyObjectHasNoMembers() throws Exception {
    assertThat(JsonScanner.scanObject(bytes("{}"), 0, 2).size()).isZero();
  }

  @Test
  void escapedMemberNamesAreDecoded() throws Exception {
    byte[] bytes = bytes("{\"\\u0074s\":1,\"caf\\u00e9\":2,\"\\ud83d\\ude00\":3}");

    ObjectScan scan = JsonScanner.scanObject(bytes, 0, bytes.length);

    assertThat(scan.name(0)).isEqualTo("ts");
    assertThat(scan.name(1)).isEqualTo("café");
    assertThat(scan.name(2)).isEqualTo("\ud83d\ude00");
    assertThat(scan.indexOf("ts")).isZero();
    assertThat(scan.indexOf("café")).isEqualTo(1);
    assertThat(scan.indexOf("missing")).isEqualTo(-1);
  }

  @Test
  void duplicateNamesAreKeptAndIndexOfFindsTheFirst() throws Exception {
    byte[] bytes = bytes("{\"a\":1,\"a\":2}");

    ObjectScan scan = JsonScanner.scanObject(bytes, 0, bytes.length);

    assertThat(scan.size()).isEqualTo(2);
    assertThat(text(bytes, scan.find("a"))).isEqualTo("1");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "``                      | 0  | expected '{' at the start of an object, found end of input",
        "`   `                   | 3  | expected '{' at the start of an object, found end of input",
        "[1]                     | 0  | expected '{' at the start of an object, found '['",
        "{                       | 1  | expected a member name in double quotes or '}', found end"
            + " of input",
        "{\"ts\" 1}              | 6  | expected ':' after member name \"ts\", found '1'",
        "{\"ts\":1 \"a\":2}      | 8  | expected ',' or '}' after member \"ts\", found '\"'",
        "{\"a\":1,}              | 7  | trailing comma before '}'",
        "{\"a\":[1,]}            | 8  | trailing comma before ']'",
        "{\"a\":[1 2]}           | 8  | expected ',' or ']' after an array element, found '2'",
        "{\"a\":1,,}             | 7  | expected a member name in double quotes after ',', found"
            + " ','",
        "{'a':1}                 | 1  | expected a member name in double quotes or '}', found a"
            + " single quote",
        "{\"a\":'x'}             | 5  | single-quoted strings are not valid JSON",
        "{\"a\":NaN}             | 5  | NaN is not valid JSON",
        "{\"a\":Infinity}        | 5  | Infinity is not valid JSON",
        "{\"a\":-Infinity}       | 5  | -Infinity is not valid JSON",
        "{\"a\":01}              | 5  | numbers must not have leading zeros",
        "{\"a\":-01}             | 6  | numbers must not have leading zeros",
        "{\"a\":1.}              | 7  | expected a digit after the decimal point, found '}'",
        "{\"a\":.5}              | 5  | expected a value for member \"a\", found '.'",
        "{\"a\":+1}              | 5  | expected a value for member \"a\", found '+'",
        "{\"a\":-}               | 6  | expected a digit after '-', found '}'",
        "{\"a\":1e}              | 7  | expected a digit in the exponent, found '}'",
        "{\"a\":1e+}             | 8  | expected a digit in the exponent, found '}'",
        "{\"a\":tru}             | 8  | invalid literal, expected true, found '}'",
        "{\"a\":nul              | 8  | invalid literal, expected null, found end of input",
        "{\"a\":True}            | 5  | expected a value for member \"a\", found 'T'",
        "{\"a\":}                | 5  | expected a value for member \"a\", found '}'",
        "{\"a\":[,]}             | 6  | expected a value in array, found ','",
        "{\"a\":                 | 5  | expected a value for member \"a\", found end of input",
        "{\"a\":\"x              | 7  | unterminated string starting at byte offset 5",
        "{\"a                    | 3  | unterminated string starting at byte offset 1",
        "{\"a\":\"x\\            | 8  | unterminated string starting at byte offset 5",
        "{\"a\":\"\\x\"}         | 6  | invalid escape: backslash followed by 'x'",
        "{\"a\":\"\\u12G4\"}     | 6  | invalid \\u escape: expected 4 hex digits, found 'G'",
        "{\"a\":\"\\u12\"}       | 6  | invalid \\u escape: expected 4 hex digits, found '\"'",
        "{\"a\":1}}              | 7  | unexpected '}' after the end of the object",
        "{\"a\":1} {\"b\":2}     | 8  | unexpected '{' after the end of the object (two JSON values"
            + " on one line?)",
        "{\"a\":1} x             | 8  | unexpected 'x' after the end of the object",
        "{\"a\":{\"b\":1]}       | 11 | expected ',' or '}' after member \"b\", found ']'",
        "{\"a\":{\"b\":[]]}      | 12 | expected ',' or '}' after member \"b\", found ']'",
      })
  void invalidDocumentsReportOffsetAndReason(String json, int offset, String message) {
    byte[] bytes = json.getBytes(UTF_8);

    assertThatThrownBy(() -> JsonScanner.scanObject(bytes, 0, bytes.length))
        .isInstanceOfSatisfying(
            JsonSyntaxException.class,
            e -> {
              assertThat(e.getMessage()).isEqualTo(message);
              assertThat(e.offset()).isEqualTo(offset);
            });
  }

  @Test
  void controlCharacterInStringIsNamed() {
    assertSyntaxError("{\"a\":\"x\ny\"}", 7, "unescaped control character U+000A in string");
    assertSyntaxError("{\"a\":\"\u0000\"}", 6, "unescaped control character U+0000 in string");
    assertSyntaxError("{\"a\":\"\u001f\"}", 6, "unescaped control character U+001F in string");
  }

  @Test
  void bytesOutsideAsciiAreDescribedInHex() {
    byte[] bytes = {'{', '"', 'a', '"', ':', (byte) 0xC3, (byte) 0xA9, '}'};

    assertThatThrownBy(() -> JsonScanner.scanObject(bytes, 0, bytes.length))
        .hasMessage("expected a value for member \"a\", found byte 0xC3");
  }

  @Test
  void offsetsCountFromTheStartOfTheRange() {
    byte[] bytes = bytes("garbage{\"ts\" 1}");

    assertThatThrownBy(() -> JsonScanner.scanObject(bytes, 7, bytes.length))
        .isInstanceOfSatisfying(
            JsonSyntaxException.class, e -> assertThat(e.offset()).isEqualTo(6));
  }

  @Test
  void longMemberNamesAreShortenedInMessages() {
    String name = "n".repeat(100);

    assertSyntaxError(
        "{\"" + name + "\" 1}",
        104,
        "expected ':' after member name \"" + "n".repeat(60) + "...\", found '1'");
  }

  @Test
  void invalidUtf8InsideStringsIsAccepted() throws Exception {
    byte[] bytes = "{\"a\":\"\u00ff\u00fe\u00c3\"}".getBytes(ISO_8859_1);

    ObjectScan scan = JsonScanner.scanObject(bytes, 0, bytes.length);

    assertThat(JsonScanner.decodeStringUtf8(bytes, scan.valueStart(0), scan.valueEnd(0)))
        .containsExactly(0xFF, 0xFE, 0xC3);
  }

  @Test
  void nestingUpToTheLimitIsAccepted() throws Exception {
    int depth = JsonScanner.MAX_DEPTH - 1;
    String json = "{\"a\":" + "[".repeat(depth) + "]".repeat(depth) + "}";

    ObjectScan scan = JsonScanner.scanObject(bytes(json), 0, json.length());

    assertThat(scan.type(0)).isEqualTo(ValueType.ARRAY);
    assertThat(scan.valueEnd(0)).isEqualTo(json.length() - 1);
  }

  @Test
  void nestingPastTheLimitIsRejected() {
    int depth = JsonScanner.MAX_DEPTH;
    String json = "{\"a\":" + "[".repeat(depth) + "]".repeat(depth) + "}";

    assertSyntaxError(json, 5 + depth - 1, "arrays and objects nested deeper than 10000 levels");
  }

  @Test
  void millionOpenBracketsFailWithoutStackOverflow() {
    String json = "{\"a\":" + "[{\"b\":".repeat(1_000_000);

    assertThatThrownBy(() -> JsonScanner.scanObject(bytes(json), 0, json.length()))
        .hasMessage("arrays and objects nested deeper than 10000 levels");
  }

  @Test
  void scanValueReturnsTypeOfAnyValue() throws Exception {
    assertThat(JsonScanner.scanValue(bytes(" [1, {\"a\":[]}] "), 0, 15)).isEqualTo(ValueType.ARRAY);
    assertThat(JsonScanner.scanValue(bytes("\"x\""), 0, 3)).isEqualTo(ValueType.STRING);
    assertThat(JsonScanner.scanValue(bytes("-12.5e3"), 0, 7)).isEqualTo(ValueType.NUMBER);
    assertThat(JsonScanner.scanValue(bytes("null"), 0, 4)).isEqualTo(ValueType.NULL);
  }

  @Test
  void scanValueRejectsTrailingData() {
    byte[] bytes = bytes("1 2");

    assertThatThrownBy(() -> JsonScanner.scanValue(bytes, 0, 3))
        .hasMessage("unexpected '2' after the end of the value");
  }

  @Test
  void decodeStringUtf8DecodesEveryEscape() {
    String literal =
        "\"q\\\" s\\\\ / \\/ \\b\\f\\n\\r\\t \\u0041 \\u00e9 \\u20ac \\ud83d\\ude00 é\"";

    byte[] decoded = decode(literal);

    assertThat(new String(decoded, UTF_8)).isEqualTo("q\" s\\ / / \b\f\n\r\t A é € \ud83d\ude00 é");
  }

  @Test
  void decodeStringUtf8WritesLoneSurrogatesAsWtf8() {
    assertThat(decode("\"\\ud83d\"")).containsExactly(0xED, 0xA0, 0xBD);
    assertThat(decode("\"\\ude00x\"")).containsExactly(0xED, 0xB8, 0x80, 'x');
    assertThat(decode("\"\\ude00\\ud83d\"")).containsExactly(0xED, 0xB8, 0x80, 0xED, 0xA0, 0xBD);
    assertThat(decode("\"\\ud83d\\u0041\"")).containsExactly(0xED, 0xA0, 0xBD, 'A');
    assertThat(decode("\"\\ud83d\"")).isEqualTo(Utf8.encodeWtf8("\ud83d"));
  }

  @Test
  void decodeStringUtf8CopiesPlainLiteralsAsTheyAre() {
    assertThat(decode("\"\"")).isEmpty();
    assertThat(new String(decode("\"plain text\""), UTF_8)).isEqualTo("plain text");
  }

  @Test
  void decodeStringKeepsLoneSurrogates() {
    byte[] bytes = bytes("\"a\\ud83db\\n\"");

    assertThat(JsonScanner.decodeString(bytes, 0, bytes.length)).isEqualTo("a\ud83db\n");
  }

  @Test
  void findMemberLocatesNestedValues() throws Exception {
    byte[] bytes =
        bytes(
            "{\"messages\":[{\"role\":\"user\"}],\"model\":\"gpt\","
                + "\"metadata\":{\"user_id\":\"u-1\",\"x\":[]},\"prompt_cache_key\":\"k\"}");

    assertThat(text(bytes, JsonScanner.findMember(bytes, 0, bytes.length, "model")))
        .isEqualTo("\"gpt\"");
    assertThat(text(bytes, JsonScanner.findPath(bytes, 0, bytes.length, "metadata", "user_id")))
        .isEqualTo("\"u-1\"");
    assertThat(JsonScanner.findPath(bytes, 0, bytes.length, "model", "user_id")).isNull();
    assertThat(JsonScanner.findPath(bytes, 0, bytes.length, "metadata", "missing")).isNull();
    assertThat(JsonScanner.findMember(bytes, 0, bytes.length, "user_id")).isNull();
  }

  @Test
  void findMemberRejectsInvalidObjects() {
    byte[] bytes = bytes("{\"model\":\"gpt\",}");

    assertThatThrownBy(() -> JsonScanner.findMember(bytes, 0, bytes.length, "model"))
        .hasMessage("trailing comma before '}'");
  }

  private static void assertSyntaxError(String json, int offset, String message) {
    byte[] bytes = json.getBytes(UTF_8);
    assertThatThrownBy(() -> JsonScanner.scanObject(bytes, 0, bytes.length))
        .isInstanceOfSatisfying(
            JsonSyntaxException.class,
            e -> {
              assertThat(e.getMessage()).isEqualTo(message);
              assertThat(e.offset()).isEqualTo(offset);
            });
  }

  private static List<String> describeMembers(String json) throws JsonSyntaxException {
    byte[] bytes = bytes(json);
    ObjectScan scan = JsonScanner.scanObject(bytes, 0, bytes.length);
    List<String> members = new ArrayList<>();
    for (int i = 0; i < scan.size(); i++) {
      members.add(scan.name(i) + " " + scan.type(i) + " " + text(bytes, scan.value(i)));
    }
    return members;
  }

  private static byte[] decode(String literal) {
    byte[] bytes = bytes(literal);
    return JsonScanner.decodeStringUtf8(bytes, 0, bytes.length);
  }

  private static String text(byte[] bytes, JsonSpan span) {
    return new String(bytes, span.start(), span.length(), UTF_8);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }
}
