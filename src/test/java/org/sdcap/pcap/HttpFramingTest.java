package org.sdcap.pcap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.sdcap.input.InputRecord;

/** HTTP/1.x request framing, response matching and protocol detection. */
class HttpFramingTest {

  private static CaptureReading.Result exchange(String client, String server) throws Exception {
    TestFlow flow =
        new TestFlow("10.0.0.1", 40000, "10.0.0.2", 8000)
            .open()
            .client(client)
            .server(server)
            .close();
    return CaptureReading.read(CaptureReading.ethernetPcap(flow.segments()));
  }

  private static String body(InputRecord record) {
    return new String(record.body().bytes(), StandardCharsets.UTF_8);
  }

  @Test
  void chunkedBodyIsDechunked() throws Exception {
    String request =
        "POST /v1/chat/completions HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "a;name=value\r\n{\"model\":\"\r\n"
            + "0007\r\nchunked\r\n"
            + "2\r\n\"}\r\n"
            + "0\r\nX-Trailer: 1\r\n\r\n";
    // The size line "0007" is split across two segments.
    TestFlow flow = new TestFlow("10.0.0.1", 40000, "10.0.0.2", 8000).open();
    int split = request.indexOf("0007") + 2;
    flow.client(request.substring(0, split))
        .client(request.substring(split))
        .server(Requests.OK)
        .close();

    CaptureReading.Result result =
        CaptureReading.read(CaptureReading.ethernetPcap(flow.segments()));

    assertThat(body(result.only())).isEqualTo("{\"model\":\"chunked\"}");
    assertThat(result.only().field("model").rawText()).isEqualTo("\"chunked\"");
    assertThat(result.only().field("transfer_encoding")).isNull();
    assertThat(result.messages()).isEmpty();
  }

  @Test
  void chunkedBodyWithBareLineFeeds() throws Exception {
    CaptureReading.Result result =
        exchange(
            "POST /v1/x HTTP/1.1\nHost: h\nTransfer-Encoding: chunked\n\n3\nabc\n0\n\n",
            Requests.OK);

    assertThat(body(result.only())).isEqualTo("abc");
    assertThat(result.messages()).isEmpty();
  }

  @Test
  void expect100ContinueGetsFinalStatus() throws Exception {
    String headers =
        "POST /v1/files HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n";
    TestFlow flow =
        new TestFlow("10.0.0.1", 40000, "10.0.0.2", 8000)
            .open()
            .client(headers)
            .server("HTTP/1.1 100 Continue\r\n\r\n")
            .client("hello")
            .server("HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n")
            .close();

    CaptureReading.Result result =
        CaptureReading.read(CaptureReading.ethernetPcap(flow.segments()));

    assertThat(body(result.only())).isEqualTo("hello");
    assertThat(result.only().field("status").rawText()).isEqualTo("201");
  }

  @Test
  void expect100RejectedBeforeBodyIsNotDamage() throws Exception {
    String headers =
        "POST /v1/files HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n";
    TestFlow flow =
        new TestFlow("10.0.0.1", 40000, "10.0.0.2", 8000)
            .open()
            .client(headers)
            .server("HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n")
            .close();

    CaptureReading.Result result =
        CaptureReading.read(CaptureReading.ethernetPcap(flow.segments()));

    assertThat(result.only().body()).isNull();
    assertThat(result.only().field("status").rawText()).isEqualTo("401");
    assertThat(result.only().field("body_not_sent").rawText()).isEqualTo("true");
    assertThat(result.only().field("capture_incomplete")).isNull();
    assertThat(result.messages()).isEmpty();
  }

  @Test
  void pipelinedRequestsGetStatusesInOrder() throws Exception {
    String requests =
        Requests.post("{\"model\":\"a\"}")
            + Requests.get("/v1/models")
            + Requests.post("{\"model\":\"c\"}");
    String responses =
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n"
            + "HTTP/1.1 404 Not Found\r\nContent-Length: 3\r\n\r\nno\n"
            + "HTTP/1.1 429 Too Many\r\nContent-Length: 0\r\n\r\n";

    CaptureReading.Result result = exchange(requests, responses);

    assertThat(result.records()).hasSize(3);
    assertThat(result.records().get(0).field("status").rawText()).isEqualTo("200");
    assertThat(result.records().get(1).field("status").rawText()).isEqualTo("404");
    assertThat(result.records().get(1).body()).isNull();
    assertThat(result.records().get(2).field("status").rawText()).isEqualTo("429");
    assertThat(result.records().get(2).field("model").rawText()).isEqualTo("\"c\"");
  }

  @Test
  void responseToHeadRequestHasNoBody() throws Exception {
    String requests = "HEAD /v1/models HTTP/1.1\r\nHost: h\r\n\r\n" + Requests.get("/v1/models");
    String responses =
        "HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n"
            + "HTTP/1.1 203 OK\r\nContent-Length: 0\r\n\r\n";

    CaptureReading.Result result = exchange(requests, responses);

    assertThat(result.records())
        .extracting(r -> r.field("status").rawText())
        .containsExactly("200", "203");
  }

  @Test
  void statusIsAbsentWithoutResponse() throws Exception {
    TestFlow flow =
        new TestFlow("10.0.0.1", 40000, "10.0.0.2", 8000)
            .open()
            .client(Requests.post(Requests.BODY));

    CaptureReading.Result result =
        CaptureReading.read(CaptureReading.ethernetPcap(flow.segments()));

    assertThat(result.only().field("status")).isNull();
    assertThat(result.messages()).isEmpty();
  }

  @Test
  void tlsConnectionIsSkippedWithWarning() throws Exception {
    byte[] clientHello = {0x16, 0x03, 0x01, 0x00, 0x05, 0x01, 0x00, 0x00, 0x01, 0x00};
    TestFlow flow =
        new TestFlow("10.0.0.1", 40000, "10.0.0.2", 443).open().client(clientHello, 1460).close();

    CaptureReading.Result result =
        CaptureReading.read(CaptureReading.ethernetPcap(flow.segments()));

    assertThat(result.records()).isEmpty();
    assertThat(result.messages())
        .containsExactly(
            "warning: test.pcap: packet 4 at byte offset 234: TLS connection 10.0.0.1:40000 ->"
                + " 10.0.0.2:443 skipped: only plaintext HTTP can be read; capture between a"
                + " TLS-terminating proxy and the server instead");
  }

  @Test
  void http2PriorKnowledgeIsSkippedWithWarning() throws Exception {
    CaptureReading.Result result =
        exchange("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n\0\0\0\4\0\0\0\0\0", "\0\0\0\4\0\0\0\0\0");

    assertThat(result.records()).isEmpty();
    assertThat(result.messages())
        .containsExactly(
            "warning: test.pcap: packet 4 at byte offset 234: HTTP/2 connection 10.0.0.1:40000 ->"
                + " 10.0.0.2:8000 skipped: only HTTP/1.x requests are read");
  }

  @Test
  void h2cUpgradeSkipsRestOfConnection() throws Exception {
    String upgrade =
        "POST /v1/chat/completions HTTP/1.1\r\nHost: h\r\nConnection: Upgrade, HTTP2-Settings\r\n"
            + "Upgrade: h2c\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\nContent-Length: 2\r\n\r\n{}";
    TestFlow flow =
        new TestFlow("10.0.0.1", 40000, "10.0.0.2", 8000)
            .open()
            .client(upgrade)
            .server(
                "HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: h2c\r\n\r\n")
            .client("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n\0\0\0\4\0\0\0\0\0")
            .close();

    CaptureReading.Result result =
        CaptureReading.read(CaptureReading.ethernetPcap(flow.segments()));

    assertThat(result.only().field("status").rawText()).isEqualTo("101");
    assertThat(result.messages())
        .containsExactly(
            "warning: test.pcap: packet 5 at byte offset 465: HTTP/2 connection 10.0.0.1:40000 ->"
                + " 10.0.0.2:8000 skipped: only HTTP/1.x requests are read");
  }

  @Test
  void websocketUpgradeSkipsRestOfConnection() throws Exception {
    TestFlow flow =
        new TestFlow("10.0.0.1", 40000, "10.0.0.2", 8000)
            .open()
            .client(
                "GET /v1/realtime HTTP/1.1\r\nHost: h\r\nConnection: Upgrade\r\n"
                    + "Upgrade: websocket\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n")
            .server(
                "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n")
            .client("\u0081\u0085binary frame")
            .close();

    CaptureReading.Result result =
        CaptureReading.read(CaptureReading.ethernetPcap(flow.segments()));

    assertThat(result.only().field("status").rawText()).isEqualTo("101");
    assertThat(result.messages())
        .containsExactly(
            "warning: test.pcap: packet 5 at byte offset 455: connection 10.0.0.1:40000 ->"
                + " 10.0.0.2:8000 switched to another protocol (Upgrade: websocket); the rest of it"
                + " is skipped");
  }

  @Test
  void midConnectionResponseFirstFindsClient() throws Exception {
    TestFlow flow =
        new TestFlow("10.0.0.1", 40000, "10.0.0.2", 8000)
            .open()
            .client(Requests.get("/v1/a"))
            .server(Requests.response(200))
            .client(Requests.get("/v1/b"))
            .server(Requests.response(204))
            .close();
    // The capture starts with the first response, so the server speaks first.
    List<TestFlow.Segment> segments = flow.segments().subList(4, flow.segments().size());

    CaptureReading.Result result = CaptureReading.read(CaptureReading.ethernetPcap(segments));

    assertThat(result.only().field("client").rawText()).isEqualTo("\"10.0.0.1:40000\"");
    assertThat(result.only().field("path").rawText()).isEqualTo("\"/v1/b\"");
    assertThat(result.only().field("status").rawText()).isEqualTo("204");
  }

  @Test
  void midConnectionTlsIsSkippedWithWarning() throws Exception {
    byte[] record = {0x17, 0x03, 0x03, 0x00, 0x04, 1, 2, 3, 4};
    TestFlow flow =
        new TestFlow("10.0.0.1", 40000, "10.0.0.2", 443).open().client(record, 9).client(record, 9);
    List<TestFlow.Segment> segments = flow.segments().subList(3, flow.segments().size());

    CaptureReading.Result result = CaptureReading.read(CaptureReading.ethernetPcap(segments));

    assertThat(result.records()).isEmpty();
    assertThat(result.messages())
        .containsExactly(
            "warning: test.pcap: packet 1 at byte offset 24: TLS connection 10.0.0.1:40000 ->"
                + " 10.0.0.2:443 skipped: only plaintext HTTP can be read; capture between a"
                + " TLS-terminating proxy and the server instead");
  }

  @Test
  void nonHttpConnectionIsIgnoredSilently() throws Exception {
    CaptureReading.Result result = exchange("SSH-2.0-OpenSSH_9.2\r\n", "SSH-2.0-OpenSSH_9.2\r\n");

    assertThat(result.records()).isEmpty();
    assertThat(result.messages()).isEmpty();
  }

  @Test
  void gzipBodyIsKeptAsSent() throws Exception {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
      gzip.write(Requests.BODY.getBytes(StandardCharsets.UTF_8));
    }
    byte[] body = compressed.toByteArray();
    byte[] headers =
        ("POST /v1/chat/completions HTTP/1.1\r\nHost: h\r\nContent-Encoding: gzip\r\n"
                + "Content-Length: "
                + body.length
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    byte[] request = new byte[headers.length + body.length];
    System.arraycopy(headers, 0, request, 0, headers.length);
    System.arraycopy(body, 0, request, headers.length, body.length);
    TestFlow flow =
        new TestFlow("10.0.0.1", 40000, "10.0.0.2", 8000)
            .open()
            .client(request, 1460)
            .server(Requests.OK)
            .close();

    InputRecord record = CaptureReading.read(CaptureReading.ethernetPcap(flow.segments())).only();

    assertThat(record.body().bytes()).isEqualTo(body);
    assertThat(record.field("model").rawText()).isEqualTo("\"gpt-test\"");
    assertThat(record.field("content_encoding").rawText()).isEqualTo("\"gzip\"");
  }

  @Test
  void binaryMultipartBodyIsKeptByteForByte() throws Exception {
    byte[] file = new byte[3000];
    for (int i = 0; i < file.length; i++) {
      file[i] = (byte) (i * 31 + 7);
    }
    String boundary = "----sdcapboundary";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\";"
                + " filename=\"a.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    body.writeBytes(file);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    byte[] bodyBytes = body.toByteArray();
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    request.writeBytes(
        ("POST /v1/files HTTP/1.1\r\nHost: h\r\nContent-Type: multipart/form-data; boundary="
                + boundary
                + "\r\nContent-Length: "
                + bodyBytes.length
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    request.writeBytes(bodyBytes);
    TestFlow flow =
        new TestFlow("10.0.0.1", 40000, "10.0.0.2", 8000)
            .open()
            .client(request.toByteArray(), 1000)
            .server(Requests.OK)
            .close();

    InputRecord record = CaptureReading.read(CaptureReading.ethernetPcap(flow.segments())).only();

    assertThat(record.body().bytes()).isEqualTo(bodyBytes);
    assertThat(record.field("model").rawText()).isEqualTo("null");
  }

  @Test
  void garbageBetweenRequestsIsReportedAndSkipped() throws Exception {
    CaptureReading.Result result =
        exchange(Requests.get("/v1/a") + "\u0001\u0002junk\r\n" + Requests.get("/v1/b"), "");

    assertThat(result.records())
        .extracting(r -> r.field("path").rawText())
        .containsExactly("\"/v1/a\"", "\"/v1/b\"");
    assertThat(result.messages())
        .containsExactly(
            "damaged: test.pcap: packet 4 at byte offset 234: bytes in 10.0.0.1:40000 ->"
                + " 10.0.0.2:8000 at a request boundary are not an HTTP request; looking for the"
                + " next request line");
  }

  @Test
  void chunkStreamThatNeverEndsIsIncomplete() throws Exception {
    TestFlow flow =
        new TestFlow("10.0.0.1", 40000, "10.0.0.2", 8000)
            .open()
            .client("POST /v1/x HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n")
            .client("5\r\nhello\r\n")
            .client("5\r\nworld\r\n")
            .close();

    CaptureReading.Result result =
        CaptureReading.read(CaptureReading.ethernetPcap(flow.segments()));

    assertThat(body(result.only())).isEqualTo("helloworld");
    assertThat(result.only().field("capture_incomplete").rawText()).isEqualTo("true");
    assertThat(result.messages())
        .containsExactly(
            "damaged: test.pcap: packet 7 at byte offset 524: the connection 10.0.0.1:40000 ->"
                + " 10.0.0.2:8000 ended inside a chunked request body");
  }

  @Test
  void hugeContentLengthIsReportedAndBounded() throws Exception {
    CaptureLimits limits =
        new CaptureLimits(65536, 1000, 1 << 20, 100, 300_000_000_000L, 100, 1 << 20);
    TestFlow flow =
        new TestFlow("10.0.0.1", 40000, "10.0.0.2", 8000)
            .open()
            .client("POST /v1/x HTTP/1.1\r\nHost: h\r\nContent-Length: 4294967296\r\n\r\n")
            .client("a".repeat(1500))
            .close();

    CaptureReading.Result result =
        CaptureReading.read(
            CaptureReading.ethernetPcap(flow.segments()),
            CaptureOptions.everything().withLimits(limits));

    InputRecord record = result.only();
    assertThat(record.body().bytes()).hasSize(1000);
    assertThat(record.field("body_dropped_bytes").rawText()).isEqualTo("500");
    assertThat(record.field("missing_bytes").rawText()).isEqualTo("" + (4294967296L - 1500));
    assertThat(result.messages())
        .containsExactly(
            "damaged: test.pcap: packet 4 at byte offset 234: request in 10.0.0.1:40000 ->"
                + " 10.0.0.2:8000 announces Content-Length 4294967296, beyond the limit of 1000 body"
                + " bytes (raise it with --max-body-size); only the first 1000 bytes are kept",
            "damaged: test.pcap: packet 7 at byte offset 2004: the connection 10.0.0.1:40000 ->"
                + " 10.0.0.2:8000 ended 4294965796 bytes before the end of a request body announced"
                + " by Content-Length");
  }

  @Test
  void http10AndHttp09RequestsAreRead() throws Exception {
    CaptureReading.Result result =
        exchange("GET /v1/models HTTP/1.0\r\n\r\n", "HTTP/1.0 200 OK\r\n\r\nbody");

    assertThat(result.only().field("http_version").rawText()).isEqualTo("\"HTTP/1.0\"");
    assertThat(result.only().field("status").rawText()).isEqualTo("200");
  }

  @Test
  void absoluteFormTargetMatchesPathPrefix() throws Exception {
    TestFlow flow =
        new TestFlow("10.0.0.1", 40000, "10.0.0.2", 8000)
            .open()
            .client("GET http://localhost:8000/v1/models HTTP/1.1\r\nHost: localhost\r\n\r\n")
            .client(Requests.get("/health"))
            .client(Requests.get("/openai/v1/models"))
            .close();

    CaptureReading.Result result =
        CaptureReading.read(
            CaptureReading.ethernetPcap(flow.segments()), CaptureOptions.defaults());

    assertThat(result.records())
        .extracting(r -> r.field("path").rawText())
        .containsExactly("\"http://localhost:8000/v1/models\"", "\"/openai/v1/models\"");
  }

  @Test
  void methodAndPortFiltersApply() throws Exception {
    List<TestFlow.Segment> segments = new java.util.ArrayList<>();
    segments.addAll(
        new TestFlow("10.0.0.1", 40000, "10.0.0.2", 8000)
            .open()
            .client(Requests.get("/v1/models") + Requests.post("{}"))
            .close()
            .segments());
    segments.addAll(
        new TestFlow("10.0.0.1", 40001, "10.0.0.2", 9000)
            .open()
            .client(Requests.post("{}"))
            .close()
            .segments());
    CaptureOptions options = new CaptureOptions(List.of(8000), List.of(), List.of("POST"));

    CaptureReading.Result result =
        CaptureReading.read(CaptureReading.ethernetPcap(segments), options);

    assertThat(result.only().field("client").rawText()).isEqualTo("\"10.0.0.1:40000\"");
    assertThat(result.only().field("method").rawText()).isEqualTo("\"POST\"");
  }

  @Test
  void recordsAreOrderedByTimeOfLastByte() throws Exception {
    TestFlow slow = new TestFlow("10.0.0.1", 40000, "10.0.0.2", 8000).open();
    TestFlow fast = new TestFlow("10.0.0.3", 40001, "10.0.0.2", 8000).open();
    String request = Requests.post("{\"model\":\"slow\"}");
    slow.client(request.substring(0, 20));
    fast.client(Requests.post("{\"model\":\"fast\"}")).server(Requests.OK);
    slow.client(request.substring(20)).server(Requests.OK);
    List<TestFlow.Segment> segments = new java.util.ArrayList<>();
    segments.addAll(slow.segments().subList(0, 4));
    segments.addAll(fast.segments());
    segments.addAll(slow.segments().subList(4, slow.segments().size()));

    CaptureReading.Result result = CaptureReading.read(CaptureReading.ethernetPcap(segments));

    assertThat(result.records())
        .extracting(r -> r.field("model").rawText())
        .containsExactly("\"fast\"", "\"slow\"");
  }
}
