package org.sdcap.pcap;

/** Receives the reassembled bytes of one direction of a TCP connection, in stream order. */
interface StreamConsumer {

  /**
   * Receives {@code b[from, from + length)}, which starts at {@code streamOffset} bytes into the
   * direction. {@code segment} gives the capture time and packet of these bytes; its payload fields
   * may point elsewhere.
   */
  void data(byte[] b, int from, int length, long streamOffset, TcpSegment segment);

  /** Receives a run of {@code length} bytes that the capture does not contain. */
  void gap(long streamOffset, long length, TcpSegment segment);

  /** Reports that a later copy of the byte at {@code streamOffset} differed from the kept one. */
  void conflict(long streamOffset, TcpSegment segment);

  /** Receives the end of the direction: FIN, RST, or the end of the capture. */
  void end(TcpSegment segment);
}
