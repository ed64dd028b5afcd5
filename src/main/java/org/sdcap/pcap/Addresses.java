package org.sdcap.pcap;

import org.sdcap.session.IpAddresses;

/** Formats IP addresses and endpoints as records and messages print them. */
final class Addresses {

  private Addresses() {}

  /** Formats {@code ip:port}, with IPv6 in brackets: {@code [::1]:8000}. */
  static String endpoint(byte[] address, int port) {
    return address.length == 16 ? "[" + ipv6(address) + "]:" + port : ipv4(address) + ":" + port;
  }

  static String ipv4(byte[] a) {
    return (a[0] & 0xFF) + "." + (a[1] & 0xFF) + "." + (a[2] & 0xFF) + "." + (a[3] & 0xFF);
  }

  /**
   * Formats an IPv6 address in the RFC 5952 form: lower-case hex, leading zeros dropped, the
   * longest run of two or more zero groups (the first, on a tie) written as {@code ::}, and an
   * IPv4-mapped address written with its IPv4 part in dotted form.
   */
  static String ipv6(byte[] a) {
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = Bytes.u16be(a, i * 2);
    }
    boolean mapped =
        groups[0] == 0
            && groups[1] == 0
            && groups[2] == 0
            && groups[3] == 0
            && groups[4] == 0
            && groups[5] == 0xFFFF;
    if (mapped) {
      return "::ffff:"
          + (a[12] & 0xFF)
          + "."
          + (a[13] & 0xFF)
          + "."
          + (a[14] & 0xFF)
          + "."
          + (a[15] & 0xFF);
    }
    return IpAddresses.compressedIpv6(groups);
  }
}
