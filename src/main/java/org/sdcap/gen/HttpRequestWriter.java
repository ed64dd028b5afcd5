package org.sdcap.gen;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes requests as HTTP/1.1 messages, one after another as on a kept-alive connection: the
 * request line, {@code Host}, the other headers in order, {@code Content-Length} for a request with
 * a body, a blank line, then the body. A packet-capture writer can cut these bytes into TCP
 * segments.
 */
public final class HttpRequestWriter implements RequestWriter {

  private final OutputStream out;
  private long bytesWritten;

  public HttpRequestWriter(OutputStream out) {
    this.out = out;
  }

  /** Returns the complete HTTP/1.1 message of {@code request}, header and body. */
  public static byte[] format(GeneratedRequest request) {
    ByteArrayOutputStream message = new ByteArrayOutputStream(request.body().length + 1024);
    StringBuilder head = new StringBuilder(1024);
    head.append(request.method()).append(' ').append(request.path()).append(" HTTP/1.1\r\n");
    head.append("Host: ").append(request.host()).append("\r\n");
    for (Header header : request.headers()) {
      head.append(header.name()).append(": ").append(header.value()).append("\r\n");
    }
    if (request.body().length > 0 || request.method().equals("POST")) {
      head.append("Content-Length: ").append(request.body().length).append("\r\n");
    }
    head.append("\r\n");
    message.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    message.writeBytes(request.body());
    return message.toByteArray();
  }

  @Override
  public void write(GeneratedRequest request) throws IOException {
    byte[] message = format(request);
    out.write(message);
    bytesWritten += message.length;
  }

  @Override
  public long bytesWritten() {
    return bytesWritten;
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
