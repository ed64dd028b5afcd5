package org.sdcap.pcap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.sdcap.input.Diagnostics;
import org.sdcap.input.SourcePosition;

/**
 * Feeds one direction of random segments (overlapping, duplicated, reordered, some dropped) to
 * {@link TcpStream} and checks that every delivered byte is the original byte at its offset, that
 * gaps cover exactly the bytes never sent, and that nothing is reported as a conflict.
 */
class TcpStreamPropertyTest {

  /** Records what the stream delivers, byte offsets included. */
  private static final class Recorder implements StreamConsumer {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final List<long[]> gaps = new ArrayList<>();
    long next;
    int conflicts;
    boolean ended;

    @Override
    public void data(byte[] b, int from, int length, long streamOffset, TcpSegment segment) {
      assertThat(streamOffset).as("data offset").isEqualTo(next);
      bytes.write(b, from, length);
      next += length;
    }

    @Override
    public void gap(long streamOffset, long length, TcpSegment segment) {
      assertThat(streamOffset).as("gap offset").isEqualTo(next);
      gaps.add(new long[] {streamOffset, length});
      bytes.write(new byte[(int) length], 0, (int) length);
      next += length;
    }

    @Override
    public void conflict(long streamOffset, TcpSegment segment) {
      conflicts++;
    }

    @Override
    public void end(TcpSegment segment) {
      ended = true;
    }
  }

  @TestFactory
  Stream<DynamicTest> randomSegmentsReassembleExactly() {
    long base = new Random().nextLong();
    return Stream.iterate(base, seed -> seed + 1)
        .limit(Integer.getInteger("sdcap.propertyCount", 200))
        .map(seed -> DynamicTest.dynamicTest("seed " + seed, () -> check(seed)));
  }

  private static void check(long seed) {
    Random random = new Random(seed);
    byte[] data = new byte[1 + random.nextInt(20_000)];
    random.nextBytes(data);
    long isn = random.nextBoolean() ? 0xFFFFFFFFL - random.nextInt(5000) : random.nextInt();
    isn &= 0xFFFFFFFFL;

    // Random pieces that may overlap; some are dropped, later copies may repeat them.
    List<int[]> pieces = new ArrayList<>();
    boolean[] sent = new boolean[data.length];
    int at = 0;
    while (at < data.length) {
      int length = Math.min(data.length - at, 1 + random.nextInt(1500));
      int start = Math.max(0, at - (random.nextInt(4) == 0 ? random.nextInt(200) : 0));
      boolean dropped = at > 0 && at + length < data.length && random.nextInt(10) == 0;
      if (!dropped) {
        pieces.add(new int[] {start, at + length});
        for (int i = start; i < at + length; i++) {
          sent[i] = true;
        }
        if (random.nextInt(8) == 0) {
          pieces.add(new int[] {start, at + length});
        }
      }
      at += length;
    }
    for (int i = 0; i < pieces.size(); i++) {
      if (random.nextInt(4) == 0) {
        Collections.swap(pieces, i, random.nextInt(pieces.size()));
      }
    }

    Recorder recorder = new Recorder();
    Diagnostics ignore =
        new Diagnostics() {
          @Override
          public void damaged(SourcePosition where, String message) {}

          @Override
          public void warning(SourcePosition where, String message) {}
        };
    TcpStream stream = new TcpStream("a -> b", new CaptureReport("x", ignore), 1L << 30);
    stream.setConsumer(recorder);
    TcpSegment syn = segment(isn, TcpSegment.SYN, data, 0, 0);
    stream.add(syn);
    for (int[] piece : pieces) {
      stream.add(
          segment(
              (isn + 1 + piece[0]) & 0xFFFFFFFFL,
              TcpSegment.ACK,
              data,
              piece[0],
              piece[1] - piece[0]));
    }
    TcpSegment fin =
        segment((isn + 1 + data.length) & 0xFFFFFFFFL, TcpSegment.FIN | TcpSegment.ACK, data, 0, 0);
    stream.add(fin);
    // With holes, the direction waits for them until the connection closes.
    stream.finish(fin);

    assertThat(recorder.ended).as("seed " + seed + ": ended").isTrue();
    assertThat(recorder.conflicts).as("seed " + seed + ": conflicts").isZero();
    byte[] delivered = recorder.bytes.toByteArray();
    assertThat(delivered.length).as("seed " + seed + ": length").isEqualTo(data.length);
    long missing = 0;
    for (int i = 0; i < data.length; i++) {
      if (sent[i]) {
        assertThat(delivered[i]).as("seed " + seed + ": byte " + i).isEqualTo(data[i]);
      } else {
        missing++;
      }
    }
    long gapBytes = recorder.gaps.stream().mapToLong(gap -> gap[1]).sum();
    assertThat(gapBytes).as("seed " + seed + ": gap bytes").isEqualTo(missing);
  }

  private static TcpSegment segment(long sequence, int flags, byte[] data, int from, int length) {
    TcpSegment segment = new TcpSegment();
    segment.sequence = sequence;
    segment.flags = flags;
    segment.data = data;
    segment.offset = from;
    segment.length = length;
    return segment;
  }
}
