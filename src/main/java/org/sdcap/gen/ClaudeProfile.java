package org.sdcap.gen;

import java.util.List;

/** One version of a Claude-Code-like CLI: its prompts, tools and the form of its user id. */
final class ClaudeProfile {

  final String version;
  final String buildSuffix;
  final boolean jsonUserId;
  final String model;
  final String systemPrompt;
  final String subAgentPrompt;
  final List<byte[]> tools;

  ClaudeProfile(Rng rng, String version, boolean jsonUserId, GeneratorConfig.Sizes sizes) {
    this.version = version;
    this.buildSuffix = rng.hex(3);
    this.jsonUserId = jsonUserId;
    this.model = jsonUserId ? "claude-sonnet-4-5-20250929" : "claude-opus-4-1-20250805";
    this.systemPrompt =
        "You are an interactive CLI tool that helps users with software engineering tasks.\n\n"
            + ContentMaker.prose(rng, 2 * sizes.systemPromptBytes())
            + "\n\nToday's date is ";
    this.subAgentPrompt =
        "You are an agent for a coding CLI. Given the user's message, use the tools available to"
            + " complete the task. Do what has been asked; nothing more, nothing less.\n\n"
            + ContentMaker.prose(rng, sizes.systemPromptBytes() / 2);
    this.tools =
        ToolCatalog.create(rng, sizes.toolSchemaBytes() * 3 / 2).anthropicForm(JsonStyle.COMPACT);
  }

  /** Returns the text of the billing line with a fresh random checksum, as sent per request. */
  String billingLine(Rng rng) {
    return "x-anthropic-billing-header: cc_version="
        + version
        + "."
        + buildSuffix
        + "; cc_entrypoint=cli; cch="
        + rng.hex(5)
        + ";";
  }
}
