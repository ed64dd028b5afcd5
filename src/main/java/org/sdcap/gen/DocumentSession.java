package org.sdcap.gen;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * A user who pasted a large log file into a chat and sends follow-up questions about it, so every
 * body of the conversation repeats the whole document.
 */
final class DocumentSession extends Session {

  private final List<byte[]> messages = new ArrayList<>();
  private final int turns;
  private int turn;

  DocumentSession(String label, Rng rng, Client client, GeneratorConfig config) {
    super(label, rng, client, config);
    this.turns = rng.between(1, 3);
  }

  @Override
  Turn next(long micros, Host host) {
    if (turn == 0) {
      int size =
          config.sizes().hugeBodyBytes() + rng.nextInt(config.sizes().hugeBodyBytes() / 4 + 1);
      String document = ContentMaker.logDocument(rng, size, micros - micros(86_400));
      messages.add(message("user", "Here is last night's log. What went wrong?\n\n" + document));
    } else {
      messages.add(message("assistant", ContentMaker.assistantReply(rng, replySize())));
      messages.add(message("user", rng.pick(Lexicon.FOLLOW_UPS)));
    }
    JsonBuilder json = new JsonBuilder(JsonStyle.COMPACT, 1 << 20);
    json.beginObject().name("messages").beginArray();
    for (byte[] message : messages) {
      json.rawValue(message);
    }
    json.endArray().name("model").value("gpt-4.1").name("stream").value(true).endObject();
    byte[] body = json.toByteArray();
    turn++;

    EnumSet<Trait> traits = EnumSet.noneOf(Trait.class);
    if (turn > 1) {
      traits.add(Trait.GROWING_HISTORY);
    }
    GeneratedRequest request = post(micros, CHAT_PATH, List.of(), "gpt-4.1", body, traits);
    return turn >= turns ? Turn.last(request) : new Turn(request, delay(20.0, 60.0));
  }

  private static byte[] message(String role, String content) {
    JsonBuilder json = new JsonBuilder(JsonStyle.COMPACT, content.length() + 64);
    return json.beginObject()
        .name("role")
        .value(role)
        .name("content")
        .value(content)
        .endObject()
        .toByteArray();
  }
}
