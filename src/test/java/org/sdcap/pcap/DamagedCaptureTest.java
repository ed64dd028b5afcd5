package org.sdcap.pcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sdcap.input.InputException;

/** Damaged and foreign files: clear messages, bounded work, the rest still read. */
class DamagedCaptureTest {

  private static List<TestFlow.Segment> exchange(int clientPort) {
    return new TestFlow("10.0.0.1", clientPort, "10.0.0.2", 8000)
        .open()
        .client(Requests.post(Requests.BODY))
        .server(Requests.OK)
        .close()
        .segments();
  }

  @Test
  void truncatedFileKeepsRecordsBeforeTheCut() throws Exception {
    byte[] whole = CaptureReading.ethernetPcap(exchange(40000));
    byte[] cut = Arrays.copyOf(whole, whole.length - 30);

    CaptureReading.Result result = CaptureReading.read(cut);

    assertThat(result.only().field("status").rawText()).isEqualTo("200");
    assertThat(result.messages())
        .containsExactly(
            "damaged: test.pcap: packet 8 at byte offset 853: truncated packet record: expected"
                + " 70 bytes, the file ends after 40");
  }

  @Test
  void truncatedFileHeaderIsDamage() throws Exception {
    byte[] whole = CaptureReading.ethernetPcap(exchange(40000));

    CaptureReading.Result result = CaptureReading.read(Arrays.copyOf(whole, 10));

    assertThat(result.records()).isEmpty();
    assertThat(result.messages())
        .containsExactly(
            "damaged: test.pcap: at byte offset 0: truncated pcap file header: the file ends after 10 of 24 bytes;"
                + " no packets to read");
  }

  @Test
  void garbageAfterHeaderIsSkippedToNextRecord() throws Exception {
    PcapBuilder builder = new PcapBuilder(1);
    builder.raw(
        new byte[] {
          (byte) 0xff,
          (byte) 0xff,
          (byte) 0xff,
          (byte) 0xff,
          1,
          2,
          3,
          4,
          5,
          6,
          7,
          (byte) 0xee,
          (byte) 0xee,
          (byte) 0xee,
          (byte) 0xee,
          9,
          9
        });
    long time = PcapBuilder.START_NANOS;
    for (TestFlow.Segment segment : exchange(40000)) {
      builder.add(time, FrameBuilder.ethernet(segment.ipPacket()));
      time += 1_000_000;
    }

    CaptureReading.Result result = CaptureReading.read(builder.build());

    assertThat(result.only().field("status").rawText()).isEqualTo("200");
    assertThat(result.messages())
        .containsExactly(
            "damaged: test.pcap: packet 1 at byte offset 24: invalid packet record: captured"
                + " length 3993437701 is beyond the maximum of 262144 bytes (snap length 262144);"
                + " looking for the next valid record",
            "damaged: test.pcap: packet 1 at byte offset 24: skipped 17 bytes to the next valid"
                + " packet record");
  }

  @Test
  void recordBeyondSnapLengthIsRead() throws Exception {
    PcapBuilder builder = new PcapBuilder(1, false, false, 100);
    long time = PcapBuilder.START_NANOS;
    for (TestFlow.Segment segment : exchange(40000)) {
      byte[] frame = FrameBuilder.ethernet(segment.ipPacket());
      builder.addRecord(time, frame, frame.length);
      time += 1_000_000;
    }

    CaptureReading.Result result = CaptureReading.read(builder.build());

    assertThat(result.only().field("status").rawText()).isEqualTo("200");
    assertThat(result.messages())
        .containsExactly(
            "damaged: test.pcap: packet 4 at byte offset 234: packet record with captured length"
                + " 321 is beyond the file's snap length 100; its bytes are used as recorded");
  }

  @Test
  void pcapngBlockWithBadLengthIsSkipped() throws Exception {
    List<TestFlow.Segment> segments = exchange(40000);
    PcapngBuilder builder = new PcapngBuilder().section(false).interfaceDescription(1, 65535, 6, 0);
    builder.raw(new byte[] {6, 0, 0, 0, 13, 0, 0, 0, 1, 2, 3, 4});
    for (int i = 0; i < segments.size(); i++) {
      builder.enhancedPacket(
          0, 1_700_000_000_000_000L + i, FrameBuilder.ethernet(segments.get(i).ipPacket()));
    }

    CaptureReading.Result result = CaptureReading.read(builder.build());

    assertThat(result.only().field("status").rawText()).isEqualTo("200");
    assertThat(result.messages())
        .containsExactly(
            "damaged: test.pcap: packet 1 at byte offset 60: invalid pcapng block length 13"
                + " (block type 0x6): expected a multiple of 4 from 12 to 16777216; looking for"
                + " the next valid block",
            "damaged: test.pcap: packet 1 at byte offset 60: skipped 12 bytes to the next valid"
                + " pcapng block");
  }

  @Test
  void unknownLinkTypeIsAnError() {
    byte[] capture = new PcapBuilder(4242).build();

    assertThatThrownBy(
            () ->
                CaptureReading.readFrom(
                    new ByteArrayInputStream(capture), CaptureOptions.defaults()))
        .isInstanceOf(InputException.class)
        .hasMessage(
            "test.pcap: at byte offset 20: unknown link type 4242; sdcap decodes Ethernet (1),"
                + " Linux SLL (113) and SLL2 (276), NULL (0), LOOP (108), raw IP (101, 228, 229,"
                + " 12, 14), PPP (9, 50), Cisco HDLC (104) and NFLOG (239) (see"
                + " https://www.tcpdump.org/linktypes.html)");
  }

  @Test
  void knownButUndecodedLinkTypeIsAnError() {
    byte[] capture = new PcapBuilder(127).build();

    assertThatThrownBy(
            () ->
                CaptureReading.readFrom(
                    new ByteArrayInputStream(capture), CaptureOptions.defaults()))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(
            "test.pcap: at byte offset 20: link type 127 (IEEE802_11_RADIOTAP) is not supported;");
  }

  @Test
  void fileThatIsNotACaptureIsAnError() {
    byte[] text = "{\"ts\":1}\n".getBytes();

    assertThatThrownBy(
            () ->
                CaptureReading.readFrom(new ByteArrayInputStream(text), CaptureOptions.defaults()))
        .isInstanceOf(InputException.class)
        .hasMessage(
            "test.pcap: not a pcap or pcapng capture: the file starts with 0x7b227473; expected"
                + " a1b2c3d4, a1b23c4d (either byte order) or 0a0d0d0a");
  }

  @Test
  void requestsWithoutStatusLeaveAfterHoldTime() throws Exception {
    CaptureLimits limits =
        new CaptureLimits(65536, 1 << 20, 1 << 20, 100, 2_000_000L, 100, 1 << 20);
    TestFlow first =
        new TestFlow("10.0.0.1", 40000, "10.0.0.2", 8000)
            .open()
            .client(Requests.post("{\"model\":\"a\"}"));
    TestFlow second =
        new TestFlow("10.0.0.1", 40001, "10.0.0.2", 8000)
            .open()
            .client(Requests.post("{\"model\":\"b\"}"));
    List<TestFlow.Segment> segments = new java.util.ArrayList<>(first.segments());
    segments.addAll(second.segments());
    segments.addAll(first.server(Requests.OK).segments().subList(4, 5));

    CaptureReading.Result result =
        CaptureReading.read(
            CaptureReading.ethernetPcap(segments), CaptureOptions.everything().withLimits(limits));

    assertThat(result.records()).hasSize(2);
    // The status arrived 5 ms after the request, beyond the 2 ms hold: it is not waited for.
    assertThat(result.records().get(0).field("status")).isNull();
  }

  @Test
  void requestsLeaveWhenTooManyWait() throws Exception {
    CaptureLimits limits =
        new CaptureLimits(65536, 1 << 20, 1 << 20, 100, 300_000_000_000L, 2, 1 << 20);
    TestFlow flow =
        new TestFlow("10.0.0.1", 40000, "10.0.0.2", 8000)
            .open()
            .client(Requests.get("/v1/a") + Requests.get("/v1/b") + Requests.get("/v1/c"))
            .server(Requests.response(200) + Requests.response(201) + Requests.response(202));

    CaptureReading.Result result =
        CaptureReading.read(
            CaptureReading.ethernetPcap(flow.segments()),
            CaptureOptions.everything().withLimits(limits));

    assertThat(result.records())
        .extracting(r -> r.field("status") == null ? "none" : r.field("status").rawText())
        .containsExactly("none", "201", "202");
  }
}
