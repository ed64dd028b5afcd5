package org.sdcap.input;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.sdcap.json.JsonScanner;
import org.sdcap.json.JsonText;
import org.sdcap.json.ObjectScan;
import org.sdcap.json.ValueType;

/**
 * Turns the members of one valid JSONL object into an {@link InputRecord}: the request body from
 * the body members, every other member as a metadata {@link Field} in input order.
 *
 * <p>The body comes from the first of these that applies, and the other body members stay metadata:
 *
 * <ol>
 *   <li>{@code body} not null: a string gives {@link BodyForm#STRING}, any other value {@link
 *       BodyForm#JSON} with the value's exact text.
 *   <li>{@code body_b64} a string of canonical padded base64 (encoding the decoded bytes again
 *       gives the same text): {@link BodyForm#BASE64}. Other base64 stays metadata, with a warning.
 *   <li>{@code body_head} a string directly followed by the string {@code body_tail}: {@link
 *       BodyForm#V1}, head bytes then tail bytes.
 *   <li>{@code body_head} a string without {@code body_tail} right after it: {@link
 *       BodyForm#STRING} with field name {@code body_head}, so that decoding writes back exactly
 *       the one member the line had.
 * </ol>
 *
 * <p>A v1 body is partial when {@code body_truncated_bytes} is a number above zero or the tail is
 * not empty.
 */
final class LineRecordBuilder {

  private final FieldNames names;
  private final Diagnostics diagnostics;

  LineRecordBuilder(FieldNames names, Diagnostics diagnostics) {
    this.names = names;
    this.diagnostics = diagnostics;
  }

  InputRecord build(SourcePosition position, byte[] buf, ObjectScan scan) {
    BodyMembers body = chooseBody(position, buf, scan);
    List<Field> fields = new ArrayList<>(scan.size());
    for (int i = 0; i < scan.size(); i++) {
      if (i < body.first || i > body.last) {
        fields.add(new Field(scan.name(i), scan.valueBytes(i)));
      }
    }
    return new InputRecord(position, fields, body.body);
  }

  /** The members {@code first..last} that made {@code body}; none when first is -1. */
  private record BodyMembers(int first, int last, RequestBody body) {
    static final BodyMembers NONE = new BodyMembers(-1, -1, null);
  }

  private BodyMembers chooseBody(SourcePosition position, byte[] buf, ObjectScan scan) {
    int body = scan.indexOf(names.name(FieldRole.BODY));
    if (body >= 0 && scan.type(body) != ValueType.NULL) {
      return plainBody(buf, scan, body);
    }

    String base64Name = names.name(FieldRole.BODY_B64);
    int base64 = scan.indexOf(base64Name);
    if (base64 >= 0 && scan.type(base64) == ValueType.STRING) {
      byte[] decoded = decodeCanonicalBase64(buf, scan.valueStart(base64), scan.valueEnd(base64));
      if (decoded != null) {
        return new BodyMembers(
            base64,
            base64,
            RequestBody.whole(
                decoded, BodyForm.BASE64, base64Name, fieldIndex(scan, base64, base64)));
      }
      diagnostics.warning(
          position,
          JsonText.quote(base64Name)
              + " is not canonical padded base64, so it is kept as metadata and the record"
              + " has no body from it");
    }

    int head = scan.indexOf(names.name(FieldRole.BODY_HEAD));
    if (head >= 0 && scan.type(head) == ValueType.STRING) {
      return v1Body(buf, scan, head);
    }
    return BodyMembers.NONE;
  }

  private BodyMembers plainBody(byte[] buf, ObjectScan scan, int body) {
    String name = scan.name(body);
    int index = fieldIndex(scan, body, body);
    if (scan.type(body) == ValueType.STRING) {
      byte[] bytes = JsonScanner.decodeStringUtf8(buf, scan.valueStart(body), scan.valueEnd(body));
      return new BodyMembers(body, body, RequestBody.whole(bytes, BodyForm.STRING, name, index));
    }
    return new BodyMembers(
        body, body, RequestBody.whole(scan.valueBytes(body), BodyForm.JSON, name, index));
  }

  private BodyMembers v1Body(byte[] buf, ObjectScan scan, int head) {
    byte[] headBytes =
        JsonScanner.decodeStringUtf8(buf, scan.valueStart(head), scan.valueEnd(head));
    boolean truncated = isPositiveNumber(buf, scan, names.name(FieldRole.BODY_TRUNCATED_BYTES));
    int tail = head + 1;
    boolean hasTail =
        tail < scan.size()
            && scan.type(tail) == ValueType.STRING
            && scan.name(tail).equals(names.name(FieldRole.BODY_TAIL));
    if (!hasTail) {
      RequestBody body =
          new RequestBody(
              headBytes,
              BodyForm.STRING,
              truncated,
              headBytes.length,
              scan.name(head),
              fieldIndex(scan, head, head),
              null);
      return new BodyMembers(head, head, body);
    }

    byte[] tailBytes =
        JsonScanner.decodeStringUtf8(buf, scan.valueStart(tail), scan.valueEnd(tail));
    byte[] bytes = Arrays.copyOf(headBytes, headBytes.length + tailBytes.length);
    System.arraycopy(tailBytes, 0, bytes, headBytes.length, tailBytes.length);
    boolean partial = truncated || tailBytes.length > 0;
    RequestBody body =
        new RequestBody(
            bytes,
            BodyForm.V1,
            partial,
            headBytes.length,
            scan.name(head),
            fieldIndex(scan, head, tail),
            scan.name(tail));
    return new BodyMembers(head, tail, body);
  }

  /**
   * Returns where the body members go back among the metadata fields: the number of fields before
   * them, or -1 when they were the last members.
   */
  private static int fieldIndex(ObjectScan scan, int first, int last) {
    return last == scan.size() - 1 ? -1 : first;
  }

  /**
   * Decodes the base64 text inside the string literal {@code buf[literalStart, literalEnd)}, or
   * returns null unless encoding the result again gives back exactly that text.
   */
  private static byte[] decodeCanonicalBase64(byte[] buf, int literalStart, int literalEnd) {
    int from = literalStart + 1;
    int to = literalEnd - 1;
    byte[] decoded;
    try {
      ByteBuffer result = Base64.getDecoder().decode(ByteBuffer.wrap(buf, from, to - from));
      decoded = new byte[result.remaining()];
      result.get(decoded);
    } catch (IllegalArgumentException e) {
      return null;
    }
    byte[] encoded = Base64.getEncoder().encode(decoded);
    return Arrays.equals(encoded, 0, encoded.length, buf, from, to) ? decoded : null;
  }

  /** True when the member is a JSON number above zero; the sign and digits decide, not a parse. */
  private static boolean isPositiveNumber(byte[] buf, ObjectScan scan, String name) {
    int member = scan.indexOf(name);
    if (member < 0 || scan.type(member) != ValueType.NUMBER) {
      return false;
    }
    int from = scan.valueStart(member);
    int to = scan.valueEnd(member);
    if (buf[from] == '-') {
      return false;
    }
    for (int i = from; i < to && buf[i] != 'e' && buf[i] != 'E'; i++) {
      if (buf[i] >= '1' && buf[i] <= '9') {
        return true;
      }
    }
    return false;
  }
}
