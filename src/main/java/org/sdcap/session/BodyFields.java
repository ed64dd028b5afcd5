package org.sdcap.session;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sdcap.json.JsonScanner;
import org.sdcap.json.JsonSpan;
import org.sdcap.json.JsonSyntaxException;
import org.sdcap.json.ObjectScan;
import org.sdcap.json.ValueType;

/**
 * The members of a JSON request body that session keys use: the top-level {@code model} and the
 * conversation ids some clients send.
 *
 * @param model the top-level {@code "model"} string, or null
 * @param conversationId the first conversation id found, in the order documented in
 *     docs/format-v2.md, or null
 */
public record BodyFields(String model, String conversationId) {

  private static final BodyFields NONE = new BodyFields(null, null);

  /** Matches Claude Code's {@code user_<hex>_account_<uuid>_session_<uuid>} user ids. */
  private static final Pattern SESSION_SUFFIX =
      Pattern.compile("_session_([0-9A-Fa-f]{8}-[0-9A-Fa-f-]{27,})$");

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxStringLength(Integer.MAX_VALUE)
                  .maxNestingDepth(100_000)
                  .maxNumberLength(Integer.MAX_VALUE)
                  .build())
          .build();

  /**
   * Reads the members from a body. A body that is not a JSON object, or not valid JSON, has none;
   * that is not an error, because bodies may be anything.
   */
  public static BodyFields extract(byte[] body) {
    if (!startsLikeObject(body)) {
      return NONE;
    }
    ObjectScan top;
    try {
      top = JsonScanner.scanObject(body, 0, body.length);
    } catch (JsonSyntaxException e) {
      return NONE;
    }
    String model = stringMember(body, top, "model");
    String promptCacheKey = stringMember(body, top, "prompt_cache_key");
    String litellmSessionId = stringMember(body, top, "litellm_session_id");
    String userId = null;
    String metadataSessionId = null;
    JsonSpan metadata = top.find("metadata");
    if (metadata != null && metadata.type() == ValueType.OBJECT) {
      try {
        ObjectScan members = JsonScanner.scanObject(body, metadata.start(), metadata.end());
        userId = stringMember(body, members, "user_id");
        metadataSessionId = stringMember(body, members, "session_id");
        if (litellmSessionId == null) {
          litellmSessionId = stringMember(body, members, "litellm_session_id");
        }
      } catch (JsonSyntaxException e) {
        // The whole body was scanned already, so a nested object is valid; nothing to do.
      }
    }
    return new BodyFields(
        model,
        firstNonNull(sessionOfUserId(userId), metadataSessionId, promptCacheKey, litellmSessionId));
  }

  private static String stringMember(byte[] body, ObjectScan scan, String name) {
    JsonSpan span = scan.find(name);
    if (span == null || span.type() != ValueType.STRING) {
      return null;
    }
    return JsonScanner.decodeString(body, span.start(), span.end());
  }

  /**
   * Returns the session id inside a Claude Code {@code metadata.user_id}: the {@code session_id}
   * member when the id is itself a JSON object, else the uuid after {@code _session_}, else null.
   */
  static String sessionOfUserId(String userId) {
    if (userId == null) {
      return null;
    }
    String trimmed = userId.trim();
    if (trimmed.startsWith("{")) {
      try (JsonParser parser = FACTORY.createParser(trimmed)) {
        if (parser.nextToken() == JsonToken.START_OBJECT) {
          while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("session_id") && value == JsonToken.VALUE_STRING) {
              return parser.getText();
            }
            parser.skipChildren();
          }
        }
      } catch (IOException | RuntimeException e) {
        return null;
      }
      return null;
    }
    Matcher matcher = SESSION_SUFFIX.matcher(trimmed);
    return matcher.find() ? matcher.group(1) : null;
  }

  private static boolean startsLikeObject(byte[] body) {
    for (byte b : body) {
      if (b == '{') {
        return true;
      }
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
        return false;
      }
    }
    return false;
  }

  private static String firstNonNull(String... values) {
    for (String value : values) {
      if (value != null) {
        return value;
      }
    }
    return null;
  }
}
