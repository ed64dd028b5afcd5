package org.sdcap.session;

/**
 * One part of a session key. Built-in components come first, in this order; a {@code field:NAME}
 * component takes the value of any input field.
 *
 * @param name {@code ip}, {@code model}, {@code user_agent}, {@code conversation}, or {@code
 *     field:NAME}
 */
public record KeyComponent(String name) implements Comparable<KeyComponent> {

  public static final KeyComponent IP = new KeyComponent("ip");
  public static final KeyComponent MODEL = new KeyComponent("model");
  public static final KeyComponent USER_AGENT = new KeyComponent("user_agent");
  public static final KeyComponent CONVERSATION = new KeyComponent("conversation");

  private static final String FIELD_PREFIX = "field:";
  private static final String[] BUILT_IN = {"ip", "model", "user_agent", "conversation"};

  /** Parses a component name, or throws IllegalArgumentException listing the valid names. */
  public static KeyComponent parse(String text) {
    String name = text.trim();
    for (String builtIn : BUILT_IN) {
      if (builtIn.equals(name)) {
        return new KeyComponent(name);
      }
    }
    if (name.startsWith(FIELD_PREFIX) && name.length() > FIELD_PREFIX.length()) {
      return new KeyComponent(name);
    }
    throw new IllegalArgumentException(
        "unknown session key component '"
            + text
            + "'; valid: ip, model, user_agent, conversation, field:NAME");
  }

  /** Returns the input field name of a {@code field:NAME} component, or null for a built-in one. */
  public String fieldName() {
    return name.startsWith(FIELD_PREFIX) ? name.substring(FIELD_PREFIX.length()) : null;
  }

  private int rank() {
    for (int i = 0; i < BUILT_IN.length; i++) {
      if (BUILT_IN[i].equals(name)) {
        return i;
      }
    }
    return BUILT_IN.length;
  }

  @Override
  public int compareTo(KeyComponent other) {
    int byRank = Integer.compare(rank(), other.rank());
    return byRank != 0 ? byRank : name.compareTo(other.name);
  }

  @Override
  public String toString() {
    return name;
  }
}
