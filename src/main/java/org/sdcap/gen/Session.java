package org.sdcap.gen;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One conversation: it produces its requests one at a time, keeping only the state that the next
 * request needs (its history), so that memory depends on the number of active sessions only.
 */
abstract class Session {

  /**
   * The request a session sends now, and the delay before its next one (negative after the last).
   */
  record Turn(GeneratedRequest request, long delayMicros) {

    static Turn last(GeneratedRequest request) {
      return new Turn(request, -1);
    }

    boolean isLast() {
      return delayMicros < 0;
    }
  }

  /** The scheduler, as far as a session may use it. */
  interface Host {
    /**
     * Starts {@code child} at {@code startMicros} beside its parent. Returns false, without
     * starting it, when the limit of active sessions leaves no room.
     */
    boolean spawn(Session child, long startMicros);
  }

  static final String CHAT_PATH = "/v1/chat/completions";
  static final String MESSAGES_PATH = "/v1/messages";

  final String label;
  final Rng rng;
  final Client client;
  final GeneratorConfig config;

  Session(String label, Rng rng, Client client, GeneratorConfig config) {
    this.label = label;
    this.rng = rng;
    this.client = client;
    this.config = config;
  }

  /** Produces the request sent at {@code micros}. */
  abstract Turn next(long micros, Host host);

  GeneratedRequest post(
      long micros,
      String path,
      List<Header> extraHeaders,
      String model,
      byte[] body,
      Set<Trait> traits) {
    return request(micros, "POST", path, extraHeaders, model, body, traits);
  }

  GeneratedRequest request(
      long micros,
      String method,
      String path,
      List<Header> extraHeaders,
      String model,
      byte[] body,
      Set<Trait> traits) {
    Set<Trait> all = traits.isEmpty() ? EnumSet.noneOf(Trait.class) : EnumSet.copyOf(traits);
    if (client.proxied()) {
      all.add(Trait.PROXIED);
    }
    if (client.hasReferer()) {
      all.add(Trait.REFERER);
    }
    return new GeneratedRequest(
        micros,
        client.peerIp,
        client.nextPort(),
        method,
        path,
        client.host,
        client.headers(extraHeaders),
        200,
        model,
        body,
        label,
        all);
  }

  /** Returns a delay of about {@code meanSeconds}, never below {@code minSeconds}. */
  long delay(double minSeconds, double meanSeconds) {
    return micros(minSeconds + rng.exponential(meanSeconds));
  }

  /** Returns a size skewed towards small values, between {@code min} and {@code max} bytes. */
  int skewedSize(int min, int max) {
    if (max <= min) {
      return min;
    }
    double size = min + rng.exponential((max - min) / 4.0);
    return (int) Math.min(max, size);
  }

  /** Returns the size of a model's reply, up to {@link GeneratorConfig.Sizes#maxReplyBytes()}. */
  int replySize() {
    return rng.between(config.sizes().maxReplyBytes() / 10, config.sizes().maxReplyBytes());
  }

  static long micros(double seconds) {
    return (long) (seconds * 1_000_000.0);
  }

  /** Adds the text traits of a message: emoji outside the BMP, CJK and accented letters. */
  static void addTextTraits(String text, Set<Trait> traits) {
    text.codePoints()
        .forEach(
            codePoint -> {
              if (codePoint >= 0x1F000 && codePoint <= 0x1FAFF) {
                traits.add(Trait.EMOJI_OUTSIDE_BMP);
              } else if ((codePoint >= 0x3040 && codePoint <= 0x30FF)
                  || (codePoint >= 0x4E00 && codePoint <= 0x9FFF)
                  || (codePoint >= 0xAC00 && codePoint <= 0xD7AF)) {
                traits.add(Trait.CJK_TEXT);
              } else if (codePoint >= 0xC0 && codePoint <= 0x24F && codePoint != 0xD7) {
                traits.add(Trait.ACCENTED_TEXT);
              }
            });
  }
}
