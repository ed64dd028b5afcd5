package org.sdcap.pcap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.sdcap.input.Diagnostics;
import org.sdcap.input.InputItem;
import org.sdcap.input.InputRecord;
import org.sdcap.input.RecordSource;
import org.sdcap.input.SourcePosition;

/** Reads generated captures through {@link CaptureSource} the ways the tests need. */
final class CaptureReading {

  static final String FILE = "test.pcap";

  /** The records and messages of one read. */
  record Result(List<InputRecord> records, List<String> messages) {
    List<String> lines() {
      return records.stream().map(RecordJson::line).toList();
    }

    InputRecord only() {
      assertThat(records).hasSize(1);
      return records.get(0);
    }
  }

  private CaptureReading() {}

  /**
   * Reads a capture three times: whole, one byte per read, and in random small chunks, and checks
   * that all three give the same result.
   */
  static Result read(byte[] capture, CaptureOptions options) throws IOException {
    Result whole = readFrom(new ByteArrayInputStream(capture), options);
    Result byteByByte = readFrom(new OneByteInputStream(capture), options);
    long seed = new Random().nextLong();
    Result chunked = readFrom(new RandomChunkInputStream(capture, seed), options);
    assertThat(byteByByte.lines()).as("records read one byte at a time").isEqualTo(whole.lines());
    assertThat(byteByByte.messages())
        .as("messages read one byte at a time")
        .isEqualTo(whole.messages());
    assertThat(chunked.lines())
        .as("records read in random chunks, seed " + seed)
        .isEqualTo(whole.lines());
    assertThat(chunked.messages())
        .as("messages read in random chunks, seed " + seed)
        .isEqualTo(whole.messages());
    return whole;
  }

  static Result read(byte[] capture) throws IOException {
    return read(capture, CaptureOptions.everything());
  }

  static Result readFrom(InputStream in, CaptureOptions options) throws IOException {
    List<String> messages = new ArrayList<>();
    Diagnostics diagnostics =
        new Diagnostics() {
          @Override
          public void damaged(SourcePosition where, String message) {
            messages.add("damaged: " + where + ": " + message);
          }

          @Override
          public void warning(SourcePosition where, String message) {
            messages.add("warning: " + where + ": " + message);
          }
        };
    List<InputRecord> records = new ArrayList<>();
    try (RecordSource source = CaptureSource.open(in, FILE, options, diagnostics)) {
      InputItem item;
      while ((item = source.next()) != null) {
        records.add((InputRecord) item);
      }
    }
    return new Result(records, messages);
  }

  /** Writes the segments as a pcap of the given link type, one millisecond apart. */
  static byte[] pcap(int linkType, Function<byte[], byte[]> link, List<TestFlow.Segment> segments) {
    PcapBuilder builder = new PcapBuilder(linkType);
    long time = PcapBuilder.START_NANOS;
    for (TestFlow.Segment segment : segments) {
      builder.add(time, link.apply(segment.ipPacket()));
      time += 1_000_000;
    }
    return builder.build();
  }

  static byte[] ethernetPcap(List<TestFlow.Segment> segments) {
    return pcap(1, FrameBuilder::ethernet, segments);
  }

  /** Delivers one byte per read call. */
  static final class OneByteInputStream extends InputStream {
    private final byte[] bytes;
    private int at;

    OneByteInputStream(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    public int read() {
      return at < bytes.length ? bytes[at++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (len == 0) {
        return 0;
      }
      int next = read();
      if (next < 0) {
        return -1;
      }
      b[off] = (byte) next;
      return 1;
    }
  }

  /** Delivers between 1 and 17 bytes per read call, chosen by a seeded generator. */
  static final class RandomChunkInputStream extends InputStream {
    private final byte[] bytes;
    private final Random random;
    private int at;

    RandomChunkInputStream(byte[] bytes, long seed) {
      this.bytes = bytes;
      this.random = new Random(seed);
    }

    @Override
    public int read() {
      return at < bytes.length ? bytes[at++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (len == 0) {
        return 0;
      }
      if (at >= bytes.length) {
        return -1;
      }
      int n = Math.min(Math.min(len, 1 + random.nextInt(17)), bytes.length - at);
      System.arraycopy(bytes, at, b, off, n);
      at += n;
      return n;
    }
  }
}
