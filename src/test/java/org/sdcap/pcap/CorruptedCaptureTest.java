package org.sdcap.pcap;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.sdcap.input.InputException;

/**
 * Random damage to valid captures (flipped bytes, cut and repeated ranges) must end in records and
 * messages, or an {@link InputException}, never in another exception or a hang.
 */
class CorruptedCaptureTest {

  private static byte[] pcap() {
    List<TestFlow.Segment> segments = new ArrayList<>();
    segments.addAll(
        new TestFlow("10.0.0.1", 40000, "10.0.0.2", 8000)
            .open()
            .client(Requests.post(Requests.BODY) + Requests.get("/v1/models"), 90)
            .server(Requests.OK + Requests.OK)
            .close()
            .segments());
    segments.addAll(
        new TestFlow("::1", 40001, "::1", 8000)
            .open()
            .client(
                "POST /v1/x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5;a=b\r\nhello\r\n0\r\n\r\n",
                17)
            .server("HTTP/1.1 100 Continue\r\n\r\n" + Requests.OK)
            .close()
            .segments());
    return CaptureReading.ethernetPcap(segments);
  }

  private static byte[] pcapng() {
    List<TestFlow.Segment> segments =
        new TestFlow("10.0.0.1", 40000, "10.0.0.2", 8000)
            .open()
            .client(Requests.post(Requests.BODY), 60)
            .server(Requests.OK)
            .close()
            .segments();
    PcapngBuilder builder =
        new PcapngBuilder().section(false).interfaceDescription(276, 65535, 9, 0);
    for (int i = 0; i < segments.size(); i++) {
      builder.enhancedPacket(0, i * 1000L, FrameBuilder.sll2(segments.get(i).ipPacket()));
    }
    return builder.build();
  }

  @TestFactory
  Stream<DynamicTest> corruptedCapturesFailCleanly() {
    long base = new Random().nextLong();
    byte[][] originals = {pcap(), pcapng()};
    return Stream.iterate(base, seed -> seed + 1)
        .limit(Integer.getInteger("sdcap.corruptionCount", 300))
        .map(
            seed ->
                DynamicTest.dynamicTest(
                    "seed " + seed,
                    () -> {
                      Random random = new Random(seed);
                      byte[] damaged = damage(originals[random.nextInt(originals.length)], random);
                      try {
                        readAll(damaged);
                      } catch (InputException expected) {
                        // A file too damaged to read at all is an InputException; anything else
                        // fails the test.
                      }
                    }));
  }

  private static void readAll(byte[] capture) throws Exception {
    CaptureReading.readFrom(new ByteArrayInputStream(capture), CaptureOptions.everything());
  }

  private static byte[] damage(byte[] original, Random random) {
    byte[] bytes = original.clone();
    switch (random.nextInt(4)) {
      case 0 -> {
        for (int i = 1 + random.nextInt(20); i > 0; i--) {
          bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
      }
      case 1 -> bytes = java.util.Arrays.copyOf(bytes, 4 + random.nextInt(bytes.length - 4));
      case 2 -> {
        int from = random.nextInt(bytes.length);
        int to = Math.min(bytes.length, from + random.nextInt(200));
        byte[] shorter = new byte[bytes.length - (to - from)];
        System.arraycopy(bytes, 0, shorter, 0, from);
        System.arraycopy(bytes, to, shorter, from, bytes.length - to);
        bytes = shorter;
      }
      default -> {
        int from = 24 + random.nextInt(bytes.length - 24);
        int length = Math.min(bytes.length - from, random.nextInt(300));
        byte[] longer = new byte[bytes.length + length];
        System.arraycopy(bytes, 0, longer, 0, from + length);
        System.arraycopy(bytes, from, longer, from + length, bytes.length - from);
        bytes = longer;
      }
    }
    return bytes;
  }
}
