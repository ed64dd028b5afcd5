package org.sdcap.pcap;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One HTTP request read from a capture, mutable until it is turned into a record: flags can still
 * be set by later packets (a conflicting retransmission, the response status).
 */
final class HttpRequest {

  /** One header line; the name is lower-cased ASCII, the value the exact bytes after trimming. */
  record Header(String name, byte[] value) {}

  final Connection connection;
  final long sequenceNumber;
  long firstPacket;
  long firstByteOffset;
  long lastTimeNanos;
  int timeDigits;

  byte[] method;
  byte[] target;

  /** {@code HTTP/1.1}, {@code HTTP/1.0}, or {@code HTTP/0.9} for a request line without one. */
  String version;

  final List<Header> headers = new ArrayList<>();

  /** The de-chunked body, null for a request without one. */
  BodyBuffer body;

  long streamStart;
  long streamEnd = Long.MAX_VALUE;

  boolean complete;
  boolean incomplete;
  long missingBytes;
  boolean conflictingOverlap;
  long droppedBodyBytes;

  /**
   * True when a final response arrived for this "Expect: 100-continue" request before any of its
   * body, so the client may leave the body out.
   */
  boolean finalStatusBeforeBody;

  /** True when the connection ended after such a response without any body bytes. */
  boolean bodyNotSent;

  /** The response status, or -1 while none was matched. */
  int status = -1;

  /** True once no response will be matched any more: the status is known or will stay absent. */
  boolean responseSettled;

  HttpRequest(Connection connection, long sequenceNumber) {
    this.connection = connection;
    this.sequenceNumber = sequenceNumber;
  }

  String methodText() {
    return new String(method, StandardCharsets.ISO_8859_1);
  }

  /** Returns the values of every header with this lower-case name, in order. */
  List<byte[]> headerValues(String name) {
    List<byte[]> values = new ArrayList<>(1);
    for (Header header : headers) {
      if (header.name().equals(name)) {
        values.add(header.value());
      }
    }
    return values;
  }

  byte[] header(String name) {
    for (Header header : headers) {
      if (header.name().equals(name)) {
        return header.value();
      }
    }
    return null;
  }

  long bodyBytesHeld() {
    return body == null ? 0 : body.size();
  }
}
