package org.sdcap.pcap;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Frames the client-to-server bytes of a connection into HTTP/1.x requests (RFC 9112): request line
 * and headers, then a body by Content-Length or chunked transfer coding. Pipelined requests follow
 * each other; line endings may be CRLF or a bare LF.
 *
 * <p>After bytes that are not a request (a capture gap inside framing, garbage, a capture that
 * begins mid-connection) the parser resynchronizes: it scans for the next line of the form {@code
 * METHOD SP target SP HTTP/1.x}.
 */
final class HttpRequestParser implements StreamConsumer {

  /** Events the parser reports to its connection. */
  interface Listener {
    /** The connection carries something other than HTTP/1.x requests from here on. */
    void notHttp(SkipReason reason, TcpSegment segment);

    /** A request line was found; the connection carries HTTP. */
    void requestLineFound(TcpSegment segment, long skippedBytes);

    /** The headers of a request are complete; its body may follow. */
    void headersComplete(HttpRequest request);

    /** The request is complete (possibly marked incomplete). */
    void requestComplete(HttpRequest request);

    HttpRequest newRequest();
  }

  private enum State {
    START,
    RESYNC,
    HEADERS,
    BODY,
    CHUNKED,
    STOPPED
  }

  private static final int RESYNC_KEEP = 8192;
  private static final int RECENT_REQUESTS = 8;

  private final Listener listener;
  private final CaptureLimits limits;
  private final CaptureReport report;
  private final String description;
  private State state;
  private boolean atConnectionStart;
  private boolean upgradePending;

  /** Header block or resync scan bytes not yet consumed; {@code bufferStart} is their offset. */
  private byte[] buffer = new byte[256];

  private int bufferLength;
  private long bufferStart;
  private int scanFrom;
  private long firstPacket;
  private long firstByteOffset;
  private long skippedInResync;

  /** The first buffer index where resynchronization may find a request line. */
  private int minLineStart;

  private HttpRequest current;
  private long remaining;
  private ChunkedDecoder chunks;
  private final Deque<HttpRequest> recent = new ArrayDeque<>();

  /**
   * @param atConnectionStart true when the capture saw the SYN, so the direction's first byte
   *     starts a request; false to resynchronize at the first request line
   */
  HttpRequestParser(
      Listener listener,
      CaptureLimits limits,
      CaptureReport report,
      String description,
      boolean atConnectionStart) {
    this.listener = listener;
    this.limits = limits;
    this.report = report;
    this.description = description;
    this.atConnectionStart = atConnectionStart;
    this.state = atConnectionStart ? State.START : State.RESYNC;
  }

  /** Stops parsing: the connection switched to another protocol. */
  void stop() {
    state = State.STOPPED;
    bufferLength = 0;
  }

  /** Returns true while a request has started but is not complete. */
  boolean inProgress() {
    return current != null || (state == State.HEADERS && bufferLength > 0);
  }

  @Override
  public void data(byte[] b, int from, int length, long streamOffset, TcpSegment segment) {
    int end = from + length;
    int at = from;
    while (at < end && state != State.STOPPED) {
      long offset = streamOffset + (at - from);
      at =
          switch (state) {
            case START, HEADERS -> headers(b, at, end, offset, segment);
            case RESYNC -> resync(b, at, end, offset, segment);
            case BODY -> body(b, at, end, segment);
            case CHUNKED -> chunked(b, at, end, offset, segment);
            case STOPPED -> end;
          };
    }
  }

  @Override
  public void gap(long streamOffset, long length, TcpSegment segment) {
    switch (state) {
      case START, HEADERS -> {
        HttpRequest partial = bufferLength > 0 ? completeFromPartialHeaders(segment) : null;
        if (partial != null) {
          partial.missingBytes += length;
        }
        enterResync();
      }
      case BODY -> {
        long inBody = Math.min(length, remaining);
        current.incomplete = true;
        current.missingBytes += inBody;
        remaining -= inBody;
        if (remaining == 0) {
          complete(segment, streamOffset + inBody);
        }
        if (length > inBody) {
          enterResync();
        }
      }
      case CHUNKED -> {
        current.incomplete = true;
        current.missingBytes += length;
        complete(segment, streamOffset);
        enterResync();
      }
      case RESYNC -> enterResync();
      case STOPPED -> {}
    }
  }

  @Override
  public void conflict(long streamOffset, TcpSegment segment) {
    if (current != null && streamOffset >= current.streamStart) {
      current.conflictingOverlap = true;
      return;
    }
    for (HttpRequest request : recent) {
      if (streamOffset >= request.streamStart && streamOffset < request.streamEnd) {
        request.conflictingOverlap = true;
        return;
      }
    }
  }

  @Override
  public void end(TcpSegment segment) {
    switch (state) {
      case START, HEADERS -> {
        int buffered = bufferLength;
        if (buffered > 0 && completeFromPartialHeaders(segment) != null) {
          report.damaged(
              firstPacket,
              firstByteOffset,
              "incomplete request",
              "the connection "
                  + description
                  + " ended inside a request header; the request is kept as incomplete");
        } else if (buffered > 0 && !atConnectionStart) {
          report.damaged(
              firstPacket,
              firstByteOffset,
              "incomplete request",
              "the connection "
                  + description
                  + " ended inside a request header; its "
                  + buffered
                  + " bytes are dropped");
        }
      }
      case BODY -> {
        if (current.finalStatusBeforeBody && current.body.size() == 0) {
          // RFC 9110 section 10.1.1: after a final status to "Expect: 100-continue", the client
          // may close the connection instead of sending the content. Nothing is missing.
          current.bodyNotSent = true;
          current.body = null;
          complete(segment, Long.MAX_VALUE);
          break;
        }
        current.incomplete = true;
        current.missingBytes += remaining;
        report.damaged(
            segment.packetNumber,
            segment.byteOffset,
            "incomplete request",
            "the connection "
                + description
                + " ended "
                + remaining
                + " bytes before the end of a request body announced by Content-Length");
        complete(segment, Long.MAX_VALUE);
      }
      case CHUNKED -> {
        current.incomplete = true;
        current.missingBytes += chunks.remainingInChunk();
        report.damaged(
            segment.packetNumber,
            segment.byteOffset,
            "incomplete request",
            "the connection " + description + " ended inside a chunked request body");
        complete(segment, Long.MAX_VALUE);
      }
      case RESYNC, STOPPED -> {}
    }
    state = State.STOPPED;
  }

  // ---- request line and headers ----

  private int headers(byte[] b, int at, int end, long offset, TcpSegment segment) {
    if (state == State.START && bufferLength == 0) {
      // RFC 9112 section 2.2: empty lines before a request line are ignored.
      int empty = 0;
      while (at + empty < end && (b[at + empty] == '\r' || b[at + empty] == '\n')) {
        empty++;
      }
      at += empty;
      offset += empty;
      if (at == end) {
        return end;
      }
    }

    if (bufferLength == 0) {
      bufferStart = offset;
      firstPacket = segment.packetNumber;
      firstByteOffset = segment.byteOffset;
      scanFrom = 0;
    }

    int room = limits.maxHeaderBytes() - bufferLength;
    int take = Math.min(end - at, room);
    append(b, at, take);

    if (state == State.START) {
      int verdict = startVerdict();
      if (verdict == UNDECIDED) {
        return at + take;
      }
      if (verdict == NOT_A_REQUEST) {
        notARequest(segment);
        return at + take;
      }
      state = State.HEADERS;
    }

    if (atConnectionStart) {
      confirmFirstRequestLine(segment);
    }

    int blockEnd = HttpSyntax.headerBlockEnd(buffer, 0, scanFrom, bufferLength);
    int firstLineFeed = blockEnd < 0 ? HttpSyntax.indexOfLineFeed(buffer, 0, bufferLength) : -1;
    if (firstLineFeed >= 0
        && RequestLines.isSimpleRequest(buffer, HttpSyntax.lineEnd(buffer, 0, firstLineFeed))) {
      // An HTTP/0.9 request is its request line alone.
      blockEnd = firstLineFeed + 1;
    }

    if (blockEnd < 0) {
      scanFrom = Math.max(0, bufferLength - 3);
      if (bufferLength >= limits.maxHeaderBytes()) {
        report.damaged(
            firstPacket,
            firstByteOffset,
            "header too large",
            "request header in "
                + description
                + " is larger than "
                + limits.maxHeaderBytes()
                + " bytes (limit of request header bytes, raise it with --max-header-size);"
                + " looking for the next request");
        enterResync();
      }
      return at + take;
    }

    // Bytes after the header block belong to the body or the next request.
    int consumedHere = take - (bufferLength - blockEnd);
    bufferLength = blockEnd;
    headerBlockComplete(segment);
    return at + consumedHere;
  }

  /**
   * Tells the connection it carries HTTP as soon as the first request line is complete and valid,
   * so that a gap later in the same header is reported.
   */
  private void confirmFirstRequestLine(TcpSegment segment) {
    int lineFeed = HttpSyntax.indexOfLineFeed(buffer, 0, bufferLength);
    if (lineFeed < 0) {
      return;
    }
    int lineEnd = HttpSyntax.lineEnd(buffer, 0, lineFeed);
    HttpRequest probe = new HttpRequest(null, -1);
    if (RequestLines.parse(buffer, lineEnd, probe) && !RequestLines.isHttp2Preface(probe)) {
      listener.requestLineFound(segment, 0);
      atConnectionStart = false;
    }
  }

  private static final int UNDECIDED = 0;
  private static final int REQUEST = 1;
  private static final int NOT_A_REQUEST = 2;

  /** Checks that the bytes at a message boundary begin with a method token and a space. */
  private int startVerdict() {
    int i = 0;
    while (i < bufferLength && HttpSyntax.isToken(buffer[i])) {
      i++;
    }
    if (i > HttpSyntax.MAX_METHOD_LENGTH) {
      return NOT_A_REQUEST;
    }
    if (i == bufferLength) {
      boolean maybeTls = bufferLength == 1 && buffer[0] == 0x16;
      return i > 0 || maybeTls ? UNDECIDED : NOT_A_REQUEST;
    }
    return i > 0 && buffer[i] == ' ' ? REQUEST : NOT_A_REQUEST;
  }

  /**
   * Handles bytes at a message boundary that are not a request: at the start of a connection they
   * classify it, after an Upgrade request they are the new protocol, anywhere else they are damage.
   */
  private void notARequest(TcpSegment segment) {
    if (atConnectionStart) {
      boolean tls = bufferLength >= 2 && buffer[0] == 0x16 && buffer[1] == 3;
      listener.notHttp(tls ? SkipReason.TLS : SkipReason.NOT_HTTP, segment);
      stop();
      return;
    }
    if (upgradePending) {
      listener.notHttp(SkipReason.UPGRADED, segment);
      stop();
      return;
    }
    report.damaged(
        firstPacket,
        firstByteOffset,
        "not a request",
        "bytes in "
            + description
            + " at a request boundary are not an HTTP request;"
            + " looking for the next request line");
    state = State.RESYNC;
    minLineStart = 1;
    skippedInResync = 0;
    scanFrom = 0;
    scanBuffer(segment);
  }

  private void headerBlockComplete(TcpSegment segment) {
    int lineFeed = HttpSyntax.indexOfLineFeed(buffer, 0, bufferLength);
    int lineEnd = HttpSyntax.lineEnd(buffer, 0, lineFeed);
    HttpRequest request = listener.newRequest();
    if (!RequestLines.parse(buffer, lineEnd, request)) {
      if (atConnectionStart) {
        // Only a line that names HTTP is a failed request; SIP, SMTP and the like are silent.
        boolean namesHttp = RequestLines.namesHttp(buffer, lineEnd);
        listener.notHttp(
            namesHttp ? SkipReason.INVALID_REQUEST_LINE : SkipReason.NOT_HTTP, segment);
        stop();
        return;
      }
      report.damaged(
          firstPacket,
          firstByteOffset,
          "not a request",
          "invalid request line in " + description + "; looking for the next request line");
      state = State.RESYNC;
      minLineStart = 1;
      skippedInResync = 0;
      scanFrom = 0;
      scanBuffer(segment);
      return;
    }
    if (RequestLines.isHttp2Preface(request)) {
      listener.notHttp(SkipReason.HTTP2, segment);
      stop();
      return;
    }
    if (atConnectionStart) {
      listener.requestLineFound(segment, 0);
      atConnectionStart = false;
    }
    HttpSyntax.parseHeaders(buffer, lineFeed + 1, bufferLength, request.headers);
    startRequest(request, segment);
    bufferLength = 0;
    chooseBodyFraming(segment);
  }

  private void startRequest(HttpRequest request, TcpSegment segment) {
    request.firstPacket = firstPacket;
    request.firstByteOffset = firstByteOffset;
    request.streamStart = bufferStart;
    request.timeDigits = segment.timeDigits;
    current = request;
    listener.headersComplete(request);
  }

  /** Decides the body framing from the headers (RFC 9112 section 6.3). */
  private void chooseBodyFraming(TcpSegment segment) {
    HttpRequest request = current;
    upgradePending = request.header("upgrade") != null || request.methodText().equals("CONNECT");

    var transferEncodings = request.headerValues("transfer-encoding");
    if (!transferEncodings.isEmpty()) {
      String last = HttpSyntax.lastTransferCoding(transferEncodings);
      if ("chunked".equals(last)) {
        request.body = new BodyBuffer(0, limits.maxBodyBytes());
        chunks = new ChunkedDecoder(request.body, limits.maxHeaderBytes());
        state = State.CHUNKED;
        return;
      }
      request.incomplete = true;
      report.damaged(
          request.firstPacket,
          request.firstByteOffset,
          "body length unknown",
          "request in "
              + description
              + " has a Transfer-Encoding whose last coding is not"
              + " chunked, so its body length cannot be known; looking for the next request");
      complete(segment, bufferStart);
      enterResync();
      return;
    }

    long contentLength = HttpSyntax.contentLength(request.headerValues("content-length"));
    if (contentLength == -1 || request.version.equals("HTTP/0.9")) {
      complete(segment, bufferStart);
      return;
    }

    if (contentLength < 0) {
      request.incomplete = true;
      report.damaged(
          request.firstPacket,
          request.firstByteOffset,
          "body length unknown",
          "request in "
              + description
              + " has "
              + (contentLength == -3
                  ? "Content-Length values that differ"
                  : "an invalid Content-Length")
              + ", so its body length cannot be known; looking for the next request");
      complete(segment, bufferStart);
      enterResync();
      return;
    }

    if (contentLength > limits.maxBodyBytes()) {
      report.damaged(
          request.firstPacket,
          request.firstByteOffset,
          "body too large",
          "request in "
              + description
              + " announces Content-Length "
              + contentLength
              + ", beyond the limit of "
              + limits.maxBodyBytes()
              + " body bytes (raise it with --max-body-size); only the first "
              + limits.maxBodyBytes()
              + " bytes are kept");
    }

    // NOTE: a client that got a final status to "Expect: 100-continue" and then sends a new
    // request on the same connection without the body would have that request read as this body.
    request.body = new BodyBuffer(contentLength, limits.maxBodyBytes());
    remaining = contentLength;
    if (remaining == 0) {
      complete(segment, bufferStart);
    } else {
      state = State.BODY;
    }
  }

  /**
   * Completes a request whose header block was cut by a gap or the end of the stream, when at least
   * its request line arrived.
   */
  private HttpRequest completeFromPartialHeaders(TcpSegment segment) {
    int lineFeed = HttpSyntax.indexOfLineFeed(buffer, 0, bufferLength);
    if (lineFeed < 0) {
      return null;
    }
    HttpRequest request = listener.newRequest();
    if (!RequestLines.parse(buffer, HttpSyntax.lineEnd(buffer, 0, lineFeed), request)) {
      return null;
    }
    HttpSyntax.parseHeaders(buffer, lineFeed + 1, bufferLength, request.headers);
    startRequest(request, segment);
    request.incomplete = true;
    complete(segment, bufferStart + bufferLength);
    bufferLength = 0;
    return request;
  }

  // ---- bodies ----

  private int body(byte[] b, int at, int end, TcpSegment segment) {
    int take = (int) Math.min(end - at, remaining);
    current.body.append(b, at, take);
    remaining -= take;
    if (remaining == 0) {
      complete(segment, Long.MAX_VALUE);
    }
    return at + take;
  }

  private int chunked(byte[] b, int at, int end, long offset, TcpSegment segment) {
    int next = chunks.decode(b, at, end);
    if (chunks.takeBodyLimitReached()) {
      report.damaged(
          current.firstPacket,
          current.firstByteOffset,
          "body too large",
          "chunked request body in "
              + description
              + " grows beyond the limit of "
              + limits.maxBodyBytes()
              + " body bytes (raise it with --max-body-size); later bytes are dropped");
    }
    if (chunks.error() != null) {
      chunkFramingError(segment, chunks.error());
    } else if (chunks.done()) {
      complete(segment, offset + (next - at));
    }
    return next;
  }

  private void chunkFramingError(TcpSegment segment, String reason) {
    current.incomplete = true;
    report.damaged(
        segment.packetNumber,
        segment.byteOffset,
        "invalid chunked body",
        "request body in "
            + description
            + " has "
            + reason
            + "; the request is kept as incomplete and parsing resumes at the next request line");
    complete(segment, Long.MAX_VALUE);
    enterResync();
  }

  private void complete(TcpSegment segment, long streamEnd) {
    HttpRequest request = current;
    current = null;
    request.lastTimeNanos = segment.timeNanos;
    request.timeDigits = segment.timeDigits;
    request.streamEnd = streamEnd;
    if (request.body != null && request.body.dropped() > 0) {
      request.droppedBodyBytes = request.body.dropped();
    }
    request.complete = true;
    recent.addFirst(request);
    if (recent.size() > RECENT_REQUESTS) {
      recent.removeLast();
    }
    if (state != State.STOPPED) {
      state = State.START;
    }
    bufferLength = 0;
    listener.requestComplete(request);
  }

  // ---- resynchronization ----

  private void enterResync() {
    state = State.RESYNC;
    minLineStart = 0;
    bufferLength = 0;
    skippedInResync = 0;
    scanFrom = 0;
  }

  /** Scans for a request line; keeps at most {@value #RESYNC_KEEP} unmatched bytes. */
  private int resync(byte[] b, int at, int end, long offset, TcpSegment segment) {
    if (bufferLength == 0) {
      bufferStart = offset;
      firstPacket = segment.packetNumber;
      firstByteOffset = segment.byteOffset;
      scanFrom = 0;
    }
    int take = Math.min(end - at, limits.maxHeaderBytes());
    append(b, at, take);
    scanBuffer(segment);
    return at + take;
  }

  /** Looks for a request line in the buffer and, when found, parses on from it. */
  private void scanBuffer(TcpSegment segment) {
    int lineStart = RequestLines.find(buffer, scanFrom, bufferLength, minLineStart);
    if (lineStart < 0) {
      scanFrom = Math.max(0, bufferLength - 16);
      int drop = bufferLength - Math.min(bufferLength, RESYNC_KEEP);
      if (drop > 0) {
        skippedInResync += drop;
        System.arraycopy(buffer, drop, buffer, 0, bufferLength - drop);
        bufferLength -= drop;
        bufferStart += drop;
        scanFrom = Math.max(0, scanFrom - drop);
        minLineStart = 0;
        firstPacket = segment.packetNumber;
        firstByteOffset = segment.byteOffset;
      }
      return;
    }
    minLineStart = 0;
    byte[] kept = Arrays.copyOfRange(buffer, lineStart, bufferLength);
    long lineOffset = bufferStart + lineStart;
    long skipped = skippedInResync + lineStart;
    bufferLength = 0;
    state = State.HEADERS;
    atConnectionStart = false;
    listener.requestLineFound(segment, skipped);
    data(kept, 0, kept.length, lineOffset, segment);
  }

  private void append(byte[] b, int from, int length) {
    if (bufferLength + length > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(bufferLength + length, buffer.length * 2));
    }
    System.arraycopy(b, from, buffer, bufferLength, length);
    bufferLength += length;
  }
}
