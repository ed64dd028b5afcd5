package org.sdcap.pcap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sdcap.input.InputRecord;

/** File formats and link layers: each must yield the same request record. */
class CaptureFormatsTest {

  private static final String EXPECTED_IPV4 =
      "{\"ts\":1700000000.003000,\"client\":\"10.0.0.1:40000\",\"method\":\"POST\","
          + "\"path\":\"/v1/chat/completions\",\"host\":\"localhost:8000\","
          + "\"user_agent\":\"test-client/1.0\",\"x_forwarded_for\":null,\"x_real_ip\":null,"
          + "\"x_forwarded_host\":null,\"referer\":null,"
          + "\"auth_prefix\":\"Bearer sk-test-012345678...\",\"model\":\"gpt-test\","
          + "\"status\":200,\"body\":"
          + Requests.bodyJson(Requests.BODY)
          + "}";

  static TestFlow exchange(String client, String server) {
    return new TestFlow(client, 40000, server, 8000)
        .open()
        .client(Requests.post(Requests.BODY))
        .server(Requests.OK)
        .close();
  }

  @Test
  void ethernetPostBecomesRecordWithStatus() throws Exception {
    byte[] capture = CaptureReading.ethernetPcap(exchange("10.0.0.1", "10.0.0.2").segments());

    CaptureReading.Result result = CaptureReading.read(capture);

    assertThat(result.lines()).containsExactly(EXPECTED_IPV4);
    assertThat(result.messages()).isEmpty();
  }

  static Stream<Arguments> ipv4LinkTypes() {
    return Stream.of(
        Arguments.of("Ethernet", 1, (Function<byte[], byte[]>) FrameBuilder::ethernet),
        Arguments.of("802.1Q VLAN", 1, vlan(0x8100, 0x0064)),
        Arguments.of("QinQ 802.1ad", 1, vlan(0x88A8, 0x0010, 0x8100, 0x0064)),
        Arguments.of("QinQ 0x9100", 1, vlan(0x9100, 0x0010, 0x8100, 0x0064)),
        Arguments.of("Linux SLL", 113, (Function<byte[], byte[]>) FrameBuilder::sll),
        Arguments.of("Linux SLL2", 276, (Function<byte[], byte[]>) FrameBuilder::sll2),
        Arguments.of("NULL little-endian", 0, loopback(2, false)),
        Arguments.of("NULL big-endian", 0, loopback(2, true)),
        Arguments.of("LOOP", 108, loopback(2, true)),
        Arguments.of("LOOP little-endian", 108, loopback(2, false)),
        Arguments.of("RAW 101", 101, Function.identity()),
        Arguments.of("RAW 12", 12, Function.identity()),
        Arguments.of("RAW 14", 14, Function.identity()),
        Arguments.of("IPV4 228", 228, Function.identity()),
        Arguments.of("MPLS", 1, (Function<byte[], byte[]>) FrameBuilder::mpls),
        Arguments.of("PPPoE", 1, (Function<byte[], byte[]>) FrameBuilder::pppoe),
        Arguments.of("802.3 LLC/SNAP", 1, (Function<byte[], byte[]>) FrameBuilder::llcSnap),
        Arguments.of("PPP", 9, (Function<byte[], byte[]>) FrameBuilder::ppp),
        Arguments.of("PPP in HDLC framing", 50, (Function<byte[], byte[]>) FrameBuilder::ppp),
        Arguments.of("Cisco HDLC", 104, (Function<byte[], byte[]>) FrameBuilder::ciscoHdlc),
        Arguments.of("NFLOG", 239, (Function<byte[], byte[]>) FrameBuilder::nflog));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ipv4LinkTypes")
  void ipv4LinkTypeYieldsSameRecord(String name, int linkType, Function<byte[], byte[]> link)
      throws Exception {
    byte[] capture =
        CaptureReading.pcap(linkType, link, exchange("10.0.0.1", "10.0.0.2").segments());

    CaptureReading.Result result = CaptureReading.read(capture);

    assertThat(result.lines()).containsExactly(EXPECTED_IPV4);
    assertThat(result.messages()).isEmpty();
  }

  static Stream<Arguments> ipv6LinkTypes() {
    return Stream.of(
        Arguments.of("Ethernet", 1, (Function<byte[], byte[]>) FrameBuilder::ethernet),
        Arguments.of("Linux SLL2", 276, (Function<byte[], byte[]>) FrameBuilder::sll2),
        Arguments.of("NULL family 24", 0, loopback(24, false)),
        Arguments.of("NULL family 28", 0, loopback(28, false)),
        Arguments.of("NULL family 30", 0, loopback(30, true)),
        Arguments.of("LOOP family 30", 108, loopback(30, true)),
        Arguments.of("RAW 101", 101, Function.identity()),
        Arguments.of("IPV6 229", 229, Function.identity()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ipv6LinkTypes")
  void ipv6LinkTypeYieldsBracketedClient(String name, int linkType, Function<byte[], byte[]> link)
      throws Exception {
    byte[] capture = CaptureReading.pcap(linkType, link, exchange("::1", "::1").segments());

    InputRecord record = CaptureReading.read(capture).only();

    assertThat(record.field("client").rawText()).isEqualTo("\"[::1]:40000\"");
    assertThat(record.field("status").rawText()).isEqualTo("200");
    assertThat(new String(record.body().bytes(), StandardCharsets.UTF_8)).isEqualTo(Requests.BODY);
  }

  @Test
  void ipv6ExtensionHeadersAreSkipped() throws Exception {
    TestFlow flow = new TestFlow("2001:db8::1", 40000, "2001:db8:0:0:1::2", 8000);
    flow.ipv6Extensions = new int[] {0, 43, 60, 44};
    flow.open().client(Requests.post(Requests.BODY)).server(Requests.OK).close();

    CaptureReading.Result result =
        CaptureReading.read(CaptureReading.ethernetPcap(flow.segments()));

    assertThat(result.only().field("client").rawText()).isEqualTo("\"[2001:db8::1]:40000\"");
    assertThat(result.only().field("status").rawText()).isEqualTo("200");
    assertThat(result.messages()).isEmpty();
  }

  @Test
  void pcapNanosecondBigEndianKeepsNineDigits() throws Exception {
    PcapBuilder builder = new PcapBuilder(1, true, true, 65535);
    long time = PcapBuilder.START_NANOS + 123_456_789;
    for (TestFlow.Segment segment : exchange("10.0.0.1", "10.0.0.2").segments()) {
      builder.add(time, FrameBuilder.ethernet(segment.ipPacket()));
      time += 1_000_001;
    }

    InputRecord record = CaptureReading.read(builder.build()).only();

    assertThat(record.field("ts").rawText()).isEqualTo("1700000000.126456792");
  }

  @Test
  void pcapngSectionsKeepOwnSettings() throws Exception {
    List<TestFlow.Segment> first = exchange("10.0.0.1", "10.0.0.2").segments();
    List<TestFlow.Segment> second =
        new TestFlow("10.0.0.3", 40001, "10.0.0.2", 8000)
            .open()
            .client(Requests.post("/v1/embeddings", "{\"model\":\"embed\"}"))
            .server(Requests.OK)
            .close()
            .segments();
    long seconds = 1_700_000_000L;
    PcapngBuilder builder = new PcapngBuilder().section(false);
    builder.interfaceDescription(1, 65535, 6, 0); // Ethernet, microseconds
    builder.interfaceDescription(276, 65535, 9, 0); // SLL2, nanoseconds
    builder.customBlock(0x0BAD, 10);
    for (int i = 0; i < first.size(); i++) {
      builder.enhancedPacket(
          0, seconds * 1_000_000 + i * 1000, FrameBuilder.ethernet(first.get(i).ipPacket()));
    }
    // A big-endian section: interface 0 is raw IP with binary resolution 2^-10 and an offset.
    builder.section(true);
    builder.interfaceDescription(101, 65535, 0x80 | 10, seconds);
    for (int i = 0; i < second.size(); i++) {
      builder.enhancedPacket(0, 2048 + i, second.get(i).ipPacket());
    }

    CaptureReading.Result result = CaptureReading.read(builder.build());

    assertThat(result.records()).hasSize(2);
    assertThat(result.records().get(0).field("ts").rawText()).isEqualTo("1700000000.003000");
    assertThat(result.records().get(1).field("ts").rawText()).isEqualTo("1700000002.002929687");
    assertThat(result.records().get(1).field("client").rawText()).isEqualTo("\"10.0.0.3:40001\"");
    assertThat(result.messages()).isEmpty();
  }

  @Test
  void obsoletePacketBlocksAreRead() throws Exception {
    List<TestFlow.Segment> segments = exchange("10.0.0.1", "10.0.0.2").segments();
    PcapngBuilder builder = new PcapngBuilder().section(false);
    builder.interfaceDescription(1, 65535, -1, 0);
    for (int i = 0; i < segments.size(); i++) {
      byte[] frame = FrameBuilder.ethernet(segments.get(i).ipPacket());
      if (i % 2 == 0) {
        builder.obsoletePacket(0, 1_700_000_000_000_000L + i, frame);
      } else {
        builder.enhancedPacket(0, 1_700_000_000_000_000L + i, frame);
      }
    }

    CaptureReading.Result result = CaptureReading.read(builder.build());

    assertThat(result.only().field("status").rawText()).isEqualTo("200");
    assertThat(result.messages()).isEmpty();
  }

  @Test
  void pcapngSimplePacketsHaveNoTime() throws Exception {
    List<TestFlow.Segment> segments = exchange("10.0.0.1", "10.0.0.2").segments();
    PcapngBuilder builder = new PcapngBuilder().section(false);
    builder.interfaceDescription(1, 65535, -1, 0);
    for (TestFlow.Segment segment : segments) {
      builder.simplePacket(FrameBuilder.ethernet(segment.ipPacket()));
    }

    InputRecord record = CaptureReading.read(builder.build()).only();

    assertThat(record.field("ts").rawText()).isEqualTo("0.000000");
  }

  @Test
  void undecodedPcapngInterfaceIsSkipped() throws Exception {
    List<TestFlow.Segment> segments = exchange("10.0.0.1", "10.0.0.2").segments();
    PcapngBuilder builder = new PcapngBuilder().section(false);
    builder.interfaceDescription(127, 65535, 6, 0);
    builder.interfaceDescription(1, 65535, 6, 0);
    builder.enhancedPacket(0, 1, new byte[] {0, 0, 8, 0});
    for (int i = 0; i < segments.size(); i++) {
      builder.enhancedPacket(
          1, 1_700_000_000_000_000L + i, FrameBuilder.ethernet(segments.get(i).ipPacket()));
    }

    CaptureReading.Result result = CaptureReading.read(builder.build());

    assertThat(result.records()).hasSize(1);
    assertThat(result.messages())
        .containsExactly(
            "warning: test.pcap: at byte offset 28: interface 0 of section 1 has link type 127"
                + " (IEEE802_11_RADIOTAP), which sdcap does not decode; its packets are skipped");
  }

  @Test
  void ipv4FragmentsAreReassembledInAnyOrder() throws Exception {
    TestFlow flow = exchange("10.0.0.1", "10.0.0.2");
    PcapBuilder builder = new PcapBuilder(101);
    long time = PcapBuilder.START_NANOS;
    for (TestFlow.Segment segment : flow.segments()) {
      byte[] ip = segment.ipPacket();
      if (segment.payload.length > 100) {
        byte[] tcp = java.util.Arrays.copyOfRange(ip, 20, ip.length);
        byte[] a = java.util.Arrays.copyOfRange(tcp, 0, 64);
        byte[] b = java.util.Arrays.copyOfRange(tcp, 64, 128);
        byte[] c = java.util.Arrays.copyOfRange(tcp, 128, tcp.length);
        builder.add(
            time++,
            FrameBuilder.ipv4Fragment(flow.clientAddress, flow.serverAddress, 7, 128, false, c));
        builder.add(
            time++,
            FrameBuilder.ipv4Fragment(flow.clientAddress, flow.serverAddress, 7, 0, true, a));
        builder.add(
            time++,
            FrameBuilder.ipv4Fragment(flow.clientAddress, flow.serverAddress, 7, 64, true, b));
      } else {
        builder.add(time++, ip);
      }
    }

    CaptureReading.Result result = CaptureReading.read(builder.build());

    assertThat(new String(result.only().body().bytes(), StandardCharsets.UTF_8))
        .isEqualTo(Requests.BODY);
    assertThat(result.messages()).isEmpty();
  }

  @Test
  void ipv6FragmentsAreReassembled() throws Exception {
    TestFlow flow = exchange("2001:db8::1", "2001:db8::2");
    PcapBuilder builder = new PcapBuilder(229);
    long time = PcapBuilder.START_NANOS;
    for (TestFlow.Segment segment : flow.segments()) {
      byte[] ip = segment.ipPacket();
      if (segment.payload.length > 100) {
        byte[] tcp = java.util.Arrays.copyOfRange(ip, 40, ip.length);
        byte[] a = java.util.Arrays.copyOfRange(tcp, 0, 96);
        byte[] b = java.util.Arrays.copyOfRange(tcp, 96, tcp.length);
        builder.add(
            time++,
            FrameBuilder.ipv6Fragment(flow.clientAddress, flow.serverAddress, 9, 96, false, b));
        builder.add(
            time++,
            FrameBuilder.ipv6Fragment(flow.clientAddress, flow.serverAddress, 9, 0, true, a));
      } else {
        builder.add(time++, ip);
      }
    }

    CaptureReading.Result result = CaptureReading.read(builder.build());

    assertThat(new String(result.only().body().bytes(), StandardCharsets.UTF_8))
        .isEqualTo(Requests.BODY);
    assertThat(result.messages()).isEmpty();
  }

  private static Function<byte[], byte[]> vlan(int... tags) {
    return ip -> FrameBuilder.ethernet(ip, tags);
  }

  private static Function<byte[], byte[]> loopback(int family, boolean bigEndian) {
    return ip -> FrameBuilder.loopback(ip, family, bigEndian);
  }
}
