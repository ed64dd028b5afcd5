package org.sdcap.pcap;

/** The reason the rest of a connection is not read as HTTP/1.x requests. */
enum SkipReason {
  /** The client's first bytes are a TLS record. */
  TLS("TLS"),
  /** The HTTP/2 connection preface, sent with prior knowledge or after an h2c upgrade. */
  HTTP2("HTTP/2"),
  /** The client's first line names HTTP but is not a valid request line. */
  INVALID_REQUEST_LINE("invalid request line"),
  /** The connection switched protocols (101 response, or 2xx to CONNECT). */
  UPGRADED("upgraded"),
  /** The client's first bytes are some other protocol; skipped without a message. */
  NOT_HTTP("not HTTP");

  private final String label;

  SkipReason(String label) {
    this.label = label;
  }

  /** Returns the reason as messages name it, for example {@code HTTP/2}. */
  String label() {
    return label;
  }
}
