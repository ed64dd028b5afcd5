package org.sdcap.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A strict RFC 8259 JSON scanner over bytes that returns the exact byte spans of values instead of
 * building a tree, so numbers and string escapes can be passed on untouched.
 *
 * <p>Strict means: no trailing commas, no NaN or Infinity, no leading zeros, no single quotes, no
 * unescaped control characters in strings, only the escapes RFC 8259 lists, and exactly four hex
 * digits after {@code \}{@code u}. Two things are accepted on purpose: bytes that are not valid
 * UTF-8 inside strings (they are kept as bytes), and escaped lone surrogates such as {@code
 * \}{@code ud83d} (valid JSON text).
 *
 * <p>Arrays and objects are tracked on an explicit stack, never by recursion, and may nest at most
 * {@link #MAX_DEPTH} levels. There is no limit on the length of strings, numbers or the input.
 *
 * <p>Offsets in {@link JsonSyntaxException} count from the {@code from} argument of the call. The
 * static methods are thread-safe; each call uses its own state.
 */
public final class JsonScanner {

  /** The deepest nesting of arrays and objects accepted, counting the outermost value as 1. */
  public static final int MAX_DEPTH = 10_000;

  private static final int NAME_SHOWN_CHARS = 60;

  /** 2 for the bytes that may follow a backslash as a two-byte escape, else 0. */
  private static final byte[] ESCAPE_LENGTHS = new byte[256];

  /** 1 for ASCII hex digits, else 0. */
  private static final byte[] HEX_DIGITS = new byte[256];

  static {
    for (char c : "\"\\/bfnrt".toCharArray()) {
      ESCAPE_LENGTHS[c] = 2;
    }
    for (char c : "0123456789abcdefABCDEF".toCharArray()) {
      HEX_DIGITS[c] = 1;
    }
  }

  private final byte[] buf;
  private final int origin;
  private final int end;
  private int pos;
  private byte[] containers = new byte[32];
  private int[] memberNames = new int[32];
  private int depth;

  private JsonScanner(byte[] buf, int from, int to) {
    this.buf = buf;
    this.origin = from;
    this.end = to;
    this.pos = from;
  }

  /**
   * Scans exactly one JSON object in {@code buf[from, to)}, with optional whitespace around it.
   *
   * @return the object's top-level members with the spans of their values
   * @throws JsonSyntaxException when the range is not one valid JSON object
   */
  public static ObjectScan scanObject(byte[] buf, int from, int to) throws JsonSyntaxException {
    JsonScanner scanner = new JsonScanner(buf, from, checkRange(buf, from, to));
    scanner.skipWhitespace();
    if (scanner.pos >= to || buf[scanner.pos] != '{') {
      throw scanner.error(
          scanner.pos, "expected '{' at the start of an object, found " + scanner.describeAt());
    }
    ObjectScan members = new ObjectScan(buf, scanner.pos);
    scanner.scanValue(members);
    members.setEnd(scanner.pos);
    scanner.expectEndOfInput("object");
    return members;
  }

  /**
   * Validates exactly one JSON value of any type in {@code buf[from, to)}, with optional whitespace
   * around it, and returns its type.
   */
  public static ValueType scanValue(byte[] buf, int from, int to) throws JsonSyntaxException {
    JsonScanner scanner = new JsonScanner(buf, from, checkRange(buf, from, to));
    scanner.skipWhitespace();
    if (scanner.pos >= to) {
      throw scanner.error(scanner.pos, "expected a JSON value, found end of input");
    }
    ValueType type = scanner.scanValue(null);
    scanner.expectEndOfInput("value");
    return type;
  }

  /**
   * Finds the first top-level member with this name in the JSON object in {@code buf[from, to)}.
   * The whole object is validated; nested values are not materialised.
   *
   * @return the member's value, or null when the object has no such member
   * @throws JsonSyntaxException when the range is not one valid JSON object
   */
  public static JsonSpan findMember(byte[] buf, int from, int to, String name)
      throws JsonSyntaxException {
    return scanObject(buf, from, to).find(name);
  }

  /**
   * Follows member names through nested objects, for example {@code "metadata", "user_id"}.
   *
   * @return the value at the end of the path, or null when a name is missing or a value on the way
   *     is not an object
   */
  public static JsonSpan findPath(byte[] buf, int from, int to, String... names)
      throws JsonSyntaxException {
    JsonSpan span = null;
    int objectStart = from;
    int objectEnd = to;
    for (String name : names) {
      if (span != null && span.type() != ValueType.OBJECT) {
        return null;
      }
      span = findMember(buf, objectStart, objectEnd, name);
      if (span == null) {
        return null;
      }
      objectStart = span.start();
      objectEnd = span.end();
    }
    return span;
  }

  /**
   * Decodes a string literal that this scanner accepted to the bytes of its value: plain bytes are
   * copied as they are (even when not valid UTF-8), escapes are decoded to UTF-8, an escaped
   * surrogate pair becomes one four-byte sequence, and an escaped lone surrogate becomes its
   * three-byte generalized UTF-8 form (WTF-8, as {@link Utf8#encodeWtf8} writes it).
   *
   * @param valueStart offset of the opening quote
   * @param valueEnd offset just past the closing quote
   */
  public static byte[] decodeStringUtf8(byte[] buf, int valueStart, int valueEnd) {
    int from = valueStart + 1;
    int to = valueEnd - 1;
    int escape = ByteSearch.indexOf(buf, from, to, (byte) '\\');
    if (escape < 0) {
      return Arrays.copyOfRange(buf, from, to);
    }

    // Every escape decodes to fewer bytes than its text, so the literal's length is enough.
    byte[] out = new byte[to - from];
    int o = 0;
    int i = from;
    while (escape >= 0) {
      o = copyRun(buf, i, escape, out, o);
      i = escape;
      byte escaped = buf[i + 1];
      if (escaped != 'u') {
        out[o++] = unescape(escaped);
        i += 2;
      } else {
        int unit = parseHex4(buf, i + 2);
        i += 6;
        int low = lowSurrogateEscapeAt(buf, i, to);
        if (Character.isHighSurrogate((char) unit) && low >= 0) {
          o = putCodePoint(out, o, Character.toCodePoint((char) unit, (char) low));
          i += 6;
        } else {
          o = putCodePoint(out, o, unit);
        }
      }
      escape = ByteSearch.indexOf(buf, i, to, (byte) '\\');
    }
    System.arraycopy(buf, i, out, o, to - i);
    o += to - i;
    return o == out.length ? out : Arrays.copyOf(out, o);
  }

  /**
   * Decodes a string literal that this scanner accepted to a Java string. Bytes that are not valid
   * UTF-8 become U+FFFD; escaped lone surrogates stay lone surrogates.
   *
   * @param valueStart offset of the opening quote
   * @param valueEnd offset just past the closing quote
   */
  public static String decodeString(byte[] buf, int valueStart, int valueEnd) {
    int from = valueStart + 1;
    int to = valueEnd - 1;
    int escape = ByteSearch.indexOf(buf, from, to, (byte) '\\');
    if (escape < 0) {
      return new String(buf, from, to - from, StandardCharsets.UTF_8);
    }
    StringBuilder text = new StringBuilder(to - from);
    int i = from;
    while (escape >= 0) {
      text.append(new String(buf, i, escape - i, StandardCharsets.UTF_8));
      byte escaped = buf[escape + 1];
      if (escaped == 'u') {
        text.append((char) parseHex4(buf, escape + 2));
        i = escape + 6;
      } else {
        text.append((char) unescape(escaped));
        i = escape + 2;
      }
      escape = ByteSearch.indexOf(buf, i, to, (byte) '\\');
    }
    text.append(new String(buf, i, to - i, StandardCharsets.UTF_8));
    return text.toString();
  }

  private ValueType scanValue(ObjectScan members) throws JsonSyntaxException {
    byte first = buf[pos];
    if (first != '{' && first != '[') {
      return scanScalar();
    }
    ValueType outerType = first == '{' ? ValueType.OBJECT : ValueType.ARRAY;
    push(first);
    pos++;

    // One pass of this loop reads one element (member or array item) of the innermost container.
    // Nested containers are pushed and read by later passes, so nesting needs no recursion.
    boolean afterOpen = true;
    while (true) {
      skipWhitespace();
      byte container = containers[depth - 1];
      byte closer = container == '{' ? (byte) '}' : (byte) ']';
      if (pos < end && buf[pos] == closer) {
        pos++;
        if (closeContainer(members)) {
          return outerType;
        }
        afterOpen = false;
        continue;
      }
      if (!afterOpen) {
        if (pos >= end || buf[pos] != ',') {
          throw error(pos, expectedAfterElement(container) + ", found " + describeAt());
        }
        pos++;
        skipWhitespace();
        if (pos < end && buf[pos] == closer) {
          throw error(pos, "trailing comma before '" + (char) closer + "'");
        }
      }
      if (container == '{') {
        readMemberName(members, afterOpen);
        skipWhitespace();
      }
      if (pos >= end) {
        throw error(pos, "expected a value" + valueContext() + ", found end of input");
      }

      boolean recorded = members != null && depth == 1;
      if (recorded) {
        members.setValueStart(pos);
      }
      byte b = buf[pos];
      if (b == '{' || b == '[') {
        push(b);
        pos++;
        afterOpen = true;
        continue;
      }
      ValueType type = scanScalar();
      if (recorded) {
        members.endValue(pos, type);
      }
      afterOpen = false;
    }
  }

  /** Pops the innermost container and returns true when it was the outermost one. */
  private boolean closeContainer(ObjectScan members) {
    byte closed = containers[--depth];
    if (depth == 0) {
      return true;
    }
    if (members != null && depth == 1) {
      members.endValue(pos, closed == '{' ? ValueType.OBJECT : ValueType.ARRAY);
    }
    return false;
  }

  private void readMemberName(ObjectScan members, boolean afterOpen) throws JsonSyntaxException {
    if (pos >= end || buf[pos] != '"') {
      String expected =
          afterOpen
              ? "expected a member name in double quotes or '}'"
              : "expected a member name in double quotes after ','";
      throw error(pos, expected + ", found " + describeAt());
    }
    int nameStart = pos;
    pos = skipString(pos);
    memberNames[depth - 1] = nameStart;
    if (members != null && depth == 1) {
      members.addName(nameStart, pos);
    }
    skipWhitespace();
    if (pos >= end || buf[pos] != ':') {
      throw error(
          pos,
          "expected ':' after member name " + quotedName(nameStart) + ", found " + describeAt());
    }
    pos++;
  }

  private ValueType scanScalar() throws JsonSyntaxException {
    byte b = buf[pos];
    switch (b) {
      case '"':
        pos = skipString(pos);
        return ValueType.STRING;
      case 't':
        expectLiteral("true");
        return ValueType.TRUE;
      case 'f':
        expectLiteral("false");
        return ValueType.FALSE;
      case 'n':
        expectLiteral("null");
        return ValueType.NULL;
      case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
        scanNumber();
        return ValueType.NUMBER;
      default:
        throw error(pos, unexpectedValueMessage());
    }
  }

  private String unexpectedValueMessage() {
    if (startsWith(pos, "NaN")) {
      return "NaN is not valid JSON";
    }
    if (startsWith(pos, "Infinity")) {
      return "Infinity is not valid JSON";
    }
    if (buf[pos] == '\'') {
      return "single-quoted strings are not valid JSON";
    }
    return "expected a value" + valueContext() + ", found " + describeAt();
  }

  private void expectLiteral(String literal) throws JsonSyntaxException {
    for (int k = 0; k < literal.length(); k++) {
      int at = pos + k;
      if (at >= end || buf[at] != literal.charAt(k)) {
        pos = at;
        throw error(at, "invalid literal, expected " + literal + ", found " + describeAt());
      }
    }
    pos += literal.length();
  }

  /** Scans {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?} (RFC 8259 section 6). */
  private void scanNumber() throws JsonSyntaxException {
    int i = pos;
    if (buf[i] == '-') {
      i++;
      if (startsWith(i, "Infinity")) {
        throw error(pos, "-Infinity is not valid JSON");
      }
      if (i >= end || !isDigit(buf[i])) {
        throw error(i, "expected a digit after '-', found " + describe(i));
      }
    }
    if (buf[i] == '0') {
      i++;
      if (i < end && isDigit(buf[i])) {
        throw error(i - 1, "numbers must not have leading zeros");
      }
    } else {
      i = skipDigits(i);
    }
    if (i < end && buf[i] == '.') {
      i++;
      if (i >= end || !isDigit(buf[i])) {
        throw error(i, "expected a digit after the decimal point, found " + describe(i));
      }
      i = skipDigits(i);
    }
    if (i < end && (buf[i] == 'e' || buf[i] == 'E')) {
      i++;
      if (i < end && (buf[i] == '+' || buf[i] == '-')) {
        i++;
      }
      if (i >= end || !isDigit(buf[i])) {
        throw error(i, "expected a digit in the exponent, found " + describe(i));
      }
      i = skipDigits(i);
    }
    pos = i;
  }

  private int skipDigits(int i) {
    while (i < end && isDigit(buf[i])) {
      i++;
    }
    return i;
  }

  /** Returns the offset just past the closing quote of the string literal opening at {@code at}. */
  private int skipString(int at) throws JsonSyntaxException {
    byte[] bytes = buf;
    int limit = end;
    int i = at + 1;
    while (true) {
      i = ByteSearch.skipPlainStringBytes(bytes, i, limit);
      if (i >= limit) {
        throw error(limit, "unterminated string starting at byte offset " + (at - origin));
      }
      byte b = bytes[i];
      if (b == '"') {
        return i + 1;
      }
      if (b != '\\') {
        throw error(i, String.format("unescaped control character U+%04X in string", b));
      }
      // Escapes are dense in bodies logged as JSON strings, so the valid ones take a short path.
      if (i + 5 < limit) {
        int escaped = bytes[i + 1] & 0xFF;
        if (ESCAPE_LENGTHS[escaped] == 2) {
          i += 2;
          continue;
        }
        if (escaped == 'u'
            && (HEX_DIGITS[bytes[i + 2] & 0xFF]
                    & HEX_DIGITS[bytes[i + 3] & 0xFF]
                    & HEX_DIGITS[bytes[i + 4] & 0xFF]
                    & HEX_DIGITS[bytes[i + 5] & 0xFF])
                != 0) {
          i += 6;
          continue;
        }
      }
      i = skipEscape(at, i);
    }
  }

  private int skipEscape(int stringStart, int backslash) throws JsonSyntaxException {
    if (backslash + 1 >= end) {
      throw error(end, "unterminated string starting at byte offset " + (stringStart - origin));
    }
    byte escaped = buf[backslash + 1];
    switch (escaped) {
      case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
        return backslash + 2;
      case 'u':
        for (int k = backslash + 2; k < backslash + 6; k++) {
          if (k >= end || Character.digit(buf[k], 16) < 0) {
            throw error(
                backslash, "invalid \\u escape: expected 4 hex digits, found " + describe(k));
          }
        }
        return backslash + 6;
      default:
        throw error(backslash, "invalid escape: backslash followed by " + describe(backslash + 1));
    }
  }

  private void push(byte container) throws JsonSyntaxException {
    if (depth == MAX_DEPTH) {
      throw error(pos, "arrays and objects nested deeper than " + MAX_DEPTH + " levels");
    }
    if (depth == containers.length) {
      containers = Arrays.copyOf(containers, depth * 2);
      memberNames = Arrays.copyOf(memberNames, depth * 2);
    }
    containers[depth++] = container;
  }

  private void expectEndOfInput(String valueKind) throws JsonSyntaxException {
    skipWhitespace();
    if (pos < end) {
      String hint = buf[pos] == '{' || buf[pos] == '[' ? " (two JSON values on one line?)" : "";
      throw error(pos, "unexpected " + describeAt() + " after the end of the " + valueKind + hint);
    }
  }

  private void skipWhitespace() {
    int i = pos;
    while (i < end) {
      byte b = buf[i];
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        break;
      }
      i++;
    }
    pos = i;
  }

  private String expectedAfterElement(byte container) {
    if (container == '[') {
      return "expected ',' or ']' after an array element";
    }
    return "expected ',' or '}' after member " + quotedName(memberNames[depth - 1]);
  }

  /** Names the place of the value being read, for messages. */
  private String valueContext() {
    if (depth == 0) {
      return "";
    }
    if (containers[depth - 1] == '[') {
      return " in array";
    }
    return " for member " + quotedName(memberNames[depth - 1]);
  }

  /** Returns the member name whose literal opens at {@code nameStart}, quoted and shortened. */
  private String quotedName(int nameStart) {
    int nameEnd;
    try {
      nameEnd = skipString(nameStart);
    } catch (JsonSyntaxException e) {
      throw new IllegalStateException("member name was validated before", e);
    }
    String name = decodeString(buf, nameStart, nameEnd);
    if (name.length() > NAME_SHOWN_CHARS) {
      name = name.substring(0, NAME_SHOWN_CHARS) + "...";
    }
    return JsonText.quote(name);
  }

  private String describeAt() {
    return describe(pos);
  }

  private String describe(int at) {
    if (at >= end) {
      return "end of input";
    }
    int b = buf[at] & 0xFF;
    if (b == '\'') {
      return "a single quote";
    }
    if (b >= 0x20 && b < 0x7F) {
      return "'" + (char) b + "'";
    }
    return String.format("byte 0x%02X", b);
  }

  private boolean startsWith(int at, String literal) {
    if (end - at < literal.length()) {
      return false;
    }
    for (int k = 0; k < literal.length(); k++) {
      if (buf[at + k] != literal.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private JsonSyntaxException error(int at, String message) {
    return new JsonSyntaxException(at - origin, message);
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }

  private static int checkRange(byte[] buf, int from, int to) {
    if (from < 0 || to > buf.length || from > to) {
      throw new IndexOutOfBoundsException(
          "range [" + from + ", " + to + ") of an array of " + buf.length + " bytes");
    }
    return to;
  }

  private static byte unescape(byte escaped) {
    return switch (escaped) {
      case 'b' -> '\b';
      case 'f' -> '\f';
      case 'n' -> '\n';
      case 'r' -> '\r';
      case 't' -> '\t';
      default -> escaped;
    };
  }

  private static int parseHex4(byte[] buf, int at) {
    int unit = 0;
    for (int k = at; k < at + 4; k++) {
      unit = (unit << 4) | Character.digit(buf[k], 16);
    }
    return unit;
  }

  /** Copies {@code buf[from, to)} to {@code out} at {@code o} and returns the new end in out. */
  private static int copyRun(byte[] buf, int from, int to, byte[] out, int o) {
    int length = to - from;
    // Runs between dense escapes are short, and a loop beats System.arraycopy's call overhead.
    if (length < 16) {
      for (int k = 0; k < length; k++) {
        out[o + k] = buf[from + k];
      }
    } else {
      System.arraycopy(buf, from, out, o, length);
    }
    return o + length;
  }

  /** Returns the code unit of a low-surrogate escape at {@code at}, or -1 when there is none. */
  private static int lowSurrogateEscapeAt(byte[] buf, int at, int to) {
    if (at + 6 > to || buf[at] != '\\' || buf[at + 1] != 'u') {
      return -1;
    }
    int unit = parseHex4(buf, at + 2);
    return Character.isLowSurrogate((char) unit) ? unit : -1;
  }

  /** Writes a code point, or a lone surrogate, as 1 to 4 bytes of (generalized) UTF-8. */
  private static int putCodePoint(byte[] out, int o, int codePoint) {
    if (codePoint < 0x80) {
      out[o++] = (byte) codePoint;
    } else if (codePoint < 0x800) {
      out[o++] = (byte) (0xC0 | (codePoint >> 6));
      out[o++] = (byte) (0x80 | (codePoint & 0x3F));
    } else if (codePoint < 0x10000) {
      out[o++] = (byte) (0xE0 | (codePoint >> 12));
      out[o++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
      out[o++] = (byte) (0x80 | (codePoint & 0x3F));
    } else {
      out[o++] = (byte) (0xF0 | (codePoint >> 18));
      out[o++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
      out[o++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
      out[o++] = (byte) (0x80 | (codePoint & 0x3F));
    }
    return o;
  }
}
