package org.sdcap.input;

import java.util.List;

/**
 * One request read from any input format, before sessions are assigned.
 *
 * @param fields metadata members in input order, without the body fields
 * @param body the request body, or null when the record carries none (a v1 record without {@code
 *     body_head}, a GET request in a capture)
 */
public record InputRecord(SourcePosition position, List<Field> fields, RequestBody body)
    implements InputItem {

  public InputRecord {
    fields = List.copyOf(fields);
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
