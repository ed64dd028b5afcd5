package org.sdcap.pcap;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The open TCP connections, in order of last activity. At most {@link
 * CaptureLimits#maxConnections()} are tracked; beyond that, and after {@link #IDLE_NANOS} of
 * capture time without a packet, the least recently active connection is closed early.
 */
final class ConnectionTable {

  static final long IDLE_NANOS = 900_000_000_000L;

  /**
   * How long a closed connection's ports stay remembered, so that a late retransmission is not
   * taken for a new connection begun mid-stream. Like TCP's TIME-WAIT (2 MSL, RFC 9293).
   */
  static final long CLOSED_MEMORY_NANOS = 120_000_000_000L;

  private static final int MAX_REMEMBERED_CLOSED = 65_536;

  private final LinkedHashMap<ConnectionKey, Connection> connections =
      new LinkedHashMap<>(256, 0.75f, true);
  private final LinkedHashMap<ConnectionKey, Long> recentlyClosed = new LinkedHashMap<>();
  private final List<Integer> serverPorts;
  private final RequestSink sink;
  private final CaptureReport report;
  private final CaptureLimits limits;

  ConnectionTable(
      List<Integer> serverPorts, RequestSink sink, CaptureReport report, CaptureLimits limits) {
    this.serverPorts = serverPorts;
    this.sink = sink;
    this.report = report;
    this.limits = limits;
  }

  void add(TcpSegment segment) {
    ConnectionKey key = new ConnectionKey(segment);
    Connection connection = connections.get(key);
    if (connection != null && connection.isReopenedBy(segment)) {
      // A new SYN on the same ports: the old connection is over, whatever it last sent.
      connection.close(segment);
      connections.remove(key);
      connection = null;
    }
    if (connection == null && !segment.has(TcpSegment.SYN) && wasClosedRecently(key, segment)) {
      return;
    }
    if (connection == null) {
      boolean opensOrCarriesData =
          segment.has(TcpSegment.SYN) || segment.length > 0 || segment.missingTail > 0;
      if (!opensOrCarriesData || segment.has(TcpSegment.RST)) {
        return;
      }
      if (connections.size() >= limits.maxConnections()) {
        evictOldest(segment);
      }
      connection = new Connection(segment, serverPorts, sink, report, limits);
      connections.put(key, connection);
    }
    connection.add(segment);
    if (connection.closed()) {
      connections.remove(key);
      remember(key, segment.timeNanos);
    }
  }

  private boolean wasClosedRecently(ConnectionKey key, TcpSegment segment) {
    Long closedAt = recentlyClosed.get(key);
    return closedAt != null && segment.timeNanos - closedAt <= CLOSED_MEMORY_NANOS;
  }

  private void remember(ConnectionKey key, long timeNanos) {
    recentlyClosed.remove(key);
    recentlyClosed.put(key, timeNanos);
    Iterator<Map.Entry<ConnectionKey, Long>> it = recentlyClosed.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<ConnectionKey, Long> oldest = it.next();
      boolean expired = timeNanos - oldest.getValue() > CLOSED_MEMORY_NANOS;
      if (!expired && recentlyClosed.size() <= MAX_REMEMBERED_CLOSED) {
        return;
      }
      it.remove();
    }
  }

  /** Closes connections idle for longer than {@link #IDLE_NANOS} before {@code nowNanos}. */
  void closeIdle(long nowNanos, TcpSegment last) {
    Iterator<Connection> it = connections.values().iterator();
    while (it.hasNext()) {
      Connection connection = it.next();
      if (nowNanos - connection.lastTimeNanos <= IDLE_NANOS) {
        return;
      }
      connection.close(last);
      it.remove();
    }
  }

  /** Closes every connection, at the end of the capture. */
  void closeAll(TcpSegment last) {
    for (Connection connection : connections.values()) {
      connection.close(last);
    }
    connections.clear();
  }

  private void evictOldest(TcpSegment segment) {
    Iterator<Map.Entry<ConnectionKey, Connection>> it = connections.entrySet().iterator();
    Connection oldest = it.next().getValue();
    it.remove();
    if (oldest.hasRequestInProgress()) {
      report.damaged(
          segment.packetNumber,
          segment.byteOffset,
          "too many connections",
          "more than "
              + limits.maxConnections()
              + " connections open at once (limit of tracked"
              + " connections, raise it with --max-connections); the least recently active one"
              + " is closed early and its unfinished request is marked incomplete");
    }
    oldest.close(segment);
  }
}
