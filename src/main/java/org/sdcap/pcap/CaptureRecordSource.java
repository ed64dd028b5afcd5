package org.sdcap.pcap;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Locale;
import org.sdcap.input.InputItem;
import org.sdcap.input.RecordSource;

/**
 * The pipeline from capture file to request records: file format, link layer, IP, TCP reassembly,
 * HTTP framing, ordering. Records are produced as packets are read, so memory depends on the open
 * connections and waiting requests, not on the size of the capture.
 */
final class CaptureRecordSource implements RecordSource, RequestSink {

  private static final int IDLE_CHECK_INTERVAL = 8192;

  private final InputStream in;
  private final FrameReader reader;
  private final CaptureOptions options;
  private final CaptureReport report;
  private final IpLayer ipLayer;
  private final FragmentReassembler fragments;
  private final ConnectionTable connections;
  private final RecordQueue queue;
  private final RecordBuilder builder;
  private final ArrayDeque<InputItem> output = new ArrayDeque<>();
  private final Frame frame = new Frame();
  private final NetworkPacket packet = new NetworkPacket();
  private final TcpSegment segment = new TcpSegment();
  private long nowNanos = Long.MIN_VALUE;
  private long requestCount;
  private long frames;
  private boolean finished;

  CaptureRecordSource(
      InputStream in, FrameReader reader, CaptureOptions options, CaptureReport report) {
    this.in = in;
    this.reader = reader;
    this.options = options;
    this.report = report;
    this.fragments = new FragmentReassembler(report);
    this.ipLayer = new IpLayer(fragments);
    this.connections = new ConnectionTable(options.ports(), this, report, options.limits());
    this.queue = new RecordQueue(options.limits());
    this.builder = new RecordBuilder(report.fileName(), options.limits().maxBodyBytes());
  }

  @Override
  public InputItem next() throws IOException {
    while (output.isEmpty() && !finished) {
      if (reader == null || !reader.next(frame)) {
        finish();
        break;
      }
      processFrame();
    }
    return output.poll();
  }

  private long filteredOut;
  private HttpRequest firstFilteredOut;
  private String firstFilteredOutText;

  @Override
  public void close() throws IOException {
    in.close();
  }

  private void processFrame() {
    frames++;
    nowNanos = Math.max(nowNanos, frame.timeNanos);
    if (LinkLayer.decode(frame, packet) && ipLayer.toTcp(frame, packet, segment)) {
      connections.add(segment);
    }
    if (frames % IDLE_CHECK_INTERVAL == 0) {
      connections.closeIdle(nowNanos, lastSegment());
    }
    queue.release(nowNanos, this::emit);
  }

  private void finish() {
    finished = true;
    TcpSegment last = lastSegment();
    connections.closeAll(last);
    fragments.finish();
    queue.releaseAll(this::emit);
    reportFilteredOut();
    report.finish();
  }

  /** Returns a payload-free segment that places end-of-capture events at the last packet. */
  private TcpSegment lastSegment() {
    TcpSegment last = new TcpSegment();
    last.packetNumber = frame.number;
    last.byteOffset = frame.byteOffset;
    last.timeNanos = frame.timeNanos;
    last.timeDigits = frame.timeDigits;
    return last;
  }

  private void emit(HttpRequest request) {
    output.add(builder.build(request));
    // The parser remembers recent requests to flag conflicts; the record now owns the body.
    request.body = null;
  }

  @Override
  public HttpRequest newRequest(Connection connection) {
    return new HttpRequest(connection, requestCount++);
  }

  @Override
  public void completed(HttpRequest request) {
    if (wanted(request)) {
      queue.add(request);
      return;
    }
    if (filteredOut++ == 0) {
      firstFilteredOut = request;
      firstFilteredOutText = request.methodText() + " " + HttpSyntax.ascii(request.target);
    }
  }

  /**
   * Says how many requests the method and path filters left out, so that a capture of another API
   * does not silently give no records.
   */
  private void reportFilteredOut() {
    if (filteredOut == 0) {
      return;
    }
    String filters =
        "paths starting with "
            + String.join(" or ", options.pathPrefixes())
            + (options.methods().isEmpty()
                ? ""
                : " and methods " + String.join(", ", options.methods()));
    report.warning(
        firstFilteredOut.firstPacket,
        firstFilteredOut.firstByteOffset,
        "requests left out by filters",
        filteredOut
            + (filteredOut == 1 ? " HTTP request was" : " HTTP requests were")
            + " left out because only "
            + filters
            + " are kept; the first was "
            + firstFilteredOutText
            + ". Keep every path with --path-prefix / (and every method by leaving out --method)");
  }

  private boolean wanted(HttpRequest request) {
    if (!options.methods().isEmpty()) {
      String method = request.methodText();
      if (options.methods().stream().noneMatch(m -> m.equalsIgnoreCase(method))) {
        return false;
      }
    }
    if (options.pathPrefixes().isEmpty()) {
      return true;
    }
    String path = pathOf(HttpSyntax.ascii(request.target));
    return options.pathPrefixes().stream().anyMatch(path::startsWith);
  }

  /** Returns the path of a request target; an absolute-form target loses scheme and authority. */
  static String pathOf(String target) {
    String lower = target.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      int slash = target.indexOf('/', target.indexOf("://") + 3);
      return slash < 0 ? "/" : target.substring(slash);
    }
    return target;
  }
}
