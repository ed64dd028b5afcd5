package org.sdcap.v2;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.sdcap.delta.BodyEncoding;
import org.sdcap.delta.DeltaApplier;
import org.sdcap.json.Utf8;

/** Parses the body-related members of one v2 line. */
public final class V2Parser {

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxStringLength(Integer.MAX_VALUE)
                  .maxNestingDepth(100_000)
                  .maxNumberLength(Integer.MAX_VALUE)
                  .build())
          .build();

  private V2Parser() {}

  /**
   * Parses a v2 record line. Returns null for a line that is a kept bad input line.
   *
   * @throws V2FormatException when the line is not a v2 record
   */
  public static V2Record parse(byte[] line, int from, int to) throws V2FormatException {
    String sessionKey = null;
    long seq = -1;
    long parentSeq = 0;
    String encodingName = null;
    long bodyLen = -1;
    String sha256 = null;
    boolean partial = false;
    long headLen = -1;
    long truncatedBytes = -1;
    long missingBytes = -1;
    long droppedBytes = -1;
    String bodyForm = null;
    long prefixLen = 0;
    long suffixLen = 0;
    Object delta = null;
    boolean badLine = false;
    long schema = -1;

    try (JsonParser parser = FACTORY.createParser(line, from, to - from)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new V2FormatException("not a JSON object");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (name) {
          case V2Fields.SCHEMA -> schema = parser.getValueAsLong(-1);
          case V2Fields.SESSION_KEY -> sessionKey = parser.getValueAsString();
          case V2Fields.SEQ -> seq = parser.getValueAsLong(-1);
          case V2Fields.PARENT_SEQ -> parentSeq = parser.getValueAsLong(0);
          case V2Fields.BODY_ENCODING -> encodingName = parser.getValueAsString();
          case V2Fields.BODY_LEN -> bodyLen = parser.getValueAsLong(-1);
          case V2Fields.BODY_SHA256 -> sha256 = parser.getValueAsString();
          case V2Fields.BODY_PARTIAL -> partial = value == JsonToken.VALUE_TRUE;
          case V2Fields.HEAD_LEN -> headLen = parser.getValueAsLong(-1);
          case "body_truncated_bytes" -> truncatedBytes = parser.getValueAsLong(-1);
          case "missing_bytes" -> missingBytes = parser.getValueAsLong(-1);
          case "body_dropped_bytes" -> droppedBytes = parser.getValueAsLong(-1);
          case V2Fields.BODY_FORM -> bodyForm = parser.getValueAsString();
          case V2Fields.PREFIX_LEN -> prefixLen = parser.getValueAsLong(0);
          case V2Fields.SUFFIX_LEN -> suffixLen = parser.getValueAsLong(0);
          case V2Fields.BAD_LINE -> {
            badLine = true;
            parser.skipChildren();
          }
          case V2Fields.DELTA -> delta = readDelta(parser, value);
          default -> parser.skipChildren();
        }
      }
    } catch (JsonProcessingException e) {
      throw new V2FormatException("invalid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new V2FormatException("invalid JSON: " + e.getMessage());
    }

    if (schema != V2Fields.SCHEMA_VERSION) {
      throw new V2FormatException(
          schema < 0
              ? "no schema_version member; is this a v2 file written by sdcap encode?"
              : "schema_version " + schema + " is not supported, expected 2");
    }
    if (badLine) {
      return null;
    }
    if (sessionKey == null || seq < 1) {
      throw new V2FormatException("missing session_key or seq");
    }
    BodyEncoding encoding =
        encodingName == null ? BodyEncoding.UTF8 : BodyEncoding.fromWireName(encodingName);
    if (encoding == null) {
      throw new V2FormatException("unknown body_encoding \"" + encodingName + "\"");
    }
    List<DeltaApplier.ParsedPiece> pieces = delta == null ? null : toPieces(delta, encoding);
    return new V2Record(
        sessionKey,
        seq,
        parentSeq,
        encoding,
        bodyLen,
        sha256,
        partial,
        headLen,
        bodyForm,
        truncatedBytes >= 0
            ? truncatedBytes
            : Math.max(missingBytes, 0)
                + Math.max(droppedBytes, 0)
                - (missingBytes < 0 && droppedBytes < 0 ? 1 : 0),
        prefixLen,
        suffixLen,
        pieces);
  }

  private static Object readDelta(JsonParser parser, JsonToken value)
      throws IOException, V2FormatException {
    if (value == JsonToken.VALUE_STRING) {
      return parser.getText();
    }
    if (value != JsonToken.START_ARRAY) {
      throw new V2FormatException("delta must be a string or an array");
    }
    List<Object> items = new ArrayList<>();
    for (JsonToken token = parser.nextToken();
        token != JsonToken.END_ARRAY;
        token = parser.nextToken()) {
      if (token == JsonToken.VALUE_STRING) {
        items.add(parser.getText());
      } else if (token == JsonToken.START_ARRAY) {
        long[] copy = new long[2];
        int count = 0;
        for (JsonToken number = parser.nextToken();
            number != JsonToken.END_ARRAY;
            number = parser.nextToken()) {
          if (number != JsonToken.VALUE_NUMBER_INT || count == 2) {
            throw new V2FormatException("a delta copy must be [offset, length]");
          }
          copy[count++] = parser.getLongValue();
        }
        if (count != 2) {
          throw new V2FormatException("a delta copy must be [offset, length]");
        }
        items.add(copy);
      } else {
        throw new V2FormatException(
            "a delta array must contain only strings and [offset, length] copies");
      }
    }
    return items;
  }

  private static List<DeltaApplier.ParsedPiece> toPieces(Object delta, BodyEncoding encoding)
      throws V2FormatException {
    List<DeltaApplier.ParsedPiece> pieces = new ArrayList<>();
    if (delta instanceof String text) {
      pieces.add(new DeltaApplier.LiteralBytes(textBytes(text, encoding)));
      return pieces;
    }
    for (Object item : (List<?>) delta) {
      if (item instanceof String text) {
        pieces.add(new DeltaApplier.LiteralBytes(textBytes(text, encoding)));
      } else {
        long[] copy = (long[]) item;
        pieces.add(new DeltaApplier.Copy(copy[0], copy[1]));
      }
    }
    return pieces;
  }

  /** Converts delta text to body bytes: UTF-8, or one byte per code point for Latin-1 bodies. */
  static byte[] textBytes(String text, BodyEncoding encoding) throws V2FormatException {
    if (encoding == BodyEncoding.UTF8) {
      return Utf8.encodeWtf8(text);
    }
    byte[] bytes = new byte[text.length()];
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c > 0xFF) {
        throw new V2FormatException(
            "latin1 delta text contains U+" + Integer.toHexString(c) + ", above U+00FF");
      }
      bytes[i] = (byte) c;
    }
    return bytes;
  }
}
