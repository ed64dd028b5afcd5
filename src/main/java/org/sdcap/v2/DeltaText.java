package org.sdcap.v2;

import java.util.ArrayList;
import java.util.List;
import org.sdcap.delta.BodyEncoding;
import org.sdcap.delta.DeltaApplier;
import org.sdcap.json.JsonScanner;

/** Reads a {@code delta} member, already validated as JSON by {@link JsonScanner}, into pieces. */
final class DeltaText {

  private DeltaText() {}

  /**
   * Parses the delta value at {@code buf[start, end)}: a string, or an array of strings and {@code
   * [offset, length]} pairs.
   */
  static List<DeltaApplier.ParsedPiece> parse(byte[] buf, int start, int end, BodyEncoding encoding)
      throws V2FormatException {
    List<DeltaApplier.ParsedPiece> pieces = new ArrayList<>();
    if (buf[start] == '"') {
      pieces.add(new DeltaApplier.LiteralBytes(text(buf, start, end, encoding)));
      return pieces;
    }
    if (buf[start] != '[') {
      throw new V2FormatException("delta must be a string or an array");
    }
    int i = skipWhitespace(buf, start + 1, end);
    if (buf[i] == ']') {
      return pieces;
    }
    while (true) {
      i = skipWhitespace(buf, i, end);
      if (buf[i] == '"') {
        int stringEnd = endOfString(buf, i, end);
        pieces.add(new DeltaApplier.LiteralBytes(text(buf, i, stringEnd, encoding)));
        i = stringEnd;
      } else if (buf[i] == '[') {
        long[] numbers = new long[2];
        i = readPair(buf, i + 1, end, numbers);
        pieces.add(new DeltaApplier.Copy(numbers[0], numbers[1]));
      } else {
        throw new V2FormatException(
            "a delta array must contain only strings and [offset, length] copies");
      }
      i = skipWhitespace(buf, i, end);
      if (buf[i] == ']') {
        return pieces;
      }
      i++;
    }
  }

  /** Decodes a JSON string literal to body bytes in the given encoding. */
  static byte[] text(byte[] buf, int start, int end, BodyEncoding encoding)
      throws V2FormatException {
    byte[] utf8 = JsonScanner.decodeStringUtf8(buf, start, end);
    return encoding == BodyEncoding.UTF8 ? utf8 : latin1(utf8);
  }

  /** Converts the UTF-8 of text made of U+0000 to U+00FF to one byte per code point. */
  static byte[] latin1(byte[] utf8) throws V2FormatException {
    byte[] out = new byte[utf8.length];
    int count = 0;
    for (int i = 0; i < utf8.length; i++) {
      int b = utf8[i] & 0xFF;
      if (b < 0x80) {
        out[count++] = (byte) b;
      } else if ((b == 0xC2 || b == 0xC3) && i + 1 < utf8.length) {
        out[count++] = (byte) (((b & 0x03) << 6) | (utf8[++i] & 0x3F));
      } else {
        throw new V2FormatException("latin1 delta text contains a code point above U+00FF");
      }
    }
    return java.util.Arrays.copyOf(out, count);
  }

  private static int readPair(byte[] buf, int i, int end, long[] numbers) throws V2FormatException {
    for (int k = 0; k < 2; k++) {
      i = skipWhitespace(buf, i, end);
      long value = 0;
      int digits = 0;
      while (i < end && buf[i] >= '0' && buf[i] <= '9') {
        value = value * 10 + (buf[i] - '0');
        i++;
        if (++digits > 18) {
          throw new V2FormatException("a delta copy number is too large");
        }
      }
      if (digits == 0) {
        throw new V2FormatException("a delta copy must be [offset, length] of whole numbers");
      }
      numbers[k] = value;
      i = skipWhitespace(buf, i, end);
      if (k == 0 && buf[i] == ',') {
        i++;
      }
    }
    if (buf[i] != ']') {
      throw new V2FormatException("a delta copy must be [offset, length]");
    }
    return i + 1;
  }

  private static int endOfString(byte[] buf, int start, int end) {
    int i = start + 1;
    while (i < end) {
      byte b = buf[i];
      if (b == '\\') {
        i += 2;
      } else if (b == '"') {
        return i + 1;
      } else {
        i++;
      }
    }
    return end;
  }

  private static int skipWhitespace(byte[] buf, int i, int end) {
    while (i < end && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\n' || buf[i] == '\r')) {
      i++;
    }
    return i;
  }
}
