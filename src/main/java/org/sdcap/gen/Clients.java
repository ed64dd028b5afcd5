package org.sdcap.gen;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the {@link Client}s of each kind with realistic User-Agents and SDK headers.
 *
 * <p>API keys are fake and deliberately shorter than real ones, so secret scanners that match the
 * real formats do not flag the generated files.
 */
final class Clients {

  static final String OPENAI_PYTHON_VERSION = "1.97.1";
  static final String OPENAI_JS_VERSION = "5.10.2";

  private Clients() {}

  static Client openAiPython(Rng rng, boolean proxied) {
    List<Header> headers = new ArrayList<>();
    headers.add(new Header("Accept", "application/json"));
    headers.add(new Header("Content-Type", "application/json"));
    headers.add(new Header("User-Agent", "OpenAI/Python " + OPENAI_PYTHON_VERSION));
    headers.add(new Header("X-Stainless-Lang", "python"));
    headers.add(new Header("X-Stainless-Package-Version", OPENAI_PYTHON_VERSION));
    headers.add(new Header("X-Stainless-OS", "Linux"));
    headers.add(new Header("X-Stainless-Arch", "x64"));
    headers.add(new Header("X-Stainless-Runtime", "CPython"));
    headers.add(new Header("X-Stainless-Runtime-Version", "3.12.3"));
    headers.add(new Header("Authorization", "Bearer " + openAiKey(rng)));
    headers.add(new Header("x-stainless-retry-count", "0"));
    return new Client(
        rng, clientIp(rng), proxied, "OpenAI/Python " + OPENAI_PYTHON_VERSION, headers, null);
  }

  static Client openAiJs(Rng rng, boolean proxied) {
    String userAgent = "OpenAI/JS " + OPENAI_JS_VERSION;
    List<Header> headers = new ArrayList<>();
    headers.add(new Header("accept", "application/json"));
    headers.add(new Header("content-type", "application/json"));
    headers.add(new Header("user-agent", userAgent));
    headers.add(new Header("x-stainless-lang", "js"));
    headers.add(new Header("x-stainless-package-version", OPENAI_JS_VERSION));
    headers.add(new Header("x-stainless-runtime", "node"));
    headers.add(new Header("x-stainless-runtime-version", "v22.17.0"));
    headers.add(new Header("authorization", "Bearer " + openAiKey(rng)));
    headers.add(new Header("x-stainless-retry-count", "0"));
    return new Client(rng, clientIp(rng), proxied, userAgent, headers, null);
  }

  static Client litellm(Rng rng, boolean proxied) {
    String userAgent = "litellm/1.74.8";
    List<Header> headers =
        List.of(
            new Header("Accept", "*/*"),
            new Header("Accept-Encoding", "gzip, deflate"),
            new Header("Connection", "keep-alive"),
            new Header("User-Agent", userAgent),
            new Header("Authorization", "Bearer " + openAiKey(rng)),
            new Header("Content-Type", "application/json"));
    return new Client(rng, clientIp(rng), proxied, userAgent, headers, null);
  }

  /** Returns a Claude-Code-like CLI client, which uses an OAuth token or an API key. */
  static Client claudeCli(Rng rng, boolean proxied, String version) {
    String userAgent = "claude-cli/" + version + " (external, cli)";
    List<Header> headers = new ArrayList<>();
    headers.add(new Header("accept", "application/json"));
    headers.add(
        new Header("anthropic-beta", "claude-code-20250219,interleaved-thinking-2025-05-14"));
    headers.add(new Header("anthropic-dangerous-direct-browser-access", "true"));
    headers.add(new Header("anthropic-version", "2023-06-01"));
    if (rng.chance(0.5)) {
      headers.add(new Header("authorization", "Bearer sk-ant-oat01-" + rng.base62(32)));
    } else {
      headers.add(new Header("x-api-key", "sk-ant-api03-" + rng.base62(32)));
    }
    headers.add(new Header("content-type", "application/json"));
    headers.add(new Header("user-agent", userAgent));
    headers.add(new Header("x-app", "cli"));
    headers.add(new Header("x-stainless-lang", "js"));
    headers.add(new Header("x-stainless-retry-count", "0"));
    return new Client(rng, clientIp(rng), proxied, userAgent, headers, null);
  }

  /** Returns an Open WebUI server as a client: aiohttp, with one key for all of its users. */
  static Client openWebUi(Rng rng, boolean proxied) {
    String userAgent = "Python/3.11 aiohttp/3.11.18";
    List<Header> headers =
        List.of(
            new Header("Authorization", "Bearer " + openAiKey(rng)),
            new Header("Content-Type", "application/json"),
            new Header("Accept", "*/*"),
            new Header("Accept-Encoding", "gzip, deflate"),
            new Header("User-Agent", userAgent));
    return new Client(rng, clientIp(rng), proxied, userAgent, headers, null);
  }

  /** Returns a browser that calls the API directly from a web page. */
  static Client browser(Rng rng, boolean proxied) {
    String userAgent =
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/131.0.0.0 Safari/537.36";
    List<Header> headers =
        List.of(
            new Header("Content-Type", "application/json"),
            new Header("Authorization", "Bearer " + openAiKey(rng)),
            new Header("User-Agent", userAgent),
            new Header("Accept", "*/*"),
            new Header("Origin", "https://chat.example.org"),
            new Header("Accept-Language", "de-DE,de;q=0.9,en;q=0.8"));
    return new Client(
        rng,
        clientIp(rng),
        proxied,
        userAgent,
        headers,
        "https://chat.example.org/c/" + rng.uuid());
  }

  static Client pythonRequests(Rng rng, boolean proxied) {
    String userAgent = "python-requests/2.32.3";
    List<Header> headers =
        List.of(
            new Header("User-Agent", userAgent),
            new Header("Accept-Encoding", "gzip, deflate"),
            new Header("Accept", "*/*"),
            new Header("Connection", "keep-alive"),
            new Header("Authorization", "Bearer " + openAiKey(rng)),
            new Header("Content-Type", "application/json"));
    return new Client(rng, clientIp(rng), proxied, userAgent, headers, null);
  }

  static Client curl(Rng rng, boolean proxied) {
    String userAgent = "curl/8.5.0";
    List<Header> headers =
        List.of(
            new Header("User-Agent", userAgent),
            new Header("Accept", "*/*"),
            new Header("Content-Type", "application/json"),
            new Header("Authorization", "Bearer " + openAiKey(rng)));
    return new Client(rng, clientIp(rng), proxied, userAgent, headers, null);
  }

  /** Windows PowerShell 5.1, whose Invoke-RestMethod sends string bodies as ISO-8859-1. */
  static Client powerShell(Rng rng, boolean proxied) {
    String userAgent =
        "Mozilla/5.0 (Windows NT; Windows NT 10.0; de-DE) WindowsPowerShell/5.1.19041.4648";
    List<Header> headers =
        List.of(
            new Header("User-Agent", userAgent),
            new Header("Content-Type", "application/json"),
            new Header("Authorization", "Bearer " + openAiKey(rng)),
            new Header("Connection", "Keep-Alive"));
    return new Client(rng, clientIp(rng), proxied, userAgent, headers, null);
  }

  private static String openAiKey(Rng rng) {
    return "sk-proj-" + rng.base62(24);
  }

  /** Returns an address from private or documentation ranges (RFC 1918, RFC 5737). */
  private static String clientIp(Rng rng) {
    return switch (rng.nextInt(3)) {
      case 0 -> "10.20." + rng.between(0, 40) + "." + rng.between(2, 254);
      case 1 -> "198.51.100." + rng.between(2, 254);
      default -> "203.0.113." + rng.between(2, 254);
    };
  }
}
