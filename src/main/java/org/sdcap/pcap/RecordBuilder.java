package org.sdcap.pcap;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.sdcap.input.BodyForm;
import org.sdcap.input.Field;
import org.sdcap.input.InputRecord;
import org.sdcap.input.RequestBody;
import org.sdcap.input.SourcePosition;
import org.sdcap.json.Utf8;

/**
 * Turns a parsed request into a record with the field names of the v1 capture middleware.
 *
 * <p>Header values are bytes: valid UTF-8 becomes a JSON string; anything else is written as the
 * base64 of the exact bytes under the field name with a {@code _b64} suffix (for example {@code
 * user_agent_b64}), in the same place. Absent headers are JSON null. Repeated headers are joined
 * with {@code ", "} as RFC 9110 section 5.3 allows for list-valued fields. The Authorization header
 * is never written: only its first {@value #AUTH_PREFIX_LENGTH} characters followed by {@code ...}
 * in {@code auth_prefix}.
 */
final class RecordBuilder {

  static final int AUTH_PREFIX_LENGTH = 24;

  /** Conversation-id headers kept when present, by their snake_case field names. */
  private static final String[] CONVERSATION_HEADERS = {
    "x_claude_code_session_id",
    "x_openwebui_chat_id",
    "session_id",
    "thread_id",
    "helicone_session_id"
  };

  private static final String[][] HEADER_FIELDS = {
    {"host", "host"},
    {"user_agent", "user-agent"},
    {"x_forwarded_for", "x-forwarded-for"},
    {"x_real_ip", "x-real-ip"},
    {"x_forwarded_host", "x-forwarded-host"},
    {"referer", "referer"},
  };

  private final String fileName;
  private final int maxBodyBytes;

  RecordBuilder(String fileName, int maxBodyBytes) {
    this.fileName = fileName;
    this.maxBodyBytes = maxBodyBytes;
  }

  InputRecord build(HttpRequest request) {
    List<Field> fields = new ArrayList<>(24);
    fields.add(
        Field.ofNumberText("ts", CaptureTime.format(request.lastTimeNanos, request.timeDigits)));
    fields.add(Field.ofString("client", request.connection.clientEndpoint()));
    fields.add(Field.ofString("method", request.methodText()));
    fields.add(bytesField("path", request.target));
    for (String[] mapping : HEADER_FIELDS) {
      fields.add(bytesField(mapping[0], joinedHeader(request, mapping[1])));
    }

    fields.add(authPrefix(request.header("authorization")));

    byte[] body = request.body == null ? null : request.body.toByteArray();
    byte[] contentEncoding = joinedHeader(request, "content-encoding");
    String model =
        body == null
            ? null
            : BodyModel.find(
                body,
                contentEncoding == null ? null : HttpSyntax.ascii(contentEncoding),
                maxBodyBytes);
    fields.add(model == null ? Field.ofNull("model") : Field.ofString("model", model));

    if (request.status >= 0) {
      fields.add(Field.ofNumber("status", request.status));
    }
    addConversationIds(request, fields);
    addFlags(request, contentEncoding, fields);

    // A body with bytes missing from the capture is partial, so reconstruct writes it only when
    // asked.
    RequestBody requestBody =
        body == null
            ? null
            : new RequestBody(
                body,
                BodyForm.HTTP,
                request.incomplete || request.droppedBodyBytes > 0,
                body.length,
                null,
                -1,
                null);
    SourcePosition position =
        SourcePosition.ofPacket(fileName, request.firstPacket, request.firstByteOffset);
    return new InputRecord(position, fields, requestBody);
  }

  private static void addConversationIds(HttpRequest request, List<Field> fields) {
    for (String name : CONVERSATION_HEADERS) {
      byte[] value = null;
      for (HttpRequest.Header header : request.headers) {
        if (header.name().replace('-', '_').equals(name)) {
          value = value == null ? header.value() : join(value, header.value());
        }
      }
      if (value != null) {
        fields.add(bytesField(name, value));
      }
    }
  }

  private static void addFlags(HttpRequest request, byte[] contentEncoding, List<Field> fields) {
    if (request.incomplete) {
      fields.add(Field.ofBoolean("capture_incomplete", true));
    }
    if (request.missingBytes > 0) {
      fields.add(Field.ofNumber("missing_bytes", request.missingBytes));
    }
    if (request.conflictingOverlap) {
      fields.add(Field.ofBoolean("conflicting_overlap", true));
    }
    if (request.bodyNotSent) {
      fields.add(Field.ofBoolean("body_not_sent", true));
    }
    if (request.droppedBodyBytes > 0) {
      fields.add(Field.ofNumber("body_dropped_bytes", request.droppedBodyBytes));
    }
    if (contentEncoding != null) {
      fields.add(bytesField("content_encoding", contentEncoding));
    }
    byte[] transferEncoding = joinedHeader(request, "transfer-encoding");
    if (transferEncoding != null
        && !HttpSyntax.ascii(transferEncoding).trim().equalsIgnoreCase("chunked")) {
      fields.add(bytesField("transfer_encoding", transferEncoding));
    }
    if (!request.version.equals("HTTP/1.1")) {
      fields.add(Field.ofString("http_version", request.version));
    }
  }

  /** Cuts the Authorization value as the middleware does: 24 characters, then "...". */
  private static Field authPrefix(byte[] authorization) {
    if (authorization == null) {
      return Field.ofNull("auth_prefix");
    }
    if (Utf8.isValid(authorization)) {
      String value = new String(authorization, StandardCharsets.UTF_8);
      int end = value.offsetByCodePoints(0, keptLength(value.codePointCount(0, value.length())));
      return Field.ofString("auth_prefix", value.substring(0, end) + "...");
    }
    int length = keptLength(authorization.length);
    byte[] prefix = new byte[length + 3];
    System.arraycopy(authorization, 0, prefix, 0, length);
    prefix[length] = prefix[length + 1] = prefix[length + 2] = '.';
    return Field.ofString("auth_prefix_b64", Base64.getEncoder().encodeToString(prefix));
  }

  /**
   * Returns how many characters of an Authorization value of {@code length} characters to keep: 24,
   * as the middleware does, for any longer value. A value of 24 characters or fewer (a short test
   * key such as {@code Bearer sk-1234}) would be written whole that way, so only its first half is
   * kept.
   */
  static int keptLength(int length) {
    return length > AUTH_PREFIX_LENGTH ? AUTH_PREFIX_LENGTH : length / 2;
  }

  private static byte[] joinedHeader(HttpRequest request, String name) {
    byte[] joined = null;
    for (HttpRequest.Header header : request.headers) {
      if (header.name().equals(name)) {
        joined = joined == null ? header.value() : join(joined, header.value());
      }
    }
    return joined;
  }

  private static byte[] join(byte[] first, byte[] second) {
    byte[] joined = new byte[first.length + 2 + second.length];
    System.arraycopy(first, 0, joined, 0, first.length);
    joined[first.length] = ',';
    joined[first.length + 1] = ' ';
    System.arraycopy(second, 0, joined, first.length + 2, second.length);
    return joined;
  }

  /** Writes bytes as a string field when they are UTF-8, otherwise as {@code NAME_b64}. */
  static Field bytesField(String name, byte[] value) {
    if (value == null) {
      return Field.ofNull(name);
    }
    if (Utf8.isValid(value)) {
      return Field.ofString(name, new String(value, StandardCharsets.UTF_8));
    }
    return Field.ofString(name + "_b64", Base64.getEncoder().encodeToString(value));
  }
}
