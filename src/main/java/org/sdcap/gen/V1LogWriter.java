package org.sdcap.gen;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes the v1 request log of the capture middleware: one JSON object per line, with the first and
 * last {@value #HEAD_BYTES} bytes of larger bodies only.
 *
 * <p>Members, in order: {@code ts} (epoch seconds as a Python float), {@code status}, {@code path},
 * {@code client} ("ip:port"), {@code model}, {@code user_agent}, {@code x_forwarded_for}, {@code
 * x_real_ip}, {@code x_forwarded_host}, {@code host}, {@code referer}, {@code auth_prefix}, {@code
 * body_bytes}, {@code body_truncated_bytes}, {@code body_head}, {@code body_tail}, and {@code
 * oversize_rejected: true} after them for a body rejected with 413.
 *
 * <p>A body of at most {@value #HEAD_BYTES} + {@value #TAIL_BYTES} bytes is all in {@code
 * body_head}, with {@code body_tail} empty and {@code body_truncated_bytes} 0. A larger body keeps
 * its first and last 1500 <em>bytes</em>, each decoded as UTF-8 with replacement, so a character
 * cut at either boundary becomes U+FFFD, and {@code body_truncated_bytes} is the count left out.
 *
 * <p>The line is written as Python's {@code json.dumps} writes it with default arguments:
 * separators {@code ", "} and {@code ": "}, every character outside printable ASCII as a lower-case
 * {@code \}{@code uXXXX} escape, {@code null} for absent values.
 */
public final class V1LogWriter implements RequestWriter {

  public static final int HEAD_BYTES = 1500;
  public static final int TAIL_BYTES = 1500;

  private final OutputStream out;
  private final JsonBuilder json = new JsonBuilder(JsonStyle.PYTHON, 8 * 1024);
  private long bytesWritten;

  public V1LogWriter(OutputStream out) {
    this.out = out;
  }

  @Override
  public void write(GeneratedRequest request) throws IOException {
    byte[] body = request.body();
    boolean truncated = body.length > HEAD_BYTES + TAIL_BYTES;
    String head = Utf8Replacement.decode(body, 0, truncated ? HEAD_BYTES : body.length);
    String tail =
        truncated ? Utf8Replacement.decode(body, body.length - TAIL_BYTES, body.length) : "";

    json.reset();
    json.beginObject();
    LogRecords.writeMetadata(json, request);
    json.name("body_truncated_bytes").value(truncated ? body.length - HEAD_BYTES - TAIL_BYTES : 0);
    json.name("body_head").value(head);
    json.name("body_tail").value(tail);
    LogRecords.writeOversizeFlag(json, request);
    json.endObject();
    json.writeTo(out);
    out.write('\n');
    bytesWritten += json.size() + 1;
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
