package org.sdcap.gen;

import java.io.IOException;
import java.util.List;

/**
 * Writes one generated stream to a primary writer, and the same requests to companion writers,
 * until a limit on the primary's size or on the request count is reached.
 *
 * @param seed the generator seed
 * @param config the generator settings
 * @param maxBytes stop after the request that brings the primary output to at least this many
 *     bytes; 0 for no byte limit
 * @param maxRequests stop after this many requests; 0 for no request limit
 */
public record GenerationJob(long seed, GeneratorConfig config, long maxBytes, long maxRequests) {

  /** The result of a run: the number of requests and the size of the primary output in bytes. */
  public record Summary(long requests, long bytes) {}

  public GenerationJob {
    if (maxBytes <= 0 && maxRequests <= 0) {
      throw new IllegalArgumentException("a limit is required: maxBytes or maxRequests");
    }
  }

  /** Writes the stream to {@code primary} and every one of {@code companions}, then closes none. */
  public Summary run(RequestWriter primary, List<RequestWriter> companions) throws IOException {
    TrafficGenerator generator = new TrafficGenerator(seed, config);
    long requests = 0;
    while (!limitReached(requests, primary.bytesWritten())) {
      GeneratedRequest request = generator.next();
      primary.write(request);
      for (RequestWriter companion : companions) {
        companion.write(request);
      }
      requests++;
    }
    return new Summary(requests, primary.bytesWritten());
  }

  private boolean limitReached(long requests, long bytes) {
    return (maxRequests > 0 && requests >= maxRequests) || (maxBytes > 0 && bytes >= maxBytes);
  }
}
