package org.sdcap.pcap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Frames the server-to-client bytes of a connection into HTTP/1.x responses, only to read each
 * status code and find where the next response starts. Bodies are skipped, never kept.
 *
 * <p>Response framing follows RFC 9112 section 6.3: no body after a HEAD request or for 1xx, 204
 * and 304; chunked when the last transfer coding is chunked; Content-Length; otherwise the body
 * runs to the end of the connection.
 */
final class HttpResponseParser implements StreamConsumer {

  /** Events the parser reports to its connection. */
  interface Listener {
    /** Returns the method of the oldest request still waiting for its response, or null. */
    String awaitingMethod();

    /** A status line was found; for a capture begun mid-connection this marks the server. */
    void statusLineFound(TcpSegment segment);

    /**
     * A final (or 101) response arrived: the oldest waiting request gets this status.
     *
     * @return true when the connection now carries another protocol (101, or 2xx to CONNECT)
     */
    boolean finalResponse(int status, TcpSegment segment);

    /** Responses may have been lost: waiting requests will not get a status by order any more. */
    void lostSync(TcpSegment segment);
  }

  private enum State {
    START,
    RESYNC,
    HEADERS,
    BODY,
    CHUNKED,
    UNTIL_CLOSE,
    STOPPED
  }

  private static final int RESYNC_KEEP = 64;
  private static final byte[] HTTP_SLASH = {'H', 'T', 'T', 'P', '/'};
  private static final byte[] HTTP_1 = {'H', 'T', 'T', 'P', '/', '1', '.'};

  private final Listener listener;
  private final int maxHeaderBytes;
  private State state;
  private byte[] buffer = new byte[256];
  private int bufferLength;
  private int scanFrom;
  private long remaining;
  private ChunkedDecoder chunks;

  HttpResponseParser(Listener listener, int maxHeaderBytes, boolean atConnectionStart) {
    this.listener = listener;
    this.maxHeaderBytes = maxHeaderBytes;
    this.state = atConnectionStart ? State.START : State.RESYNC;
  }

  void stop() {
    state = State.STOPPED;
    bufferLength = 0;
  }

  @Override
  public void data(byte[] b, int from, int length, long streamOffset, TcpSegment segment) {
    int end = from + length;
    int at = from;
    while (at < end && state != State.STOPPED) {
      at =
          switch (state) {
            case START, HEADERS -> headers(b, at, end, segment);
            case RESYNC -> resync(b, at, end, segment);
            case BODY -> skipCounted(at, end);
            case CHUNKED -> chunked(b, at, end, segment);
            case UNTIL_CLOSE, STOPPED -> end;
          };
    }
  }

  @Override
  public void gap(long streamOffset, long length, TcpSegment segment) {
    if (state == State.BODY && length <= remaining) {
      remaining -= length;
      if (remaining == 0) {
        state = State.START;
      }
      return;
    }
    if (state == State.UNTIL_CLOSE || state == State.STOPPED) {
      return;
    }
    enterResync(segment);
  }

  @Override
  public void conflict(long streamOffset, TcpSegment segment) {}

  @Override
  public void end(TcpSegment segment) {
    state = State.STOPPED;
  }

  private int headers(byte[] b, int at, int end, TcpSegment segment) {
    if (state == State.START && bufferLength == 0) {
      while (at < end && (b[at] == '\r' || b[at] == '\n')) {
        at++;
      }
      if (at == end) {
        return end;
      }
      scanFrom = 0;
    }
    int take = Math.min(end - at, maxHeaderBytes - bufferLength);
    append(b, at, take);
    if (state == State.START) {
      int checked = Math.min(bufferLength, 5);
      if (!Arrays.equals(buffer, 0, checked, HTTP_SLASH, 0, checked)) {
        enterResync(segment);
        scan(segment);
        return at + take;
      }
      if (bufferLength < 5) {
        return at + take;
      }
      state = State.HEADERS;
    }
    int blockEnd = HttpSyntax.headerBlockEnd(buffer, 0, scanFrom, bufferLength);
    if (blockEnd < 0) {
      scanFrom = Math.max(0, bufferLength - 3);
      if (bufferLength >= maxHeaderBytes) {
        enterResync(segment);
      }
      return at + take;
    }
    int consumedHere = take - (bufferLength - blockEnd);
    int blockLength = blockEnd;
    bufferLength = 0;
    responseHeaders(blockLength, segment);
    return at + consumedHere;
  }

  private void responseHeaders(int blockLength, TcpSegment segment) {
    int lineFeed = HttpSyntax.indexOfLineFeed(buffer, 0, blockLength);
    int lineEnd = HttpSyntax.lineEnd(buffer, 0, lineFeed);
    int status = statusCode(0, lineEnd);
    if (status < 0) {
      enterResync(segment);
      return;
    }

    List<HttpRequest.Header> headers = new ArrayList<>();
    HttpSyntax.parseHeaders(buffer, lineFeed + 1, blockLength, headers);
    if (status >= 100 && status < 200 && status != 101) {
      state = State.START;
      return;
    }

    String method = listener.awaitingMethod();
    if (listener.finalResponse(status, segment)) {
      stop();
      return;
    }
    boolean noBody = "HEAD".equals(method) || status == 204 || status == 304;
    if (noBody) {
      state = State.START;
      return;
    }

    List<byte[]> transferEncodings = new ArrayList<>();
    List<byte[]> contentLengths = new ArrayList<>();
    for (HttpRequest.Header header : headers) {
      if (header.name().equals("transfer-encoding")) {
        transferEncodings.add(header.value());
      } else if (header.name().equals("content-length")) {
        contentLengths.add(header.value());
      }
    }
    if (!transferEncodings.isEmpty()) {
      boolean chunked = "chunked".equals(HttpSyntax.lastTransferCoding(transferEncodings));
      state = chunked ? State.CHUNKED : State.UNTIL_CLOSE;
      chunks = new ChunkedDecoder(null, maxHeaderBytes);
      return;
    }

    long length = HttpSyntax.contentLength(contentLengths);
    if (length >= 0) {
      remaining = length;
      state = length == 0 ? State.START : State.BODY;
    } else {
      state = State.UNTIL_CLOSE;
    }
  }

  /** Parses {@code HTTP/1.x SP DDD} at {@code from}; returns the status or -1. */
  private int statusCode(int from, int lineEnd) {
    int codeStart = from + 9;
    if (lineEnd < codeStart + 3 || buffer[from + 8] != ' ') {
      return -1;
    }
    if (!Arrays.equals(buffer, from, from + 7, HTTP_1, 0, 7)) {
      return -1;
    }
    int status = 0;
    for (int i = codeStart; i < codeStart + 3; i++) {
      if (buffer[i] < '0' || buffer[i] > '9') {
        return -1;
      }
      status = status * 10 + (buffer[i] - '0');
    }
    boolean endsThere = lineEnd == codeStart + 3 || buffer[codeStart + 3] == ' ';
    return endsThere ? status : -1;
  }

  private int skipCounted(int at, int end) {
    int take = (int) Math.min(end - at, remaining);
    remaining -= take;
    if (remaining == 0) {
      state = State.START;
    }
    return at + take;
  }

  private int chunked(byte[] b, int at, int end, TcpSegment segment) {
    int next = chunks.decode(b, at, end);
    if (chunks.error() != null) {
      enterResync(segment);
    } else if (chunks.done()) {
      state = State.START;
    }
    return next;
  }

  private void enterResync(TcpSegment segment) {
    if (state != State.RESYNC) {
      listener.lostSync(segment);
    }
    state = State.RESYNC;
    scanFrom = 0;
  }

  private int resync(byte[] b, int at, int end, TcpSegment segment) {
    int take = Math.min(end - at, maxHeaderBytes);
    append(b, at, take);
    scan(segment);
    return at + take;
  }

  /** Looks for a status line in the buffer and, when found, parses on from it. */
  private void scan(TcpSegment segment) {
    for (int i = scanFrom; i + 13 <= bufferLength; i++) {
      if (buffer[i] != 'H' || (i > 0 && buffer[i - 1] != '\n')) {
        continue;
      }
      int lineFeed = HttpSyntax.indexOfLineFeed(buffer, i, bufferLength);
      int lineEnd = lineFeed < 0 ? bufferLength : HttpSyntax.lineEnd(buffer, i, lineFeed);
      if (statusCode(i, lineEnd) >= 0 && lineFeed >= 0) {
        byte[] kept = Arrays.copyOfRange(buffer, i, bufferLength);
        bufferLength = 0;
        state = State.HEADERS;
        listener.statusLineFound(segment);
        data(kept, 0, kept.length, 0, segment);
        return;
      }
    }
    scanFrom = Math.max(0, bufferLength - 13);
    int drop = bufferLength - Math.min(bufferLength, RESYNC_KEEP);
    if (drop > 0) {
      System.arraycopy(buffer, drop, buffer, 0, bufferLength - drop);
      bufferLength -= drop;
      scanFrom = Math.max(0, scanFrom - drop);
    }
  }

  private void append(byte[] b, int from, int length) {
    if (bufferLength + length > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(bufferLength + length, buffer.length * 2));
    }
    System.arraycopy(b, from, buffer, bufferLength, length);
    bufferLength += length;
  }
}
