package org.sdcap.pcap;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reassembles one direction of a TCP connection into stream order.
 *
 * <p>Sequence numbers become 64-bit stream offsets counted from the first byte after the SYN (or,
 * when the capture begins mid-connection, from the first segment seen), so wrap-around at 2^32 is
 * handled by the unwrapping in {@link #streamOffset(long)}. Segments ahead of the next expected
 * byte wait in an ordered buffer of at most {@code maxBufferedBytes}; beyond that, or at the end of
 * the direction, the bytes still missing are passed on as a gap. When copies of a byte differ, the
 * first captured copy is kept and the conflict is reported; delivered bytes are compared against a
 * history of the last {@value #HISTORY_BYTES} bytes.
 */
final class TcpStream {

  static final int HISTORY_BYTES = 8192;

  /** A segment waiting for the bytes before it; {@code missingTail} bytes follow its data. */
  private record Buffered(byte[] data, int missingTail, TcpSegment meta) {
    long length() {
      return data.length + (long) missingTail;
    }
  }

  private final String description;
  private final CaptureReport report;
  private final long maxBufferedBytes;
  private final TreeMap<Long, Buffered> buffered = new TreeMap<>();
  private StreamConsumer consumer;
  private boolean reportDamage;
  private boolean started;
  private long base;
  private long next;
  private long bufferedBytes;
  private long finOffset = -1;
  private boolean ended;
  private byte[] history;
  private long historyStart;

  /**
   * @param description the direction as messages print it, for example {@code 10.0.0.1:5000 ->
   *     10.0.0.2:80}
   */
  TcpStream(String description, CaptureReport report, long maxBufferedBytes) {
    this.description = description;
    this.report = report;
    this.maxBufferedBytes = maxBufferedBytes;
  }

  void setConsumer(StreamConsumer consumer) {
    this.consumer = consumer;
  }

  StreamConsumer consumer() {
    return consumer;
  }

  /** Sets whether gaps and conflicts are reported: only for connections that carry HTTP. */
  void setReportDamage(boolean reportDamage) {
    this.reportDamage = reportDamage;
  }

  boolean started() {
    return started;
  }

  boolean ended() {
    return ended;
  }

  /** Returns the sequence number that stream offset 0 has. */
  long initialSequence() {
    return base;
  }

  /** Adds one captured segment sent in this direction. */
  void add(TcpSegment segment) {
    if (ended) {
      return;
    }
    if (!started) {
      started = true;
      base = segment.has(TcpSegment.SYN) ? (segment.sequence + 1) & 0xFFFFFFFFL : segment.sequence;
      historyStart = 0;
    }
    long offset =
        streamOffset(segment.has(TcpSegment.SYN) ? segment.sequence + 1 : segment.sequence);
    int length = segment.length;
    int missingTail = segment.missingTail;
    if (length > 0 || missingTail > 0) {
      accept(segment, offset, segment.data, segment.offset, length, missingTail);
    }
    if (segment.has(TcpSegment.FIN) && finOffset < 0) {
      finOffset = offset + length + missingTail;
    }
    deliverBuffered();
    if (bufferedBytes > maxBufferedBytes) {
      reportBufferFull(segment);
      while (bufferedBytes > maxBufferedBytes) {
        skipToFirstBuffered(segment);
        deliverBuffered();
      }
    }
    if (finOffset >= 0 && next >= finOffset) {
      finish(segment);
    }
  }

  /**
   * Ends the direction: declares every hole as a gap, delivers what waited, and ends the consumer.
   */
  void finish(TcpSegment last) {
    if (ended) {
      return;
    }
    while (!buffered.isEmpty()) {
      skipToFirstBuffered(last);
      deliverBuffered();
    }
    if (finOffset > next) {
      gap(finOffset - next, last);
    }
    ended = true;
    if (consumer != null) {
      consumer.end(last);
    }
  }

  /** Converts a 32-bit sequence number to the stream offset nearest the next expected byte. */
  long streamOffset(long sequence) {
    long relative = (sequence - base) & 0xFFFFFFFFL;
    int difference = (int) (relative - (next & 0xFFFFFFFFL));
    return next + difference;
  }

  private void accept(
      TcpSegment segment, long offset, byte[] b, int from, int length, int missingTail) {
    long end = offset + length + missingTail;
    if (end <= next) {
      compareWithHistory(segment, offset, b, from, length);
      return;
    }
    if (offset < next) {
      int overlap = (int) Math.min(length, next - offset);
      compareWithHistory(segment, offset, b, from, overlap);
      if (overlap == length) {
        // Only the uncaptured tail is new.
        missingTail = (int) (end - next);
        length = 0;
      } else {
        from += overlap;
        length -= overlap;
      }
      offset = next;
    }
    boolean clearOfBuffered = buffered.isEmpty() || buffered.firstKey() >= offset + length;
    if (offset == next && clearOfBuffered) {
      deliver(b, from, length, segment);
      if (missingTail > 0) {
        gap(missingTail, segment);
      }
      return;
    }
    insertBuffered(segment, offset, b, from, length, missingTail);
  }

  /** Buffers the parts of a segment that no buffered segment covers; compares the parts that do. */
  private void insertBuffered(
      TcpSegment segment, long offset, byte[] b, int from, int length, int missingTail) {
    long end = offset + length;
    long cursor = offset;
    Map.Entry<Long, Buffered> floor = buffered.floorEntry(offset);
    if (floor != null && floor.getKey() + floor.getValue().length() > offset) {
      cursor = coveredBy(floor.getKey(), floor.getValue(), segment, offset, b, from, cursor, end);
    }
    while (cursor < end) {
      Map.Entry<Long, Buffered> following = buffered.ceilingEntry(cursor);
      long pieceEnd = following == null ? end : Math.min(end, following.getKey());
      if (pieceEnd > cursor) {
        int start = from + (int) (cursor - offset);
        boolean last = pieceEnd == end;
        store(
            cursor,
            Arrays.copyOfRange(b, start, start + (int) (pieceEnd - cursor)),
            last && following == null ? missingTail : 0,
            segment);
        cursor = pieceEnd;
      }
      if (following != null && following.getKey() < end) {
        cursor =
            coveredBy(
                following.getKey(), following.getValue(), segment, offset, b, from, cursor, end);
      }
    }
    if (length == 0 && missingTail > 0 && !buffered.containsKey(offset)) {
      store(offset, new byte[0], missingTail, segment);
    }
  }

  /** Compares the part of a new segment that a buffered one covers; returns where cover ends. */
  private long coveredBy(
      long key,
      Buffered existing,
      TcpSegment segment,
      long offset,
      byte[] b,
      int from,
      long cursor,
      long end) {
    long coverEnd = Math.min(end, key + existing.data().length);
    for (long at = cursor; at < coverEnd; at++) {
      if (existing.data()[(int) (at - key)] != b[from + (int) (at - offset)]) {
        reportConflict(segment, at);
        break;
      }
    }
    return Math.max(cursor, Math.min(end, key + existing.length()));
  }

  private void store(long offset, byte[] data, int missingTail, TcpSegment segment) {
    TcpSegment meta = new TcpSegment();
    meta.timeNanos = segment.timeNanos;
    meta.timeDigits = segment.timeDigits;
    meta.packetNumber = segment.packetNumber;
    meta.byteOffset = segment.byteOffset;
    meta.sequence = segment.sequence;
    buffered.put(offset, new Buffered(data, missingTail, meta));
    bufferedBytes += data.length;
  }

  private void deliverBuffered() {
    while (!buffered.isEmpty() && buffered.firstKey() <= next) {
      Map.Entry<Long, Buffered> first = buffered.pollFirstEntry();
      Buffered piece = first.getValue();
      bufferedBytes -= piece.data().length;
      long offset = first.getKey();
      long end = offset + piece.length();
      if (end <= next) {
        continue;
      }
      int skip = (int) Math.min(piece.data().length, next - offset);
      int length = piece.data().length - skip;
      if (length > 0) {
        deliver(piece.data(), skip, length, piece.meta());
      }
      long tail = end - next;
      if (tail > 0) {
        gap(tail, piece.meta());
      }
    }
  }

  /** Declares the bytes before the first buffered segment lost; reports them at that segment. */
  private void skipToFirstBuffered(TcpSegment segment) {
    Map.Entry<Long, Buffered> first = buffered.firstEntry();
    if (first.getKey() > next) {
      gap(first.getKey() - next, first.getValue().meta());
    }
  }

  /**
   * Takes an acknowledgment number sent by the other side. When the receiver acknowledged all of
   * the first buffered segment, the bytes before it reached the receiver but not the capture: they
   * are declared lost now instead of when the connection ends.
   */
  void acknowledged(long acknowledgment) {
    if (!started || ended || buffered.isEmpty()) {
      return;
    }
    long acknowledged = streamOffset(acknowledgment);
    Map.Entry<Long, Buffered> first = buffered.firstEntry();
    if (acknowledged >= first.getKey() + first.getValue().length()) {
      skipToFirstBuffered(first.getValue().meta());
      deliverBuffered();
      if (finOffset >= 0 && next >= finOffset) {
        finish(first.getValue().meta());
      }
    }
  }

  private void deliver(byte[] b, int from, int length, TcpSegment segment) {
    if (length == 0) {
      return;
    }
    remember(b, from, length);
    long offset = next;
    next += length;
    if (consumer != null) {
      consumer.data(b, from, length, offset, segment);
    }
  }

  private void gap(long length, TcpSegment segment) {
    long offset = next;
    next += length;
    historyStart = next;
    if (reportDamage) {
      report.damaged(
          segment.packetNumber,
          segment.byteOffset,
          "missing bytes",
          length
              + " bytes missing from the capture in "
              + description
              + " at sequence "
              + ((base + offset) & 0xFFFFFFFFL));
    }
    if (consumer != null) {
      consumer.gap(offset, length, segment);
    }
  }

  /** Copies the last delivered bytes into the history ring, which ends at stream offset next. */
  private void remember(byte[] b, int from, int length) {
    if (history == null) {
      history = new byte[HISTORY_BYTES];
    }
    int keep = Math.min(length, HISTORY_BYTES);
    int source = from + length - keep;
    int at = (int) ((next + length - keep) % HISTORY_BYTES);
    int first = Math.min(keep, HISTORY_BYTES - at);
    System.arraycopy(b, source, history, at, first);
    System.arraycopy(b, source + first, history, 0, keep - first);
  }

  private void compareWithHistory(TcpSegment segment, long offset, byte[] b, int from, int length) {
    if (history == null) {
      return;
    }
    long windowStart = Math.max(historyStart, next - HISTORY_BYTES);
    long start = Math.max(offset, windowStart);
    long end = Math.min(offset + length, next);
    for (long at = start; at < end; at++) {
      if (history[(int) (at % HISTORY_BYTES)] != b[from + (int) (at - offset)]) {
        reportConflict(segment, at);
        return;
      }
    }
  }

  private void reportConflict(TcpSegment segment, long streamOffset) {
    if (reportDamage) {
      report.damaged(
          segment.packetNumber,
          segment.byteOffset,
          "conflicting overlap",
          "conflicting overlap in "
              + description
              + " at sequence "
              + ((base + streamOffset) & 0xFFFFFFFFL)
              + ": a retransmitted copy differs from the bytes first captured, which are kept");
    }
    if (consumer != null) {
      consumer.conflict(streamOffset, segment);
    }
  }

  private void reportBufferFull(TcpSegment segment) {
    report.damaged(
        segment.packetNumber,
        segment.byteOffset,
        "out-of-order buffer full",
        "more than "
            + maxBufferedBytes
            + " out-of-order bytes waiting in "
            + description
            + " (limit of buffered out-of-order bytes per connection direction, raise it with"
            + " --max-out-of-order); the bytes missing before them are treated as lost");
  }
}
