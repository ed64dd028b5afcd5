package org.sdcap.pcap;

/**
 * Memory bounds for reading a capture. Each limit's message names the option that raises it.
 *
 * @param maxHeaderBytes largest request or response header block ({@code --max-header-size})
 * @param maxBodyBytes largest request body kept; bytes beyond it are counted in {@code
 *     body_dropped_bytes} ({@code --max-body-size})
 * @param maxOutOfOrderBytes out-of-order bytes buffered per connection direction before the bytes
 *     missing ahead of them are given up as lost ({@code --max-out-of-order})
 * @param maxConnections connections tracked at once; beyond it the least recently active one is
 *     closed as if the capture had ended for it ({@code --max-connections})
 * @param holdNanos capture time a complete request waits for its response status
 * @param maxHeldRequests complete requests waiting for a status (or for earlier requests) at once
 * @param maxHeldBodyBytes body bytes of the requests waiting at once
 */
public record CaptureLimits(
    int maxHeaderBytes,
    int maxBodyBytes,
    long maxOutOfOrderBytes,
    int maxConnections,
    long holdNanos,
    int maxHeldRequests,
    long maxHeldBodyBytes) {

  public static CaptureLimits defaults() {
    return new CaptureLimits(
        64 * 1024, 64 << 20, 16 << 20, 16_384, 300_000_000_000L, 10_000, 512L << 20);
  }
}
