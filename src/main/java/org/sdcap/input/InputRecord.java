package org.sdcap.input;

import java.util.List;

/**
 * One request read from any input format, before sessions are assigned.
 *
 * @param fields metadata members in input order, without the body fields
 * @param framing the bytes of the record's input line outside its JSON object
 * @param body the request body, or null when the record carries none (a v1 record without {@code
 *     body_head}, a GET request in a capture)
 */
public record InputRecord(
    SourcePosition position, List<Field> fields, RequestBody body, LineFraming framing)
    implements InputItem {

  public InputRecord {
    fields = List.copyOf(fields);
  }

  /** Creates a record whose line, if it came from one, was the object alone and a newline. */
  public InputRecord(SourcePosition position, List<Field> fields, RequestBody body) {
    this(position, fields, body, LineFraming.PLAIN);
  }

  public InputRecord withFraming(LineFraming newFraming) {
    return new InputRecord(position, fields, body, newFraming);
  }

  /** Returns the first field with this name, or null. */
  public Field field(String name) {
    for (Field field : fields) {
      if (field.name().equals(name)) {
        return field;
      }
    }
    return null;
  }
}
