package org.sdcap.pcap;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Writes pcapng files for tests: sections of either byte order, interfaces, packet blocks. */
final class PcapngBuilder {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private ByteOrder order = ByteOrder.LITTLE_ENDIAN;

  /** Starts a section in the given byte order. */
  PcapngBuilder section(boolean bigEndian) {
    order = bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    ByteBuffer body = buffer(16);
    body.putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0).putLong(-1);
    return block(0x0A0D0D0A, body.array());
  }

  /**
   * Describes an interface. {@code tsresol} is the if_tsresol byte (6 for microseconds, 9 for
   * nanoseconds, 0x80|n for 2^-n), or -1 to leave the option out.
   */
  PcapngBuilder interfaceDescription(
      int linkType, int snapLength, int tsresol, long tsoffsetSeconds) {
    ByteBuffer body = buffer(8 + 12 + 12 + 4);
    body.putShort((short) linkType).putShort((short) 0).putInt(snapLength);
    if (tsresol >= 0) {
      body.putShort((short) 9).putShort((short) 1).put((byte) tsresol).put(new byte[3]);
    }
    if (tsoffsetSeconds != 0) {
      body.putShort((short) 14).putShort((short) 8).putLong(tsoffsetSeconds);
    }
    body.putShort((short) 0).putShort((short) 0);
    return block(1, trimmed(body));
  }

  PcapngBuilder enhancedPacket(int interfaceId, long ticks, byte[] frame) {
    return enhancedPacket(interfaceId, ticks, frame, frame.length);
  }

  PcapngBuilder enhancedPacket(int interfaceId, long ticks, byte[] captured, long original) {
    ByteBuffer body = buffer(20 + padded(captured.length));
    body.putInt(interfaceId).putInt((int) (ticks >>> 32)).putInt((int) ticks);
    body.putInt(captured.length).putInt((int) original).put(captured);
    return block(6, body.array());
  }

  PcapngBuilder simplePacket(byte[] frame) {
    ByteBuffer body = buffer(4 + padded(frame.length));
    body.putInt(frame.length).put(frame);
    return block(3, body.array());
  }

  PcapngBuilder obsoletePacket(int interfaceId, long ticks, byte[] frame) {
    ByteBuffer body = buffer(20 + padded(frame.length));
    body.putShort((short) interfaceId).putShort((short) 0);
    body.putInt((int) (ticks >>> 32)).putInt((int) ticks);
    body.putInt(frame.length).putInt(frame.length).put(frame);
    return block(2, body.array());
  }

  /** Adds a block of a type sdcap does not know, which must be skipped. */
  PcapngBuilder customBlock(int type, int bodyLength) {
    return block(type, new byte[padded(bodyLength)]);
  }

  PcapngBuilder raw(byte[] bytes) {
    out.writeBytes(bytes);
    return this;
  }

  byte[] build() {
    return out.toByteArray();
  }

  private PcapngBuilder block(int type, byte[] body) {
    ByteBuffer block = buffer(12 + body.length);
    block.putInt(type).putInt(12 + body.length).put(body).putInt(12 + body.length);
    out.writeBytes(block.array());
    return this;
  }

  private ByteBuffer buffer(int length) {
    return ByteBuffer.allocate(length).order(order);
  }

  private static byte[] trimmed(ByteBuffer body) {
    byte[] bytes = new byte[body.position()];
    body.flip();
    body.get(bytes);
    return bytes;
  }

  private static int padded(int length) {
    return (length + 3) & ~3;
  }
}
