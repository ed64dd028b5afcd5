package org.sdcap.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FieldNamesTest {

  @Test
  void defaultsAreTheV1Names() {
    FieldNames names = FieldNames.defaults();

    assertThat(names.name(FieldRole.TS)).isEqualTo("ts");
    assertThat(names.name(FieldRole.CLIENT)).isEqualTo("client");
    assertThat(names.name(FieldRole.CLIENT_IP)).isEqualTo("client_ip");
    assertThat(names.name(FieldRole.BODY_TRUNCATED_BYTES)).isEqualTo("body_truncated_bytes");
    assertThat(names.overrides()).isEmpty();
  }

  @Test
  void mappingsReplaceOnlyTheirRoles() {
    FieldNames names = FieldNames.parse(List.of("client=client_ip", "user_agent=ua"));

    assertThat(names.name(FieldRole.CLIENT)).isEqualTo("client_ip");
    assertThat(names.name(FieldRole.USER_AGENT)).isEqualTo("ua");
    assertThat(names.name(FieldRole.MODEL)).isEqualTo("model");
    assertThat(names.overrides()).containsExactly("client=client_ip", "user_agent=ua");
  }

  @Test
  void nameMayContainEqualsSign() {
    assertThat(FieldNames.parse(List.of("model=a=b")).name(FieldRole.MODEL)).isEqualTo("a=b");
  }

  @Test
  void unknownRoleListsTheValidRoles() {
    assertThatThrownBy(() -> FieldNames.parse(List.of("agent=ua")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "unknown field role \"agent\" in \"agent=ua\". Valid roles: ts, status, path, client,"
                + " client_ip, model, user_agent, x_forwarded_for, x_real_ip, x_forwarded_host,"
                + " host, referer, auth_prefix, body, body_b64, body_head, body_tail, body_bytes,"
                + " body_truncated_bytes");
  }

  @Test
  void mappingWithoutNameIsRejected() {
    for (String spec : List.of("client", "client=", "=ip")) {
      assertThatThrownBy(() -> FieldNames.parse(List.of(spec)))
          .hasMessage(
              "invalid field mapping \""
                  + spec
                  + "\": expected ROLE=NAME, for example"
                  + " client=client_ip");
    }
  }

  @Test
  void repeatedRoleIsRejected() {
    assertThatThrownBy(() -> FieldNames.parse(List.of("model=a", "model=b")))
        .hasMessage("field role \"model\" is mapped more than once");
  }
}
