package org.sdcap.input;

/**
 * Receives what readers find wrong with their input while they go on reading.
 *
 * <p>Readers report and continue; they throw {@link InputException} only when a whole file cannot
 * be read further.
 */
public interface Diagnostics {

  /** Reports damaged input: a line kept verbatim, a packet skipped, a request marked incomplete. */
  void damaged(SourcePosition where, String message);

  /**
   * Reports something unusual that loses nothing, such as a TLS connection skipped in a capture.
   */
  void warning(SourcePosition where, String message);
}
