package org.sdcap.gen;

import java.util.EnumSet;
import java.util.List;

/** An indexing job: batches of unrelated text chunks sent to {@code /v1/embeddings}. */
final class EmbeddingSession extends Session {

  private static final List<String> MODELS = List.of("text-embedding-3-small", "nomic-embed-text");

  private final String model;
  private final int batches;
  private int sent;

  EmbeddingSession(String label, Rng rng, Client client, GeneratorConfig config) {
    super(label, rng, client, config);
    this.model = rng.pick(MODELS);
    this.batches = rng.between(1, 3);
  }

  @Override
  Turn next(long micros, Host host) {
    int chunks = rng.between(1, 8);
    JsonBuilder json = new JsonBuilder(JsonStyle.COMPACT, 8 * 1024);
    json.beginObject().name("input").beginArray();
    for (int i = 0; i < chunks; i++) {
      int size = skewedSize(60, config.sizes().maxReplyBytes());
      json.value(
          rng.chance(0.3) ? ContentMaker.sourceFile(rng, size) : ContentMaker.prose(rng, size));
    }
    json.endArray().name("model").value(model).name("encoding_format").value("base64");
    byte[] body = json.endObject().toByteArray();
    GeneratedRequest request =
        post(micros, "/v1/embeddings", List.of(), model, body, EnumSet.of(Trait.EMBEDDINGS));
    sent++;
    return sent >= batches ? Turn.last(request) : new Turn(request, delay(0.05, 0.5));
  }
}
