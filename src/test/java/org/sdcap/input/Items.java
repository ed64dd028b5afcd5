package org.sdcap.input;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads sources to the end and describes items as text, for comparing whole streams. */
final class Items {

  private Items() {}

  static List<InputItem> readAll(RecordSource source) throws IOException {
    List<InputItem> items = new ArrayList<>();
    try (source) {
      for (InputItem item = source.next(); item != null; item = source.next()) {
        items.add(item);
      }
    }
    return items;
  }

  static List<String> describeAll(List<InputItem> items) {
    List<String> descriptions = new ArrayList<>();
    for (InputItem item : items) {
      descriptions.add(describe(item));
    }
    return descriptions;
  }

  /** Describes an item with every field, bytes shown as ISO-8859-1 text so nothing is lost. */
  static String describe(InputItem item) {
    if (item instanceof BadLine bad) {
      return "bad "
          + bad.position()
          + " ["
          + bad.reason()
          + "] raw="
          + latin1(bad.raw())
          + (bad.endsWithNewline() ? "" : " (no newline)");
    }
    InputRecord record = (InputRecord) item;
    StringBuilder text = new StringBuilder("record " + record.position() + " {");
    for (Field field : record.fields()) {
      text.append(field.name()).append('=').append(latin1(field.rawJson())).append(' ');
    }
    text.append('}');
    RequestBody body = record.body();
    if (body != null) {
      text.append(" body ")
          .append(body.form())
          .append(body.partial() ? " partial" : "")
          .append(" head=")
          .append(body.headBytes())
          .append(" field=")
          .append(body.fieldName())
          .append('@')
          .append(body.fieldIndex())
          .append(" bytes=")
          .append(latin1(body.bytes()));
    }
    return text.toString();
  }

  private static String latin1(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }
}
