package org.sdcap.gen;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A Claude-Code-like agent on {@code /v1/messages}: a billing line with a fresh checksum at the
 * start of the system prompt, {@code metadata.user_id}, a cache marker that moves to the newest
 * message, compaction when the history grows too large, and sub-agents that share the parent's
 * client and ids.
 */
final class ClaudeCodeSession extends Session {

  private static final byte[] CACHE_MARKER =
      ",\"cache_control\":{\"type\":\"ephemeral\"}}".getBytes(StandardCharsets.US_ASCII);
  private static final List<String> CALLED_TOOLS = List.of("Read", "Bash", "Grep", "Glob", "Edit");

  private record Message(String role, List<byte[]> blocks) {}

  private final ClaudeInstall install;
  private final ClaudeProfile profile;
  private final String sessionUuid;
  private final boolean sessionHeader;
  private final boolean subAgent;
  private final int maxTurns;
  private final Set<Trait> sessionTraits = EnumSet.of(Trait.ANTHROPIC_MESSAGES, Trait.BILLING_LINE);
  private final List<Message> messages = new ArrayList<>();
  private String toolUseId;
  private String subAgentReport;
  private int turn;
  private int subAgents;

  ClaudeCodeSession(
      String label,
      Rng rng,
      GeneratorConfig config,
      ClaudeInstall install,
      String sessionUuid,
      boolean sessionHeader,
      boolean subAgent) {
    super(label, rng, install.client(), config);
    this.install = install;
    this.profile = install.profile();
    this.sessionUuid = sessionUuid;
    this.sessionHeader = sessionHeader;
    this.subAgent = subAgent;
    int turns = config.sizes().maxTurns();
    this.maxTurns =
        subAgent ? rng.between(2, Math.max(2, turns / 4)) : rng.between(2, Math.max(2, turns));
    sessionTraits.add(profile.jsonUserId ? Trait.USER_ID_JSON : Trait.USER_ID_TEXT);
    if (sessionHeader) {
      sessionTraits.add(Trait.CLAUDE_CODE_SESSION_HEADER);
    }
    if (subAgent) {
      sessionTraits.add(Trait.SUB_AGENT);
    }
  }

  @Override
  Turn next(long micros, Host host) {
    Set<Trait> traits = EnumSet.copyOf(sessionTraits);
    if (turn == 0) {
      messages.add(firstUserMessage(micros));
    } else {
      appendStep();
      traits.add(Trait.GROWING_HISTORY);
      traits.add(Trait.TOOL_RESULTS);
    }
    byte[] body = body(micros);
    turn++;

    List<Header> extra =
        sessionHeader ? List.of(new Header("X-Claude-Code-Session-Id", sessionUuid)) : List.of();
    GeneratedRequest request = post(micros, MESSAGES_PATH, extra, model(), body, traits);
    if (body.length >= config.sizes().maxHistoryBytes()) {
      compact();
    }
    if (turn >= maxTurns) {
      return Turn.last(request);
    }
    long delay = delay(1.0, 7.0);
    if (!subAgent && rng.chance(config.rates().subAgent())) {
      delay = startSubAgent(micros, host, delay);
    }
    return new Turn(request, delay);
  }

  /**
   * Appends the model's last reply, a tool use, and the tool's result: a sub-agent's report when
   * the reply launched one, otherwise a file or command output.
   */
  private void appendStep() {
    String content;
    if (subAgentReport != null) {
      String prompt = "Search the codebase for " + ContentMaker.sentence(rng);
      appendToolUse("Task", "{\"description\":\"Explore code\",\"prompt\":\"" + prompt + "\"}");
      content = subAgentReport;
      subAgentReport = null;
    } else {
      appendToolUse(rng.pick(CALLED_TOOLS), toolInput());
      int size = skewedSize(80, config.sizes().maxToolOutputBytes());
      content =
          rng.chance(0.5)
              ? ContentMaker.sourceFile(rng, size)
              : ContentMaker.commandOutput(rng, size);
    }
    appendToolResult(content);
  }

  /**
   * Starts a sub-agent shortly after the request just sent, as if the reply to it launched one, and
   * returns a delay that waits about as long as the sub-agent runs.
   */
  private long startSubAgent(long micros, Host host, long delay) {
    String childLabel = label + "/sub" + (subAgents + 1);
    ClaudeCodeSession child =
        new ClaudeCodeSession(
            childLabel, rng.fork(), config, install, sessionUuid, sessionHeader, true);
    if (!host.spawn(child, micros + delay(0.5, 2.0))) {
      return delay;
    }
    subAgents++;
    subAgentReport = ContentMaker.assistantReply(rng, replySize());
    return delay + child.maxTurns * micros(8.0);
  }

  private Message firstUserMessage(long micros) {
    String reminder =
        "<system-reminder>\nAs you answer the user's questions, you can use the following"
            + " context:\n# currentDate\nToday's date is "
            + Timestamps.date(micros)
            + ".\n</system-reminder>";
    String task =
        subAgent
            ? "Search the codebase: " + ContentMaker.sentence(rng)
            : rng.pick(Lexicon.AGENT_TASKS);
    return new Message("user", List.of(textBlock(reminder), textBlock(task)));
  }

  private void appendToolUse(String name, String inputJson) {
    toolUseId = "toolu_01" + rng.base62(22);
    byte[] toolUse =
        new JsonBuilder(JsonStyle.COMPACT, 256)
            .beginObject()
            .name("type")
            .value("tool_use")
            .name("id")
            .value(toolUseId)
            .name("name")
            .value(name)
            .name("input")
            .rawValue(inputJson.getBytes(StandardCharsets.UTF_8))
            .endObject()
            .toByteArray();
    String thought = "I'll " + ContentMaker.sentence(rng).toLowerCase(Locale.ROOT);
    messages.add(new Message("assistant", List.of(textBlock(thought), toolUse)));
  }

  private void appendToolResult(String content) {
    byte[] result =
        new JsonBuilder(JsonStyle.COMPACT, content.length() + 96)
            .beginObject()
            .name("tool_use_id")
            .value(toolUseId)
            .name("type")
            .value("tool_result")
            .name("content")
            .value(content)
            .endObject()
            .toByteArray();
    messages.add(new Message("user", List.of(result)));
  }

  private String toolInput() {
    return "{\"file_path\":\"/home/dev/project/" + ContentMaker.filePath(rng) + "\"}";
  }

  /** Replaces the history by a summary, as the CLI does when the context is nearly full. */
  private void compact() {
    messages.clear();
    String summary =
        "This session is being continued from a previous conversation that ran out of context."
            + " The conversation is summarized below:\n"
            + ContentMaker.prose(rng, 1_500);
    messages.add(new Message("user", List.of(textBlock(summary))));
  }

  /** Returns the model of this session's requests: sub-agents run on a smaller model. */
  private String model() {
    return subAgent ? "claude-haiku-4-5-20251001" : profile.model;
  }

  private byte[] body(long micros) {
    JsonBuilder json = new JsonBuilder(JsonStyle.COMPACT, 64 * 1024);
    json.beginObject().name("model").value(model());
    json.name("messages").beginArray();
    for (int i = 0; i < messages.size(); i++) {
      writeMessage(json, messages.get(i), i == messages.size() - 1);
    }
    json.endArray();

    json.name("system").beginArray();
    json.rawValue(textBlock(profile.billingLine(rng)));
    String prompt =
        subAgent ? profile.subAgentPrompt : profile.systemPrompt + Timestamps.date(micros) + ".";
    json.rawValue(withCacheMarker(textBlock(prompt)));
    json.endArray();

    json.name("tools").beginArray();
    for (byte[] tool : profile.tools) {
      json.rawValue(tool);
    }
    json.endArray();
    json.name("metadata").beginObject().name("user_id").value(install.userId(sessionUuid));
    json.endObject();
    json.name("max_tokens").value(32000).name("stream").value(true);
    return json.endObject().toByteArray();
  }

  private static void writeMessage(JsonBuilder json, Message message, boolean newest) {
    json.beginObject().name("role").value(message.role()).name("content").beginArray();
    List<byte[]> blocks = message.blocks();
    for (int i = 0; i < blocks.size(); i++) {
      boolean marked = newest && i == blocks.size() - 1;
      json.rawValue(marked ? withCacheMarker(blocks.get(i)) : blocks.get(i));
    }
    json.endArray().endObject();
  }

  /** Returns a compact block object with {@code cache_control} added as its last member. */
  private static byte[] withCacheMarker(byte[] block) {
    byte[] marked = Arrays.copyOf(block, block.length - 1 + CACHE_MARKER.length);
    System.arraycopy(CACHE_MARKER, 0, marked, block.length - 1, CACHE_MARKER.length);
    return marked;
  }

  private static byte[] textBlock(String text) {
    return new JsonBuilder(JsonStyle.COMPACT, text.length() + 32)
        .beginObject()
        .name("type")
        .value("text")
        .name("text")
        .value(text)
        .endObject()
        .toByteArray();
  }
}
