package org.sdcap.pcap;

import java.util.Arrays;

/**
 * Parses IPv4 and IPv6 headers down to a TCP segment, passing fragments through a {@link
 * FragmentReassembler}.
 *
 * <pre>
 * IPv4                                 IPv6
 *  0  version 4 bits, IHL 4 bits        0  version 4 bits, class, flow label
 *  2  total length                      4  payload length
 *  4  identification                    6  next header
 *  6  flags 3 bits, fragment offset     7  hop limit
 *  9  protocol                          8  source address 16
 * 12  source address 4                 24  destination address 16
 * 16  destination address 4            40  extension headers ..., then the upper-layer header
 * 20  options ..., then the payload
 *
 * TCP
 *  0  source port 2, 2 destination port 2, 4 sequence 4, 8 acknowledgment 4,
 * 12  data offset 4 bits (header length in 32-bit words), 13 flags, ...
 * </pre>
 */
final class IpLayer {

  static final int PROTOCOL_TCP = 6;

  private static final int IPV4_MIN_HEADER = 20;
  private static final int IPV4_TOTAL_LENGTH = 2;
  private static final int IPV4_IDENTIFICATION = 4;
  private static final int IPV4_FLAGS_FRAGMENT = 6;
  private static final int IPV4_PROTOCOL = 9;
  private static final int IPV4_SOURCE = 12;
  private static final int IPV4_DESTINATION = 16;
  private static final int IPV4_MORE_FRAGMENTS = 0x2000;
  private static final int IPV4_OFFSET_MASK = 0x1FFF;

  private static final int IPV6_HEADER = 40;
  private static final int IPV6_PAYLOAD_LENGTH = 4;
  private static final int IPV6_NEXT_HEADER = 6;
  private static final int IPV6_SOURCE = 8;
  private static final int IPV6_DESTINATION = 24;
  private static final int HOP_BY_HOP = 0;
  private static final int ROUTING = 43;
  private static final int FRAGMENT = 44;
  private static final int AUTHENTICATION = 51;
  private static final int DESTINATION_OPTIONS = 60;
  private static final int MOBILITY = 135;
  private static final int HOST_IDENTITY = 139;
  private static final int SHIM6 = 140;
  private static final int FRAGMENT_HEADER_LENGTH = 8;

  private static final int TCP_MIN_HEADER = 20;
  private static final int TCP_SEQUENCE = 4;
  private static final int TCP_ACKNOWLEDGMENT = 8;
  private static final int TCP_DATA_OFFSET = 12;
  private static final int TCP_FLAGS = 13;

  private final FragmentReassembler fragments;

  IpLayer(FragmentReassembler fragments) {
    this.fragments = fragments;
  }

  /**
   * Parses the IP packet of {@code frame} into {@code segment}.
   *
   * @return false when the packet is not TCP, is malformed, or is a fragment still waiting for the
   *     rest of its datagram
   */
  boolean toTcp(Frame frame, NetworkPacket packet, TcpSegment segment) {
    segment.timeNanos = frame.timeNanos;
    segment.timeDigits = frame.timeDigits;
    segment.packetNumber = frame.number;
    segment.byteOffset = frame.byteOffset;
    return packet.version == 4 ? ipv4(frame, packet, segment) : ipv6(frame, packet, segment);
  }

  private boolean ipv4(Frame frame, NetworkPacket packet, TcpSegment segment) {
    byte[] b = packet.data;
    int at = packet.offset;
    int captured = packet.length;
    if (captured < IPV4_MIN_HEADER) {
      return false;
    }

    int headerLength = (b[at] & 0x0F) * 4;
    int totalLength = Bytes.u16be(b, at + IPV4_TOTAL_LENGTH);
    if (totalLength == 0) {
      // Segmentation offload: the NIC fills the length in later, so the capture has 0.
      totalLength = captured;
    }
    if (headerLength < IPV4_MIN_HEADER || totalLength < headerLength || captured < headerLength) {
      return false;
    }

    int available = Math.min(captured, totalLength);
    int missing = totalLength - available;
    byte[] source = Arrays.copyOfRange(b, at + IPV4_SOURCE, at + IPV4_SOURCE + 4);
    byte[] destination = Arrays.copyOfRange(b, at + IPV4_DESTINATION, at + IPV4_DESTINATION + 4);

    int protocol = b[at + IPV4_PROTOCOL] & 0xFF;
    int flagsFragment = Bytes.u16be(b, at + IPV4_FLAGS_FRAGMENT);
    int fragmentOffset = (flagsFragment & IPV4_OFFSET_MASK) * 8;
    boolean moreFragments = (flagsFragment & IPV4_MORE_FRAGMENTS) != 0;
    if (protocol != PROTOCOL_TCP) {
      return false;
    }

    segment.sourceAddress = source;
    segment.destinationAddress = destination;
    if (moreFragments || fragmentOffset != 0) {
      long identification = Bytes.u16be(b, at + IPV4_IDENTIFICATION);
      byte[] whole =
          fragments.add(
              frame,
              4,
              source,
              destination,
              identification,
              fragmentOffset,
              moreFragments,
              b,
              at + headerLength,
              available - headerLength,
              missing);
      return whole != null && tcp(whole, 0, whole.length, 0, segment);
    }
    return tcp(b, at + headerLength, available - headerLength, missing, segment);
  }

  private boolean ipv6(Frame frame, NetworkPacket packet, TcpSegment segment) {
    byte[] b = packet.data;
    int at = packet.offset;
    int captured = packet.length;
    if (captured < IPV6_HEADER) {
      return false;
    }

    int payloadLength = Bytes.u16be(b, at + IPV6_PAYLOAD_LENGTH);
    int declared = payloadLength == 0 ? captured - IPV6_HEADER : payloadLength;
    int available = Math.min(captured - IPV6_HEADER, declared);
    int missing = declared - available;
    int end = at + IPV6_HEADER + available;

    int next = b[at + IPV6_NEXT_HEADER] & 0xFF;
    int cursor = at + IPV6_HEADER;
    boolean fragmented = false;
    long identification = 0;
    int fragmentOffset = 0;
    boolean moreFragments = false;
    while (next != PROTOCOL_TCP) {
      if (end - cursor < 8) {
        return false;
      }
      int headerLength;
      switch (next) {
        case HOP_BY_HOP, ROUTING, DESTINATION_OPTIONS, MOBILITY, HOST_IDENTITY, SHIM6 ->
            headerLength = ((b[cursor + 1] & 0xFF) + 1) * 8;
        case AUTHENTICATION -> headerLength = ((b[cursor + 1] & 0xFF) + 2) * 4;
        case FRAGMENT -> {
          headerLength = FRAGMENT_HEADER_LENGTH;
          int offsetFlags = Bytes.u16be(b, cursor + 2);
          fragmentOffset = offsetFlags & 0xFFF8;
          moreFragments = (offsetFlags & 1) != 0;
          identification = Bytes.u32be(b, cursor + 4);
          // An atomic fragment (offset 0, no more fragments) is a whole packet.
          fragmented = fragmentOffset != 0 || moreFragments;
        }
        default -> {
          return false;
        }
      }
      next = b[cursor] & 0xFF;
      cursor += headerLength;
      if (cursor > end) {
        return false;
      }
    }

    segment.sourceAddress = Arrays.copyOfRange(b, at + IPV6_SOURCE, at + IPV6_SOURCE + 16);
    segment.destinationAddress =
        Arrays.copyOfRange(b, at + IPV6_DESTINATION, at + IPV6_DESTINATION + 16);

    if (fragmented) {
      byte[] whole =
          fragments.add(
              frame,
              6,
              segment.sourceAddress,
              segment.destinationAddress,
              identification,
              fragmentOffset,
              moreFragments,
              b,
              cursor,
              end - cursor,
              missing);
      return whole != null && tcp(whole, 0, whole.length, 0, segment);
    }
    return tcp(b, cursor, end - cursor, missing, segment);
  }

  private boolean tcp(byte[] b, int at, int length, int missing, TcpSegment segment) {
    if (length < TCP_MIN_HEADER) {
      return false;
    }
    int headerLength = ((b[at + TCP_DATA_OFFSET] & 0xFF) >> 4) * 4;
    if (headerLength < TCP_MIN_HEADER || headerLength > length) {
      return false;
    }
    segment.sourcePort = Bytes.u16be(b, at);
    segment.destinationPort = Bytes.u16be(b, at + 2);
    segment.sequence = Bytes.u32be(b, at + TCP_SEQUENCE);
    segment.acknowledgment = Bytes.u32be(b, at + TCP_ACKNOWLEDGMENT);
    segment.flags = b[at + TCP_FLAGS] & 0xFF;
    segment.data = b;
    segment.offset = at + headerLength;
    segment.length = length - headerLength;
    segment.missingTail = missing;
    return true;
  }
}
