package org.sdcap.pcap;

/** The IP packet found inside a frame: {@code data[offset, offset + length)}. Reused per frame. */
final class NetworkPacket {

  byte[] data;
  int offset;
  int length;

  /** 4 or 6. */
  int version;

  /** True when the capture cut the frame short (snap length). */
  boolean truncated;
}
