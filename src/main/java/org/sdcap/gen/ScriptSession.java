package org.sdcap.gen;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A one-off script: a few independent chat requests from curl (indented JSON read from a file),
 * python-requests (Python's JSON defaults) or Windows PowerShell (ISO-8859-1 bodies).
 */
final class ScriptSession extends Session {

  enum Tool {
    CURL,
    PYTHON_REQUESTS,
    POWERSHELL
  }

  private static final String LATIN1_TEXT =
      "Bitte übersetze: Grüße aus Köln, das Café öffnet um 8 Uhr. Très bien, señor!";

  private final Tool tool;
  private final int requests;
  private int sent;

  ScriptSession(String label, Rng rng, Client client, GeneratorConfig config, Tool tool) {
    super(label, rng, client, config);
    this.tool = tool;
    this.requests = rng.between(1, 3);
  }

  @Override
  Turn next(long micros, Host host) {
    Set<Trait> traits = EnumSet.noneOf(Trait.class);
    String model = "gpt-4o-mini";
    byte[] body;
    switch (tool) {
      case CURL -> {
        boolean indented = rng.chance(config.rates().indentedBody());
        body = chatBody(indented ? JsonStyle.PYTHON_INDENTED : JsonStyle.COMPACT, model, prompt());
        if (indented) {
          traits.add(Trait.INDENTED_BODY);
        }
      }
      case PYTHON_REQUESTS -> {
        body = chatBody(JsonStyle.PYTHON, model, prompt());
        traits.add(Trait.PYTHON_STYLE_BODY);
      }
      default -> {
        if (rng.chance(config.rates().nonUtf8Body())) {
          // A server cannot parse the body, so it records no model and responds with 400.
          String json =
              new String(chatBody(JsonStyle.COMPACT, model, LATIN1_TEXT), StandardCharsets.UTF_8);
          body = json.getBytes(StandardCharsets.ISO_8859_1);
          traits.add(Trait.NON_UTF8_BODY);
          traits.add(Trait.STATUS_400);
          GeneratedRequest request = post(micros, CHAT_PATH, List.of(), null, body, traits);
          return finish(request.withStatus(400, Trait.STATUS_400));
        }
        body = chatBody(JsonStyle.COMPACT, model, prompt());
      }
    }
    return finish(post(micros, CHAT_PATH, List.of(), model, body, traits));
  }

  private Turn finish(GeneratedRequest request) {
    sent++;
    return sent >= requests ? Turn.last(request) : new Turn(request, delay(0.2, 20.0));
  }

  private String prompt() {
    return rng.pick(Lexicon.CHAT_OPENERS);
  }

  private static byte[] chatBody(JsonStyle style, String model, String prompt) {
    JsonBuilder json = new JsonBuilder(style, prompt.length() + 128);
    json.beginObject().name("model").value(model).name("messages").beginArray();
    json.beginObject().name("role").value("user").name("content").value(prompt).endObject();
    json.endArray().name("temperature").numberText("0.2").endObject();
    return json.toByteArray();
  }
}
