package org.sdcap.gen;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/** Hand-made requests for writer tests. */
final class Requests {

  private Requests() {}

  static GeneratedRequest withBody(byte[] body) {
    return withBody(body, 200);
  }

  static GeneratedRequest withBody(byte[] body, int status) {
    return new GeneratedRequest(
        1_755_871_504_381_842L,
        "127.0.0.1",
        51234,
        "POST",
        "/v1/chat/completions",
        "127.0.0.1:4000",
        List.of(
            new Header("X-Real-IP", "203.0.113.7"),
            new Header("X-Forwarded-For", "203.0.113.7"),
            new Header("X-Forwarded-Host", "llm.example.com"),
            new Header("User-Agent", "OpenAI/Python 1.97.1"),
            new Header("Authorization", "Bearer sk-proj-abcdefghijklmnopqrstuvwx")),
        status,
        "gpt-4.1",
        body,
        "s1",
        Set.of());
  }

  static GeneratedRequest withBody(String body) {
    return withBody(body.getBytes(StandardCharsets.UTF_8));
  }

  /** Returns ASCII filler of {@code length} bytes that is a valid JSON string body. */
  static String filler(int length) {
    return "x".repeat(length);
  }
}
