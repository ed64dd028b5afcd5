package org.sdcap.delta;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class DeltaCodecTest {

  private static final String[] WORDS = {
    "the",
    "tool",
    "\"result\"",
    "{\"role\":\"user\"}",
    "héllo",
    "naïve",
    "日本語",
    "😀",
    "🚀x",
    "\\n",
    "über",
    "ß",
    "中文测试",
    "ok",
    " ",
    ",",
    "\u00e9",
    "a\u0301",
    "𝄞"
  };

  @TestFactory
  Stream<DynamicTest> utf8EditsRoundTrip() {
    return LongStream.range(1, 301)
        .mapToObj(
            seed ->
                DynamicTest.dynamicTest(
                    "seed " + seed,
                    () -> {
                      Random random = new Random(seed);
                      String parent = randomText(random, random.nextInt(3000));
                      String child = mutate(random, parent);
                      assertRoundTrip(
                          seed,
                          parent.getBytes(StandardCharsets.UTF_8),
                          child.getBytes(StandardCharsets.UTF_8),
                          BodyEncoding.UTF8);
                    }));
  }

  @TestFactory
  Stream<DynamicTest> latin1EditsRoundTrip() {
    return LongStream.range(1, 101)
        .mapToObj(
            seed ->
                DynamicTest.dynamicTest(
                    "seed " + seed,
                    () -> {
                      Random random = new Random(seed);
                      byte[] parent = new byte[random.nextInt(4000)];
                      random.nextBytes(parent);
                      byte[] child = mutateBytes(random, parent);
                      assertRoundTrip(seed, parent, child, BodyEncoding.LATIN1);
                    }));
  }

  @Test
  void emojiBeforePrefixBoundaryIsNotSplit() {
    // Both bodies share the first three bytes of the 4-byte emoji U+1F600 and U+1F601.
    byte[] parent = "ab😀cd".getBytes(StandardCharsets.UTF_8);
    byte[] child = "ab😁cd".getBytes(StandardCharsets.UTF_8);

    Delta delta = encode(child, parent, BodyEncoding.UTF8);

    assertThat(delta.prefixUnits()).isEqualTo(2);
    assertThat(delta.suffixUnits()).isEqualTo(2);
    assertThat(middleText(child, delta)).isEqualTo("😁");
  }

  @Test
  void offsetsCountCodePointsNotUtf16Units() {
    String shared = "😀".repeat(40) + "x".repeat(100);
    byte[] parent = (shared + "parent-end").getBytes(StandardCharsets.UTF_8);
    byte[] child = (shared + "child-end").getBytes(StandardCharsets.UTF_8);

    Delta delta = encode(child, parent, BodyEncoding.UTF8);

    assertThat(delta.prefixUnits()).isEqualTo(140);
    assertThat(delta.suffixUnits()).isEqualTo(4);
  }

  @Test
  void smallEditNearStartCopiesTheHistory() {
    String history = "{\"role\":\"user\",\"content\":\"step\"},".repeat(2000);
    byte[] parent = ("cch=aaaa;" + history + "tools").getBytes(StandardCharsets.UTF_8);
    byte[] child = ("cch=bbbb;" + history + "more" + "tools").getBytes(StandardCharsets.UTF_8);

    Delta delta = encode(child, parent, BodyEncoding.UTF8);

    assertThat(DeltaEncoder.estimatedCost(delta)).isLessThan(100);
    assertThat(delta.isPlainString()).isFalse();
  }

  private static void assertRoundTrip(long seed, byte[] parent, byte[] child, BodyEncoding encoding)
      throws DeltaException {
    TextUnits parentUnits = TextUnits.of(parent, encoding);
    Delta delta = encode(child, parent, encoding);
    byte[] rebuilt =
        DeltaApplier.apply(
            parentUnits, delta.prefixUnits(), delta.suffixUnits(), parsed(child, delta));
    assertThat(rebuilt).as("seed %d", seed).isEqualTo(child);

    byte[] fromRoot =
        DeltaApplier.apply(
            null, 0, 0, parsed(child, DeltaEncoder.root(TextUnits.of(child, encoding))));
    assertThat(fromRoot).as("root, seed %d", seed).isEqualTo(child);
  }

  private static Delta encode(byte[] child, byte[] parent, BodyEncoding encoding) {
    TextUnits parentUnits = TextUnits.of(parent, encoding);
    return DeltaEncoder.encode(
        TextUnits.of(child, encoding),
        parentUnits,
        () -> CopyIndex.build(parent),
        encoding == BodyEncoding.UTF8);
  }

  private static List<DeltaApplier.ParsedPiece> parsed(byte[] child, Delta delta) {
    List<DeltaApplier.ParsedPiece> pieces = new ArrayList<>();
    for (Delta.Piece piece : delta.pieces()) {
      if (piece instanceof Delta.Literal literal) {
        pieces.add(
            new DeltaApplier.LiteralBytes(
                Arrays.copyOfRange(child, literal.byteStart(), literal.byteEnd())));
      } else if (piece instanceof Delta.Copy copy) {
        pieces.add(new DeltaApplier.Copy(copy.parentUnitOffset(), copy.unitLength()));
      }
    }
    return pieces;
  }

  private static String middleText(byte[] child, Delta delta) {
    StringBuilder text = new StringBuilder();
    for (Delta.Piece piece : delta.pieces()) {
      Delta.Literal literal = (Delta.Literal) piece;
      text.append(
          new String(
              child,
              literal.byteStart(),
              literal.byteEnd() - literal.byteStart(),
              StandardCharsets.UTF_8));
    }
    return text.toString();
  }

  private static String randomText(Random random, int words) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < words; i++) {
      text.append(WORDS[random.nextInt(WORDS.length)]);
    }
    return text.toString();
  }

  private static String mutate(Random random, String parent) {
    StringBuilder child = new StringBuilder(parent);
    int edits = random.nextInt(6);
    for (int e = 0; e < edits; e++) {
      int at = codePointBoundary(child, random.nextInt(child.length() + 1));
      switch (random.nextInt(3)) {
        case 0 -> child.insert(at, randomText(random, random.nextInt(50)));
        case 1 -> {
          int end = codePointBoundary(child, Math.min(child.length(), at + random.nextInt(200)));
          child.delete(at, end);
        }
        default -> {
          int from = codePointBoundary(child, random.nextInt(child.length() + 1));
          int to = codePointBoundary(child, Math.min(child.length(), from + random.nextInt(500)));
          child.insert(at, child.substring(from, to));
        }
      }
    }
    return child.toString();
  }

  private static byte[] mutateBytes(Random random, byte[] parent) {
    byte[] child = Arrays.copyOf(parent, parent.length + random.nextInt(64));
    for (int i = parent.length; i < child.length; i++) {
      child[i] = (byte) random.nextInt(256);
    }
    if (child.length > 10) {
      child[random.nextInt(child.length)] ^= 0x5A;
    }
    return child;
  }

  private static int codePointBoundary(CharSequence text, int index) {
    if (index > 0 && index < text.length() && Character.isLowSurrogate(text.charAt(index))) {
      return index - 1;
    }
    return index;
  }
}
