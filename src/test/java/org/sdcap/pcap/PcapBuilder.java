package org.sdcap.pcap;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/** Writes classic pcap files for tests, in either byte order and time unit. */
final class PcapBuilder {

  static final long START_NANOS = 1_700_000_000_000_000_000L;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteOrder order;
  private final boolean nanos;
  private final int snapLength;

  PcapBuilder(int linkType) {
    this(linkType, false, false, 262_144);
  }

  PcapBuilder(int linkType, boolean bigEndian, boolean nanos, int snapLength) {
    this.order = bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    this.nanos = nanos;
    this.snapLength = snapLength;
    ByteBuffer header = ByteBuffer.allocate(24).order(order);
    header.putInt(nanos ? 0xa1b23c4d : 0xa1b2c3d4).putShort((short) 2).putShort((short) 4);
    header.putInt(0).putInt(0).putInt(snapLength).putInt(linkType);
    out.writeBytes(header.array());
  }

  /** Adds a frame, cut to the snap length. */
  PcapBuilder add(long timeNanos, byte[] frame) {
    int captured = Math.min(frame.length, snapLength);
    return addRecord(timeNanos, Arrays.copyOf(frame, captured), frame.length);
  }

  /** Adds a record with exactly these captured bytes and original length. */
  PcapBuilder addRecord(long timeNanos, byte[] captured, long originalLength) {
    ByteBuffer record = ByteBuffer.allocate(16).order(order);
    long seconds = timeNanos / 1_000_000_000L;
    long fraction = timeNanos % 1_000_000_000L;
    record.putInt((int) seconds).putInt((int) (nanos ? fraction : fraction / 1000));
    record.putInt(captured.length).putInt((int) originalLength);
    out.writeBytes(record.array());
    out.writeBytes(captured);
    return this;
  }

  PcapBuilder raw(byte[] bytes) {
    out.writeBytes(bytes);
    return this;
  }

  byte[] build() {
    return out.toByteArray();
  }
}
