package org.sdcap.gen;

import java.util.EnumSet;
import java.util.List;

/** A client asking which models the server offers: {@code GET /v1/models}, without a body. */
final class ModelsListSession extends Session {

  private static final byte[] NO_BODY = new byte[0];

  ModelsListSession(String label, Rng rng, Client client, GeneratorConfig config) {
    super(label, rng, client, config);
  }

  @Override
  Turn next(long micros, Host host) {
    return Turn.last(
        request(
            micros, "GET", "/v1/models", List.of(), null, NO_BODY, EnumSet.of(Trait.MODELS_LIST)));
  }
}
