package org.sdcap.pcap;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.sdcap.input.Field;
import org.sdcap.input.InputRecord;
import org.sdcap.json.JsonWriter;
import org.sdcap.json.Utf8;

/**
 * Renders a record as one JSON line for expected-output files: the fields as their raw JSON, then
 * the body as {@code body} (UTF-8 text) or {@code body_b64}.
 */
final class RecordJson {

  private RecordJson() {}

  static String line(InputRecord record) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JsonWriter writer = new JsonWriter(out);
    writer.beginObject();
    for (Field field : record.fields()) {
      writer.name(field.name()).rawValue(field.rawJson());
    }
    if (record.body() != null) {
      byte[] body = record.body().bytes();
      if (Utf8.isValid(body)) {
        writer.name("body").utf8String(body, 0, body.length);
      } else {
        writer.name("body_b64").value(Base64.getEncoder().encodeToString(body));
      }
    }
    writer.endObject();
    writer.flush();
    return out.toString(StandardCharsets.UTF_8);
  }
}
