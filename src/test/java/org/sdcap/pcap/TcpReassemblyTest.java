package org.sdcap.pcap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.sdcap.input.InputRecord;

/** TCP reassembly: order, duplicates, conflicts, gaps, snap length, wrap and port reuse. */
class TcpReassemblyTest {

  private static final String LONG_BODY =
      "{\"model\":\"gpt-test\",\"messages\":[{\"role\":\"user\",\"content\":\""
          + "abcdefghij".repeat(50)
          + "\"}]}";

  private static TestFlow longExchange() {
    return new TestFlow("10.0.0.1", 40000, "10.0.0.2", 8000)
        .open()
        .client(Requests.post(LONG_BODY), 100)
        .server(Requests.OK)
        .close();
  }

  private static String body(InputRecord record) {
    return new String(record.body().bytes(), StandardCharsets.UTF_8);
  }

  @Test
  void reorderedSegmentsAreReassembled() throws Exception {
    List<TestFlow.Segment> segments = new ArrayList<>(longExchange().segments());
    Collections.swap(segments, 4, 6);
    Collections.swap(segments, 5, 8);

    CaptureReading.Result result = CaptureReading.read(CaptureReading.ethernetPcap(segments));

    assertThat(body(result.only())).isEqualTo(LONG_BODY);
    assertThat(result.only().field("status").rawText()).isEqualTo("200");
    assertThat(result.messages()).isEmpty();
  }

  @TestFactory
  Stream<DynamicTest> shuffledClientSegmentsAreReassembled() {
    return new Random()
        .longs(20)
        .mapToObj(
            seed ->
                DynamicTest.dynamicTest(
                    "seed " + seed,
                    () -> {
                      TestFlow flow = longExchange();
                      List<TestFlow.Segment> segments = new ArrayList<>(flow.segments());
                      List<TestFlow.Segment> data = new ArrayList<>(flow.clientData());
                      Collections.shuffle(data, new Random(seed));
                      int first = segments.indexOf(flow.clientData().get(0));
                      for (int i = 0; i < data.size(); i++) {
                        segments.set(first + i, data.get(i));
                      }

                      CaptureReading.Result result =
                          CaptureReading.read(CaptureReading.ethernetPcap(segments));

                      assertThat(body(result.only())).as("seed " + seed).isEqualTo(LONG_BODY);
                      assertThat(result.messages()).as("seed " + seed).isEmpty();
                    }));
  }

  @Test
  void identicalRetransmissionsAreIgnored() throws Exception {
    List<TestFlow.Segment> segments = new ArrayList<>(longExchange().segments());
    segments.add(6, segments.get(4).copy());
    segments.add(9, segments.get(5).copy());
    segments.add(segments.get(3).copy());

    CaptureReading.Result result = CaptureReading.read(CaptureReading.ethernetPcap(segments));

    assertThat(body(result.only())).isEqualTo(LONG_BODY);
    assertThat(result.messages()).isEmpty();
  }

  @Test
  void conflictingRetransmissionIsFlagged() throws Exception {
    TestFlow flow = longExchange();
    List<TestFlow.Segment> segments = new ArrayList<>(flow.segments());
    TestFlow.Segment altered = flow.clientData().get(3).copy();
    altered.payload[10] = 'X';
    segments.add(segments.indexOf(flow.clientData().get(4)), altered);

    CaptureReading.Result result = CaptureReading.read(CaptureReading.ethernetPcap(segments));

    assertThat(body(result.only())).isEqualTo(LONG_BODY);
    assertThat(result.only().field("conflicting_overlap").rawText()).isEqualTo("true");
    assertThat(result.messages())
        .containsExactly(
            "damaged: test.pcap: packet 8 at byte offset 914: conflicting overlap in"
                + " 10.0.0.1:40000 -> 10.0.0.2:8000 at sequence 1311: a retransmitted copy"
                + " differs from the bytes first captured, which are kept");
  }

  @Test
  void bufferedConflictIsFlagged() throws Exception {
    TestFlow flow = longExchange();
    List<TestFlow.Segment> segments = new ArrayList<>(flow.segments());
    TestFlow.Segment late = flow.clientData().get(3);
    segments.remove(late);
    TestFlow.Segment altered = late.copy();
    altered.payload[0] = 'X';
    // The later segment arrives first, then the altered copy, then the original.
    segments.add(segments.indexOf(flow.clientData().get(4)) + 1, altered);
    segments.add(segments.indexOf(altered) + 1, late);
    segments.remove(altered);
    segments.add(segments.indexOf(flow.clientData().get(5)), altered);

    CaptureReading.Result result = CaptureReading.read(CaptureReading.ethernetPcap(segments));

    assertThat(result.only().field("conflicting_overlap").rawText()).isEqualTo("true");
    assertThat(result.messages()).hasSize(1);
    assertThat(result.messages().get(0)).contains("conflicting overlap in 10.0.0.1:40000 ->");
  }

  @Test
  void droppedSegmentMarksRequestIncomplete() throws Exception {
    TestFlow flow = longExchange();
    List<TestFlow.Segment> segments = new ArrayList<>(flow.segments());
    TestFlow.Segment dropped = flow.clientData().get(3);
    segments.remove(dropped);

    CaptureReading.Result result = CaptureReading.read(CaptureReading.ethernetPcap(segments));

    InputRecord record = result.only();
    String expectedBody =
        LONG_BODY.substring(0, 300 - headerLength()) + LONG_BODY.substring(400 - headerLength());
    assertThat(body(record)).isEqualTo(expectedBody);
    assertThat(record.field("capture_incomplete").rawText()).isEqualTo("true");
    assertThat(record.field("missing_bytes").rawText()).isEqualTo("100");
    assertThat(record.field("status").rawText()).isEqualTo("200");
    assertThat(result.messages())
        .containsExactly(
            "damaged: test.pcap: packet 7 at byte offset 744: 100 bytes missing from the capture"
                + " in 10.0.0.1:40000 -> 10.0.0.2:8000 at sequence 1301");
  }

  @Test
  void snapLengthCutMarksRequestIncomplete() throws Exception {
    String request = Requests.post(LONG_BODY);
    int headerLength = headerLength();
    TestFlow flow =
        new TestFlow("10.0.0.1", 40000, "10.0.0.2", 8000)
            .open()
            .client(request.substring(0, headerLength))
            .client(LONG_BODY)
            .server(Requests.OK)
            .close();
    int snapLength = 14 + 20 + 20 + LONG_BODY.length() - 30;
    PcapBuilder builder = new PcapBuilder(1, false, false, snapLength);
    long time = PcapBuilder.START_NANOS;
    for (TestFlow.Segment segment : flow.segments()) {
      builder.add(time, FrameBuilder.ethernet(segment.ipPacket()));
      time += 1_000_000;
    }

    CaptureReading.Result result = CaptureReading.read(builder.build());

    InputRecord record = result.only();
    assertThat(body(record)).isEqualTo(LONG_BODY.substring(0, LONG_BODY.length() - 30));
    assertThat(record.field("capture_incomplete").rawText()).isEqualTo("true");
    assertThat(record.field("missing_bytes").rawText()).isEqualTo("30");
    assertThat(record.field("status").rawText()).isEqualTo("200");
    assertThat(result.messages())
        .containsExactly(
            "damaged: test.pcap: packet 5 at byte offset 504: 30 bytes missing from the capture"
                + " in 10.0.0.1:40000 -> 10.0.0.2:8000 at sequence 1733");
  }

  @Test
  void sequenceNumbersWrapAroundZero() throws Exception {
    TestFlow flow =
        new TestFlow("10.0.0.1", 40000, "10.0.0.2", 8000, 0xFFFFFF00L, 0xFFFFFFF0L)
            .open()
            .client(Requests.post(LONG_BODY), 100)
            .server(Requests.OK)
            .close();

    CaptureReading.Result result =
        CaptureReading.read(CaptureReading.ethernetPcap(flow.segments()));

    assertThat(body(result.only())).isEqualTo(LONG_BODY);
    assertThat(result.only().field("status").rawText()).isEqualTo("200");
    assertThat(result.messages()).isEmpty();
  }

  @Test
  void newSynOnReusedPortsStartsNewConnection() throws Exception {
    List<TestFlow.Segment> segments = new ArrayList<>();
    segments.addAll(
        new TestFlow("10.0.0.1", 40000, "10.0.0.2", 8000, 1000, 5000)
            .open()
            .client(Requests.post("{\"model\":\"first\"}"))
            .server(Requests.response(201))
            .segments());
    segments.addAll(
        new TestFlow("10.0.0.1", 40000, "10.0.0.2", 8000, 900_000, 700_000)
            .open()
            .client(Requests.post("{\"model\":\"second\"}"))
            .server(Requests.response(202))
            .close()
            .segments());

    CaptureReading.Result result = CaptureReading.read(CaptureReading.ethernetPcap(segments));

    assertThat(result.records()).hasSize(2);
    assertThat(result.records().get(0).field("model").rawText()).isEqualTo("\"first\"");
    assertThat(result.records().get(0).field("status").rawText()).isEqualTo("201");
    assertThat(result.records().get(1).field("model").rawText()).isEqualTo("\"second\"");
    assertThat(result.records().get(1).field("status").rawText()).isEqualTo("202");
    assertThat(result.messages()).isEmpty();
  }

  @Test
  void resetEndsConnectionAndIncompleteBody() throws Exception {
    TestFlow flow = new TestFlow("10.0.0.1", 40000, "10.0.0.2", 8000).open();
    String request = Requests.post(LONG_BODY);
    flow.client(request.substring(0, request.length() - 50)).reset();

    CaptureReading.Result result =
        CaptureReading.read(CaptureReading.ethernetPcap(flow.segments()));

    InputRecord record = result.only();
    assertThat(record.field("capture_incomplete").rawText()).isEqualTo("true");
    assertThat(record.field("missing_bytes").rawText()).isEqualTo("50");
    assertThat(record.field("status")).isNull();
    assertThat(result.messages())
        .containsExactly(
            "damaged: test.pcap: packet 5 at byte offset 1016: the connection 10.0.0.1:40000 ->"
                + " 10.0.0.2:8000 ended 50 bytes before the end of a request body announced by"
                + " Content-Length");
  }

  @Test
  void midConnectionStartFindsNextRequest() throws Exception {
    TestFlow flow =
        new TestFlow("10.0.0.1", 40000, "10.0.0.2", 8000)
            .open()
            .client(Requests.post(LONG_BODY), 100)
            .server(Requests.OK)
            .client(Requests.post("/v1/embeddings", "{\"model\":\"embed\"}"))
            .server(Requests.response(201))
            .close();
    List<TestFlow.Segment> segments = new ArrayList<>(flow.segments());
    // The capture starts in the middle of the first request's body.
    segments.subList(0, 6).clear();

    CaptureReading.Result result = CaptureReading.read(CaptureReading.ethernetPcap(segments));

    InputRecord record = result.only();
    assertThat(record.field("path").rawText()).isEqualTo("\"/v1/embeddings\"");
    assertThat(record.field("status").rawText()).isEqualTo("201");
    assertThat(result.messages()).hasSize(1);
    assertThat(result.messages().get(0))
        .startsWith("warning: test.pcap: packet ")
        .endsWith(
            ": the capture of 10.0.0.1:40000 -> 10.0.0.2:8000 begins inside the connection;"
                + " 462 bytes before the first request line are skipped");
  }

  @Test
  void outOfOrderLimitDeclaresGap() throws Exception {
    TestFlow flow = longExchange();
    List<TestFlow.Segment> segments = new ArrayList<>(flow.segments());
    segments.remove(flow.clientData().get(1));
    CaptureLimits small =
        new CaptureLimits(65536, 1 << 20, 250, 100, 300_000_000_000L, 100, 1 << 20);

    CaptureReading.Result result =
        CaptureReading.read(
            CaptureReading.ethernetPcap(segments), CaptureOptions.everything().withLimits(small));

    assertThat(result.only().field("missing_bytes").rawText()).isEqualTo("100");
    assertThat(result.messages().get(0))
        .endsWith(
            "more than 250 out-of-order bytes waiting in 10.0.0.1:40000 -> 10.0.0.2:8000 (limit of"
                + " buffered out-of-order bytes per connection direction, raise it with"
                + " --max-out-of-order); the bytes missing before them are treated as lost");
  }

  /** Length of the request header that {@link Requests#post} writes for {@link #LONG_BODY}. */
  private static int headerLength() {
    String request = Requests.post(LONG_BODY);
    return request.getBytes(StandardCharsets.UTF_8).length - LONG_BODY.length();
  }
}
