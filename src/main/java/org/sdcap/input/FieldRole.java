package org.sdcap.input;

/**
 * The meaning of a member of an input line, independent of the name a logger gives it. Each role
 * has a default input name, and {@link FieldNames} maps roles to other names.
 */
public enum FieldRole {
  /** Request time in epoch seconds, a JSON number that may have a fraction. */
  TS("ts"),
  STATUS("status"),
  PATH("path"),
  /** Client address as {@code "ip:port"}. */
  CLIENT("client"),
  /** Client IP address alone, for logs that keep the port in another field or drop it. */
  CLIENT_IP("client_ip"),
  MODEL("model"),
  USER_AGENT("user_agent"),
  X_FORWARDED_FOR("x_forwarded_for"),
  X_REAL_IP("x_real_ip"),
  X_FORWARDED_HOST("x_forwarded_host"),
  HOST("host"),
  REFERER("referer"),
  AUTH_PREFIX("auth_prefix"),
  /** The whole body, as a JSON string or an embedded JSON value. */
  BODY("body"),
  /** The whole body as standard padded base64. */
  BODY_B64("body_b64"),
  /** The first bytes of a v1 body, or the whole body when nothing was cut. */
  BODY_HEAD("body_head"),
  /** The last bytes of a truncated v1 body; empty when nothing was cut. */
  BODY_TAIL("body_tail"),
  /** Size of the original v1 body in bytes. */
  BODY_BYTES("body_bytes"),
  /** Number of v1 body bytes between head and tail that were not captured. */
  BODY_TRUNCATED_BYTES("body_truncated_bytes");

  private final String defaultName;

  FieldRole(String defaultName) {
    this.defaultName = defaultName;
  }

  public String defaultName() {
    return defaultName;
  }

  /** Returns the role's name in {@code --field ROLE=NAME}, which is also its default input name. */
  public String roleName() {
    return defaultName;
  }

  /** Returns the role with this {@link #roleName()}, or null. */
  public static FieldRole fromRoleName(String roleName) {
    for (FieldRole role : values()) {
      if (role.roleName().equals(roleName)) {
        return role;
      }
    }
    return null;
  }
}
