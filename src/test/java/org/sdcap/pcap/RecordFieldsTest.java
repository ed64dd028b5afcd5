package org.sdcap.pcap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.sdcap.input.InputRecord;

/** The fields of a record: names, order, null for absent headers, byte-exact values. */
class RecordFieldsTest {

  private static InputRecord readOne(byte[] request) throws Exception {
    TestFlow flow =
        new TestFlow("10.0.0.1", 40000, "10.0.0.2", 8000).open().client(request, 1460).close();
    return CaptureReading.read(CaptureReading.ethernetPcap(flow.segments())).only();
  }

  private static InputRecord readOne(String request) throws Exception {
    return readOne(request.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void getHasNullHeadersAndNoBody() throws Exception {
    InputRecord record = readOne("GET /v1/models HTTP/1.1\r\n\r\n");

    assertThat(RecordJson.line(record))
        .isEqualTo(
            "{\"ts\":1700000000.003000,\"client\":\"10.0.0.1:40000\",\"method\":\"GET\","
                + "\"path\":\"/v1/models\",\"host\":null,\"user_agent\":null,"
                + "\"x_forwarded_for\":null,\"x_real_ip\":null,\"x_forwarded_host\":null,"
                + "\"referer\":null,\"auth_prefix\":null,\"model\":null}");
    assertThat(record.body()).isNull();
  }

  @Test
  void forwardingHeadersKeepOrder() throws Exception {
    InputRecord record =
        readOne(
            "POST /v1/messages HTTP/1.1\r\n"
                + "helicone-session-id: h-1\r\n"
                + "Session_Id: s-1\r\n"
                + "X-Claude-Code-Session-Id: c-1\r\n"
                + "Referer: http://app/\r\n"
                + "X-Forwarded-For: 1.2.3.4\r\n"
                + "X-Forwarded-For: 5.6.7.8\r\n"
                + "X-Real-IP: 1.2.3.4\r\n"
                + "X-Forwarded-Host: api.example\r\n"
                + "X-OpenWebUI-Chat-Id: w-1\r\n"
                + "thread_id: t-1\r\n"
                + "Content-Length: 0\r\n\r\n");

    assertThat(RecordJson.line(record))
        .isEqualTo(
            "{\"ts\":1700000000.003000,\"client\":\"10.0.0.1:40000\",\"method\":\"POST\","
                + "\"path\":\"/v1/messages\",\"host\":null,\"user_agent\":null,"
                + "\"x_forwarded_for\":\"1.2.3.4, 5.6.7.8\",\"x_real_ip\":\"1.2.3.4\","
                + "\"x_forwarded_host\":\"api.example\",\"referer\":\"http://app/\","
                + "\"auth_prefix\":null,\"model\":null,\"x_claude_code_session_id\":\"c-1\","
                + "\"x_openwebui_chat_id\":\"w-1\",\"session_id\":\"s-1\",\"thread_id\":\"t-1\","
                + "\"helicone_session_id\":\"h-1\",\"body\":\"\"}");
  }

  @Test
  void nonUtf8HeaderIsKeptAsBase64() throws Exception {
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    request.writeBytes("GET /v1/caf".getBytes(StandardCharsets.US_ASCII));
    request.write(0xE9);
    request.writeBytes(" HTTP/1.1\r\nUser-Agent: na".getBytes(StandardCharsets.US_ASCII));
    request.write(0xEF);
    request.writeBytes("ve\r\nHost: h\u00e9\r\n\r\n".getBytes(StandardCharsets.UTF_8));

    InputRecord record = readOne(request.toByteArray());

    assertThat(record.field("path")).isNull();
    assertThat(record.field("path_b64").rawText()).isEqualTo("\"L3YxL2NhZuk=\"");
    assertThat(record.field("user_agent_b64").rawText()).isEqualTo("\"bmHvdmU=\"");
    assertThat(record.field("host").rawText()).isEqualTo("\"h\u00e9\"");
  }

  @Test
  void authPrefixIsCutAfterTwentyFourCharacters() throws Exception {
    InputRecord longKey =
        readOne("GET /v1/a HTTP/1.1\r\nAuthorization: " + Requests.AUTHORIZATION + "\r\n\r\n");
    InputRecord shortKey = readOne("GET /v1/a HTTP/1.1\r\nauthorization: Bearer sk-x\r\n\r\n");

    assertThat(longKey.field("auth_prefix").rawText()).isEqualTo("\"Bearer sk-test-012345678...\"");
    // A header the 24-character cut would write whole keeps only its first half.
    assertThat(shortKey.field("auth_prefix").rawText()).isEqualTo("\"Beare...\"");
    assertThat(RecordJson.line(longKey)).doesNotContain("9abcdefghijklmnop");
  }

  @Test
  void modelComesFromTopLevelMemberOnly() throws Exception {
    String body = "{\"metadata\":{\"model\":\"inner\"},\"model\":\"outer\",\"stream\":true}";
    InputRecord record = readOne(Requests.post(body));

    assertThat(record.field("model").rawText()).isEqualTo("\"outer\"");
  }

  @Test
  void positionIsPacketOfRequestLine() throws Exception {
    InputRecord record = readOne(Requests.post(Requests.BODY));

    assertThat(record.position().toString()).isEqualTo("test.pcap: packet 4 at byte offset 234");
  }
}
