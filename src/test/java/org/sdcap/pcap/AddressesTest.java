package org.sdcap.pcap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Endpoint formatting: IPv4 dotted, IPv6 in the RFC 5952 form inside brackets. */
class AddressesTest {

  @ParameterizedTest
  @CsvSource({
    "127.0.0.1, 127.0.0.1:8000",
    "::1, [::1]:8000",
    "::, [::]:8000",
    "2001:db8:0:0:1:0:0:1, [2001:db8::1:0:0:1]:8000",
    "2001:0db8:0000:0000:0000:0000:0002:0001, [2001:db8::2:1]:8000",
    "2001:db8:0:1:1:1:1:1, [2001:db8:0:1:1:1:1:1]:8000",
    "fe80:0:0:0:0:0:0:0, [fe80::]:8000",
  })
  void endpointIsFormatted(String address, String expected) {
    assertThat(Addresses.endpoint(TestFlow.address(address), 8000)).isEqualTo(expected);
  }

  @Test
  void ipv4MappedAddressKeepsDottedPart() {
    byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 192, 0, 2, 1};

    assertThat(Addresses.endpoint(mapped, 8000)).isEqualTo("[::ffff:192.0.2.1]:8000");
  }
}
