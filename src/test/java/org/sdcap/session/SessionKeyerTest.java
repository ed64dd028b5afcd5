package org.sdcap.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sdcap.input.BodyForm;
import org.sdcap.input.Field;
import org.sdcap.input.InputRecord;
import org.sdcap.input.RequestBody;
import org.sdcap.input.SourcePosition;

class SessionKeyerTest {

  private final SessionKeyer keyer =
      new SessionKeyer(SessionKeyer.defaultComponents(), SessionFieldNames.defaults());

  @Test
  void documentedTestVectorsHold() {
    assertThat(
            keyer.keyOf(
                record(
                    null,
                    List.of(
                        Field.ofString("client", "10.0.0.1:41000"),
                        Field.ofString("model", "gpt-4o"),
                        Field.ofString("user_agent", "curl/8.5.0")))))
        .isEqualTo("1f00336644cbbe2f");

    String body =
        "{\"model\":\"claude-sonnet-4-5\",\"metadata\":{\"user_id\":\"user_"
            + "ab".repeat(32)
            + "_account_11111111-2222-3333-4444-555555555555"
            + "_session_5e0c1f9a-3b7d-4c2e-9f10-2a6b8c4d1e7f\"},\"messages\":[]}";
    assertThat(
            keyer.keyOf(
                record(
                    body,
                    List.of(
                        Field.ofString("client", "[2001:db8:0:0::1]:5000"),
                        Field.ofNull("model"),
                        Field.ofString("user_agent", "claude-cli/2.0.14 (external, cli)")))))
        .isEqualTo("e0555435b9d1f107");

    assertThat(keyer.keyOf(record(null, List.of()))).isEqualTo("9a68ed54655dc2c4");
  }

  @Test
  void canonicalTextEscapesLikeJson() {
    SessionKeyer ipAndAgent =
        new SessionKeyer(
            List.of(KeyComponent.USER_AGENT, KeyComponent.IP), SessionFieldNames.defaults());
    InputRecord record =
        record(
            null,
            List.of(
                Field.ofString("x_real_ip", "203.0.113.9"),
                Field.ofString("user_agent", "Mozilla/5.0 \"quoted\"\n")));

    assertThat(ipAndAgent.canonicalText(record))
        .isEqualTo(
            "sdcap-session-key 1\nip=\"203.0.113.9\"\nuser_agent=\"Mozilla/5.0 \\\"quoted\\\"\\n\"\n");
    assertThat(ipAndAgent.keyOf(record)).isEqualTo("a685b9555708ff6d");
  }

  @Test
  void forwardedForWinsOverRealIpAndClient() {
    InputRecord record =
        record(
            null,
            List.of(
                Field.ofString("client", "127.0.0.1:9"),
                Field.ofString("x_real_ip", "10.9.9.9"),
                Field.ofString("x_forwarded_for", " 198.51.100.7, 10.0.0.2")));

    assertThat(keyer.clientIp(record)).isEqualTo("198.51.100.7");
  }

  @ParameterizedTest
  @CsvSource({
    "'::1:54321', true, '::1'",
    "'[::1]:8080', true, '::1'",
    "'0:0:0:0:0:0:0:1', false, '::1'",
    "'2001:DB8:0:0:0:0:2:1', false, '2001:db8::2:1'",
    "'[::ffff:192.0.2.1]:80', true, '192.0.2.1'",
    "'192.0.2.1:443', true, '192.0.2.1'",
    "'192.0.2.1', false, '192.0.2.1'",
    "'fe80::1%eth0', false, 'fe80::1%eth0'",
    "'testclient:50000', true, 'testclient'",
    "'unknown', false, 'unknown'",
    "'2001:db8::1:0:0:1', false, '2001:db8::1:0:0:1'",
    "'2001:0:0:1:0:0:0:1', false, '2001:0:0:1::1'",
  })
  void ipAddressesNormalize(String input, boolean hasPort, String expected) {
    assertThat(IpAddresses.normalize(input, hasPort)).isEqualTo(expected);
  }

  @Test
  void conversationIdComesFromHeadersBeforeBody() {
    String body = "{\"prompt_cache_key\":\"from-body\"}";
    List<Field> fields = new ArrayList<>();
    fields.add(Field.ofString("X-OpenWebUI-Chat-Id", "chat-42"));

    assertThat(keyer.canonicalText(record(body, fields))).contains("conversation=\"chat-42\"");
    assertThat(keyer.canonicalText(record(body, List.of()))).contains("conversation=\"from-body\"");
  }

  @Test
  void userIdHoldingJsonGivesItsSessionId() {
    assertThat(
            BodyFields.sessionOfUserId(
                "{\"device_id\":\"d\",\"account_uuid\":\"a\",\"session_id\":\"s-1\"}"))
        .isEqualTo("s-1");
    assertThat(BodyFields.sessionOfUserId("user_abc_account__session_")).isNull();
  }

  private static InputRecord record(String body, List<Field> fields) {
    return new InputRecord(
        SourcePosition.ofLine("t", 1),
        fields,
        body == null
            ? null
            : RequestBody.whole(
                body.getBytes(StandardCharsets.UTF_8), BodyForm.STRING, "body", -1));
  }
}
