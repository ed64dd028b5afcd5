package org.sdcap.pcap;

import java.io.IOException;
import java.io.InputStream;
import org.sdcap.input.Diagnostics;
import org.sdcap.input.InputException;
import org.sdcap.input.RecordSource;
import org.sdcap.input.SourcePosition;

/** Opens a pcap or pcapng capture as a stream of HTTP request records. */
public final class CaptureSource {

  private CaptureSource() {}

  /**
   * Opens a capture whose first bytes have been recognised as pcap or pcapng.
   *
   * @param in the decompressed capture, positioned at its first byte
   * @param fileName the name used in messages
   */
  public static RecordSource open(
      InputStream in, String fileName, CaptureOptions options, Diagnostics diagnostics)
      throws IOException {
    // TODO: capture input is not implemented yet.
    throw new InputException(SourcePosition.ofFile(fileName), "pcap input is not supported yet");
  }
}
