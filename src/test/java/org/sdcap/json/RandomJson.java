package org.sdcap.json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates random JSON objects as UTF-8 text and records the exact text of each top-level member,
 * as a reference for the scanner.
 */
final class RandomJson {

  /** One top-level member as generated: decoded name, exact value text and type. */
  record Member(String name, String valueText, ValueType type) {}

  private static final String[] NAME_POOL = {
    "ts", "model", "body", "a", "é", "日本", "\ud83d\ude00", "with space", "q\"uote", "back\\slash"
  };
  private static final String[] WHITESPACE = {"", "", "", " ", "\t", "\r\n", "  \n "};

  private final Random random;
  private final StringBuilder text = new StringBuilder();
  private final List<Member> members = new ArrayList<>();

  RandomJson(long seed) {
    this.random = new Random(seed);
  }

  /** Generates an object with up to {@code maxMembers} members nested at most {@code maxDepth}. */
  String object(int maxMembers, int maxDepth) {
    text.setLength(0);
    members.clear();
    whitespace();
    text.append('{');
    int count = random.nextInt(maxMembers + 1);
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        text.append(',');
      }
      whitespace();
      String name = i < NAME_POOL.length && random.nextBoolean() ? NAME_POOL[i] : "m" + i;
      text.append(quote(name, true));
      whitespace();
      text.append(':');
      whitespace();
      int valueStart = text.length();
      ValueType type = value(maxDepth);
      members.add(new Member(name, text.substring(valueStart), type));
      whitespace();
    }
    text.append('}');
    whitespace();
    return text.toString();
  }

  List<Member> members() {
    return List.copyOf(members);
  }

  byte[] bytes() {
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private ValueType value(int depth) {
    int kind = random.nextInt(depth > 0 ? 9 : 7);
    switch (kind) {
      case 0, 1 -> {
        text.append(quote(randomString(), random.nextBoolean()));
        return ValueType.STRING;
      }
      case 2, 3 -> {
        text.append(randomNumber());
        return ValueType.NUMBER;
      }
      case 4 -> {
        text.append("true");
        return ValueType.TRUE;
      }
      case 5 -> {
        text.append("false");
        return ValueType.FALSE;
      }
      case 6 -> {
        text.append("null");
        return ValueType.NULL;
      }
      case 7 -> {
        text.append('[');
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
          if (i > 0) {
            text.append(',');
          }
          whitespace();
          value(depth - 1);
          whitespace();
        }
        text.append(']');
        return ValueType.ARRAY;
      }
      default -> {
        text.append('{');
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
          if (i > 0) {
            text.append(',');
          }
          whitespace();
          // Jackson 2.21 rejects lone surrogate escapes in member names, though JSON allows them.
          text.append(quote(randomString().replaceAll("\\p{Cs}", "?"), random.nextBoolean()));
          text.append(':');
          value(depth - 1);
        }
        text.append('}');
        return ValueType.OBJECT;
      }
    }
  }

  private String randomNumber() {
    StringBuilder number = new StringBuilder();
    if (random.nextBoolean()) {
      number.append('-');
    }
    if (random.nextInt(4) == 0) {
      number.append('0');
    } else {
      number.append(1 + random.nextInt(9));
      int digits = random.nextInt(30);
      for (int i = 0; i < digits; i++) {
        number.append(random.nextInt(10));
      }
    }
    if (random.nextBoolean()) {
      number.append('.');
      int digits = 1 + random.nextInt(30);
      for (int i = 0; i < digits; i++) {
        number.append(random.nextInt(10));
      }
    }
    if (random.nextInt(3) == 0) {
      number.append(random.nextBoolean() ? 'e' : 'E');
      int sign = random.nextInt(3);
      if (sign > 0) {
        number.append(sign == 1 ? '+' : '-');
      }
      number.append(random.nextInt(400));
    }
    return number.toString();
  }

  private String randomString() {
    int length = random.nextInt(random.nextInt(10) == 0 ? 200 : 12);
    StringBuilder value = new StringBuilder();
    for (int i = 0; i < length; i++) {
      int pick = random.nextInt(20);
      if (pick < 10) {
        value.append((char) (0x20 + random.nextInt(0x5F)));
      } else if (pick < 12) {
        value.append((char) random.nextInt(0x20));
      } else if (pick < 14) {
        value.append("\"\\/");
      } else if (pick < 16) {
        value.append((char) (0xA0 + random.nextInt(0x700)));
      } else if (pick < 17) {
        value.append("\ud83d\ude00");
      } else if (pick < 18) {
        value.append((char) (0x3000 + random.nextInt(0x5000)));
      } else if (pick < 19) {
        value.append('\ud83d');
      } else {
        value.append('\ude00');
      }
    }
    return value.toString();
  }

  /**
   * Quotes {@code value} as a JSON string. Characters that JSON allows either way are escaped or
   * written as they are at random; lone surrogates are always escaped.
   */
  private String quote(String value, boolean escapeFreely) {
    StringBuilder literal = new StringBuilder("\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean pair =
          Character.isHighSurrogate(c)
              && i + 1 < value.length()
              && Character.isLowSurrogate(value.charAt(i + 1));
      if (c == '"' || c == '\\') {
        literal.append('\\').append(c);
      } else if (c < 0x20 || Character.isSurrogate(c) && !pair) {
        appendEscape(literal, c);
      } else if (escapeFreely && random.nextInt(4) == 0) {
        if (c == '/') {
          literal.append("\\/");
        } else {
          appendEscape(literal, c);
          if (pair) {
            appendEscape(literal, value.charAt(++i));
          }
        }
      } else {
        literal.append(c);
        if (pair) {
          literal.append(value.charAt(++i));
        }
      }
    }
    return literal.append('"').toString();
  }

  private void appendEscape(StringBuilder literal, char c) {
    switch (c) {
      case '\n' -> literal.append("\\n");
      case '\t' -> literal.append("\\t");
      default ->
          literal.append(String.format(random.nextBoolean() ? "\\u%04x" : "\\u%04X", (int) c));
    }
  }

  private void whitespace() {
    text.append(WHITESPACE[random.nextInt(WHITESPACE.length)]);
  }
}
