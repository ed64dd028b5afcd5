package org.sdcap.gen;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A conversation in a chat front end: alternating user and assistant messages, multilingual text,
 * an image that every later request repeats, and branches when a user edits an earlier message.
 */
final class ChatSession extends Session {

  private static final List<String> MODELS =
      List.of("llama3.1:8b", "gpt-4o-mini", "qwen2.5:14b", "mistral-small3.2:24b");

  private final ChatDeployment deployment;
  private final JsonStyle style;
  private final String model;
  private final String chatId;
  private final String systemPrompt;
  private final String imageUrl;
  private final int maxTurns;
  private final Set<Trait> identityTraits = EnumSet.noneOf(Trait.class);
  private final Set<Trait> contentTraits = EnumSet.noneOf(Trait.class);
  private final List<byte[]> messages = new ArrayList<>();
  private final List<Integer> userMessageIndexes = new ArrayList<>();
  private boolean titlePending;
  private int turn;

  ChatSession(String label, Rng rng, GeneratorConfig config, ChatDeployment deployment) {
    super(label, rng, deployment.client(), config);
    GeneratorConfig.Sizes sizes = config.sizes();
    this.deployment = deployment;
    boolean openWebUi = deployment.kind() == ChatDeployment.Kind.OPEN_WEBUI;
    this.style = openWebUi ? JsonStyle.PYTHON : JsonStyle.COMPACT;
    this.model = rng.pick(MODELS);
    this.chatId = openWebUi ? rng.uuid() : null;
    this.systemPrompt = rng.chance(0.5) ? "You are a helpful assistant. Answer concisely." : null;
    this.imageUrl =
        rng.chance(config.rates().image())
            ? FakeImage.dataUrl(rng, rng.between(sizes.minImageBytes(), sizes.maxImageBytes()))
            : null;
    this.maxTurns = rng.between(1, Math.max(1, Math.min(12, sizes.maxTurns())));
    identityTraits.add(openWebUi ? Trait.OPENWEBUI_CHAT_ID : Trait.NO_CONVERSATION_ID);
    if (deployment.shared()) {
      identityTraits.add(Trait.SHARED_CLIENT);
    }
    if (style == JsonStyle.PYTHON) {
      identityTraits.add(Trait.PYTHON_STYLE_BODY);
    }
    if (imageUrl != null) {
      contentTraits.add(Trait.IMAGE);
    }
  }

  @Override
  Turn next(long micros, Host host) {
    if (titlePending) {
      titlePending = false;
      return new Turn(titleRequest(micros), delay(10.0, 40.0));
    }
    Set<Trait> traits = EnumSet.noneOf(Trait.class);
    if (turn == 0) {
      if (systemPrompt != null) {
        messages.add(textMessage("system", systemPrompt));
      }
      addUserMessage(rng.pick(Lexicon.CHAT_OPENERS), imageUrl);
    } else {
      messages.add(textMessage("assistant", ContentMaker.assistantReply(rng, replySize())));
      if (userMessageIndexes.size() > 1 && rng.chance(config.rates().regeneration())) {
        branchFromEarlierMessage();
        traits.add(Trait.REGENERATION);
      } else {
        addUserMessage(rng.pick(Lexicon.FOLLOW_UPS), null);
        traits.add(Trait.GROWING_HISTORY);
      }
    }
    traits.addAll(identityTraits);
    traits.addAll(contentTraits);
    byte[] body = body();
    turn++;

    List<Header> extra = chatId == null ? List.of() : chatIdHeaders();
    GeneratedRequest request = post(micros, CHAT_PATH, extra, model, body, traits);
    if (turn >= maxTurns) {
      return Turn.last(request);
    }
    titlePending = turn == 1 && chatId != null && rng.chance(0.6);
    return new Turn(request, titlePending ? delay(2.0, 3.0) : delay(8.0, 45.0));
  }

  /** Drops the newest exchanges back to an earlier user message and sends a different one there. */
  private void branchFromEarlierMessage() {
    int branch = userMessageIndexes.get(1 + rng.nextInt(userMessageIndexes.size() - 1));
    while (messages.size() > branch) {
      messages.remove(messages.size() - 1);
    }
    while (userMessageIndexes.get(userMessageIndexes.size() - 1) >= branch) {
      userMessageIndexes.remove(userMessageIndexes.size() - 1);
    }
    addUserMessage("Actually, let me rephrase: " + rng.pick(Lexicon.CHAT_OPENERS), null);
  }

  private void addUserMessage(String text, String image) {
    if (rng.chance(config.rates().multilingual())) {
      text = text + " " + rng.pick(Lexicon.MULTILINGUAL);
    }
    addTextTraits(text, contentTraits);
    userMessageIndexes.add(messages.size());
    if (image == null) {
      messages.add(textMessage("user", text));
      return;
    }
    JsonBuilder json = new JsonBuilder(style, image.length() + text.length() + 128);
    json.beginObject().name("role").value("user").name("content").beginArray();
    json.beginObject().name("type").value("text").name("text").value(text).endObject();
    json.beginObject().name("type").value("image_url").name("image_url").beginObject();
    json.name("url").value(image).endObject().endObject();
    messages.add(json.endArray().endObject().toByteArray());
  }

  private byte[] body() {
    JsonBuilder json = new JsonBuilder(style, 16 * 1024);
    json.beginObject();
    switch (deployment.kind()) {
      case OPEN_WEBUI -> {
        json.name("stream").value(true).name("model").value(model);
        writeMessages(json);
      }
      case NODE_FRONT_END -> {
        json.name("model").value(model).name("temperature").numberText("0.7");
        json.name("top_p").value(1).name("stream").value(true);
        writeMessages(json);
      }
      case BROWSER -> {
        writeMessages(json);
        json.name("model").value(model).name("stream").value(true);
        json.name("temperature").numberText("0.8");
      }
    }
    return json.endObject().toByteArray();
  }

  private void writeMessages(JsonBuilder json) {
    json.name("messages").beginArray();
    for (byte[] message : messages) {
      json.rawValue(message);
    }
    json.endArray();
  }

  /** Open WebUI's background request for a chat title, which quotes the conversation. */
  private GeneratedRequest titleRequest(long micros) {
    String prompt =
        "### Task:\nGenerate a concise, 3-5 word title with an emoji summarizing the chat"
            + " history.\n### Chat History:\n<chat_history>\nUSER: "
            + rng.pick(Lexicon.CHAT_OPENERS)
            + "\nASSISTANT: "
            + ContentMaker.sentence(rng)
            + "\n</chat_history>";
    JsonBuilder json = new JsonBuilder(style, prompt.length() + 128);
    json.beginObject().name("model").value(model).name("messages").beginArray();
    json.rawValue(textMessage("user", prompt)).endArray();
    json.name("stream").value(false).endObject();
    return post(micros, CHAT_PATH, chatIdHeaders(), model, json.toByteArray(), identityTraits);
  }

  private List<Header> chatIdHeaders() {
    return List.of(
        new Header("X-OpenWebUI-User-Name", "user" + (label.hashCode() & 0xFF)),
        new Header("X-OpenWebUI-Chat-Id", chatId));
  }

  private byte[] textMessage(String role, String content) {
    JsonBuilder json = new JsonBuilder(style, content.length() + 64);
    return json.beginObject()
        .name("role")
        .value(role)
        .name("content")
        .value(content)
        .endObject()
        .toByteArray();
  }
}
