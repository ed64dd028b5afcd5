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
   * <p>Damage found while reading (a truncated file, a gap in a connection, a conflicting
   * retransmission, a limit reached) goes to {@code diagnostics} as {@link Diagnostics#damaged} and
   * reading goes on; skipped TLS and HTTP/2 connections are {@link Diagnostics#warning}s.
   *
   * @param in the decompressed capture, positioned at its first byte; closed by the returned
   *     source's {@code close()}
   * @param fileName the name used in messages
   * @throws InputException when the file is not a pcap or pcapng capture, or its link type is
   *     unknown or not decoded
   */
  public static RecordSource open(
      InputStream in, String fileName, CaptureOptions options, Diagnostics diagnostics)
      throws IOException {
    CaptureInput input = new CaptureInput(in);
    CaptureReport report = new CaptureReport(fileName, diagnostics);
    int available = input.fill(4);
    byte[] b = input.buffer();
    int p = input.position();
    if (available >= 4 && (int) Bytes.u32be(b, p) == PcapngFileReader.SECTION_HEADER) {
      return new CaptureRecordSource(in, PcapngFileReader.open(input, report), options, report);
    }
    boolean pcap =
        available >= 4
            && (PcapFileReader.isMagic((int) Bytes.u32be(b, p))
                || PcapFileReader.isMagic((int) Bytes.u32le(b, p)));
    if (available == 0) {
      throw new InputException(
          SourcePosition.ofFile(fileName), "not a pcap or pcapng capture: the file is empty");
    }
    if (!pcap) {
      StringBuilder found = new StringBuilder();
      for (int i = 0; i < Math.min(4, available); i++) {
        found.append(String.format("%02x", b[p + i] & 0xFF));
      }
      throw new InputException(
          SourcePosition.ofFile(fileName),
          "not a pcap or pcapng capture: the file starts with 0x"
              + found
              + (available < 4 ? " and has only " + available + " bytes" : "")
              + "; expected a1b2c3d4, a1b23c4d (either byte order) or 0a0d0d0a");
    }
    PcapFileReader reader = PcapFileReader.open(input, report);
    return new CaptureRecordSource(in, reader, options, report);
  }
}
