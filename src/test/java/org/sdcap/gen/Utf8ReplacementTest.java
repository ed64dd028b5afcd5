package org.sdcap.gen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Utf8ReplacementTest {

  // Expected values are what CPython 3.12 returns for bytes.fromhex(HEX).decode("utf-8",
  // "replace"), written with \\uXXXX for U+FFFD.
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "e4b8, \\ufffd",
    "e4b861, \\ufffda",
    "8080616263, \\ufffd\\ufffdabc",
    "eda08078, \\ufffd\\ufffd\\ufffdx",
    "f09f98, \\ufffd",
    "f09f9861, \\ufffda",
    "9f98807a, \\ufffd\\ufffd\\ufffdz",
    "e974e9, \\ufffdt\\ufffd",
    "c0af, \\ufffd\\ufffd",
    "f4908080, \\ufffd\\ufffd\\ufffd\\ufffd",
    "e080af, \\ufffd\\ufffd\\ufffd",
    "f09f9880, \\ud83d\\ude00",
    "c3a9, \\u00e9",
  })
  void decodesLikePythonReplace(String hex, String expectedEscaped) {
    byte[] bytes = hexBytes(hex);

    String decoded = Utf8Replacement.decode(bytes, 0, bytes.length);

    assertThat(escape(decoded)).isEqualTo(expectedEscaped);
  }

  private static byte[] hexBytes(String hex) {
    byte[] bytes = new byte[hex.length() / 2];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    }
    return bytes;
  }

  private static String escape(String text) {
    StringBuilder escaped = new StringBuilder();
    for (char c : text.toCharArray()) {
      escaped.append(c < 0x80 ? String.valueOf(c) : String.format("\\u%04x", (int) c));
    }
    return escaped.toString();
  }
}
