package org.sdcap.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.sdcap.json.Utf8;

/**
 * JSON helpers for round-trip tests: a canonical text that compares JSON values with exact number
 * text, and the body bytes an input line holds, read with Jackson rather than sdcap's own reader.
 */
final class JsonValues {

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxStringLength(Integer.MAX_VALUE)
                  .maxNumberLength(Integer.MAX_VALUE)
                  .build())
          .build();

  private JsonValues() {}

  /**
   * Returns a canonical text of one JSON value: compact, members in their input order, numbers as
   * their exact input text ({@code 1.50} stays {@code 1.50}), and every string character outside
   * printable ASCII as a {@code \}{@code uXXXX} escape, so that lone surrogates stay visible. Two
   * lines have the same canonical text exactly when they hold the same JSON value with the same
   * member order and number text.
   */
  static String canonical(byte[] json) {
    try (JsonParser parser = FACTORY.createParser(json)) {
      StringBuilder out = new StringBuilder(json.length);
      parser.nextToken();
      writeValue(parser, out);
      if (parser.nextToken() != null) {
        throw new IllegalArgumentException("more than one JSON value: " + preview(json));
      }
      return out.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("invalid JSON: " + preview(json), e);
    }
  }

  private static void writeValue(JsonParser parser, StringBuilder out) throws IOException {
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT -> {
        out.append('{');
        boolean first = true;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          out.append(first ? "" : ",");
          first = false;
          appendString(parser.currentName(), out);
          out.append(':');
          parser.nextToken();
          writeValue(parser, out);
        }
        out.append('}');
      }
      case START_ARRAY -> {
        out.append('[');
        boolean first = true;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          out.append(first ? "" : ",");
          first = false;
          writeValue(parser, out);
        }
        out.append(']');
      }
      case VALUE_STRING -> appendString(parser.getText(), out);
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE, VALUE_NULL ->
          out.append(parser.getText());
      default -> throw new IllegalStateException("unexpected token " + token);
    }
  }

  private static void appendString(String text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7E) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }

  /**
   * Returns the request body an input log line holds, by the rules sdcap documents: a non-null
   * {@code body} (a string's value as UTF-8, a lone surrogate as WTF-8, or an embedded value's
   * exact text), else {@code body_b64} decoded, else {@code body_head} followed by a {@code
   * body_tail} member right after it. Returns null when the line has none of these.
   */
  static byte[] bodyOf(byte[] line) {
    try (JsonParser parser = FACTORY.createParser(line)) {
      List<byte[]> v1Parts = new ArrayList<>();
      byte[] base64Body = null;
      String previousName = null;
      parser.nextToken();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (name.equals("body") && value == JsonToken.VALUE_STRING) {
          return Utf8.encodeWtf8(parser.getText());
        } else if (name.equals("body") && value != JsonToken.VALUE_NULL) {
          int start = (int) parser.currentTokenLocation().getByteOffset();
          parser.skipChildren();
          int end = (int) parser.currentLocation().getByteOffset();
          return java.util.Arrays.copyOfRange(line, start, end);
        } else if (name.equals("body_b64") && value == JsonToken.VALUE_STRING) {
          base64Body = Base64.getDecoder().decode(parser.getText());
        } else if (name.equals("body_head") && value == JsonToken.VALUE_STRING) {
          v1Parts.add(Utf8.encodeWtf8(parser.getText()));
        } else if (name.equals("body_tail")
            && value == JsonToken.VALUE_STRING
            && "body_head".equals(previousName)
            && v1Parts.size() == 1) {
          v1Parts.add(Utf8.encodeWtf8(parser.getText()));
        } else {
          parser.skipChildren();
        }
        previousName = name;
      }
      if (base64Body != null) {
        return base64Body;
      }
      if (v1Parts.isEmpty()) {
        return null;
      }
      return concat(v1Parts);
    } catch (IOException e) {
      throw new UncheckedIOException("invalid JSON: " + preview(line), e);
    }
  }

  /**
   * Fails unless {@code line} is valid UTF-8 JSON whose names and strings hold no lone surrogate,
   * as docs/format-v2.md promises for every v2 line (jq 1.6 rejects a line with one).
   */
  static void assertPlainV2Line(byte[] line) {
    try (JsonParser parser = FACTORY.createParser(line)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == JsonToken.FIELD_NAME || token == JsonToken.VALUE_STRING) {
          String text = token == JsonToken.FIELD_NAME ? parser.currentName() : parser.getText();
          if (hasLoneSurrogate(text)) {
            throw new AssertionError("v2 line has a lone surrogate: " + preview(line));
          }
        }
      }
    } catch (IOException e) {
      throw new AssertionError("v2 line is not valid UTF-8 JSON: " + preview(line), e);
    }
  }

  private static boolean hasLoneSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  /** Splits JSONL into lines without their {@code \n}; a final line without one is kept. */
  static List<byte[]> lines(byte[] jsonl) {
    List<byte[]> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < jsonl.length; i++) {
      if (jsonl[i] == '\n') {
        lines.add(java.util.Arrays.copyOfRange(jsonl, start, i));
        start = i + 1;
      }
    }
    if (start < jsonl.length) {
      lines.add(java.util.Arrays.copyOfRange(jsonl, start, jsonl.length));
    }
    return lines;
  }

  private static byte[] concat(List<byte[]> parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] out = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, out, at, part.length);
      at += part.length;
    }
    return out;
  }

  private static String preview(byte[] json) {
    String text = new String(json, java.nio.charset.StandardCharsets.UTF_8);
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }
}
