package org.sdcap.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the scanner against generated objects whose member spans are known, and against Jackson as
 * the oracle of validity for mutated objects. Each case is one seed; a failure names it.
 */
class JsonScannerPropertyTest {

  private static final JsonFactory JACKSON = new JsonFactory();
  private static final String MUTATION_BYTES = "{}[]:,\"\\ 0123456789.-+eEtrufalsn'\tx";

  static LongStream seeds() {
    return LongStream.range(0, 300);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void generatedObjectsScanToTheirMembers(long seed) throws Exception {
    RandomJson generator = new RandomJson(seed);
    generator.object(12, 5);
    byte[] bytes = generator.bytes();

    ObjectScan scan = JsonScanner.scanObject(bytes, 0, bytes.length);

    List<RandomJson.Member> expected = generator.members();
    assertThat(scan.size()).as("seed %d", seed).isEqualTo(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      RandomJson.Member member = expected.get(i);
      String valueText =
          new String(bytes, scan.valueStart(i), scan.valueEnd(i) - scan.valueStart(i), UTF_8);
      assertThat(scan.name(i)).as("seed %d, member %d name", seed, i).isEqualTo(member.name());
      assertThat(valueText).as("seed %d, member %d value", seed, i).isEqualTo(member.valueText());
      assertThat(scan.type(i)).as("seed %d, member %d type", seed, i).isEqualTo(member.type());
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void stringValuesDecodeAsJacksonDecodesThem(long seed) throws Exception {
    RandomJson generator = new RandomJson(seed);
    generator.object(12, 0);
    byte[] bytes = generator.bytes();
    ObjectScan scan = JsonScanner.scanObject(bytes, 0, bytes.length);

    List<String> jacksonStrings = topLevelStrings(bytes);

    List<String> decoded = new ArrayList<>();
    List<String> decodedFromBytes = new ArrayList<>();
    for (int i = 0; i < scan.size(); i++) {
      if (scan.type(i) == ValueType.STRING) {
        decoded.add(JsonScanner.decodeString(bytes, scan.valueStart(i), scan.valueEnd(i)));
        byte[] utf8 = JsonScanner.decodeStringUtf8(bytes, scan.valueStart(i), scan.valueEnd(i));
        decodedFromBytes.add(Wtf8.decode(utf8));
      }
    }
    assertThat(decoded).as("seed %d", seed).isEqualTo(jacksonStrings);
    assertThat(decodedFromBytes).as("seed %d", seed).isEqualTo(jacksonStrings);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void mutatedObjectsAreValidExactlyWhenJacksonAcceptsThem(long seed) {
    RandomJson generator = new RandomJson(seed);
    Random random = new Random(seed);
    for (int round = 0; round < 20; round++) {
      generator.object(6, 3);
      byte[] bytes = mutate(generator.bytes(), random);
      if (!Utf8.isValid(bytes)) {
        continue;
      }
      String text = JsonText.quote(new String(bytes, UTF_8));

      Boolean jacksonAccepts = jacksonAcceptsOneObject(bytes);
      if (jacksonAccepts == null) {
        continue;
      }
      boolean scannerAccepts;
      try {
        JsonScanner.scanObject(bytes, 0, bytes.length);
        scannerAccepts = true;
      } catch (JsonSyntaxException e) {
        scannerAccepts = false;
      }

      assertThat(scannerAccepts)
          .as("seed %d round %d: %s", seed, round, text)
          .isEqualTo(jacksonAccepts);
    }
  }

  private static byte[] mutate(byte[] bytes, Random random) {
    StringBuilder text = new StringBuilder(new String(bytes, UTF_8));
    int mutations = 1 + random.nextInt(2);
    for (int m = 0; m < mutations && text.length() > 0; m++) {
      int at = random.nextInt(text.length());
      char replacement = MUTATION_BYTES.charAt(random.nextInt(MUTATION_BYTES.length()));
      switch (random.nextInt(3)) {
        case 0 -> text.deleteCharAt(at);
        case 1 -> text.insert(at, replacement);
        default -> text.setCharAt(at, replacement);
      }
    }
    return text.toString().getBytes(UTF_8);
  }

  /**
   * Returns whether Jackson reads exactly one object, or null when Jackson rejects a lone surrogate
   * escape in a member name: JSON allows those, but Jackson 2.21.8 does not.
   */
  private static Boolean jacksonAcceptsOneObject(byte[] bytes) {
    try (JsonParser parser = JACKSON.createParser(bytes)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      int depth = 1;
      while (depth > 0) {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
          depth++;
        } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
          depth--;
        } else if (token == JsonToken.VALUE_STRING) {
          // Jackson checks a string's contents only when its text is read.
          parser.getText();
        }
      }
      // Jackson reads several root values by default; one object is valid only if nothing follows.
      return parser.nextToken() == null;
    } catch (JsonProcessingException e) {
      if (e.getOriginalMessage().contains("surrogate")) {
        return null;
      }
      return false;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static List<String> topLevelStrings(byte[] bytes) throws IOException {
    List<String> strings = new ArrayList<>();
    try (JsonParser parser = JACKSON.createParser(bytes)) {
      parser.nextToken();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        JsonToken value = parser.nextToken();
        if (value == JsonToken.VALUE_STRING) {
          strings.add(parser.getText());
        } else {
          parser.skipChildren();
        }
      }
    }
    return strings;
  }

  /** Decodes generalized UTF-8 (WTF-8) back to UTF-16, keeping encoded lone surrogates. */
  private static final class Wtf8 {
    static String decode(byte[] bytes) {
      StringBuilder text = new StringBuilder();
      int i = 0;
      while (i < bytes.length) {
        int b = bytes[i] & 0xFF;
        if (b < 0x80) {
          text.append((char) b);
          i++;
        } else if (b < 0xE0) {
          text.append((char) (((b & 0x1F) << 6) | (bytes[i + 1] & 0x3F)));
          i += 2;
        } else if (b < 0xF0) {
          text.append(
              (char) (((b & 0x0F) << 12) | ((bytes[i + 1] & 0x3F) << 6) | (bytes[i + 2] & 0x3F)));
          i += 3;
        } else {
          int codePoint =
              ((b & 0x07) << 18)
                  | ((bytes[i + 1] & 0x3F) << 12)
                  | ((bytes[i + 2] & 0x3F) << 6)
                  | (bytes[i + 3] & 0x3F);
          text.appendCodePoint(codePoint);
          i += 4;
        }
      }
      return text.toString();
    }
  }
}
