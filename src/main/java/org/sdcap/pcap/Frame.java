package org.sdcap.pcap;

/**
 * One captured packet as a file reader delivers it. Readers reuse one instance: its contents are
 * valid until the next call of {@link FrameReader#next(Frame)}.
 */
final class Frame {

  /** 1-based number of the packet in the file, counting packet records only. */
  long number;

  /** File offset of the packet's record or block header. */
  long byteOffset;

  int linkType;

  /** Capture time in nanoseconds since 1970-01-01T00:00:00Z. */
  long timeNanos;

  /** How many fraction digits the capture recorded: 6 for microseconds, 9 for nanoseconds. */
  int timeDigits;

  /** Captured bytes are {@code data[dataOffset, dataOffset + capturedLength)}. */
  byte[] data;

  int dataOffset;
  int capturedLength;

  /** Length of the packet on the wire, at least {@code capturedLength} in a sound file. */
  long originalLength;

  /** Bytes of frame check sequence at the end of the frame, 0 when the capture has none. */
  int fcsLength;

  int interfaceId;
}
