package org.sdcap.gen;

import java.util.List;

/** Fixed word lists and phrases from which generated text is drawn. */
final class Lexicon {

  private Lexicon() {}

  static final List<String> WORDS =
      List.of(
          "the",
          "request",
          "file",
          "function",
          "value",
          "error",
          "result",
          "user",
          "server",
          "config",
          "test",
          "output",
          "input",
          "module",
          "cache",
          "session",
          "token",
          "model",
          "response",
          "handler",
          "option",
          "default",
          "path",
          "line",
          "check",
          "build",
          "update",
          "version",
          "parser",
          "stream",
          "buffer",
          "index",
          "limit",
          "field",
          "record",
          "client",
          "schema",
          "type",
          "object",
          "array",
          "string",
          "number",
          "list",
          "map",
          "should",
          "must",
          "can",
          "will",
          "returns",
          "contains",
          "reads",
          "writes",
          "calls",
          "creates",
          "uses",
          "keeps",
          "skips",
          "finds",
          "runs",
          "fails",
          "passes",
          "changes",
          "when",
          "if",
          "after",
          "before",
          "with",
          "without",
          "for",
          "from",
          "into",
          "each",
          "every",
          "this",
          "that",
          "its",
          "a",
          "an",
          "and",
          "or",
          "not",
          "only",
          "also",
          "then",
          "new",
          "old",
          "empty",
          "large",
          "small",
          "current",
          "previous",
          "next",
          "first",
          "last",
          "local",
          "remote",
          "missing",
          "invalid",
          "existing",
          "matching",
          "whole",
          "partial");

  static final List<String> IDENTIFIERS =
      List.of(
          "parse",
          "load",
          "save",
          "render",
          "fetch",
          "handle",
          "validate",
          "encode",
          "decode",
          "merge",
          "split",
          "flush",
          "open",
          "close",
          "resolve",
          "compute",
          "format",
          "build",
          "apply",
          "collect",
          "filter",
          "sort",
          "group",
          "retry",
          "connect",
          "write",
          "read");

  static final List<String> NOUNS =
      List.of(
          "config", "session", "record", "user", "token", "order", "invoice", "message", "event",
          "report", "payload", "header", "chunk", "entry", "index", "query", "result", "batch",
          "schema", "profile", "metric", "queue", "worker", "cache", "stream", "buffer");

  static final List<String> DIRECTORIES =
      List.of("src", "lib", "app", "tests", "internal", "pkg", "services", "utils", "api", "core");

  static final List<String> EXTENSIONS = List.of(".py", ".ts", ".go", ".java", ".rs", ".js");

  /** Short texts that mix scripts, accents and emoji, several outside the BMP. */
  static final List<String> MULTILINGUAL =
      List.of(
          "Merci beaucoup, c'est très utile ! 🙏",
          "¿Puedes explicar cómo funciona la caché? 🤔",
          "请帮我把这段代码加上中文注释，谢谢。",
          "日本語で三行に要約してください。🍣",
          "한국어로도 설명해 주세요 😊",
          "Ærøskøbing, Łódź, São Paulo, Zürich: naïve café façade.",
          "Спасибо! Всё работает ✅",
          "👨‍💻 Works on my machine 🚀🔥",
          "Thumbs up 👍🏽, ship it.",
          "Math check: ∑ xᵢ² ≤ ε and 𝔼[X] = μ.",
          "Straße, Müller, Grüße aus Köln 🍺",
          "Tiếng Việt có dấu: cảm ơn bạn nhiều!",
          "これはテストです。絵文字も入れます 🎌",
          "中文、日本語、한국어 in one line 🌏");

  static final List<String> CHAT_OPENERS =
      List.of(
          "Can you help me write a short email to my landlord about a broken heater?",
          "Explain the difference between TCP and UDP like I'm new to networking.",
          "What's a good recipe for a vegetarian lasagna for six people?",
          "Summarize the plot of Hamlet in five sentences.",
          "How do I center a div horizontally and vertically with CSS?",
          "Write a haiku about autumn rain in the city.",
          "I need a packing list for a four-day hiking trip in the Alps.",
          "Translate 'the meeting is moved to Thursday' into French and German.",
          "Why does my sourdough bread come out so dense?",
          "Draft three interview questions for a junior data analyst.");

  static final List<String> FOLLOW_UPS =
      List.of(
          "Can you make it shorter?",
          "Thanks! Now give me a version with bullet points.",
          "What would change if I used Postgres instead?",
          "Could you add an example?",
          "That's not quite right, the second step fails for me.",
          "Make the tone a bit more formal, please.",
          "And how would I test that?",
          "Great. One more question about the same thing:");

  static final List<String> AGENT_TASKS =
      List.of(
          "Fix the failing test in tests/test_parser.py and explain the root cause.",
          "Add retry with exponential backoff to the HTTP client in src/client.",
          "The build fails on CI with a type error, find it and fix it.",
          "Refactor the config loader so it reads environment variables first.",
          "Write unit tests for the invoice totals module.",
          "Find out why the worker leaks memory under load and propose a fix.",
          "Update the README with the new installation steps.",
          "Rename the `fetchData` helper to `loadRecords` everywhere.");
}
