package org.sdcap.input;

import java.nio.charset.StandardCharsets;
import org.sdcap.json.JsonText;

/**
 * One metadata member of a request record: its name and the exact JSON text of its value.
 *
 * <p>The value is kept as raw bytes so that numbers such as {@code 1700000000.123456789} and string
 * escapes pass through sdcap unchanged.
 */
public record Field(String name, byte[] rawJson) {

  public static Field ofString(String name, String value) {
    return new Field(name, JsonText.quote(value).getBytes(StandardCharsets.UTF_8));
  }

  public static Field ofNumber(String name, long value) {
    return new Field(name, Long.toString(value).getBytes(StandardCharsets.US_ASCII));
  }

  /** Creates a number field from its JSON text, for example {@code "1700000000.123"}. */
  public static Field ofNumberText(String name, String jsonNumber) {
    return new Field(name, jsonNumber.getBytes(StandardCharsets.US_ASCII));
  }

  public static Field ofBoolean(String name, boolean value) {
    return new Field(name, (value ? "true" : "false").getBytes(StandardCharsets.US_ASCII));
  }

  public static Field ofNull(String name) {
    return new Field(name, "null".getBytes(StandardCharsets.US_ASCII));
  }

  /** Returns the value as a Java string when it is a JSON string, otherwise null. */
  public String stringValue() {
    return JsonText.parseStringOrNull(rawJson);
  }

  public String rawText() {
    return new String(rawJson, StandardCharsets.UTF_8);
  }
}
