package org.sdcap.json;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes compact JSON as UTF-8 bytes straight from byte arrays, without building Strings.
 *
 * <p>The caller is responsible for structure (commas are inserted automatically between members and
 * array elements). Not thread-safe; call {@link #flush()} before the underlying stream is read.
 */
public final class JsonWriter {

  private static final int NESTING_LIMIT = 64;

  /** Member names kept encoded; records repeat the same few names on every line. */
  private static final int NAME_CACHE_SIZE = 512;

  private final java.util.Map<String, byte[]> nameCache = new java.util.HashMap<>();

  private final OutputStream out;
  private final byte[] buffer;
  private int count;
  private final boolean[] needsComma = new boolean[NESTING_LIMIT];
  private int depth;
  private boolean afterName;
  private final boolean spaced;
  private final boolean asciiOnly;

  public JsonWriter(OutputStream out) {
    this(out, 1 << 16);
  }

  public JsonWriter(OutputStream out, int bufferSize) {
    this(out, bufferSize, false, false);
  }

  /**
   * @param spaced write {@code ", "} and {@code ": "} separators, as Python's {@code json.dumps}
   *     does by default
   * @param asciiOnly write strings in ASCII, every other character escaped as {@code \}{@code
   *     uXXXX} (surrogate pairs above U+FFFF) and U+007F too, as {@code json.dumps} does unless
   *     given {@code ensure_ascii=False}
   */
  public JsonWriter(OutputStream out, int bufferSize, boolean spaced, boolean asciiOnly) {
    this.out = out;
    this.buffer = new byte[bufferSize];
    this.spaced = spaced;
    this.asciiOnly = asciiOnly;
  }

  public JsonWriter beginObject() {
    beforeValue();
    writeByte('{');
    push();
    return this;
  }

  public JsonWriter endObject() {
    depth--;
    writeByte('}');
    return this;
  }

  public JsonWriter beginArray() {
    beforeValue();
    writeByte('[');
    push();
    return this;
  }

  public JsonWriter endArray() {
    depth--;
    writeByte(']');
    return this;
  }

  /** Writes a member name; the next call writes its value. */
  public JsonWriter name(String name) {
    beforeValue();
    byte[] encoded = nameCache.get(name);
    if (encoded == null) {
      encoded = Utf8.encodeWtf8(name);
      if (nameCache.size() < NAME_CACHE_SIZE) {
        nameCache.put(name, encoded);
      }
    }
    writeWtf8String(encoded, 0, encoded.length);
    writeByte(':');
    if (spaced) {
      writeByte(' ');
    }
    afterName = true;
    return this;
  }

  /** Writes a member name given as the exact text of a JSON string literal, quotes included. */
  public JsonWriter rawName(byte[] literal, int from, int to) {
    beforeValue();
    writeBytes(literal, from, to);
    writeByte(':');
    if (spaced) {
      writeByte(' ');
    }
    afterName = true;
    return this;
  }

  public JsonWriter value(long number) {
    beforeValue();
    writeAscii(Long.toString(number));
    return this;
  }

  public JsonWriter value(boolean flag) {
    beforeValue();
    writeAscii(flag ? "true" : "false");
    return this;
  }

  public JsonWriter value(String text) {
    beforeValue();
    writeWtf8String(Utf8.encodeWtf8(text), 0, -1);
    return this;
  }

  public JsonWriter nullValue() {
    beforeValue();
    writeAscii("null");
    return this;
  }

  /** Writes JSON text that the caller guarantees to be one complete, valid value. */
  public JsonWriter rawValue(byte[] json, int from, int to) {
    beforeValue();
    writeBytes(json, from, to);
    return this;
  }

  public JsonWriter rawValue(byte[] json) {
    return rawValue(json, 0, json.length);
  }

  /**
   * Writes {@code bytes[from, to)}, which must be UTF-8 or WTF-8, as a JSON string. Lone surrogates
   * encoded in WTF-8 become {@code \}{@code uXXXX} escapes.
   */
  public JsonWriter utf8String(byte[] bytes, int from, int to) {
    beforeValue();
    writeWtf8String(bytes, from, to);
    return this;
  }

  /**
   * Writes {@code bytes[from, to)} as a JSON string of one code point per byte (U+0000 to U+00FF).
   */
  public JsonWriter latin1String(byte[] bytes, int from, int to) {
    beforeValue();
    writeByte('"');
    for (int i = from; i < to; i++) {
      int b = bytes[i] & 0xFF;
      if (b >= 0x80) {
        ensure(2);
        buffer[count++] = (byte) (0xC0 | (b >> 6));
        buffer[count++] = (byte) (0x80 | (b & 0x3F));
      } else {
        writeAsciiChar(b);
      }
    }
    writeByte('"');
    return this;
  }

  /** Starts a line-terminated record: writes a newline. */
  public JsonWriter newline() {
    writeByte('\n');
    return this;
  }

  /** Writes bytes outside any JSON structure, such as a verbatim line. */
  public JsonWriter verbatim(byte[] bytes, int from, int to) {
    writeBytes(bytes, from, to);
    return this;
  }

  public void flush() {
    try {
      out.write(buffer, 0, count);
      count = 0;
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void writeWtf8String(byte[] bytes, int from, int to) {
    if (to < 0) {
      to = bytes.length;
    }
    if (asciiOnly) {
      writeAsciiString(bytes, from, to);
      return;
    }
    writeByte('"');
    int i = from;
    while (i < to) {
      int runStart = i;
      while (i < to) {
        int b = bytes[i];
        if (b == '"' || b == '\\' || (b >= 0 && b < 0x20) || (b & 0xFF) == 0xED) {
          break;
        }
        i++;
      }
      writeBytes(bytes, runStart, i);
      if (i >= to) {
        break;
      }
      int b = bytes[i] & 0xFF;
      if (b == 0xED && i + 2 < to && (bytes[i + 1] & 0xFF) >= 0xA0) {
        int unit = ((b & 0x0F) << 12) | ((bytes[i + 1] & 0x3F) << 6) | (bytes[i + 2] & 0x3F);
        writeUnicodeEscape(unit);
        i += 3;
      } else if (b == 0xED) {
        writeByte(b);
        i++;
      } else {
        writeAsciiChar(b);
        i++;
      }
    }
    writeByte('"');
  }

  /** Writes UTF-8 or WTF-8 as an ASCII-only JSON string, as Python's {@code json.dumps} does. */
  private void writeAsciiString(byte[] bytes, int from, int to) {
    writeByte('"');
    int i = from;
    while (i < to) {
      int b = bytes[i] & 0xFF;
      if (b < 0x80) {
        if (b == 0x7F) {
          writeUnicodeEscape(b);
        } else {
          writeAsciiChar(b);
        }
        i++;
        continue;
      }
      int length = Utf8.sequenceLength(bytes, i, to);
      if (length < 0 && isWtf8Surrogate(bytes, i, to)) {
        length = 3;
      }
      if (length < 0) {
        // Not UTF-8, so Python could not have written it: keep the byte as it is.
        writeByte(b);
        i++;
        continue;
      }
      int codePoint = b & (0xFF >> (length + 1));
      for (int k = 1; k < length; k++) {
        codePoint = (codePoint << 6) | (bytes[i + k] & 0x3F);
      }
      if (codePoint >= 0x10000) {
        writeUnicodeEscape(Character.highSurrogate(codePoint));
        writeUnicodeEscape(Character.lowSurrogate(codePoint));
      } else {
        writeUnicodeEscape(codePoint);
      }
      i += length;
    }
    writeByte('"');
  }

  /** Returns true when {@code bytes[i]} starts a three-byte encoded surrogate (WTF-8). */
  private static boolean isWtf8Surrogate(byte[] bytes, int i, int to) {
    return i + 2 < to
        && (bytes[i] & 0xFF) == 0xED
        && (bytes[i + 1] & 0xFF) >= 0xA0
        && (bytes[i + 1] & 0xFF) <= 0xBF
        && Utf8.isContinuation(bytes[i + 2]);
  }

  private void writeAsciiChar(int c) {
    switch (c) {
      case '"' -> writeTwo('\\', '"');
      case '\\' -> writeTwo('\\', '\\');
      case '\n' -> writeTwo('\\', 'n');
      case '\r' -> writeTwo('\\', 'r');
      case '\t' -> writeTwo('\\', 't');
      case '\b' -> writeTwo('\\', 'b');
      case '\f' -> writeTwo('\\', 'f');
      default -> {
        if (c < 0x20) {
          writeUnicodeEscape(c);
        } else {
          writeByte(c);
        }
      }
    }
  }

  private void writeUnicodeEscape(int unit) {
    ensure(6);
    buffer[count++] = '\\';
    buffer[count++] = 'u';
    buffer[count++] = JsonText.hexDigit(unit >> 12);
    buffer[count++] = JsonText.hexDigit(unit >> 8);
    buffer[count++] = JsonText.hexDigit(unit >> 4);
    buffer[count++] = JsonText.hexDigit(unit);
  }

  private void beforeValue() {
    if (afterName) {
      afterName = false;
      return;
    }
    if (depth > 0) {
      if (needsComma[depth - 1]) {
        writeByte(',');
        if (spaced) {
          writeByte(' ');
        }
      }
      needsComma[depth - 1] = true;
    }
  }

  private void push() {
    if (depth == NESTING_LIMIT) {
      throw new IllegalStateException("JSON nesting deeper than " + NESTING_LIMIT);
    }
    needsComma[depth++] = false;
  }

  private void writeTwo(char a, char b) {
    ensure(2);
    buffer[count++] = (byte) a;
    buffer[count++] = (byte) b;
  }

  private void writeByte(int b) {
    ensure(1);
    buffer[count++] = (byte) b;
  }

  private void writeAscii(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    writeBytes(bytes, 0, bytes.length);
  }

  private void writeBytes(byte[] bytes, int from, int to) {
    int length = to - from;
    if (length > buffer.length - count) {
      drain();
      if (length > buffer.length) {
        try {
          out.write(bytes, from, length);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        return;
      }
    }
    System.arraycopy(bytes, from, buffer, count, length);
    count += length;
  }

  private void ensure(int room) {
    if (buffer.length - count < room) {
      drain();
    }
  }

  private void drain() {
    try {
      out.write(buffer, 0, count);
      count = 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
