package org.sdcap.pcap;

import java.io.IOException;

/** Reads the packet records of one capture file format. */
interface FrameReader {

  /**
   * Reads the next packet into {@code frame}.
   *
   * @return false at the end of the file
   * @throws org.sdcap.input.InputException when the rest of the file cannot be read
   */
  boolean next(Frame frame) throws IOException;
}
