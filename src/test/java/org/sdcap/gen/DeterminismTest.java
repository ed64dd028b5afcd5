package org.sdcap.gen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DeterminismTest {

  private static final long BYTES = 4L << 20;

  @ParameterizedTest
  @EnumSource(value = OutputFormat.class, names = "DUMPS", mode = EnumSource.Mode.EXCLUDE)
  void sameSeedGivesSameBytes(OutputFormat format) throws Exception {
    String first = sha256(format, 42);
    String second = sha256(format, 42);

    assertThat(second).isEqualTo(first);
  }

  @ParameterizedTest
  @EnumSource(value = OutputFormat.class, names = "DUMPS", mode = EnumSource.Mode.EXCLUDE)
  void otherSeedGivesOtherBytes(OutputFormat format) throws Exception {
    assertThat(sha256(format, 43)).isNotEqualTo(sha256(format, 42));
  }

  private static String sha256(OutputFormat format, long seed)
      throws IOException, NoSuchAlgorithmException {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    OutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), digest);
    try (RequestWriter writer = format.open(sink)) {
      new GenerationJob(seed, GeneratorConfig.defaults(), BYTES, 0).run(writer, List.of());
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
