package org.sdcap.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.sdcap.input.Field;
import org.sdcap.input.InputRecord;
import org.sdcap.json.JsonText;

/**
 * Computes the session key of a record: a 16-digit lowercase hex digest of a canonical text of its
 * key components, identical across runs, machines and versions.
 *
 * <p>The canonical text is the line {@code sdcap-session-key 1}, then one line per selected
 * component in component order: {@code NAME=VALUE}, where VALUE is the component's value as a JSON
 * string literal, or {@code null} when the record has none. Each line ends with {@code \n}. The key
 * is the first 8 bytes of the text's SHA-256 in hex. docs/format-v2.md gives test vectors.
 */
public final class SessionKeyer {

  /** Header fields holding a conversation id, tried in this order before the body's ids. */
  public static final List<String> CONVERSATION_HEADERS =
      List.of(
          "x_claude_code_session_id",
          "x_openwebui_chat_id",
          "helicone_session_id",
          "session_id",
          "thread_id",
          "x_session_id",
          "x_thread_id");

  private static final String HEADER_OBJECT = "headers";

  /** Position of each name in {@link #CONVERSATION_HEADERS}; a lower position wins. */
  private static final java.util.Map<String, Integer> HEADER_RANK = rankOf(CONVERSATION_HEADERS);

  private static java.util.Map<String, Integer> rankOf(List<String> names) {
    java.util.Map<String, Integer> ranks = new java.util.HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      ranks.put(names.get(i), i);
    }
    return ranks;
  }

  private final List<KeyComponent> components;
  private final SessionFieldNames names;

  public SessionKeyer(List<KeyComponent> components, SessionFieldNames names) {
    this.components = List.copyOf(new TreeSet<>(components));
    this.names = names;
  }

  public static List<KeyComponent> defaultComponents() {
    return List.of(
        KeyComponent.IP, KeyComponent.MODEL, KeyComponent.USER_AGENT, KeyComponent.CONVERSATION);
  }

  public List<KeyComponent> components() {
    return components;
  }

  /** Returns the session key of {@code record}. */
  public String keyOf(InputRecord record) {
    return digest(canonicalText(record));
  }

  /** Returns the canonical text the key is the digest of; exposed for tests and documentation. */
  public String canonicalText(InputRecord record) {
    LazyBody body = new LazyBody(record);
    StringBuilder text = new StringBuilder("sdcap-session-key 1\n");
    for (KeyComponent component : components) {
      String value = valueOf(component, record, body);
      text.append(component.name())
          .append('=')
          .append(value == null ? "null" : JsonText.quote(value))
          .append('\n');
    }
    return text.toString();
  }

  /** Reads the body's members only when a component needs them, since that scans the body. */
  private static final class LazyBody {
    private final InputRecord record;
    private BodyFields fields;

    LazyBody(InputRecord record) {
      this.record = record;
    }

    BodyFields get() {
      if (fields == null) {
        fields =
            record.body() != null && !record.body().partial()
                ? BodyFields.extract(record.body().bytes())
                : new BodyFields(null, null);
      }
      return fields;
    }
  }

  /** Returns the first 16 hex digits of the SHA-256 of {@code canonicalText}. */
  public static String digest(String canonicalText) {
    return HexFormat.of()
        .formatHex(SHA256.get().digest(canonicalText.getBytes(StandardCharsets.UTF_8)), 0, 8);
  }

  /** One digest per thread, because looking one up costs more than hashing a short text. */
  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("SHA-256 is missing from this JVM", e);
            }
          });

  private String valueOf(KeyComponent component, InputRecord record, LazyBody body) {
    String fieldName = component.fieldName();
    if (fieldName != null) {
      Field field = record.field(fieldName);
      if (field == null) {
        return null;
      }
      String text = field.stringValue();
      return text != null ? text : field.rawText().trim();
    }
    return switch (component.name()) {
      case "ip" -> clientIp(record);
      case "model" -> {
        String model = stringField(record, names.model());
        yield model != null ? model : body.get().model();
      }
      case "user_agent" -> stringField(record, names.userAgent());
      case "conversation" -> {
        String header = conversationHeader(record);
        yield header != null ? header : body.get().conversationId();
      }
      default -> throw new IllegalStateException("unhandled component " + component);
    };
  }

  /** Returns the left-most X-Forwarded-For hop, else X-Real-IP, else the client's address. */
  String clientIp(InputRecord record) {
    String forwarded = stringField(record, names.xForwardedFor());
    if (forwarded != null) {
      String first = IpAddresses.firstForwardedHop(forwarded);
      if (first != null) {
        return IpAddresses.normalize(first, false);
      }
    }
    String realIp = stringField(record, names.xRealIp());
    if (realIp != null && !realIp.isBlank()) {
      return IpAddresses.normalize(realIp, false);
    }
    String client = stringField(record, names.client());
    if (client != null && !client.isBlank()) {
      return IpAddresses.normalize(client, true);
    }
    String clientIp = stringField(record, names.clientIp());
    if (clientIp != null && !clientIp.isBlank()) {
      return IpAddresses.normalize(clientIp, false);
    }
    return null;
  }

  private static String conversationHeader(InputRecord record) {
    String found = null;
    int foundRank = Integer.MAX_VALUE;
    for (Field field : record.fields()) {
      Integer rank = HEADER_RANK.get(normalizeHeaderName(field.name()));
      if (rank != null && rank < foundRank) {
        String value = field.stringValue();
        if (value != null && !value.isBlank()) {
          found = value;
          foundRank = rank;
        }
      }
    }
    Field headers = record.field(HEADER_OBJECT);
    if (headers != null) {
      for (Field field : HeaderObject.members(headers.rawJson())) {
        Integer rank = HEADER_RANK.get(normalizeHeaderName(field.name()));
        if (rank != null && rank < foundRank) {
          String value = field.stringValue();
          if (value != null && !value.isBlank()) {
            found = value;
            foundRank = rank;
          }
        }
      }
    }
    return found;
  }

  static String normalizeHeaderName(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '-' || (c >= 'A' && c <= 'Z') || c > 0x7F) {
        return name.toLowerCase(Locale.ROOT).replace('-', '_');
      }
    }
    return name;
  }

  private static String stringField(InputRecord record, String name) {
    if (name == null) {
      return null;
    }
    Field field = record.field(name);
    return field == null ? null : field.stringValue();
  }
}
