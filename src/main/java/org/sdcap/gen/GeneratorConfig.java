package org.sdcap.gen;

/**
 * Settings of a {@link TrafficGenerator}: the mix of client kinds, how often each feature occurs,
 * and the sizes of generated content. Immutable.
 *
 * @param startEpochMicros the time of the first request, in microseconds since the epoch
 * @param maxActiveSessions how many conversations run at once; memory grows with this number, not
 *     with the length of the stream
 */
public record GeneratorConfig(
    long startEpochMicros, int maxActiveSessions, SessionMix mix, FeatureRates rates, Sizes sizes) {

  /** 2026-01-12T09:00:00Z, a Monday morning. */
  public static final long DEFAULT_START_EPOCH_MICROS = 1_768_208_400_000_000L;

  public GeneratorConfig {
    if (maxActiveSessions < 1) {
      throw new IllegalArgumentException(
          "maxActiveSessions must be at least 1, got " + maxActiveSessions);
    }
  }

  /**
   * Relative shares of the kinds of conversation that start, as integer weights.
   *
   * @param agent OpenAI chat-completion agents with tools
   * @param claudeCode a Claude-Code-like client on {@code /v1/messages}, with sub-agents
   * @param chatUi chat front ends: many conversations behind one address
   * @param script small scripts: curl, python-requests, PowerShell
   * @param embeddings indexing jobs on {@code /v1/embeddings}
   * @param modelsList clients listing {@code /v1/models}
   * @param hugeDocument a pasted document that makes every body of the conversation huge
   * @param rotate start the kinds with a non-zero weight in turn, and the variants of each kind
   *     (SDK, CLI version, front end, script tool) in turn, instead of at random: a short stream
   *     then shows every kind and variant
   */
  public record SessionMix(
      int agent,
      int claudeCode,
      int chatUi,
      int script,
      int embeddings,
      int modelsList,
      int hugeDocument,
      boolean rotate) {

    int[] weights() {
      return new int[] {agent, claudeCode, chatUi, script, embeddings, modelsList, hugeDocument};
    }
  }

  /**
   * Probabilities in [0, 1] of each feature. "Per request" rates apply to every request of the
   * kinds that can show the feature; "per conversation" rates are drawn once when it starts.
   *
   * @param retry per request: the first attempt fails with 429 or 500 and the same body follows
   * @param badRequest per request: the server responds with 400
   * @param oversizeRejected per request with a body of at least {@link Sizes#oversizeMinBytes}: the
   *     server responds with 413
   * @param regeneration per chat turn: the user edits an earlier message, branching the history
   * @param subAgent per Claude-Code turn: a sub-agent runs beside the main conversation
   * @param image per chat conversation: the first message carries a base64 image
   * @param multilingual per chat message: emoji, CJK or accented text
   * @param systemTimestamp per agent conversation: the current time in the system prompt
   * @param clearToolResults per agent conversation: old tool results are replaced by {@code
   *     [cleared]}
   * @param reorderTools per agent conversation: the tool list is reordered between requests
   * @param promptCacheKey per agent conversation: the body carries {@code prompt_cache_key}
   * @param litellmSessionId per agent conversation: the body carries {@code litellm_session_id}
   * @param heliconeSessionId per agent conversation: the header {@code Helicone-Session-Id}
   * @param userIdJson per Claude-Code conversation: {@code metadata.user_id} is a JSON string
   * @param claudeCodeSessionHeader per Claude-Code conversation: the header {@code
   *     X-Claude-Code-Session-Id}
   * @param chatIdHeader per chat conversation: the front end sends {@code X-OpenWebUI-Chat-Id}
   * @param pythonStyle per agent or script conversation: bodies use Python's default separators
   * @param nonUtf8Body per script request: the body is encoded as ISO-8859-1
   * @param indentedBody per script request: the body is indented JSON sent by curl
   * @param proxied per client: its requests arrive through a reverse proxy
   */
  public record FeatureRates(
      double retry,
      double badRequest,
      double oversizeRejected,
      double regeneration,
      double subAgent,
      double image,
      double multilingual,
      double systemTimestamp,
      double clearToolResults,
      double reorderTools,
      double promptCacheKey,
      double litellmSessionId,
      double heliconeSessionId,
      double userIdJson,
      double claudeCodeSessionHeader,
      double chatIdHeader,
      double pythonStyle,
      double nonUtf8Body,
      double indentedBody,
      double proxied) {}

  /**
   * Sizes of generated content, in bytes of UTF-8 unless stated otherwise. Generated sizes vary
   * around these targets.
   *
   * @param systemPromptBytes an agent's system prompt
   * @param toolSchemaBytes an agent's whole list of tool definitions
   * @param maxToolOutputBytes the largest single tool result (file contents, command output)
   * @param maxReplyBytes the largest model reply in a history, and the largest text to embed
   * @param minImageBytes the smallest image, before base64
   * @param maxImageBytes the largest image, before base64
   * @param hugeBodyBytes the pasted document of a huge-document conversation
   * @param maxHistoryBytes the history at which an agent compacts it or ends the conversation
   * @param maxTurns the most requests of one agent conversation
   * @param oversizeMinBytes the smallest body a server may reject with 413
   */
  public record Sizes(
      int systemPromptBytes,
      int toolSchemaBytes,
      int maxToolOutputBytes,
      int maxReplyBytes,
      int minImageBytes,
      int maxImageBytes,
      int hugeBodyBytes,
      int maxHistoryBytes,
      int maxTurns,
      int oversizeMinBytes) {}

  /** Traffic of a busy shared server: every feature present, sizes as real clients send them. */
  public static GeneratorConfig defaults() {
    return new GeneratorConfig(
        DEFAULT_START_EPOCH_MICROS,
        32,
        new SessionMix(30, 20, 25, 8, 6, 6, 1, false),
        new FeatureRates(
            0.02, 0.01, 0.05, 0.12, 0.08, 0.25, 0.3, 0.4, 0.3, 0.25, 0.3, 0.25, 0.2, 0.4, 0.5, 0.6,
            0.4, 0.1, 0.15, 0.6),
        new Sizes(6_000, 30_000, 24_000, 1_500, 100_000, 300_000, 560_000, 600_000, 40, 256_000));
  }

  /**
   * Small sizes and high feature rates, so that a few dozen requests show every feature except
   * {@link Trait#HUGE_BODY}. Used for the committed sample set.
   */
  public static GeneratorConfig sample() {
    return new GeneratorConfig(
        DEFAULT_START_EPOCH_MICROS,
        4,
        new SessionMix(1, 1, 1, 1, 1, 1, 0, true),
        new FeatureRates(
            0.12, 0.06, 0.1, 1.0, 0.4, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.5, 0.5, 0.4, 0.5,
            1.0, 1.0, 0.5),
        new Sizes(40, 150, 150, 200, 150, 300, 0, 14_000, 4, 2_000));
  }

  public GeneratorConfig withMaxActiveSessions(int sessions) {
    return new GeneratorConfig(startEpochMicros, sessions, mix, rates, sizes);
  }

  public GeneratorConfig withMix(SessionMix newMix) {
    return new GeneratorConfig(startEpochMicros, maxActiveSessions, newMix, rates, sizes);
  }
}
