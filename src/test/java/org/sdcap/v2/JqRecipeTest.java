package org.sdcap.v2;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdcap.encode.EncodeOptions;
import org.sdcap.encode.Encoder;
import org.sdcap.input.BodyForm;
import org.sdcap.input.Field;
import org.sdcap.input.InputRecord;
import org.sdcap.input.RequestBody;
import org.sdcap.input.SourcePosition;
import org.sdcap.session.SessionFieldNames;
import org.sdcap.session.SessionKeyer;

class JqRecipeTest {

  @TempDir Path temp;

  @Test
  void jqRebuildsEveryRecordLikeReconstruct() throws Exception {
    SessionKeyer keyer =
        new SessionKeyer(SessionKeyer.defaultComponents(), SessionFieldNames.defaults());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Encoder encoder =
        new Encoder(new EncodeOptions(keyer, "ts", 3600, 1 << 24, 5, 0), new V2Writer(out, 0));

    Random random = new Random(7);
    String history = "{\"model\":\"m\",\"messages\":[";
    List<Object[]> expected = new ArrayList<>();
    Map<String, Integer> seqs = new HashMap<>();
    for (int i = 0; i < 30; i++) {
      history += "{\"role\":\"user\",\"content\":\"turn " + i + " — 😀 日本 é\"},";
      String body = "cch=" + random.nextInt(100000) + ";" + history + "\"tools\":[\"t\"]}";
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      if (i % 7 == 6) {
        bytes = new byte[] {(byte) 0xff, 0, (byte) 0x80, 'a', (byte) 0xc3};
      }
      InputRecord record =
          new InputRecord(
              SourcePosition.ofLine("t", i + 1),
              List.of(Field.ofString("client", "10.1.1.1:1"), Field.ofString("user_agent", "u")),
              RequestBody.whole(bytes, BodyForm.STRING, "body", -1));
      String key = keyer.keyOf(record);
      expected.add(new Object[] {key, seqs.merge(key, 1, Integer::sum), bytes});
      encoder.encode(record);
    }
    encoder.finish();
    Path v2 = temp.resolve("v2.jsonl");
    Files.write(v2, out.toByteArray());
    Path recipe = temp.resolve("rebuild.jq");
    Files.writeString(recipe, JqRecipe.text());

    for (Object[] entry : expected) {
      String key = (String) entry[0];
      int seq = (Integer) entry[1];
      Reconstructor reconstructor = new Reconstructor(key, seq, 1 << 26);
      reconstructor.read(new ByteArrayInputStream(out.toByteArray()), "v2");
      byte[] rebuilt = reconstructor.finish().body();

      byte[] fromJq = runJq(recipe, v2, key, seq);
      if (reconstructor.finish().record().encoding() != org.sdcap.delta.BodyEncoding.UTF8) {
        fromJq = new String(fromJq, StandardCharsets.UTF_8).getBytes(StandardCharsets.ISO_8859_1);
      }
      assertThat(fromJq).as("record %d", seq).isEqualTo(rebuilt);
      assertThat(rebuilt).as("record %d", seq).isEqualTo((byte[]) entry[2]);
    }
  }

  private static byte[] runJq(Path recipe, Path v2, String key, int seq) throws Exception {
    Process process =
        new ProcessBuilder(
                "jq",
                "-n",
                "-j",
                "--arg",
                "s",
                key,
                "--argjson",
                "n",
                Integer.toString(seq),
                "-f",
                recipe.toString(),
                v2.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor()).as("jq exit code").isZero();
    return output;
  }
}
