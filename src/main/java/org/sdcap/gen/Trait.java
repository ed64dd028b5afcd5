package org.sdcap.gen;

/**
 * A feature of realistic traffic that a generated request exhibits. The generator tags each request
 * with the traits it exercises, so tests can check that a sample covers all of them.
 */
public enum Trait {
  /** An OpenAI chat-completion body with tool definitions after the messages. */
  AGENT_TOOLS,
  /** An assistant message with tool calls followed by their tool results. */
  TOOL_RESULTS,
  /** A body that repeats the previous body of its session and appends to it. */
  GROWING_HISTORY,
  /** An Anthropic {@code /v1/messages} body. */
  ANTHROPIC_MESSAGES,
  /** A system prompt that starts with an {@code x-anthropic-billing-header} line. */
  BILLING_LINE,
  /** {@code metadata.user_id} of the form {@code user_<hex>_account_<uuid>_session_<uuid>}. */
  USER_ID_TEXT,
  /** {@code metadata.user_id} holding a JSON object as a string. */
  USER_ID_JSON,
  /** The header {@code X-Claude-Code-Session-Id}. */
  CLAUDE_CODE_SESSION_HEADER,
  /** A request of a sub-agent that shares its parent's client and session ids. */
  SUB_AGENT,
  /** A system prompt with the current time, which changes every turn. */
  SYSTEM_TIMESTAMP,
  /** Old tool results whose content was replaced by {@code [cleared]}. */
  CLEARED_TOOL_RESULTS,
  /** Tool definitions in a different order than in the previous request. */
  REORDERED_TOOLS,
  /** A chat UI that sends many conversations from one IP address and User-Agent. */
  SHARED_CLIENT,
  /** The header {@code X-OpenWebUI-Chat-Id}. */
  OPENWEBUI_CHAT_ID,
  /** A conversation without any conversation id in headers or body. */
  NO_CONVERSATION_ID,
  /** A branch: the history of an earlier request up to a point, then a different last turn. */
  REGENERATION,
  /** A body sent again unchanged after a failed attempt. */
  IDENTICAL_RETRY,
  /** A body of at least 500 KB. */
  HUGE_BODY,
  /** A base64 image data URL. */
  IMAGE,
  /** Emoji outside the Basic Multilingual Plane. */
  EMOJI_OUTSIDE_BMP,
  /** Chinese, Japanese or Korean text. */
  CJK_TEXT,
  /** Accented Latin letters. */
  ACCENTED_TEXT,
  /** The body member {@code prompt_cache_key}. */
  PROMPT_CACHE_KEY,
  /** The body member {@code litellm_session_id}. */
  LITELLM_SESSION_ID,
  /** The header {@code Helicone-Session-Id}. */
  HELICONE_SESSION_ID,
  /** A POST to {@code /v1/embeddings}. */
  EMBEDDINGS,
  /** A GET of {@code /v1/models}, which has no body. */
  MODELS_LIST,
  /** Response status 400. */
  STATUS_400,
  /** Response status 429. */
  STATUS_429,
  /** Response status 500. */
  STATUS_500,
  /** Response status 413: the server rejected the body as too large. */
  OVERSIZE_REJECTED,
  /** A body that is not well-formed UTF-8. */
  NON_UTF8_BODY,
  /** A JSON body with line breaks between tokens. */
  INDENTED_BODY,
  /** A body serialised with Python's default separators and ASCII escapes. */
  PYTHON_STYLE_BODY,
  /** A request that reached the server through a reverse proxy (X-Forwarded-For). */
  PROXIED,
  /** A request with a Referer header. */
  REFERER
}
