package org.sdcap.input;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {

  private final RecordingDiagnostics diagnostics = new RecordingDiagnostics();

  @Test
  void segmentsCarryLineNumbersOffsetsAndNewlines() throws IOException {
    List<String> segments = split("a\r\n\n\0\0\0b\0\nc", 100);

    assertThat(segments)
        .containsExactly(
            "1@0 line [a\r] newline",
            "2@0 line [] newline",
            "3@0 nul 3",
            "3@3 line [b\0] newline",
            "4@0 line [c]");
  }

  @Test
  void nulRunAtEndOfInputHasNoNewline() throws IOException {
    assertThat(split("x\n\0\0", 100)).containsExactly("1@0 line [x] newline", "2@0 nul 2");
  }

  @Test
  void longLineFailsBeforeItIsBufferedWhole() throws IOException {
    int max = 3 << 20;
    byte[] input = new byte[10 << 20];
    java.util.Arrays.fill(input, (byte) 'x');
    LineReader reader = new LineReader(new ByteArrayInputStream(input), "big", max, diagnostics);

    assertThatThrownBy(reader::next)
        .isInstanceOf(InputException.class)
        .hasMessage(
            "big:1: line is longer than the maximum of 3145728 bytes (3 MiB). Raise the limit with"
                + " --max-line-bytes (up to 2147483583 bytes).");
    assertThat(reader.bufferCapacity()).isLessThanOrEqualTo(max + 1);
  }

  @Test
  void manyLinesThroughSmallBufferAreSplitExactly() throws IOException {
    StringBuilder input = new StringBuilder();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      String line = "line " + i + " " + "x".repeat(i % 90);
      input.append(line).append('\n');
      expected.add((i + 1) + "@0 line [" + line + "] newline");
    }

    List<String> segments = split(input.toString(), 100);

    assertThat(segments).isEqualTo(expected);
  }

  @Test
  void sameSegmentsWhateverTheReadSizes() throws IOException {
    String input = "{\"a\":1}\n\0\0\0\0\0{}\r\n\n" + "y".repeat(300) + "\n\0\0\0";
    List<String> expected = split(input, 400);

    for (long seed = 0; seed < 20; seed++) {
      InputStream chunks = ChunkedInputStream.randomChunks(input.getBytes(ISO_8859_1), seed, 13);
      assertThat(split(chunks, 400)).as("seed %d", seed).isEqualTo(expected);
    }
    InputStream oneByte = ChunkedInputStream.oneByteAtATime(input.getBytes(ISO_8859_1));
    assertThat(split(oneByte, 400)).isEqualTo(expected);
  }

  private List<String> split(String input, int maxLineBytes) throws IOException {
    return split(new ByteArrayInputStream(input.getBytes(ISO_8859_1)), maxLineBytes);
  }

  private List<String> split(InputStream in, int maxLineBytes) throws IOException {
    LineReader reader = new LineReader(in, "test", maxLineBytes, diagnostics);
    List<String> segments = new ArrayList<>();
    while (reader.next()) {
      String where = reader.lineNumber() + "@" + reader.offsetInLine() + " ";
      String what =
          reader.isNulRun()
              ? "nul " + reader.segmentLength()
              : "line ["
                  + new String(
                      reader.buffer(), reader.segmentStart(), reader.segmentLength(), ISO_8859_1)
                  + "]";
      segments.add(where + what + (reader.endsWithNewline() ? " newline" : ""));
    }
    return segments;
  }
}
