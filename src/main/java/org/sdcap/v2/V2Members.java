package org.sdcap.v2;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.sdcap.delta.BodyEncoding;
import org.sdcap.json.JsonScanner;
import org.sdcap.json.ObjectScan;
import org.sdcap.json.ValueType;

/** The v2 members of one scanned record line, as values or as member indexes into the scan. */
final class V2Members {

  long schema = -1;
  String sessionKey;
  long seq = -1;
  long parentSeq;
  String bodyForm;
  String bodyField;
  String bodyTailField;
  int bodyFieldIndex = -1;
  long bodyLen = -1;
  String sha256;
  BodyEncoding encoding = BodyEncoding.UTF8;
  boolean partial;
  long headLen = -1;
  long prefixLen;
  long suffixLen;
  boolean eol = true;
  int delta = -1;
  int rawFields = -1;
  int badLine = -1;
  int raw = -1;
  int rawB64 = -1;
  int lineBefore = -1;
  int lineAfter = -1;

  /** Reads raw_fields, which only records with unusual metadata have. */
  private static final com.fasterxml.jackson.databind.ObjectMapper RAW_FIELDS_READER =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private V2Members() {}

  static V2Members of(ObjectScan scan, byte[] buf) throws V2FormatException {
    V2Members m = new V2Members();
    for (int i = 0; i < scan.size(); i++) {
      String name = scan.name(i);
      if (!V2Fields.RESERVED.contains(name)) {
        continue;
      }
      switch (name) {
        case V2Fields.SCHEMA -> m.schema = number(scan, buf, i);
        case V2Fields.SESSION_KEY -> m.sessionKey = string(scan, buf, i);
        case V2Fields.SEQ -> m.seq = number(scan, buf, i);
        case V2Fields.PARENT_SEQ -> m.parentSeq = number(scan, buf, i);
        case V2Fields.BODY_FORM -> m.bodyForm = string(scan, buf, i);
        case V2Fields.BODY_FIELD -> m.bodyField = string(scan, buf, i);
        case V2Fields.BODY_TAIL_FIELD -> m.bodyTailField = string(scan, buf, i);
        case V2Fields.BODY_FIELD_INDEX -> m.bodyFieldIndex = (int) number(scan, buf, i);
        case V2Fields.BODY_LEN -> m.bodyLen = number(scan, buf, i);
        case V2Fields.BODY_SHA256 -> m.sha256 = string(scan, buf, i);
        case V2Fields.BODY_ENCODING -> {
          String text = string(scan, buf, i);
          m.encoding = BodyEncoding.fromWireName(text);
          if (m.encoding == null) {
            throw new V2FormatException("unknown body_encoding \"" + text + "\"");
          }
        }
        case V2Fields.BODY_PARTIAL -> m.partial = scan.type(i) == ValueType.TRUE;
        case V2Fields.HEAD_LEN -> m.headLen = number(scan, buf, i);
        case V2Fields.PREFIX_LEN -> m.prefixLen = number(scan, buf, i);
        case V2Fields.SUFFIX_LEN -> m.suffixLen = number(scan, buf, i);
        case V2Fields.EOL -> m.eol = scan.type(i) != ValueType.FALSE;
        case V2Fields.DELTA -> m.delta = i;
        case V2Fields.RAW_FIELDS -> m.rawFields = i;
        case V2Fields.BAD_LINE -> m.badLine = i;
        case V2Fields.RAW -> m.raw = i;
        case V2Fields.RAW_B64 -> m.rawB64 = i;
        case V2Fields.LINE_BEFORE -> m.lineBefore = i;
        case V2Fields.LINE_AFTER -> m.lineAfter = i;
        default -> {}
      }
    }
    return m;
  }

  /** Reads {@code raw_fields}: an array of {@code [name, index, base64 of the value's text]}. */
  List<Decoder.RawField> rawFields(ObjectScan scan, byte[] buf) throws V2FormatException {
    List<Decoder.RawField> fields = new ArrayList<>();
    if (rawFields < 0) {
      return fields;
    }
    com.fasterxml.jackson.databind.JsonNode array;
    try {
      array =
          RAW_FIELDS_READER.readTree(
              buf,
              scan.valueStart(rawFields),
              scan.valueEnd(rawFields) - scan.valueStart(rawFields));
    } catch (java.io.IOException e) {
      throw new V2FormatException("raw_fields is not valid JSON");
    }
    for (com.fasterxml.jackson.databind.JsonNode entry : array) {
      if (!entry.isArray() || entry.size() != 3) {
        throw new V2FormatException("raw_fields entries must be [name, index, base64]");
      }
      String name = entry.get(0).asText();
      int index = entry.get(1).asInt();
      byte[] value = Base64.getDecoder().decode(entry.get(2).asText());
      fields.add(new Decoder.RawField(index, Decoder.Member.rawValue(name, value)));
    }
    return fields;
  }

  private static long number(ObjectScan scan, byte[] buf, int i) throws V2FormatException {
    if (scan.type(i) != ValueType.NUMBER) {
      throw new V2FormatException(scan.name(i) + " must be a number");
    }
    String text =
        new String(
            buf,
            scan.valueStart(i),
            scan.valueEnd(i) - scan.valueStart(i),
            java.nio.charset.StandardCharsets.US_ASCII);
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new V2FormatException(scan.name(i) + " must be a whole number, got " + text);
    }
  }

  private static String string(ObjectScan scan, byte[] buf, int i) throws V2FormatException {
    if (scan.type(i) != ValueType.STRING) {
      throw new V2FormatException(scan.name(i) + " must be a string");
    }
    return JsonScanner.decodeString(buf, scan.valueStart(i), scan.valueEnd(i));
  }
}
