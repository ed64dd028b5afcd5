package org.sdcap.pcap;

import java.util.Map;
import org.sdcap.input.InputException;
import org.sdcap.input.SourcePosition;

/**
 * Finds the IP packet inside a frame for each link type sdcap decodes.
 *
 * <pre>
 * Ethernet (1)      dst 6, src 6, [802.1Q/802.1ad tag 4]..., EtherType 2, payload
 * Linux SLL (113)   packet type 2, ARPHRD 2, address length 2, address 8, protocol 2, payload
 * Linux SLL2 (276)  protocol 2, reserved 2, interface 4, ARPHRD 2, packet type 1,
 *                   address length 1, address 8, payload
 * NULL (0), LOOP (108)  address family 4 (host or network byte order), payload
 * Raw (101, 228, 229, and 12 or 14 where a writer used the platform's DLT_RAW value)
 * </pre>
 *
 * <p>Inside Ethernet, MPLS label stacks, PPPoE sessions and LLC/SNAP headers are also skipped. PPP
 * (9), PPP in HDLC framing (50), Cisco HDLC (104) and Linux NFLOG (239) are decoded as well.
 */
final class LinkLayer {

  static final int NULL = 0;
  static final int ETHERNET = 1;
  static final int PPP = 9;
  static final int RAW_DLT_12 = 12;
  static final int RAW_DLT_14 = 14;
  static final int PPP_HDLC = 50;
  static final int RAW = 101;
  static final int C_HDLC = 104;
  static final int LOOP = 108;
  static final int LINUX_SLL = 113;
  static final int IPV4 = 228;
  static final int IPV6 = 229;
  static final int NFLOG = 239;
  static final int LINUX_SLL2 = 276;

  static final int ETHERTYPE_IPV4 = 0x0800;
  static final int ETHERTYPE_IPV6 = 0x86DD;
  private static final int ETHERTYPE_VLAN = 0x8100;
  private static final int ETHERTYPE_QINQ = 0x88A8;
  private static final int ETHERTYPE_QINQ_OLD = 0x9100;
  private static final int ETHERTYPE_MPLS = 0x8847;
  private static final int ETHERTYPE_MPLS_MULTICAST = 0x8848;
  private static final int ETHERTYPE_PPPOE_SESSION = 0x8864;
  private static final int MAX_ETHER_LENGTH = 0x05DC;

  private static final int ETHERNET_TYPE_OFFSET = 12;
  private static final int ETHERNET_HEADER_LENGTH = 14;
  private static final int VLAN_TAG_LENGTH = 4;
  private static final int SLL_PROTOCOL_OFFSET = 14;
  private static final int SLL_HEADER_LENGTH = 16;
  private static final int SLL2_PROTOCOL_OFFSET = 0;
  private static final int SLL2_HEADER_LENGTH = 20;
  private static final int NULL_HEADER_LENGTH = 4;
  private static final int NFLOG_HEADER_LENGTH = 4;
  private static final int NFLOG_PAYLOAD_TYPE = 9;

  /** Link types sdcap decodes. */
  private static final int[] DECODED = {
    NULL,
    ETHERNET,
    PPP,
    RAW_DLT_12,
    RAW_DLT_14,
    PPP_HDLC,
    RAW,
    C_HDLC,
    LOOP,
    LINUX_SLL,
    IPV4,
    IPV6,
    NFLOG,
    LINUX_SLL2
  };

  /** Registered link types that sdcap does not decode, by name, so messages can name them. */
  private static final Map<Integer, String> OTHER_NAMES =
      Map.ofEntries(
          Map.entry(3, "AX25"),
          Map.entry(6, "IEEE802_5"),
          Map.entry(7, "ARCNET_BSD"),
          Map.entry(8, "SLIP"),
          Map.entry(10, "FDDI"),
          Map.entry(51, "PPP_ETHER"),
          Map.entry(100, "ATM_RFC1483"),
          Map.entry(105, "IEEE802_11"),
          Map.entry(107, "FRELAY"),
          Map.entry(114, "LTALK"),
          Map.entry(117, "PFLOG"),
          Map.entry(119, "IEEE802_11_PRISM"),
          Map.entry(122, "IP_OVER_FC"),
          Map.entry(123, "SUNATM"),
          Map.entry(127, "IEEE802_11_RADIOTAP"),
          Map.entry(129, "ARCNET_LINUX"),
          Map.entry(138, "APPLE_IP_OVER_IEEE1394"),
          Map.entry(139, "MTP2_WITH_PHDR"),
          Map.entry(140, "MTP2"),
          Map.entry(141, "MTP3"),
          Map.entry(142, "SCCP"),
          Map.entry(143, "DOCSIS"),
          Map.entry(144, "LINUX_IRDA"),
          Map.entry(163, "IEEE802_11_AVS"),
          Map.entry(165, "BACNET_MS_TP"),
          Map.entry(166, "PPP_PPPD"),
          Map.entry(169, "GPRS_LLC"),
          Map.entry(177, "LINUX_LAPD"),
          Map.entry(187, "BLUETOOTH_HCI_H4"),
          Map.entry(189, "USB_LINUX"),
          Map.entry(192, "PPI"),
          Map.entry(195, "IEEE802_15_4_WITHFCS"),
          Map.entry(197, "ERF"),
          Map.entry(201, "BLUETOOTH_HCI_H4_WITH_PHDR"),
          Map.entry(204, "PPP_WITH_DIR"),
          Map.entry(209, "IPMB_LINUX"),
          Map.entry(215, "IEEE802_15_4_NONASK_PHY"),
          Map.entry(220, "USB_LINUX_MMAPPED"),
          Map.entry(226, "IPNET"),
          Map.entry(227, "CAN_SOCKETCAN"),
          Map.entry(230, "IEEE802_15_4_NOFCS"),
          Map.entry(231, "DBUS"),
          Map.entry(240, "NETANALYZER"),
          Map.entry(241, "NETANALYZER_TRANSPARENT"),
          Map.entry(242, "IPOIB"),
          Map.entry(243, "MPEG_2_TS"),
          Map.entry(247, "INFINIBAND"),
          Map.entry(248, "SCTP"),
          Map.entry(249, "USBPCAP"),
          Map.entry(251, "BLUETOOTH_LE_LL"),
          Map.entry(253, "NETLINK"),
          Map.entry(254, "BLUETOOTH_LINUX_MONITOR"),
          Map.entry(256, "BLUETOOTH_LE_LL_WITH_PHDR"),
          Map.entry(258, "PKTAP"),
          Map.entry(259, "EPON"),
          Map.entry(266, "USB_DARWIN"),
          Map.entry(271, "VSOCK"),
          Map.entry(272, "NORDIC_BLE"),
          Map.entry(274, "ETHERNET_MPACKET"),
          Map.entry(279, "EBHSCR"),
          Map.entry(283, "IEEE802_15_4_TAP"),
          Map.entry(288, "USB_2_0"),
          Map.entry(290, "ETW"));

  private static final Map<Integer, String> DECODED_NAMES =
      Map.ofEntries(
          Map.entry(NULL, "NULL"),
          Map.entry(ETHERNET, "ETHERNET"),
          Map.entry(PPP, "PPP"),
          Map.entry(RAW_DLT_12, "RAW"),
          Map.entry(RAW_DLT_14, "RAW"),
          Map.entry(PPP_HDLC, "PPP_HDLC"),
          Map.entry(RAW, "RAW"),
          Map.entry(C_HDLC, "C_HDLC"),
          Map.entry(LOOP, "LOOP"),
          Map.entry(LINUX_SLL, "LINUX_SLL"),
          Map.entry(IPV4, "IPV4"),
          Map.entry(IPV6, "IPV6"),
          Map.entry(NFLOG, "NFLOG"),
          Map.entry(LINUX_SLL2, "LINUX_SLL2"));

  private LinkLayer() {}

  static boolean isDecoded(int linkType) {
    for (int decoded : DECODED) {
      if (decoded == linkType) {
        return true;
      }
    }
    return false;
  }

  /** Returns the link type as messages print it, for example {@code 127 (IEEE802_11_RADIOTAP)}. */
  static String describe(int linkType) {
    String name = DECODED_NAMES.getOrDefault(linkType, OTHER_NAMES.get(linkType));
    return name == null ? Integer.toString(linkType) : linkType + " (" + name + ")";
  }

  /** Throws when the link type is not a registered one: the file is then unreadable as a whole. */
  static void checkKnown(int linkType, SourcePosition where) throws InputException {
    if (!isDecoded(linkType) && !OTHER_NAMES.containsKey(linkType)) {
      throw new InputException(
          where,
          "unknown link type "
              + linkType
              + "; sdcap decodes "
              + supportedList()
              + " (see https://www.tcpdump.org/linktypes.html)");
    }
  }

  /** Throws unless sdcap decodes the link type of a pcap file, which has one for all packets. */
  static void checkSupported(int linkType, SourcePosition where) throws InputException {
    checkKnown(linkType, where);
    if (!isDecoded(linkType)) {
      throw new InputException(
          where,
          "link type "
              + describe(linkType)
              + " is not supported; sdcap decodes "
              + supportedList()
              + ". Capture on an Ethernet, loopback or 'any' interface instead");
    }
  }

  private static String supportedList() {
    return "Ethernet (1), Linux SLL (113) and SLL2 (276), NULL (0), LOOP (108), raw IP (101, 228,"
        + " 229, 12, 14), PPP (9, 50), Cisco HDLC (104) and NFLOG (239)";
  }

  /**
   * Locates the network-layer packet of a frame.
   *
   * @return false when the frame carries no IPv4 or IPv6 packet or is too short for its headers
   */
  static boolean decode(Frame frame, NetworkPacket packet) {
    byte[] b = frame.data;
    int start = frame.dataOffset;
    int end = start + frame.capturedLength;
    boolean complete = frame.capturedLength >= frame.originalLength;
    if (frame.fcsLength > 0 && complete) {
      end = Math.max(start, end - frame.fcsLength);
    }
    packet.data = b;
    packet.truncated = !complete;
    return switch (frame.linkType) {
      case ETHERNET -> ethernet(b, start, end, packet);
      case LINUX_SLL ->
          end - start >= SLL_HEADER_LENGTH
              && etherType(
                  b,
                  Bytes.u16be(b, start + SLL_PROTOCOL_OFFSET),
                  start + SLL_HEADER_LENGTH,
                  end,
                  packet);
      case LINUX_SLL2 ->
          end - start >= SLL2_HEADER_LENGTH
              && etherType(
                  b,
                  Bytes.u16be(b, start + SLL2_PROTOCOL_OFFSET),
                  start + SLL2_HEADER_LENGTH,
                  end,
                  packet);
      case NULL, LOOP -> loopback(b, start, end, packet);
      case RAW, RAW_DLT_12, RAW_DLT_14 -> rawByVersion(b, start, end, packet);
      case IPV4 -> set(packet, 4, start, end);
      case IPV6 -> set(packet, 6, start, end);
      case PPP, PPP_HDLC -> ppp(b, start, end, packet);
      case C_HDLC ->
          end - start >= 4 && etherType(b, Bytes.u16be(b, start + 2), start + 4, end, packet);
      case NFLOG -> nflog(b, start, end, packet);
      default -> false;
    };
  }

  private static boolean ethernet(byte[] b, int start, int end, NetworkPacket packet) {
    if (end - start < ETHERNET_HEADER_LENGTH) {
      return false;
    }
    return etherType(
        b,
        Bytes.u16be(b, start + ETHERNET_TYPE_OFFSET),
        start + ETHERNET_HEADER_LENGTH,
        end,
        packet);
  }

  /** Follows VLAN tags, MPLS, PPPoE and LLC/SNAP from an EtherType to the IP packet. */
  private static boolean etherType(byte[] b, int type, int at, int end, NetworkPacket packet) {
    while (true) {
      switch (type) {
        case ETHERTYPE_IPV4:
          return set(packet, 4, at, end);
        case ETHERTYPE_IPV6:
          return set(packet, 6, at, end);
        case ETHERTYPE_VLAN, ETHERTYPE_QINQ, ETHERTYPE_QINQ_OLD:
          if (end - at < VLAN_TAG_LENGTH) {
            return false;
          }
          type = Bytes.u16be(b, at + 2);
          at += VLAN_TAG_LENGTH;
          break;
        case ETHERTYPE_MPLS, ETHERTYPE_MPLS_MULTICAST:
          return mpls(b, at, end, packet);
        case ETHERTYPE_PPPOE_SESSION:
          return end - at >= 8 && pppProtocol(Bytes.u16be(b, at + 6), at + 8, end, packet);
        default:
          if (type <= MAX_ETHER_LENGTH) {
            return llcSnap(b, at, end, packet);
          }
          return false;
      }
    }
  }

  private static boolean llcSnap(byte[] b, int at, int end, NetworkPacket packet) {
    boolean snap =
        end - at >= 8 && (b[at] & 0xFF) == 0xAA && (b[at + 1] & 0xFF) == 0xAA && b[at + 2] == 3;
    return snap && etherType(b, Bytes.u16be(b, at + 6), at + 8, end, packet);
  }

  private static boolean mpls(byte[] b, int at, int end, NetworkPacket packet) {
    while (end - at >= 4) {
      boolean bottomOfStack = (b[at + 2] & 1) != 0;
      at += 4;
      if (bottomOfStack) {
        return rawByVersion(b, at, end, packet);
      }
    }
    return false;
  }

  private static boolean loopback(byte[] b, int start, int end, NetworkPacket packet) {
    if (end - start < NULL_HEADER_LENGTH) {
      return false;
    }
    // The family is in the capturing host's byte order; both orders put it below 2^16.
    long family = Bytes.u32be(b, start);
    if (family > 0xFFFF) {
      family = Bytes.u32le(b, start);
    }
    int at = start + NULL_HEADER_LENGTH;
    if (family == 2) {
      return set(packet, 4, at, end);
    }
    if (family == 24 || family == 28 || family == 30) {
      return set(packet, 6, at, end);
    }
    return false;
  }

  private static boolean ppp(byte[] b, int start, int end, NetworkPacket packet) {
    int at = start;
    if (end - at >= 2 && (b[at] & 0xFF) == 0xFF && b[at + 1] == 3) {
      at += 2;
    }
    if (end - at < 1) {
      return false;
    }
    // PPP protocol field compression: an odd first byte is a one-byte protocol number.
    if ((b[at] & 1) != 0) {
      return pppProtocol(b[at] & 0xFF, at + 1, end, packet);
    }
    return end - at >= 2 && pppProtocol(Bytes.u16be(b, at), at + 2, end, packet);
  }

  private static boolean pppProtocol(int protocol, int at, int end, NetworkPacket packet) {
    if (protocol == 0x21) {
      return set(packet, 4, at, end);
    }
    if (protocol == 0x57) {
      return set(packet, 6, at, end);
    }
    return false;
  }

  /** NFLOG: a 4-byte header, then type-length-value attributes. Type 9 contains the packet. */
  private static boolean nflog(byte[] b, int start, int end, NetworkPacket packet) {
    int at = start + NFLOG_HEADER_LENGTH;
    while (end - at >= 4) {
      // Attribute lengths are in the capturing host's byte order, almost always little-endian.
      int length = Bytes.u16le(b, at);
      int type = Bytes.u16le(b, at + 2);
      if (length < 4) {
        return false;
      }
      if (type == NFLOG_PAYLOAD_TYPE) {
        return rawByVersion(b, at + 4, Math.min(end, at + length), packet);
      }
      at += (length + 3) & ~3;
    }
    return false;
  }

  private static boolean rawByVersion(byte[] b, int at, int end, NetworkPacket packet) {
    if (end - at < 1) {
      return false;
    }
    int version = (b[at] & 0xFF) >> 4;
    return (version == 4 || version == 6) && set(packet, version, at, end);
  }

  private static boolean set(NetworkPacket packet, int version, int at, int end) {
    if (at > end) {
      return false;
    }
    packet.version = version;
    packet.offset = at;
    packet.length = end - at;
    return true;
  }
}
