package org.sdcap.gen;

import java.util.ArrayList;
import java.util.List;

/**
 * One HTTP client as the server observes it: its address (or its reverse proxy's), User-Agent,
 * fixed headers and credentials. A client may serve many conversations, as a chat front end does.
 *
 * <p>Connections are kept alive, so the source port changes only now and then.
 */
final class Client {

  final String peerIp;
  final String userAgent;
  final String host;
  private final List<Header> forwardingHeaders;
  private final List<Header> fixedHeaders;
  private final String referer;
  private final Rng portRng;
  private int port;

  Client(
      Rng rng,
      String clientIp,
      boolean proxied,
      String userAgent,
      List<Header> fixedHeaders,
      String referer) {
    this.userAgent = userAgent;
    this.fixedHeaders = List.copyOf(fixedHeaders);
    this.referer = referer;
    this.portRng = rng.fork();
    this.port = newPort();
    if (proxied) {
      this.peerIp = "127.0.0.1";
      this.host = "127.0.0.1:4000";
      String forwardedFor =
          rng.chance(0.3) ? clientIp + ", 10.8.0." + rng.between(2, 30) : clientIp;
      this.forwardingHeaders =
          List.of(
              new Header("X-Real-IP", clientIp),
              new Header("X-Forwarded-For", forwardedFor),
              new Header("X-Forwarded-Proto", "https"),
              new Header("X-Forwarded-Host", "llm.example.com"));
    } else {
      this.peerIp = clientIp;
      this.host = "llm.internal.example:4000";
      this.forwardingHeaders = List.of();
    }
  }

  boolean proxied() {
    return !forwardingHeaders.isEmpty();
  }

  boolean hasReferer() {
    return referer != null;
  }

  /** Returns the source port of the next request: the kept-alive connection, or a new one. */
  int nextPort() {
    if (portRng.chance(0.2)) {
      port = newPort();
    }
    return port;
  }

  /**
   * Returns the headers of one request: forwarding headers a proxy added, then the client's own,
   * then {@code extra} (per-conversation ids), then the referer.
   */
  List<Header> headers(List<Header> extra) {
    List<Header> headers = new ArrayList<>(forwardingHeaders.size() + fixedHeaders.size() + 4);
    headers.addAll(forwardingHeaders);
    headers.addAll(fixedHeaders);
    headers.addAll(extra);
    if (referer != null) {
      headers.add(new Header("Referer", referer));
    }
    return headers;
  }

  private int newPort() {
    return portRng.between(32768, 60999);
  }
}
