package org.sdcap.session;

/**
 * Normalises client addresses for session keys, so that one client gets one key whichever form a
 * log wrote its address in.
 *
 * <p>IPv6 addresses are written in the RFC 5952 canonical form (lowercase, longest run of zero
 * groups shortened to {@code ::}); IPv4-mapped IPv6 addresses become plain IPv4. A value that is no
 * IP address (a host name, {@code unknown}) is returned trimmed and otherwise unchanged. Parsing is
 * done here, never by {@link java.net.InetAddress}, so that no value can cause a DNS lookup.
 */
public final class IpAddresses {

  private IpAddresses() {}

  /**
   * Returns the address part of {@code value}, normalised.
   *
   * @param hasPort true when the value is documented as {@code ip:port} (the v1 field {@code
   *     client}), so that a trailing {@code :port} after an unbracketed IPv6 address is removed
   */
  public static String normalize(String value, boolean hasPort) {
    String text = value.trim();
    if (text.startsWith("[")) {
      int close = text.indexOf(']');
      if (close > 0) {
        return canonicalIpv6OrSelf(text.substring(1, close));
      }
      return text;
    }
    int colons = countColons(text);
    if (colons == 0) {
      return text;
    }
    if (colons == 1) {
      int colon = text.indexOf(':');
      return isDigits(text, colon + 1) ? text.substring(0, colon) : text;
    }
    if (hasPort) {
      int last = text.lastIndexOf(':');
      if (isDigits(text, last + 1) && last > 0) {
        String withoutPort = text.substring(0, last);
        int[] groups = parseIpv6(withoutPort);
        if (groups != null) {
          return format(groups, zoneOf(withoutPort));
        }
      }
    }
    return canonicalIpv6OrSelf(text);
  }

  /** Returns the left-most entry of an {@code X-Forwarded-For} list, or null when it is empty. */
  public static String firstForwardedHop(String forwardedFor) {
    int comma = forwardedFor.indexOf(',');
    String first = (comma < 0 ? forwardedFor : forwardedFor.substring(0, comma)).trim();
    return first.isEmpty() ? null : first;
  }

  private static String canonicalIpv6OrSelf(String text) {
    int[] groups = parseIpv6(text);
    return groups == null ? text : format(groups, zoneOf(text));
  }

  private static String zoneOf(String text) {
    int percent = text.indexOf('%');
    return percent < 0 ? "" : text.substring(percent);
  }

  /** Parses an IPv6 literal (zone index allowed) into eight 16-bit groups, or returns null. */
  static int[] parseIpv6(String text) {
    int percent = text.indexOf('%');
    String address = percent < 0 ? text : text.substring(0, percent);
    if (address.isEmpty() || address.indexOf("::") != address.lastIndexOf("::")) {
      return null;
    }
    int[] groups = new int[8];
    int doubleColon = address.indexOf("::");
    String head = doubleColon < 0 ? address : address.substring(0, doubleColon);
    String tail = doubleColon < 0 ? "" : address.substring(doubleColon + 2);
    int[] headGroups = parseGroups(head, doubleColon < 0);
    int[] tailGroups = parseGroups(tail, true);
    if (headGroups == null || tailGroups == null) {
      return null;
    }
    int total = headGroups.length + tailGroups.length;
    if (doubleColon < 0 ? total != 8 : total > 7) {
      return null;
    }
    System.arraycopy(headGroups, 0, groups, 0, headGroups.length);
    System.arraycopy(tailGroups, 0, groups, 8 - tailGroups.length, tailGroups.length);
    return groups;
  }

  /** Parses colon-separated hex groups; the last may be a dotted IPv4 address when allowed. */
  private static int[] parseGroups(String text, boolean ipv4Allowed) {
    if (text.isEmpty()) {
      return new int[0];
    }
    String[] parts = text.split(":", -1);
    int[] out = new int[parts.length + 1];
    int count = 0;
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (i == parts.length - 1 && ipv4Allowed && part.indexOf('.') >= 0) {
        int[] octets = parseIpv4(part);
        if (octets == null) {
          return null;
        }
        out[count++] = octets[0] << 8 | octets[1];
        out[count++] = octets[2] << 8 | octets[3];
        continue;
      }
      if (part.isEmpty() || part.length() > 4) {
        return null;
      }
      int value = 0;
      for (int k = 0; k < part.length(); k++) {
        int digit = Character.digit(part.charAt(k), 16);
        if (digit < 0) {
          return null;
        }
        value = value * 16 + digit;
      }
      out[count++] = value;
    }
    int[] result = new int[count];
    System.arraycopy(out, 0, result, 0, count);
    return result;
  }

  private static int[] parseIpv4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    int[] octets = new int[4];
    for (int i = 0; i < 4; i++) {
      if (parts[i].isEmpty() || parts[i].length() > 3 || !isDigits(parts[i], 0)) {
        return null;
      }
      octets[i] = Integer.parseInt(parts[i]);
      if (octets[i] > 255) {
        return null;
      }
    }
    return octets;
  }

  private static String format(int[] groups, String zone) {
    boolean mapped = true;
    for (int i = 0; i < 5; i++) {
      mapped &= groups[i] == 0;
    }
    if (mapped && groups[5] == 0xFFFF && zone.isEmpty()) {
      return (groups[6] >> 8)
          + "."
          + (groups[6] & 0xFF)
          + "."
          + (groups[7] >> 8)
          + "."
          + (groups[7] & 0xFF);
    }
    return compressedIpv6(groups) + zone;
  }

  /**
   * Formats eight 16-bit groups in the RFC 5952 form: lower-case hex without leading zeros, and the
   * longest run of two or more zero groups (the first, on a tie) written as {@code ::}.
   */
  public static String compressedIpv6(int[] groups) {
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      if (groups[i] != 0) {
        i++;
        continue;
      }
      int start = i;
      while (i < 8 && groups[i] == 0) {
        i++;
      }
      if (i - start > bestLength) {
        bestStart = start;
        bestLength = i - start;
      }
    }
    StringBuilder out = new StringBuilder(40);
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        out.append("::");
        i += bestLength - 1;
        continue;
      }
      if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
        out.append(':');
      }
      out.append(Integer.toHexString(groups[i]));
    }
    return out.toString();
  }

  private static int countColons(String text) {
    int count = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == ':') {
        count++;
      }
    }
    return count;
  }

  private static boolean isDigits(String text, int from) {
    if (from >= text.length()) {
      return false;
    }
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
