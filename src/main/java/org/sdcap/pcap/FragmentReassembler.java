package org.sdcap.pcap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reassembles fragmented IPv4 and IPv6 datagrams with bounded memory: at most {@link #MAX_PENDING}
 * datagrams wait at once, each for at most {@link #TIMEOUT_NANOS} of capture time. Datagrams
 * dropped by either bound are reported as damage, and TCP then finds their bytes missing.
 */
final class FragmentReassembler {

  static final int MAX_PENDING = 1024;
  static final long TIMEOUT_NANOS = 30_000_000_000L;
  private static final int MAX_DATAGRAM = 65_535;

  private record Key(int version, byte[] source, byte[] destination, long identification) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && version == key.version
          && identification == key.identification
          && Arrays.equals(source, key.source)
          && Arrays.equals(destination, key.destination);
    }

    @Override
    public int hashCode() {
      return Objects.hash(
          version, identification, Arrays.hashCode(source), Arrays.hashCode(destination));
    }
  }

  private static final class Pending {
    final long firstTimeNanos;
    final long firstPacket;
    final long firstOffset;
    byte[] bytes = new byte[2048];
    final List<int[]> covered = new ArrayList<>();
    int totalLength = -1;

    Pending(Frame frame) {
      firstTimeNanos = frame.timeNanos;
      firstPacket = frame.number;
      firstOffset = frame.byteOffset;
    }
  }

  private final Map<Key, Pending> pending = new LinkedHashMap<>();
  private final CaptureReport report;

  FragmentReassembler(CaptureReport report) {
    this.report = report;
  }

  /**
   * Adds one fragment whose payload is {@code b[at, at + length)} at byte {@code fragmentOffset} of
   * the datagram's payload.
   *
   * @return the whole datagram payload once every fragment has arrived, otherwise null
   */
  byte[] add(
      Frame frame,
      int version,
      byte[] source,
      byte[] destination,
      long identification,
      int fragmentOffset,
      boolean moreFragments,
      byte[] b,
      int at,
      int length,
      int missing) {
    expire(frame.timeNanos);
    if (fragmentOffset + length + missing > MAX_DATAGRAM) {
      report.damaged(
          frame.number,
          frame.byteOffset,
          "invalid IP fragment",
          "IP fragment ends at byte "
              + (fragmentOffset + length + missing)
              + ", beyond the maximum datagram size of "
              + MAX_DATAGRAM
              + "; it is dropped");
      return null;
    }
    Key key = new Key(version, source, destination, identification);
    Pending datagram = pending.get(key);
    if (datagram == null) {
      if (pending.size() >= MAX_PENDING) {
        dropOldest(frame);
      }
      datagram = new Pending(frame);
      pending.put(key, datagram);
    }
    int end = fragmentOffset + length;
    if (datagram.bytes.length < end) {
      datagram.bytes = Arrays.copyOf(datagram.bytes, Math.max(end, datagram.bytes.length * 2));
    }
    System.arraycopy(b, at, datagram.bytes, fragmentOffset, length);
    datagram.covered.add(new int[] {fragmentOffset, end});
    if (!moreFragments) {
      datagram.totalLength = end + missing;
    }
    if (datagram.totalLength >= 0 && coversAll(datagram)) {
      pending.remove(key);
      return Arrays.copyOf(datagram.bytes, datagram.totalLength);
    }
    return null;
  }

  /** Reports every datagram still waiting, at the end of the capture. */
  void finish() {
    for (Pending datagram : pending.values()) {
      reportDropped(datagram, "the capture ended");
    }
    pending.clear();
  }

  private static boolean coversAll(Pending datagram) {
    datagram.covered.sort((x, y) -> Integer.compare(x[0], y[0]));
    int reached = 0;
    for (int[] range : datagram.covered) {
      if (range[0] > reached) {
        return false;
      }
      reached = Math.max(reached, range[1]);
    }
    return reached >= datagram.totalLength;
  }

  private void expire(long nowNanos) {
    Iterator<Pending> it = pending.values().iterator();
    while (it.hasNext()) {
      Pending datagram = it.next();
      if (nowNanos - datagram.firstTimeNanos <= TIMEOUT_NANOS) {
        break;
      }
      reportDropped(datagram, "its fragments did not all arrive within 30 s of capture time");
      it.remove();
    }
  }

  private void dropOldest(Frame frame) {
    Iterator<Pending> it = pending.values().iterator();
    Pending oldest = it.next();
    it.remove();
    reportDropped(
        oldest, "more than " + MAX_PENDING + " fragmented datagrams were waiting at once");
  }

  private void reportDropped(Pending datagram, String reason) {
    report.damaged(
        datagram.firstPacket,
        datagram.firstOffset,
        "incomplete IP datagram",
        "fragmented IP datagram dropped because " + reason);
  }
}
