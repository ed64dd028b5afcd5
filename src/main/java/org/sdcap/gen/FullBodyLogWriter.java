package org.sdcap.gen;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Base64;
import org.sdcap.json.Utf8;

/**
 * Writes a full-body request log: the v1 metadata ({@code ts} to {@code body_bytes}, see {@link
 * V1LogWriter}) followed by the whole body, one JSON object per line, in Python's {@code
 * json.dumps} style.
 *
 * <p>The body is in {@code body} as a JSON string whose value is the body decoded as UTF-8, or, in
 * {@link BodyForm#EMBEDDED} form, as the body's own bytes embedded as a JSON value. A body is
 * embedded only when that keeps its exact bytes on one line: it must be well-formed UTF-8, exactly
 * one JSON value with nothing before or after it, and free of CR and LF bytes. Other bodies fall
 * back to the string form. A body that is not well-formed UTF-8 is in {@code body_b64} (standard
 * base64 with padding) in both forms.
 */
public final class FullBodyLogWriter implements RequestWriter {

  /** The form of a body that is valid UTF-8. */
  public enum BodyForm {
    /** {@code "body": "<the body as a JSON string>"}. */
    STRING,
    /** {@code "body": <the body's bytes>} when they are one JSON value on one line. */
    EMBEDDED
  }

  private static final JsonFactory JSON_FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
          .build();

  private final OutputStream out;
  private final BodyForm form;
  private final JsonBuilder json = new JsonBuilder(JsonStyle.PYTHON, 64 * 1024);
  private long bytesWritten;

  public FullBodyLogWriter(OutputStream out, BodyForm form) {
    this.out = out;
    this.form = form;
  }

  @Override
  public void write(GeneratedRequest request) throws IOException {
    byte[] body = request.body();
    json.reset();
    json.beginObject();
    LogRecords.writeMetadata(json, request);
    if (!Utf8.isValid(body)) {
      json.name("body_b64").value(Base64.getEncoder().encodeToString(body));
    } else if (form == BodyForm.EMBEDDED && isEmbeddable(body)) {
      json.name("body").rawValue(body);
    } else {
      json.name("body").utf8Value(body, 0, body.length);
    }
    LogRecords.writeOversizeFlag(json, request);
    json.endObject();
    json.writeTo(out);
    out.write('\n');
    bytesWritten += json.size() + 1;
  }

  @Override
  public long bytesWritten() {
    return bytesWritten;
  }

  @Override
  public void close() throws IOException {
    out.close();
  }

  /**
   * Returns true when {@code body}, already known to be valid UTF-8, is one JSON value that starts
   * at its first byte, ends at its last, and contains no line break.
   */
  static boolean isEmbeddable(byte[] body) {
    if (body.length == 0 || !startsValue(body[0]) || isWhitespace(body[body.length - 1])) {
      return false;
    }
    for (byte b : body) {
      if (b == '\n' || b == '\r') {
        return false;
      }
    }
    try (JsonParser parser = JSON_FACTORY.createParser(body)) {
      if (parser.nextToken() == null) {
        return false;
      }
      parser.skipChildren();
      return parser.nextToken() == null;
    } catch (JsonProcessingException e) {
      return false;
    } catch (IOException e) {
      throw new IllegalStateException("reading a byte array failed", e);
    }
  }

  private static boolean startsValue(byte b) {
    return b == '{'
        || b == '['
        || b == '"'
        || b == '-'
        || (b >= '0' && b <= '9')
        || b == 't'
        || b == 'f'
        || b == 'n';
  }

  private static boolean isWhitespace(byte b) {
    return b == ' ' || b == '\t' || b == '\n' || b == '\r';
  }
}
