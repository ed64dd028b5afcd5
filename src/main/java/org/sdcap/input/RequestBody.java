package org.sdcap.input;

/**
 * The body of one request as bytes, with the form it had in the input.
 *
 * <p>For a truncated v1 record, {@code bytes} is the captured head followed by the captured tail,
 * {@code headBytes} is the length of the head in bytes and {@code partial} is true; the count of
 * bytes never captured stays in the record's metadata field {@code body_truncated_bytes}. A v1
 * record with {@code body_head} but no {@code body_tail} has form {@link BodyForm#STRING} and field
 * name {@code body_head}, and is partial when {@code body_truncated_bytes} is above zero. For every
 * other body {@code partial} is false and {@code headBytes} is {@code bytes.length}.
 *
 * @param fieldName the input field that held the body ({@code body}, {@code body_b64}, {@code
 *     body_head}, or a name mapped to one of them); null for dumps and captures
 * @param fieldIndex the index among the record's members at which the body field stood, so decoding
 *     can put it back in place; -1 when it was last or the input had no field
 * @param tailFieldName the input field that held the tail of a {@link BodyForm#V1} body ({@code
 *     body_tail}, or the name mapped to it); null for every other form
 */
public record RequestBody(
    byte[] bytes,
    BodyForm form,
    boolean partial,
    int headBytes,
    String fieldName,
    int fieldIndex,
    String tailFieldName) {

  public static RequestBody whole(byte[] bytes, BodyForm form, String fieldName, int fieldIndex) {
    return new RequestBody(bytes, form, false, bytes.length, fieldName, fieldIndex, null);
  }
}
