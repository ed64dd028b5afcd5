package org.sdcap.v2;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.sdcap.delta.BodyEncoding;
import org.sdcap.delta.Delta;
import org.sdcap.delta.TextUnits;
import org.sdcap.input.BadLine;
import org.sdcap.input.BodyForm;
import org.sdcap.input.Field;
import org.sdcap.input.InputRecord;
import org.sdcap.input.LineFraming;
import org.sdcap.input.RequestBody;
import org.sdcap.json.JsonWriter;
import org.sdcap.json.Utf8;

/** Writes v2 records, one JSON object per line, as docs/format-v2.md specifies them. */
public final class V2Writer {

  /** The v1 log's name for the tail of a body; {@code body_tail_field} is written for others. */
  static final String V1_TAIL_FIELD = "body_tail";

  private final JsonWriter json;
  private final int tailUnits;

  /**
   * @param tailUnits how many units of each body to repeat in {@code body_tail}; 0 for none
   */
  public V2Writer(OutputStream out, int tailUnits) {
    this.json = new JsonWriter(out, 1 << 17);
    this.tailUnits = tailUnits;
  }

  public void writeRecord(String sessionKey, int seq, InputRecord record, EncodedBody encoded) {
    json.beginObject();
    json.name(V2Fields.SCHEMA).value(V2Fields.SCHEMA_VERSION);
    json.name(V2Fields.SESSION_KEY).value(sessionKey);
    json.name(V2Fields.SEQ).value(seq);
    if (encoded != null && encoded.parentSeq() > 0) {
      json.name(V2Fields.PARENT_SEQ).value(encoded.parentSeq());
    }
    writeMetadata(record.fields());
    if (encoded != null) {
      writeBody(encoded);
    }
    writeFraming(record.framing());
    json.endObject().newline();
  }

  public void writeBadLine(BadLine line) {
    json.beginObject();
    json.name(V2Fields.SCHEMA).value(V2Fields.SCHEMA_VERSION);
    json.name(V2Fields.BAD_LINE).beginObject();
    json.name("file").value(line.position().file());
    json.name("line").value(line.position().line());
    json.name("reason").value(line.reason());
    json.endObject();
    byte[] raw = line.raw();
    if (Utf8.isValid(raw)) {
      json.name(V2Fields.RAW).utf8String(raw, 0, raw.length);
    } else {
      json.name(V2Fields.RAW_B64).value(Base64.getEncoder().encodeToString(raw));
    }
    if (!line.endsWithNewline()) {
      json.name(V2Fields.EOL).value(false);
    }
    json.endObject().newline();
  }

  /** Writes the bytes the input line had outside its object, when they are not the plain ones. */
  private void writeFraming(LineFraming framing) {
    if (framing.before().length > 0) {
      json.name(V2Fields.LINE_BEFORE).utf8String(framing.before(), 0, framing.before().length);
    }
    if (framing.after().length > 0) {
      json.name(V2Fields.LINE_AFTER).utf8String(framing.after(), 0, framing.after().length);
    }
    if (!framing.newline()) {
      json.name(V2Fields.EOL).value(false);
    }
  }

  public void flush() {
    json.flush();
  }

  /**
   * Writes metadata fields at the top level, except fields whose name v2 reserves and values that
   * cannot be written as they are (not UTF-8, or holding a lone surrogate escape, which jq 1.6
   * rejects): those go to {@code raw_fields} as {@code [name, index, base64 of the value's text]}.
   */
  private void writeMetadata(List<Field> fields) {
    List<Integer> rawIndexes = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      Field field = fields.get(i);
      if (V2Fields.RESERVED.contains(field.name()) || !isPlainJson(field.rawJson())) {
        rawIndexes.add(i);
        continue;
      }
      json.name(field.name()).rawValue(field.rawJson());
    }
    if (rawIndexes.isEmpty()) {
      return;
    }
    json.name(V2Fields.RAW_FIELDS).beginArray();
    for (int index : rawIndexes) {
      Field field = fields.get(index);
      json.beginArray()
          .value(field.name())
          .value(index)
          .value(Base64.getEncoder().encodeToString(field.rawJson()))
          .endArray();
    }
    json.endArray();
  }

  private void writeBody(EncodedBody encoded) {
    RequestBody body = encoded.body();
    TextUnits units = encoded.units();
    json.name(V2Fields.BODY_FORM).value(body.form().wireName());
    if (body.fieldName() != null && !body.fieldName().equals(defaultFieldName(body.form()))) {
      json.name(V2Fields.BODY_FIELD).value(body.fieldName());
    }
    if (body.tailFieldName() != null && !body.tailFieldName().equals(V1_TAIL_FIELD)) {
      json.name(V2Fields.BODY_TAIL_FIELD).value(body.tailFieldName());
    }
    if (body.fieldIndex() >= 0) {
      json.name(V2Fields.BODY_FIELD_INDEX).value(body.fieldIndex());
    }
    json.name(V2Fields.BODY_LEN).value(units.unitCount());
    json.name(V2Fields.BODY_SHA256).value(HexFormat.of().formatHex(encoded.sha256()));
    if (encoded.encoding() != BodyEncoding.UTF8) {
      json.name(V2Fields.BODY_ENCODING).value(encoded.encoding().wireName());
    }
    if (body.partial()) {
      json.name(V2Fields.BODY_PARTIAL).value(true);
    }
    if (body.form() == BodyForm.V1) {
      json.name(V2Fields.HEAD_LEN).value(units.unitOffset(body.headBytes()));
    }

    Delta delta = encoded.delta();
    json.name(V2Fields.PREFIX_LEN).value(delta.prefixUnits());
    json.name(V2Fields.SUFFIX_LEN).value(delta.suffixUnits());
    json.name(V2Fields.DELTA);
    byte[] bytes = units.bytes();
    boolean latin1 = encoded.encoding() == BodyEncoding.LATIN1;
    if (delta.isPlainString()) {
      writeLiterals(delta, bytes, latin1);
    } else {
      json.beginArray();
      for (Delta.Piece piece : delta.pieces()) {
        if (piece instanceof Delta.Literal literal) {
          writeText(bytes, literal.byteStart(), literal.byteEnd(), latin1);
        } else if (piece instanceof Delta.Copy copy) {
          json.beginArray().value(copy.parentUnitOffset()).value(copy.unitLength()).endArray();
        }
      }
      json.endArray();
    }

    if (tailUnits > 0) {
      int from = units.byteOffset(Math.max(0, units.unitCount() - tailUnits));
      json.name(V2Fields.BODY_TAIL);
      writeText(bytes, from, bytes.length, latin1);
    }
  }

  /** Writes a delta without copies as one string: empty, or its single literal. */
  private void writeLiterals(Delta delta, byte[] bytes, boolean latin1) {
    List<Delta.Piece> pieces = delta.pieces();
    if (pieces.isEmpty()) {
      json.value("");
      return;
    }
    Delta.Literal only = (Delta.Literal) pieces.get(0);
    writeText(bytes, only.byteStart(), only.byteEnd(), latin1);
  }

  private void writeText(byte[] bytes, int from, int to, boolean latin1) {
    if (latin1) {
      json.latin1String(bytes, from, to);
    } else {
      json.utf8String(bytes, from, to);
    }
  }

  static String defaultFieldName(BodyForm form) {
    return switch (form) {
      case STRING, JSON -> "body";
      case BASE64 -> "body_b64";
      case V1 -> "body_head";
      case DUMP, HTTP -> null;
    };
  }

  /** Returns true when {@code raw} is UTF-8 without a lone surrogate escape. */
  static boolean isPlainJson(byte[] raw) {
    if (!Utf8.isValid(raw)) {
      return false;
    }
    for (int i = 0; i + 5 < raw.length; i++) {
      if (raw[i] == '\\') {
        if (raw[i + 1] == 'u') {
          int unit = hex4(raw, i + 2);
          if (unit >= 0xD800 && unit <= 0xDBFF) {
            boolean paired =
                i + 11 < raw.length + 0
                    && raw[i + 6] == '\\'
                    && raw[i + 7] == 'u'
                    && isLowSurrogate(hex4(raw, i + 8));
            if (!paired) {
              return false;
            }
            i += 11;
            continue;
          }
          if (unit >= 0xDC00 && unit <= 0xDFFF) {
            return false;
          }
          i += 5;
        } else {
          i += 1;
        }
      }
    }
    return true;
  }

  private static boolean isLowSurrogate(int unit) {
    return unit >= 0xDC00 && unit <= 0xDFFF;
  }

  private static int hex4(byte[] raw, int at) {
    if (at + 4 > raw.length) {
      return -1;
    }
    int value = 0;
    for (int k = 0; k < 4; k++) {
      int digit = Character.digit(raw[at + k], 16);
      if (digit < 0) {
        return -1;
      }
      value = value * 16 + digit;
    }
    return value;
  }
}
