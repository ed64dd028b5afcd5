package org.sdcap.pcap;

/**
 * One TCP segment with its addresses and payload. The payload is {@code data[offset, offset +
 * length)}; it is valid only until the next frame is read, so a consumer that keeps it must copy
 * it.
 */
final class TcpSegment {

  static final int FIN = 0x01;
  static final int SYN = 0x02;
  static final int RST = 0x04;
  static final int ACK = 0x10;

  byte[] sourceAddress;
  byte[] destinationAddress;
  int sourcePort;
  int destinationPort;

  /** Sequence and acknowledgment numbers as unsigned 32-bit values. */
  long sequence;

  long acknowledgment;
  int flags;

  byte[] data;
  int offset;
  int length;

  /** Payload bytes the IP header announces beyond those captured (cut by the snap length). */
  int missingTail;

  long timeNanos;
  int timeDigits;
  long packetNumber;
  long byteOffset;

  boolean has(int flag) {
    return (flags & flag) != 0;
  }
}
