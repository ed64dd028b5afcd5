package org.sdcap.pcap;

import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Orders complete requests by the capture time of their last byte and keeps each until its response
 * status is known.
 *
 * <p>The oldest request leaves the queue when its response is settled (status matched, or none will
 * come because the connection or its response direction ended), or when it has waited {@link
 * CaptureLimits#holdNanos()} of capture time, or when more than {@link
 * CaptureLimits#maxHeldRequests()} requests or {@link CaptureLimits#maxHeldBodyBytes()} body bytes
 * wait. Requests released by a bound have no {@code status}. Output is therefore sorted by time
 * within the hold window; a request whose last byte arrives later than the window is emitted in
 * arrival order.
 */
final class RecordQueue {

  private final CaptureLimits limits;
  private final PriorityQueue<HttpRequest> waiting =
      new PriorityQueue<>(
          Comparator.<HttpRequest>comparingLong(r -> r.lastTimeNanos)
              .thenComparingLong(r -> r.sequenceNumber));
  private long heldBodyBytes;

  RecordQueue(CaptureLimits limits) {
    this.limits = limits;
  }

  void add(HttpRequest request) {
    waiting.add(request);
    heldBodyBytes += request.bodyBytesHeld();
  }

  /**
   * Passes every request that may leave now, in order, to {@code emit}.
   *
   * @param nowNanos the latest capture time seen
   */
  void release(long nowNanos, Consumer<HttpRequest> emit) {
    while (!waiting.isEmpty()) {
      HttpRequest oldest = waiting.peek();
      boolean mayLeave =
          oldest.responseSettled
              || nowNanos - oldest.lastTimeNanos > limits.holdNanos()
              || waiting.size() > limits.maxHeldRequests()
              || heldBodyBytes > limits.maxHeldBodyBytes();
      if (!mayLeave) {
        return;
      }
      emit.accept(remove());
    }
  }

  /** Passes every waiting request to {@code emit}, at the end of the capture. */
  void releaseAll(Consumer<HttpRequest> emit) {
    while (!waiting.isEmpty()) {
      emit.accept(remove());
    }
  }

  private HttpRequest remove() {
    HttpRequest request = waiting.poll();
    heldBodyBytes -= request.bodyBytesHeld();
    return request;
  }
}
