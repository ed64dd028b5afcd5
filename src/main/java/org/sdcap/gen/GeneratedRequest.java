package org.sdcap.gen;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One generated HTTP request to an LLM API server, with everything the input formats record.
 *
 * @param timestampMicros when the server received the request, in microseconds since the epoch
 * @param clientIp the address of the TCP peer: the client, or the reverse proxy in front of it
 * @param clientPort the TCP source port of that peer
 * @param method {@code POST} or {@code GET}
 * @param path the request target, for example {@code /v1/chat/completions}
 * @param host the value of the {@code Host} header
 * @param headers the other headers in the order sent, without {@code Host} and {@code
 *     Content-Length}
 * @param status the HTTP status the server responded with
 * @param model the body's {@code model} member, or null when the body has none or a server could
 *     not parse it
 * @param body the body bytes, empty for a request without a body; shared, so callers must not
 *     modify the array
 * @param sessionLabel the generator's own name of the conversation, for checking session grouping
 *     (sub-agents get their parent's label plus {@code /sub<N>})
 * @param traits the features this request exhibits
 */
public record GeneratedRequest(
    long timestampMicros,
    String clientIp,
    int clientPort,
    String method,
    String path,
    String host,
    List<Header> headers,
    int status,
    String model,
    byte[] body,
    String sessionLabel,
    Set<Trait> traits) {

  public GeneratedRequest {
    headers = List.copyOf(headers);
    traits = traits.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(traits));
  }

  /** Returns the value of the first header with this name (ignoring case), or null. */
  public String header(String name) {
    for (Header header : headers) {
      if (header.name().equalsIgnoreCase(name)) {
        return header.value();
      }
    }
    return null;
  }

  /** Returns the timestamp in whole milliseconds since the epoch, rounded down. */
  public long timestampMillis() {
    return Math.floorDiv(timestampMicros, 1000);
  }

  public boolean hasTrait(Trait trait) {
    return traits.contains(trait);
  }

  GeneratedRequest withStatus(int newStatus, Trait trait) {
    return new GeneratedRequest(
        timestampMicros,
        clientIp,
        clientPort,
        method,
        path,
        host,
        headers,
        newStatus,
        model,
        body,
        sessionLabel,
        union(traits, trait));
  }

  GeneratedRequest withTrait(Trait trait) {
    return withStatus(status, trait);
  }

  /** Returns this request sent again unchanged, as an SDK retry does: same body, new time. */
  GeneratedRequest retriedAt(long micros, int port, String retryCountHeader) {
    List<Header> retryHeaders = new ArrayList<>(headers.size());
    for (Header header : headers) {
      boolean isRetryCount = header.name().equalsIgnoreCase("x-stainless-retry-count");
      retryHeaders.add(isRetryCount ? new Header(header.name(), retryCountHeader) : header);
    }
    Set<Trait> retryTraits = EnumSet.noneOf(Trait.class);
    retryTraits.addAll(traits);
    retryTraits.remove(Trait.STATUS_429);
    retryTraits.remove(Trait.STATUS_500);
    retryTraits.add(Trait.IDENTICAL_RETRY);
    return new GeneratedRequest(
        micros,
        clientIp,
        port,
        method,
        path,
        host,
        retryHeaders,
        200,
        model,
        body,
        sessionLabel,
        retryTraits);
  }

  private static Set<Trait> union(Set<Trait> traits, Trait trait) {
    Set<Trait> result = EnumSet.of(trait);
    result.addAll(traits);
    return result;
  }
}
