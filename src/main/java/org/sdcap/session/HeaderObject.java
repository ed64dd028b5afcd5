package org.sdcap.session;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.sdcap.input.Field;

/** Reads the string members of a {@code headers} object field, for logs that nest headers. */
final class HeaderObject {

  private static final JsonFactory FACTORY = new JsonFactory();

  private HeaderObject() {}

  static List<Field> members(byte[] rawJson) {
    List<Field> members = new ArrayList<>();
    try (JsonParser parser = FACTORY.createParser(rawJson)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return members;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        if (parser.nextToken() == JsonToken.VALUE_STRING) {
          members.add(Field.ofString(name, parser.getText()));
        } else {
          parser.skipChildren();
        }
      }
    } catch (IOException e) {
      // A malformed headers object contributes no conversation id.
    }
    return members;
  }
}
