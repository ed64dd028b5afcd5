package org.sdcap.pcap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Memory bounds that are reached: each is reported with the limit and the request flagged. */
class LimitsTest {

  @Test
  void connectionLimitClosesLeastRecentlyActive() throws Exception {
    CaptureLimits limits =
        new CaptureLimits(65536, 1 << 20, 1 << 20, 1, 300_000_000_000L, 100, 1 << 20);
    TestFlow first = new TestFlow("10.0.0.1", 40000, "10.0.0.2", 8000).open();
    TestFlow second = new TestFlow("10.0.0.3", 40001, "10.0.0.2", 8000).open();
    String request = Requests.post("{\"model\":\"a\"}");
    first.client(request.substring(0, 100));
    second.client(Requests.post("{\"model\":\"b\"}"));
    List<TestFlow.Segment> segments = new ArrayList<>(first.segments());
    segments.addAll(second.segments());

    CaptureReading.Result result =
        CaptureReading.read(
            CaptureReading.ethernetPcap(segments), CaptureOptions.everything().withLimits(limits));

    assertThat(result.records()).hasSize(2);
    assertThat(result.records().get(0).field("capture_incomplete").rawText()).isEqualTo("true");
    assertThat(result.records().get(1).field("model").rawText()).isEqualTo("\"b\"");
    assertThat(result.messages())
        .containsExactly(
            "damaged: test.pcap: packet 5 at byte offset 404: more than 1 connections open at once"
                + " (limit of tracked connections, raise it with --max-connections); the least"
                + " recently active one is closed early and its unfinished request is marked"
                + " incomplete",
            "damaged: test.pcap: packet 4 at byte offset 234: the connection 10.0.0.1:40000 ->"
                + " 10.0.0.2:8000 ended inside a request header; the request is kept as"
                + " incomplete");
  }

  @Test
  void lonelyIpFragmentIsDroppedWithMessage() throws Exception {
    byte[] source = TestFlow.address("10.0.0.1");
    byte[] destination = TestFlow.address("10.0.0.2");
    PcapBuilder builder = new PcapBuilder(101);
    builder.add(
        PcapBuilder.START_NANOS,
        FrameBuilder.ipv4Fragment(source, destination, 7, 0, true, new byte[64]));
    builder.add(
        PcapBuilder.START_NANOS + 31_000_000_000L,
        FrameBuilder.ipv4Fragment(source, destination, 8, 0, true, new byte[64]));

    CaptureReading.Result result = CaptureReading.read(builder.build());

    assertThat(result.records()).isEmpty();
    assertThat(result.messages())
        .containsExactly(
            "damaged: test.pcap: packet 1 at byte offset 24: fragmented IP datagram dropped"
                + " because its fragments did not all arrive within 30 s of capture time",
            "damaged: test.pcap: packet 2 at byte offset 124: fragmented IP datagram dropped"
                + " because the capture ended");
  }

  @Test
  void repeatedMessagesAreCountedAfterTen() throws Exception {
    List<TestFlow.Segment> segments = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      byte[] hello = {0x16, 0x03, 0x01, 0x00, 0x01, 0x01};
      segments.addAll(
          new TestFlow("10.0.0.1", 40000 + i, "10.0.0.2", 443).open().client(hello, 6).segments());
    }

    CaptureReading.Result result = CaptureReading.read(CaptureReading.ethernetPcap(segments));

    assertThat(result.messages()).hasSize(11);
    assertThat(result.messages().get(10))
        .isEqualTo("warning: test.pcap: 12 TLS connection skipped messages in total, 2 not shown");
  }
}
