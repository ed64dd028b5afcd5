package org.sdcap.gen;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * An OpenAI chat-completion agent: the whole history with tool calls and results in every request,
 * and the tool definitions after the messages.
 */
final class AgentSession extends Session {

  private static final int KEPT_TOOL_RESULTS = 2;
  private static final String CLEARED = "[cleared]";
  private static final List<String> CALLED_TOOLS =
      List.of("read_file", "bash", "grep", "list_directory", "str_replace_editor", "run_tests");

  private final AgentProfile profile;
  private final JsonStyle style;
  private final boolean timestampInPrompt;
  private final boolean clearsToolResults;
  private final boolean reordersTools;
  private final String promptCacheKey;
  private final String litellmSessionId;
  private final String heliconeSessionId;
  private final int maxTurns;
  private final Set<Trait> sessionTraits = EnumSet.of(Trait.AGENT_TOOLS);

  /** Serialised messages after the system message; tool messages have their call id alongside. */
  private final List<byte[]> messages = new ArrayList<>();

  private final List<String> toolCallIds = new ArrayList<>();
  private final int[] toolOrder;
  private int turn;
  private boolean anyCleared;

  AgentSession(String label, Rng rng, Client client, GeneratorConfig config, AgentProfile profile) {
    super(label, rng, client, config);
    GeneratorConfig.FeatureRates rates = config.rates();
    this.profile = profile;
    this.style = profile.flavor.style;
    this.timestampInPrompt = rng.chance(rates.systemTimestamp());
    this.clearsToolResults = rng.chance(rates.clearToolResults());
    this.reordersTools = rng.chance(rates.reorderTools());
    this.promptCacheKey = rng.chance(rates.promptCacheKey()) ? rng.uuid() : null;
    this.litellmSessionId = rng.chance(rates.litellmSessionId()) ? rng.uuid() : null;
    this.heliconeSessionId = rng.chance(rates.heliconeSessionId()) ? rng.uuid() : null;
    this.maxTurns = rng.between(2, Math.max(2, config.sizes().maxTurns()));
    this.toolOrder = new int[profile.tools.size()];
    for (int i = 0; i < toolOrder.length; i++) {
      toolOrder[i] = i;
    }
    if (style == JsonStyle.PYTHON) {
      sessionTraits.add(Trait.PYTHON_STYLE_BODY);
    }
    if (timestampInPrompt) {
      sessionTraits.add(Trait.SYSTEM_TIMESTAMP);
    }
    addIdTraits();
  }

  @Override
  Turn next(long micros, Host host) {
    Set<Trait> traits = EnumSet.copyOf(sessionTraits);
    if (turn == 0) {
      messages.add(message("user", rng.pick(Lexicon.AGENT_TASKS)));
      toolCallIds.add(null);
    } else {
      appendStep();
      traits.add(Trait.GROWING_HISTORY);
      traits.add(Trait.TOOL_RESULTS);
    }
    if (clearsToolResults) {
      clearOldToolResults();
    }
    if (anyCleared) {
      traits.add(Trait.CLEARED_TOOL_RESULTS);
    }
    if (reordersTools && turn > 0 && toolOrder.length > 1) {
      swapTwoTools();
      traits.add(Trait.REORDERED_TOOLS);
    }
    byte[] body = body(micros);
    turn++;

    List<Header> extra =
        heliconeSessionId == null
            ? List.of()
            : List.of(new Header("Helicone-Session-Id", heliconeSessionId));
    GeneratedRequest request = post(micros, CHAT_PATH, extra, profile.model, body, traits);
    boolean done = turn >= maxTurns || body.length >= config.sizes().maxHistoryBytes();
    return done ? Turn.last(request) : new Turn(request, delay(1.0, 6.0));
  }

  /** Appends what happened since the last request: a model reply with tool calls and results. */
  private void appendStep() {
    if (rng.chance(0.15)) {
      messages.add(message("assistant", ContentMaker.assistantReply(rng, replySize())));
      toolCallIds.add(null);
      messages.add(message("user", rng.pick(Lexicon.FOLLOW_UPS)));
      toolCallIds.add(null);
      return;
    }
    int calls = rng.chance(0.25) ? 2 : 1;
    List<String> ids = new ArrayList<>(calls);
    JsonBuilder json = new JsonBuilder(style, 512);
    json.beginObject().name("role").value("assistant").name("content").nullValue();
    json.name("tool_calls").beginArray();
    for (int i = 0; i < calls; i++) {
      String id = "call_" + rng.base62(24);
      ids.add(id);
      String arguments = "{\"path\":\"" + ContentMaker.filePath(rng) + "\"}";
      json.beginObject().name("id").value(id).name("type").value("function");
      json.name("function").beginObject().name("name").value(rng.pick(CALLED_TOOLS));
      json.name("arguments").value(arguments).endObject().endObject();
    }
    json.endArray().endObject();
    messages.add(json.toByteArray());
    toolCallIds.add(null);
    for (String id : ids) {
      messages.add(toolMessage(id, toolOutput()));
      toolCallIds.add(id);
    }
  }

  private String toolOutput() {
    int size = skewedSize(80, config.sizes().maxToolOutputBytes());
    return rng.chance(0.5)
        ? ContentMaker.sourceFile(rng, size)
        : ContentMaker.commandOutput(rng, size);
  }

  private void clearOldToolResults() {
    int seen = 0;
    for (int i = messages.size() - 1; i >= 0; i--) {
      String id = toolCallIds.get(i);
      if (id != null && ++seen > KEPT_TOOL_RESULTS) {
        messages.set(i, toolMessage(id, CLEARED));
        anyCleared = true;
      }
    }
  }

  private void swapTwoTools() {
    int a = rng.nextInt(toolOrder.length);
    int b = (a + 1 + rng.nextInt(toolOrder.length - 1)) % toolOrder.length;
    int kept = toolOrder[a];
    toolOrder[a] = toolOrder[b];
    toolOrder[b] = kept;
  }

  private byte[] body(long micros) {
    JsonBuilder json = new JsonBuilder(style, 64 * 1024);
    json.beginObject();
    switch (profile.flavor) {
      case OPENAI_PYTHON -> {
        writeMessages(json, micros);
        json.name("model").value(profile.model);
        if (promptCacheKey != null) {
          json.name("prompt_cache_key").value(promptCacheKey);
        }
        json.name("stream").value(true).name("temperature").numberText("0.0");
        json.name("tool_choice").value("auto");
        writeTools(json);
        json.name("top_p").numberText("1.0");
      }
      case LITELLM -> {
        json.name("model").value(profile.model);
        writeMessages(json, micros);
        json.name("temperature").numberText("0.0").name("top_p").numberText("1.0");
        writeTools(json);
        json.name("tool_choice").value("auto");
        if (promptCacheKey != null) {
          json.name("prompt_cache_key").value(promptCacheKey);
        }
      }
      case OPENAI_JS -> {
        json.name("model").value(profile.model);
        writeMessages(json, micros);
        writeTools(json);
        json.name("tool_choice").value("auto").name("stream").value(true);
        if (promptCacheKey != null) {
          json.name("prompt_cache_key").value(promptCacheKey);
        }
      }
    }
    if (litellmSessionId != null) {
      json.name("litellm_session_id").value(litellmSessionId);
    }
    return json.endObject().toByteArray();
  }

  private void writeMessages(JsonBuilder json, long micros) {
    String system = profile.systemPrompt;
    if (timestampInPrompt) {
      system += "\n\nCurrent date and time: " + Timestamps.human(micros);
    }
    json.name("messages").beginArray().rawValue(message("system", system));
    for (byte[] message : messages) {
      json.rawValue(message);
    }
    json.endArray();
  }

  private void writeTools(JsonBuilder json) {
    json.name("tools").beginArray();
    for (int index : toolOrder) {
      json.rawValue(profile.tools.get(index));
    }
    json.endArray();
  }

  private byte[] message(String role, String content) {
    JsonBuilder json = new JsonBuilder(style, content.length() + 64);
    return json.beginObject()
        .name("role")
        .value(role)
        .name("content")
        .value(content)
        .endObject()
        .toByteArray();
  }

  private byte[] toolMessage(String callId, String content) {
    JsonBuilder json = new JsonBuilder(style, content.length() + 96);
    json.beginObject().name("role").value("tool").name("tool_call_id").value(callId);
    return json.name("content").value(content).endObject().toByteArray();
  }

  private void addIdTraits() {
    if (promptCacheKey != null) {
      sessionTraits.add(Trait.PROMPT_CACHE_KEY);
    }
    if (litellmSessionId != null) {
      sessionTraits.add(Trait.LITELLM_SESSION_ID);
    }
    if (heliconeSessionId != null) {
      sessionTraits.add(Trait.HELICONE_SESSION_ID);
    }
  }
}
