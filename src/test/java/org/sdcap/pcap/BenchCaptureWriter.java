package org.sdcap.pcap;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a large synthetic capture for benchmarks: keep-alive connections, eight at a time
 * interleaved, each sending chat requests whose JSON bodies grow like a conversation (2 KB to 60
 * KB) in 1448-byte segments, each followed by a small JSON response. Ethernet link type.
 *
 * <p>Usage: {@code BenchCaptureWriter FILE MEGABYTES [SEED]}
 */
public final class BenchCaptureWriter {

  private BenchCaptureWriter() {}

  public static void main(String[] args) throws IOException {
    String file = args[0];
    long limit = Long.parseLong(args[1]) << 20;
    Random random = new Random(args.length > 2 ? Long.parseLong(args[2]) : 1);
    long written = 0;
    long requests = 0;
    long time = PcapBuilder.START_NANOS;
    try (OutputStream out = new BufferedOutputStream(new FileOutputStream(file), 1 << 20)) {
      out.write(fileHeader());
      written += 24;
      int connection = 0;
      while (written < limit) {
        List<List<TestFlow.Segment>> flows = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          flows.add(conversation(random, connection++));
          requests += 6;
        }
        // Interleave the eight connections segment by segment.
        int[] next = new int[flows.size()];
        boolean any = true;
        while (any) {
          any = false;
          for (int i = 0; i < flows.size(); i++) {
            if (next[i] < flows.get(i).size()) {
              any = true;
              byte[] frame = FrameBuilder.ethernet(flows.get(i).get(next[i]++).ipPacket());
              out.write(recordHeader(time, frame.length));
              out.write(frame);
              written += 16 + frame.length;
              time += 20_000;
            }
          }
        }
      }
    }
    System.err.printf("%s: %d MB, %d requests%n", file, written >> 20, requests);
  }

  private static List<TestFlow.Segment> conversation(Random random, int index) {
    String client = "10.1." + ((index >> 8) & 0xFF) + "." + (index & 0xFF);
    TestFlow flow = new TestFlow(client, 30000 + (index % 30000), "10.0.0.2", 8000).open();
    StringBuilder history = new StringBuilder();
    for (int turn = 0; turn < 6; turn++) {
      history.append("{\"role\":\"user\",\"content\":\"");
      int words = 300 + random.nextInt(1500);
      for (int w = 0; w < words; w++) {
        history.append("word").append(random.nextInt(1000)).append(' ');
      }
      history.append("\"},");
      String body =
          "{\"model\":\"bench-model\",\"stream\":false,\"messages\":["
              + history.substring(0, history.length() - 1)
              + "]}";
      flow.client(Requests.post(body), 1448);
      flow.server(Requests.OK);
    }
    return flow.close().segments();
  }

  private static byte[] fileHeader() {
    ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
    header.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4);
    header.putInt(0).putInt(0).putInt(262144).putInt(1);
    return header.array();
  }

  private static byte[] recordHeader(long timeNanos, int length) {
    ByteBuffer record = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
    record
        .putInt((int) (timeNanos / 1_000_000_000L))
        .putInt((int) (timeNanos % 1_000_000_000L / 1000));
    record.putInt(length).putInt(length);
    return record.array();
  }
}
