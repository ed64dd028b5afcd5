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

  /** What the parser tells its connection. */
  interface Listener {
    /** The first bytes of a direction that began at a SYN are not HTTP: {@code kind} says what. */
    void notHttp(String kind, TcpSegment segment);

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
    CHUNK_SIZE,
    CHUNK_DATA,
    CHUNK_END,
    TRAILERS,
    STOPPED
  }

  private static final byte[] VERSION_PREFIX = {'H', 'T', 'T', 'P', '/', '1', '.'};
  private static final int MAX_CHUNK_LINE = 4096;
  private static final int RESYNC_KEEP = 8192;
  private static final String[] KNOWN_METHODS = {
    "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "CONNECT", "TRACE"
  };
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
  private final Deque<HttpRequest> recent = new ArrayDeque<>();

  /**
   * @param atConnectionStart true when the direction's first byte is known to start a request (the
   *     capture saw the SYN); false to resynchronize at the first request line
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

  boolean stopped() {
    return state == State.STOPPED;
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
            case CHUNK_SIZE -> chunkSize(b, at, end, offset, segment);
            case CHUNK_DATA -> chunkData(b, at, end, segment);
            case CHUNK_END -> chunkEnd(b, at, end, offset, segment);
            case TRAILERS -> trailers(b, at, end, offset, segment);
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
      case CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS -> {
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
        if (bufferLength > 0 && completeFromPartialHeaders(segment) == null && !atConnectionStart) {
          report.damaged(
              firstPacket,
              firstByteOffset,
              "incomplete request",
              "the connection "
                  + description
                  + " ended inside a request header; its "
                  + bufferLength
                  + " bytes are dropped");
        }
      }
      case BODY -> {
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
      case CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS -> {
        current.incomplete = true;
        if (state == State.CHUNK_DATA) {
          current.missingBytes += remaining;
        }
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
    int blockEnd = HttpSyntax.headerBlockEnd(buffer, 0, scanFrom, bufferLength);
    int firstLineFeed = blockEnd < 0 ? HttpSyntax.indexOfLineFeed(buffer, 0, bufferLength) : -1;
    if (firstLineFeed >= 0 && isSimpleRequest(firstLineFeed)) {
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

  /** Checks whether the first line is {@code GET SP target} without a version. */
  private boolean isSimpleRequest(int lineFeed) {
    int lineEnd = HttpSyntax.lineEnd(buffer, 0, lineFeed);
    boolean get =
        lineEnd > 4 && buffer[0] == 'G' && buffer[1] == 'E' && buffer[2] == 'T' && buffer[3] == ' ';
    if (!get) {
      return false;
    }
    for (int i = 4; i < lineEnd; i++) {
      if (buffer[i] == ' ') {
        return false;
      }
    }
    return true;
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
      listener.notHttp(tls ? "TLS" : "other", segment);
      stop();
      return;
    }
    if (upgradePending) {
      listener.notHttp("upgraded", segment);
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
    if (!parseRequestLine(request, lineEnd)) {
      if (atConnectionStart) {
        // Only a line that names HTTP is a failed request; SIP, SMTP and the like are silent.
        boolean namesHttp = indexOf(buffer, lineEnd, "HTTP/") >= 0;
        listener.notHttp(namesHttp ? "invalid request line" : "other", segment);
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
    if (isHttp2Preface(request)) {
      listener.notHttp("HTTP/2", segment);
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

  private boolean parseRequestLine(HttpRequest request, int lineEnd) {
    int methodEnd = 0;
    while (methodEnd < lineEnd && HttpSyntax.isToken(buffer[methodEnd])) {
      methodEnd++;
    }
    if (methodEnd == 0 || methodEnd >= lineEnd || buffer[methodEnd] != ' ') {
      return false;
    }
    int targetStart = methodEnd + 1;
    int targetEnd = targetStart;
    while (targetEnd < lineEnd && buffer[targetEnd] != ' ') {
      targetEnd++;
    }
    if (targetEnd == targetStart) {
      return false;
    }
    for (int i = targetStart; i < targetEnd; i++) {
      if ((buffer[i] & 0xFF) < 0x21 || buffer[i] == 0x7F) {
        return false;
      }
    }
    String version;
    if (targetEnd == lineEnd) {
      // HTTP/0.9 (RFC 1945 section 4.1): "GET" SP target CRLF, nothing else.
      boolean get = methodEnd == 3 && buffer[0] == 'G' && buffer[1] == 'E' && buffer[2] == 'T';
      if (!get) {
        return false;
      }
      version = "HTTP/0.9";
    } else {
      version = HttpSyntax.ascii(Arrays.copyOfRange(buffer, targetEnd + 1, lineEnd)).trim();
      if (!version.startsWith("HTTP/")) {
        return false;
      }
    }
    request.method = Arrays.copyOfRange(buffer, 0, methodEnd);
    request.target = Arrays.copyOfRange(buffer, targetStart, targetEnd);
    request.version = version;
    return true;
  }

  private static boolean isHttp2Preface(HttpRequest request) {
    return request.version.equals("HTTP/2.0") && request.methodText().equals("PRI");
  }

  /** Decides the body framing from the headers (RFC 9112 section 6.3). */
  private void chooseBodyFraming(TcpSegment segment) {
    HttpRequest request = current;
    upgradePending = request.header("upgrade") != null || request.methodText().equals("CONNECT");
    var transferEncodings = request.headerValues("transfer-encoding");
    if (!transferEncodings.isEmpty()) {
      String last = HttpSyntax.lastTransferCoding(transferEncodings);
      if ("chunked".equals(last)) {
        request.chunked = true;
        request.body = new BodyBuffer(0, limits.maxBodyBytes());
        state = State.CHUNK_SIZE;
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
    if (!parseRequestLine(request, HttpSyntax.lineEnd(buffer, 0, lineFeed))) {
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

  private int chunkSize(byte[] b, int at, int end, long offset, TcpSegment segment) {
    int lineFeed = HttpSyntax.indexOfLineFeed(b, at, end);
    int take = lineFeed < 0 ? end - at : lineFeed + 1 - at;
    if (bufferLength + take > MAX_CHUNK_LINE) {
      chunkFramingError(segment, "a chunk-size line longer than " + MAX_CHUNK_LINE + " bytes");
      return at + take;
    }
    append(b, at, take);
    if (lineFeed < 0) {
      return end;
    }
    int lineEnd = HttpSyntax.lineEnd(buffer, 0, bufferLength - 1);
    long size = HttpSyntax.chunkSize(buffer, 0, lineEnd);
    bufferLength = 0;
    if (size < 0) {
      chunkFramingError(segment, "an invalid chunk-size line");
      return at + take;
    }
    if (size == 0) {
      state = State.TRAILERS;
      bufferStart = offset + take;
      return at + take;
    }
    if (current.body.size() + size > limits.maxBodyBytes() && current.body.dropped() == 0) {
      report.damaged(
          current.firstPacket,
          current.firstByteOffset,
          "body too large",
          "chunked request body in "
              + description
              + " grows beyond the limit of "
              + limits.maxBodyBytes()
              + " body bytes (raise it with --max-body-size); later"
              + " bytes are dropped");
    }
    remaining = size;
    state = State.CHUNK_DATA;
    return at + take;
  }

  private int chunkData(byte[] b, int at, int end, TcpSegment segment) {
    int take = (int) Math.min(end - at, remaining);
    current.body.append(b, at, take);
    remaining -= take;
    if (remaining == 0) {
      state = State.CHUNK_END;
    }
    return at + take;
  }

  /** Consumes the line ending after a chunk's data: CRLF or a bare LF. */
  private int chunkEnd(byte[] b, int at, int end, long offset, TcpSegment segment) {
    if (b[at] == '\n') {
      bufferLength = 0;
      state = State.CHUNK_SIZE;
      return at + 1;
    }
    if (b[at] == '\r' && bufferLength == 0) {
      buffer[bufferLength++] = '\r';
      return at + 1;
    }
    bufferLength = 0;
    chunkFramingError(segment, "chunk data not followed by a line ending");
    return at;
  }

  private int trailers(byte[] b, int at, int end, long offset, TcpSegment segment) {
    int room = limits.maxHeaderBytes() - bufferLength;
    int take = Math.min(end - at, room);
    append(b, at, take);
    // The trailer section is header lines then an empty line; with no trailers, only the empty
    // line. A leading "\n" or "\r\n" alone means no trailers.
    int blockEnd;
    if (bufferLength >= 1 && buffer[0] == '\n') {
      blockEnd = 1;
    } else if (bufferLength >= 2 && buffer[0] == '\r' && buffer[1] == '\n') {
      blockEnd = 2;
    } else {
      blockEnd = HttpSyntax.headerBlockEnd(buffer, 0, 0, bufferLength);
    }
    if (blockEnd < 0) {
      if (bufferLength >= limits.maxHeaderBytes()) {
        chunkFramingError(
            segment,
            "a trailer section larger than "
                + limits.maxHeaderBytes()
                + " bytes (limit of request header bytes, raise it with --max-header-size)");
      }
      return at + take;
    }
    int consumedHere = take - (bufferLength - blockEnd);
    bufferLength = 0;
    complete(segment, offset + consumedHere);
    return at + consumedHere;
  }

  private void chunkFramingError(TcpSegment segment, String what) {
    current.incomplete = true;
    report.damaged(
        segment.packetNumber,
        segment.byteOffset,
        "invalid chunked body",
        "request body in "
            + description
            + " has "
            + what
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
    int lineStart = findRequestLine();
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

  /**
   * Returns the buffer index where a complete request line starts, or -1. A method preceded by a
   * line feed starts a line; one at the start of the scan (where the line start is only guessed) or
   * after other bytes (such as a TCP keep-alive byte) must be a well-known method.
   */
  private int findRequestLine() {
    for (int i = scanFrom; i + VERSION_PREFIX.length + 1 < bufferLength; i++) {
      if (buffer[i] != 'H' || !matches(i, VERSION_PREFIX)) {
        continue;
      }
      int afterVersion = i + VERSION_PREFIX.length + 1;
      byte minor = buffer[afterVersion - 1];
      boolean lineEnds =
          afterVersion < bufferLength
              && (buffer[afterVersion] == '\n'
                  || (buffer[afterVersion] == '\r'
                      && afterVersion + 1 < bufferLength
                      && buffer[afterVersion + 1] == '\n'));
      if ((minor != '0' && minor != '1') || !lineEnds) {
        continue;
      }
      int methodStart = methodStartBefore(i);
      if (methodStart < minLineStart) {
        continue;
      }
      boolean afterLineFeed = methodStart > 0 && buffer[methodStart - 1] == '\n';
      if (afterLineFeed || startsWithKnownMethod(methodStart)) {
        return methodStart;
      }
    }
    return -1;
  }

  /**
   * Checks {@code METHOD SP target SP} before the version at {@code versionStart} and returns where
   * the method starts, or -1.
   */
  private int methodStartBefore(int versionStart) {
    if (versionStart < 4 || buffer[versionStart - 1] != ' ') {
      return -1;
    }
    int targetStart = versionStart - 1;
    while (targetStart > 0 && buffer[targetStart - 1] != ' ') {
      int c = buffer[targetStart - 1] & 0xFF;
      if (c < 0x21 || c == 0x7F) {
        return -1;
      }
      targetStart--;
    }
    if (targetStart == versionStart - 1 || targetStart < 2) {
      return -1;
    }
    int methodStart = targetStart - 1;
    while (methodStart > 0 && buffer[methodStart - 1] >= 'A' && buffer[methodStart - 1] <= 'Z') {
      methodStart--;
    }
    int methodLength = targetStart - 1 - methodStart;
    if (methodLength == 0 || methodLength > HttpSyntax.MAX_METHOD_LENGTH) {
      return -1;
    }
    return methodStart;
  }

  private boolean startsWithKnownMethod(int lineStart) {
    for (String method : KNOWN_METHODS) {
      int length = method.length();
      if (lineStart + length < bufferLength && buffer[lineStart + length] == ' ') {
        boolean same = true;
        for (int k = 0; k < length && same; k++) {
          same = buffer[lineStart + k] == method.charAt(k);
        }
        if (same) {
          return true;
        }
      }
    }
    return false;
  }

  private static int indexOf(byte[] b, int end, String text) {
    outer:
    for (int i = 0; i + text.length() <= end; i++) {
      for (int k = 0; k < text.length(); k++) {
        if (b[i + k] != text.charAt(k)) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private boolean matches(int at, byte[] expected) {
    if (at + expected.length > bufferLength) {
      return false;
    }
    for (int k = 0; k < expected.length; k++) {
      if (buffer[at + k] != expected[k]) {
        return false;
      }
    }
    return true;
  }

  private void append(byte[] b, int from, int length) {
    if (bufferLength + length > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(bufferLength + length, buffer.length * 2));
    }
    System.arraycopy(b, from, buffer, bufferLength, length);
    bufferLength += length;
  }
}
