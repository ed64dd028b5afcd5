package org.sdcap.pcap;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * One TCP connection: its two directions, which side is the HTTP client, the parsers of both
 * directions, and the requests waiting for their responses in order.
 *
 * <p>The client is the sender of the SYN. For a capture that begins mid-connection, the client is
 * the side whose port is not in the port filter. Without a port filter it is the first side that
 * sends a request line, so until then both directions are scanned for a request line and for a
 * status line.
 */
final class Connection {

  /** The kind of traffic a connection carries, as far as sdcap can tell. */
  enum Kind {
    UNDECIDED,
    HTTP,
    SKIPPED
  }

  private final RequestSink sink;
  private final CaptureReport report;
  private final CaptureLimits limits;
  private final byte[][] addresses = new byte[2][];
  private final int[] ports = new int[2];
  private final TcpStream[] streams = new TcpStream[2];
  private final Deque<HttpRequest> awaiting = new ArrayDeque<>();
  private int clientSide = -1;
  private Kind kind = Kind.UNDECIDED;
  private HttpRequestParser requestParser;
  private HttpResponseParser responseParser;
  private boolean closed;
  long lastTimeNanos;

  /**
   * Creates a connection from its first captured segment.
   *
   * @param serverPorts the port filter; empty when any port may carry HTTP
   */
  Connection(
      TcpSegment first,
      List<Integer> serverPorts,
      RequestSink sink,
      CaptureReport report,
      CaptureLimits limits) {
    this.sink = sink;
    this.report = report;
    this.limits = limits;
    addresses[0] = first.sourceAddress;
    ports[0] = first.sourcePort;
    addresses[1] = first.destinationAddress;
    ports[1] = first.destinationPort;
    for (int side = 0; side < 2; side++) {
      streams[side] = new TcpStream(describe(side), report, limits.maxOutOfOrderBytes());
    }
    boolean opening = first.has(TcpSegment.SYN);
    int side = -1;
    if (opening) {
      side = first.has(TcpSegment.ACK) ? 1 : 0;
    } else if (!serverPorts.isEmpty()) {
      boolean firstIsServer = serverPorts.contains(ports[0]);
      boolean secondIsServer = serverPorts.contains(ports[1]);
      side = firstIsServer == secondIsServer ? -1 : (firstIsServer ? 1 : 0);
    }
    if (!serverPorts.isEmpty() && side >= 0 && !serverPorts.contains(ports[1 - side])) {
      kind = Kind.SKIPPED;
      return;
    }
    if (!serverPorts.isEmpty()
        && side < 0
        && !serverPorts.contains(ports[0])
        && !serverPorts.contains(ports[1])) {
      kind = Kind.SKIPPED;
      return;
    }
    if (side >= 0) {
      assignRoles(side, opening);
    } else {
      streams[0].setConsumer(new Sniffer(0));
      streams[1].setConsumer(new Sniffer(1));
    }
  }

  /** Returns the client endpoint as records print it, {@code ip:port}. */
  String clientEndpoint() {
    return Addresses.endpoint(addresses[clientSide], ports[clientSide]);
  }

  Kind kind() {
    return kind;
  }

  /** Returns true when closing the connection now would cut a request short. */
  boolean hasRequestInProgress() {
    return requestParser != null && requestParser.inProgress();
  }

  boolean closed() {
    return closed;
  }

  /** Returns true when {@code segment} opens a new connection on this connection's ports. */
  boolean isReopenedBy(TcpSegment segment) {
    if (!segment.has(TcpSegment.SYN) || segment.has(TcpSegment.ACK)) {
      return false;
    }
    TcpStream stream = streams[sideOf(segment)];
    boolean sameSyn =
        stream.started() && ((segment.sequence + 1) & 0xFFFFFFFFL) == stream.initialSequence();
    return closed || !sameSyn;
  }

  void add(TcpSegment segment) {
    lastTimeNanos = Math.max(lastTimeNanos, segment.timeNanos);
    if (segment.has(TcpSegment.RST)) {
      close(segment);
      return;
    }
    if (kind == Kind.SKIPPED || closed) {
      return;
    }
    int side = sideOf(segment);
    streams[side].add(segment);
    if (segment.has(TcpSegment.ACK)) {
      streams[1 - side].acknowledged(segment.acknowledgment);
    }
    if (streams[0].ended() && streams[1].ended()) {
      close(segment);
    }
  }

  /** Ends both directions, delivering what waited and settling every waiting request. */
  void close(TcpSegment last) {
    if (closed) {
      return;
    }
    closed = true;
    if (kind != Kind.SKIPPED) {
      streams[0].finish(last);
      streams[1].finish(last);
    }
    settleAwaiting();
  }

  private int sideOf(TcpSegment segment) {
    return segment.sourcePort == ports[0]
            && java.util.Arrays.equals(segment.sourceAddress, addresses[0])
        ? 0
        : 1;
  }

  private String describe(int side) {
    side = Math.max(side, 0);
    return Addresses.endpoint(addresses[side], ports[side])
        + " -> "
        + Addresses.endpoint(addresses[1 - side], ports[1 - side]);
  }

  private void assignRoles(int client, boolean atStart) {
    clientSide = client;
    requestParser =
        new HttpRequestParser(new RequestEvents(), limits, report, describe(client), atStart);
    responseParser = new HttpResponseParser(new ResponseEvents(), limits.maxHeaderBytes(), atStart);
    streams[client].setConsumer(requestParser);
    streams[1 - client].setConsumer(responseParser);
  }

  private void becomeHttp() {
    if (kind == Kind.UNDECIDED) {
      kind = Kind.HTTP;
      streams[0].setReportDamage(true);
      streams[1].setReportDamage(true);
    }
  }

  /**
   * Stops reading the connection and reports why, unless it simply carries another protocol.
   *
   * @param detail the protocol switched to, for {@link SkipReason#UPGRADED}
   */
  private void skip(SkipReason reason, String detail, TcpSegment segment) {
    String connection = describe(clientSide);
    String message =
        switch (reason) {
          case TLS ->
              "TLS connection "
                  + connection
                  + " skipped: only plaintext HTTP can be read; capture between a TLS-terminating"
                  + " proxy and the server instead";
          case HTTP2 ->
              "HTTP/2 connection " + connection + " skipped: only HTTP/1.x requests are read";
          case INVALID_REQUEST_LINE ->
              "connection "
                  + connection
                  + " skipped: its first line names HTTP but is not a valid HTTP/1.x request line";
          case UPGRADED ->
              "connection "
                  + connection
                  + " switched to another protocol ("
                  + detail
                  + "); the rest of it is skipped";
          case NOT_HTTP -> null;
        };
    if (message != null) {
      report.warning(
          segment.packetNumber,
          segment.byteOffset,
          reason.label() + " connection skipped",
          message);
    }
    if (kind == Kind.UNDECIDED) {
      kind = Kind.SKIPPED;
    }
    if (requestParser != null) {
      requestParser.stop();
    }
    if (responseParser != null) {
      responseParser.stop();
    }
    settleAwaiting();
  }

  private void settleAwaiting() {
    while (!awaiting.isEmpty()) {
      HttpRequest request = awaiting.pollFirst();
      request.responseSettled = true;
    }
  }

  /** Events of the client-to-server parser. */
  private class RequestEvents implements HttpRequestParser.Listener {
    @Override
    public void notHttp(SkipReason reason, TcpSegment segment) {
      skip(reason, "after an Upgrade or CONNECT request", segment);
    }

    @Override
    public void requestLineFound(TcpSegment segment, long skippedBytes) {
      if (kind == Kind.UNDECIDED && skippedBytes > 0) {
        report.warning(
            segment.packetNumber,
            segment.byteOffset,
            "mid-connection start",
            "the capture of "
                + describe(clientSide)
                + " begins inside the connection; "
                + skippedBytes
                + " bytes before the first request line are skipped");
      }
      becomeHttp();
    }

    @Override
    public void headersComplete(HttpRequest request) {
      awaiting.addLast(request);
    }

    @Override
    public void requestComplete(HttpRequest request) {
      sink.completed(request);
    }

    @Override
    public HttpRequest newRequest() {
      return sink.newRequest(Connection.this);
    }
  }

  private static boolean expectsContinue(HttpRequest request) {
    byte[] expect = request.header("expect");
    return expect != null && HttpSyntax.ascii(expect).trim().equalsIgnoreCase("100-continue");
  }

  /** Events of the server-to-client parser. */
  private class ResponseEvents implements HttpResponseParser.Listener {
    @Override
    public String awaitingMethod() {
      HttpRequest oldest = awaiting.peekFirst();
      return oldest == null ? null : oldest.methodText();
    }

    @Override
    public void statusLineFound(TcpSegment segment) {}

    @Override
    public boolean finalResponse(int status, TcpSegment segment) {
      HttpRequest request = awaiting.pollFirst();
      if (request == null) {
        return false;
      }
      request.status = status;
      request.responseSettled = true;
      if (!request.complete && request.bodyBytesHeld() == 0 && expectsContinue(request)) {
        request.finalStatusBeforeBody = true;
      }
      boolean connect = request.methodText().equals("CONNECT") && status / 100 == 2;
      if (status == 101 || connect) {
        byte[] upgrade = request.header("upgrade");
        String protocol = upgrade == null ? "" : HttpSyntax.ascii(upgrade).trim();
        if (protocol.equalsIgnoreCase("h2c")) {
          skip(SkipReason.HTTP2, null, segment);
        } else {
          skip(SkipReason.UPGRADED, connect ? "CONNECT tunnel" : "Upgrade: " + protocol, segment);
        }
        return true;
      }
      return false;
    }

    @Override
    public void lostSync(TcpSegment segment) {
      settleAwaiting();
    }
  }

  /**
   * Scans one direction of a connection whose client is not known yet for both a request line and a
   * status line. The first one found decides the roles.
   */
  private final class Sniffer implements StreamConsumer {
    private final int side;
    private HttpRequestParser requests;
    private HttpResponseParser responses;
    private boolean sawData;

    Sniffer(int side) {
      this.side = side;
      this.requests =
          new HttpRequestParser(
              new SniffedRequestEvents(side), limits, report, describe(side), false);
      this.responses =
          new HttpResponseParser(new SniffedResponseEvents(side), limits.maxHeaderBytes(), false);
    }

    @Override
    public void data(byte[] b, int from, int length, long streamOffset, TcpSegment segment) {
      if (!sawData && clientSide < 0 && looksLikeTlsRecord(b, from, length)) {
        skip(SkipReason.TLS, null, segment);
        return;
      }
      sawData = true;
      if (requests != null) {
        requests.data(b, from, length, streamOffset, segment);
      }
      if (responses != null) {
        responses.data(b, from, length, streamOffset, segment);
      }
    }

    @Override
    public void gap(long streamOffset, long length, TcpSegment segment) {
      if (requests != null) {
        requests.gap(streamOffset, length, segment);
      }
      if (responses != null) {
        responses.gap(streamOffset, length, segment);
      }
    }

    @Override
    public void conflict(long streamOffset, TcpSegment segment) {
      if (requests != null) {
        requests.conflict(streamOffset, segment);
      }
    }

    @Override
    public void end(TcpSegment segment) {
      if (requests != null) {
        requests.end(segment);
      }
      if (responses != null) {
        responses.end(segment);
      }
    }

    /** Checks for a TLS record header: content type 20 to 23, version 3.0 to 3.4. */
    private static boolean looksLikeTlsRecord(byte[] b, int from, int length) {
      return length >= 3 && b[from] >= 20 && b[from] <= 23 && b[from + 1] == 3 && b[from + 2] <= 4;
    }

    /** Fixes the roles: {@code client} sends requests; each sniffer keeps its matching parser. */
    void decide(int client) {
      Sniffer other = (Sniffer) streams[1 - side].consumer();
      Sniffer clientSniffer = client == side ? this : other;
      Sniffer serverSniffer = client == side ? other : this;
      clientSide = client;
      requestParser = clientSniffer.requests;
      responseParser = serverSniffer.responses;
      clientSniffer.responses = null;
      serverSniffer.requests = null;
    }
  }

  /** Request events of a sniffing parser: the first request line decides the roles. */
  private final class SniffedRequestEvents extends RequestEvents {
    private final int side;

    SniffedRequestEvents(int side) {
      this.side = side;
    }

    @Override
    public void requestLineFound(TcpSegment segment, long skippedBytes) {
      if (clientSide < 0) {
        ((Sniffer) streams[side].consumer()).decide(side);
      }
      super.requestLineFound(segment, skippedBytes);
    }
  }

  /** Response events of a sniffing parser: the first status line decides the roles. */
  private final class SniffedResponseEvents extends ResponseEvents {
    private final int side;

    SniffedResponseEvents(int side) {
      this.side = side;
    }

    @Override
    public void statusLineFound(TcpSegment segment) {
      if (clientSide < 0) {
        ((Sniffer) streams[side].consumer()).decide(1 - side);
      }
    }

    @Override
    public void lostSync(TcpSegment segment) {
      if (clientSide >= 0) {
        super.lostSync(segment);
      }
    }
  }
}
