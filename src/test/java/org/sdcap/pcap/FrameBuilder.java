package org.sdcap.pcap;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Builds TCP, IP and link-layer headers for generated captures. Checksums are left at 0. */
final class FrameBuilder {

  private FrameBuilder() {}

  static byte[] tcp(
      int sourcePort,
      int destinationPort,
      long sequence,
      long acknowledgment,
      int flags,
      byte[] payload) {
    ByteBuffer b = ByteBuffer.allocate(20 + payload.length);
    b.putShort((short) sourcePort).putShort((short) destinationPort);
    b.putInt((int) sequence).putInt((int) acknowledgment);
    b.put((byte) (5 << 4)).put((byte) flags).putShort((short) 65535);
    b.putShort((short) 0).putShort((short) 0);
    b.put(payload);
    return b.array();
  }

  static byte[] ipv4(byte[] source, byte[] destination, byte[] tcp) {
    return ipv4Fragment(source, destination, 1, 0, false, tcp);
  }

  /** Builds an IPv4 packet carrying {@code payload} at fragment offset {@code offset} (bytes). */
  static byte[] ipv4Fragment(
      byte[] source,
      byte[] destination,
      int identification,
      int offset,
      boolean moreFragments,
      byte[] payload) {
    ByteBuffer b = ByteBuffer.allocate(20 + payload.length);
    b.put((byte) 0x45).put((byte) 0).putShort((short) (20 + payload.length));
    b.putShort((short) identification);
    b.putShort((short) ((moreFragments ? 0x2000 : 0) | (offset / 8)));
    b.put((byte) 64).put((byte) 6).putShort((short) 0);
    b.put(source).put(destination).put(payload);
    return b.array();
  }

  /**
   * Builds an IPv6 packet; {@code extensions} lists extension header types (0 hop-by-hop, 43
   * routing, 60 destination options, 44 fragment as an atomic fragment) placed before TCP.
   */
  static byte[] ipv6(byte[] source, byte[] destination, int[] extensions, byte[] tcp) {
    ByteArrayOutputStream chain = new ByteArrayOutputStream();
    for (int i = 0; i < extensions.length; i++) {
      int next = i + 1 < extensions.length ? extensions[i + 1] : 6;
      if (extensions[i] == 44) {
        chain.writeBytes(new byte[] {(byte) next, 0, 0, 0, 0, 0, 0x12, 0x34});
      } else {
        // Eight bytes: next header, length 0 (meaning 8 bytes), then padding options.
        chain.writeBytes(new byte[] {(byte) next, 0, 1, 4, 0, 0, 0, 0});
      }
    }
    byte[] headers = chain.toByteArray();
    int first = extensions.length > 0 ? extensions[0] : 6;
    ByteBuffer b = ByteBuffer.allocate(40 + headers.length + tcp.length);
    b.putInt(6 << 28).putShort((short) (headers.length + tcp.length));
    b.put((byte) first).put((byte) 64).put(source).put(destination).put(headers).put(tcp);
    return b.array();
  }

  static byte[] ipv6Fragment(
      byte[] source,
      byte[] destination,
      int identification,
      int offset,
      boolean moreFragments,
      byte[] payload) {
    ByteBuffer b = ByteBuffer.allocate(48 + payload.length);
    b.putInt(6 << 28).putShort((short) (8 + payload.length));
    b.put((byte) 44).put((byte) 64).put(source).put(destination);
    b.put((byte) 6).put((byte) 0).putShort((short) (offset | (moreFragments ? 1 : 0)));
    b.putInt(identification).put(payload);
    return b.array();
  }

  static int etherType(byte[] ip) {
    return (ip[0] >> 4) == 6 ? 0x86DD : 0x0800;
  }

  /** Ethernet II, with VLAN tags given as pairs of (tag protocol, tag control). */
  static byte[] ethernet(byte[] ip, int... tags) {
    ByteBuffer b = ByteBuffer.allocate(14 + tags.length * 2 + ip.length);
    b.put(new byte[] {0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 1});
    for (int i = 0; i < tags.length; i += 2) {
      b.putShort((short) tags[i]).putShort((short) tags[i + 1]);
    }
    b.putShort((short) etherType(ip)).put(ip);
    return b.array();
  }

  /** Ethernet II carrying {@code payload} under the given EtherType or 802.3 length. */
  static byte[] ethernetWithType(int etherType, byte[] payload) {
    ByteBuffer b = ByteBuffer.allocate(14 + payload.length);
    b.put(new byte[] {0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 1}).putShort((short) etherType).put(payload);
    return b.array();
  }

  /** Ethernet with one MPLS label (bottom of stack) before the IP packet. */
  static byte[] mpls(byte[] ip) {
    return ethernetWithType(0x8847, concat(new byte[] {0, 0x01, 0x01, 64}, ip));
  }

  /** Ethernet with a PPPoE session header and the PPP protocol for IPv4. */
  static byte[] pppoe(byte[] ip) {
    ByteBuffer header = ByteBuffer.allocate(8);
    header.put((byte) 0x11).put((byte) 0).putShort((short) 1).putShort((short) (ip.length + 2));
    header.putShort((short) 0x0021);
    return ethernetWithType(0x8864, concat(header.array(), ip));
  }

  /** IEEE 802.3 with an LLC/SNAP header (an 802.3 length in place of the EtherType). */
  static byte[] llcSnap(byte[] ip) {
    byte[] snap = {(byte) 0xAA, (byte) 0xAA, 3, 0, 0, 0, 0x08, 0x00};
    return ethernetWithType(snap.length + ip.length, concat(snap, ip));
  }

  /** PPP in HDLC-like framing (link types 9 and 50): address, control, protocol 0x0021. */
  static byte[] ppp(byte[] ip) {
    return concat(new byte[] {(byte) 0xFF, 3, 0, 0x21}, ip);
  }

  /** Cisco HDLC (link type 104): address, control, EtherType. */
  static byte[] ciscoHdlc(byte[] ip) {
    return concat(new byte[] {0x0F, 0, 0x08, 0}, ip);
  }

  /** Linux NFLOG (link type 239): a header, a prefix attribute, then the payload attribute. */
  static byte[] nflog(byte[] ip) {
    ByteBuffer b = ByteBuffer.allocate(4 + 8 + 4 + ((ip.length + 3) & ~3));
    b.order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 2).put((byte) 0).putShort((short) 0);
    b.putShort((short) 7).putShort((short) 10).put(new byte[] {'t', 'e', 's', 0});
    b.putShort((short) (4 + ip.length)).putShort((short) 9).put(ip);
    return b.array();
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] joined = new byte[first.length + second.length];
    System.arraycopy(first, 0, joined, 0, first.length);
    System.arraycopy(second, 0, joined, first.length, second.length);
    return joined;
  }

  /** Linux cooked capture v1 (link type 113). */
  static byte[] sll(byte[] ip) {
    ByteBuffer b = ByteBuffer.allocate(16 + ip.length);
    b.putShort((short) 0).putShort((short) 772).putShort((short) 6);
    b.put(new byte[8]).putShort((short) etherType(ip)).put(ip);
    return b.array();
  }

  /** Linux cooked capture v2 (link type 276), as {@code tcpdump -i any} writes it. */
  static byte[] sll2(byte[] ip) {
    ByteBuffer b = ByteBuffer.allocate(20 + ip.length);
    b.putShort((short) etherType(ip)).putShort((short) 0).putInt(1);
    b.putShort((short) 772).put((byte) 0).put((byte) 6).put(new byte[8]).put(ip);
    return b.array();
  }

  /** BSD loopback (link types 0 and 108): the address family in the given byte order. */
  static byte[] loopback(byte[] ip, int family, boolean bigEndian) {
    ByteBuffer b = ByteBuffer.allocate(4 + ip.length);
    b.order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN).putInt(family);
    b.order(ByteOrder.BIG_ENDIAN).put(ip);
    return b.array();
  }
}
