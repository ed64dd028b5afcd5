package org.sdcap.gen;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds one JSON text in a {@link JsonStyle} into a growable byte buffer.
 *
 * <p>Commas and separators are inserted automatically. String values are escaped the way the
 * style's serialiser does it: {@code \b \f \n \r \t \" \\} as two-character escapes, other control
 * characters (and, for ASCII-only styles, everything outside U+0020 to U+007E) as lower-case {@code
 * \}{@code uXXXX}. Not thread-safe; {@link #reset()} makes the builder reusable.
 */
final class JsonBuilder {

  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final int MAX_DEPTH = 64;

  private final JsonStyle style;
  private final byte[] itemSeparator;
  private final byte[] nameSeparator;
  private byte[] buffer;
  private int count;
  private final boolean[] hasItems = new boolean[MAX_DEPTH];
  private int depth;
  private boolean afterName;

  JsonBuilder(JsonStyle style) {
    this(style, 256);
  }

  JsonBuilder(JsonStyle style, int initialCapacity) {
    this.style = style;
    this.itemSeparator = style.itemSeparator.getBytes(StandardCharsets.US_ASCII);
    this.nameSeparator = style.nameSeparator.getBytes(StandardCharsets.US_ASCII);
    this.buffer = new byte[Math.max(16, initialCapacity)];
  }

  JsonBuilder beginObject() {
    beforeValue();
    writeByte('{');
    push();
    return this;
  }

  JsonBuilder endObject() {
    pop();
    writeByte('}');
    return this;
  }

  JsonBuilder beginArray() {
    beforeValue();
    writeByte('[');
    push();
    return this;
  }

  JsonBuilder endArray() {
    pop();
    writeByte(']');
    return this;
  }

  JsonBuilder name(String name) {
    beforeValue();
    writeString(name);
    writeBytes(nameSeparator, 0, nameSeparator.length);
    afterName = true;
    return this;
  }

  JsonBuilder value(String text) {
    if (text == null) {
      return nullValue();
    }
    beforeValue();
    writeString(text);
    return this;
  }

  JsonBuilder value(long number) {
    return numberText(Long.toString(number));
  }

  JsonBuilder value(boolean flag) {
    return numberText(flag ? "true" : "false");
  }

  JsonBuilder nullValue() {
    return numberText("null");
  }

  /** Writes a number (or literal) given as its exact JSON text, such as {@code 0.7}. */
  JsonBuilder numberText(String jsonText) {
    beforeValue();
    writeAscii(jsonText);
    return this;
  }

  /** Writes a value that the caller has already serialised in the same style. */
  JsonBuilder rawValue(byte[] json) {
    return rawValue(json, 0, json.length);
  }

  JsonBuilder rawValue(byte[] json, int from, int to) {
    beforeValue();
    writeBytes(json, from, to);
    return this;
  }

  /**
   * Writes {@code bytes[from, to)}, which must be well-formed UTF-8, as a JSON string escaped for
   * this style.
   */
  JsonBuilder utf8Value(byte[] bytes, int from, int to) {
    beforeValue();
    writeByte('"');
    int i = from;
    while (i < to) {
      int b = bytes[i] & 0xFF;
      if (b < 0x80) {
        writeChar(b);
        i++;
      } else if (!style.asciiOnly) {
        int length = utf8SequenceLength(b);
        writeBytes(bytes, i, i + length);
        i += length;
      } else {
        int length = utf8SequenceLength(b);
        int codePoint = b & (0xFF >> (length + 1));
        for (int k = 1; k < length; k++) {
          codePoint = (codePoint << 6) | (bytes[i + k] & 0x3F);
        }
        writeCodePointEscaped(codePoint);
        i += length;
      }
    }
    writeByte('"');
    return this;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buffer, count);
  }

  int size() {
    return count;
  }

  void writeTo(OutputStream out) throws IOException {
    out.write(buffer, 0, count);
  }

  void reset() {
    count = 0;
    depth = 0;
    afterName = false;
  }

  /** Serialises one string value on its own, for use as a raw value later. */
  static byte[] string(JsonStyle style, String text) {
    return new JsonBuilder(style, text.length() + 16).value(text).toByteArray();
  }

  private void writeString(String text) {
    ensure(text.length() + 2);
    writeByte('"');
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        writeChar(c);
      } else if (style.asciiOnly) {
        writeUnicodeEscape(c);
      } else if (Character.isHighSurrogate(c)
          && i + 1 < length
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        writeUtf8(Character.toCodePoint(c, text.charAt(++i)));
      } else {
        writeUtf8(c);
      }
    }
    writeByte('"');
  }

  private void writeChar(int c) {
    switch (c) {
      case '"' -> writeTwo('"');
      case '\\' -> writeTwo('\\');
      case '\n' -> writeTwo('n');
      case '\r' -> writeTwo('r');
      case '\t' -> writeTwo('t');
      case '\b' -> writeTwo('b');
      case '\f' -> writeTwo('f');
      default -> {
        if (c < 0x20 || (c == 0x7F && style.asciiOnly)) {
          writeUnicodeEscape(c);
        } else {
          writeByte(c);
        }
      }
    }
  }

  private void writeCodePointEscaped(int codePoint) {
    if (codePoint >= 0x10000) {
      writeUnicodeEscape(Character.highSurrogate(codePoint));
      writeUnicodeEscape(Character.lowSurrogate(codePoint));
    } else {
      writeUnicodeEscape(codePoint);
    }
  }

  private void writeUnicodeEscape(int unit) {
    ensure(6);
    buffer[count++] = '\\';
    buffer[count++] = 'u';
    buffer[count++] = HEX[(unit >> 12) & 0xF];
    buffer[count++] = HEX[(unit >> 8) & 0xF];
    buffer[count++] = HEX[(unit >> 4) & 0xF];
    buffer[count++] = HEX[unit & 0xF];
  }

  private void writeUtf8(int codePoint) {
    ensure(4);
    if (codePoint < 0x800) {
      buffer[count++] = (byte) (0xC0 | (codePoint >> 6));
    } else if (codePoint < 0x10000) {
      buffer[count++] = (byte) (0xE0 | (codePoint >> 12));
      buffer[count++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
    } else {
      buffer[count++] = (byte) (0xF0 | (codePoint >> 18));
      buffer[count++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
      buffer[count++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
    }
    buffer[count++] = (byte) (0x80 | (codePoint & 0x3F));
  }

  private void beforeValue() {
    if (afterName) {
      afterName = false;
      return;
    }
    if (depth == 0) {
      return;
    }
    if (hasItems[depth - 1]) {
      writeBytes(itemSeparator, 0, itemSeparator.length);
    }
    hasItems[depth - 1] = true;
    newlineAndIndent(depth);
  }

  private void push() {
    if (depth == MAX_DEPTH) {
      throw new IllegalStateException("JSON nesting deeper than " + MAX_DEPTH);
    }
    hasItems[depth++] = false;
  }

  private void pop() {
    depth--;
    if (hasItems[depth]) {
      newlineAndIndent(depth);
    }
  }

  private void newlineAndIndent(int level) {
    if (!style.indented) {
      return;
    }
    ensure(1 + 2 * level);
    buffer[count++] = '\n';
    for (int i = 0; i < 2 * level; i++) {
      buffer[count++] = ' ';
    }
  }

  private void writeTwo(char escaped) {
    ensure(2);
    buffer[count++] = '\\';
    buffer[count++] = (byte) escaped;
  }

  private void writeByte(int b) {
    ensure(1);
    buffer[count++] = (byte) b;
  }

  private void writeAscii(String text) {
    ensure(text.length());
    for (int i = 0; i < text.length(); i++) {
      buffer[count++] = (byte) text.charAt(i);
    }
  }

  private void writeBytes(byte[] bytes, int from, int to) {
    ensure(to - from);
    System.arraycopy(bytes, from, buffer, count, to - from);
    count += to - from;
  }

  private void ensure(int room) {
    if (buffer.length - count < room) {
      int needed = count + room;
      buffer = Arrays.copyOf(buffer, Math.max(needed, buffer.length * 2));
    }
  }

  /** Returns the length of the UTF-8 sequence whose lead byte is {@code lead} (0xC0 or above). */
  private static int utf8SequenceLength(int lead) {
    if (lead >= 0xF0) {
      return 4;
    }
    if (lead >= 0xE0) {
      return 3;
    }
    return 2;
  }
}
