package org.sdcap.gen;

import java.util.List;

/**
 * An agent program that many conversations share: how it serialises bodies, its system prompt and
 * its tool definitions, which are the same in every request it sends.
 */
final class AgentProfile {

  /** The SDK that sends the requests, which fixes the body's member order and JSON style. */
  enum Flavor {
    /** OpenAI Python SDK: compact, members in alphabetical order of the create() parameters. */
    OPENAI_PYTHON(JsonStyle.COMPACT),
    /** LiteLLM's own HTTP handler: Python's default separators, model first. */
    LITELLM(JsonStyle.PYTHON),
    /** OpenAI Node SDK: compact, members in the order the application wrote them. */
    OPENAI_JS(JsonStyle.COMPACT);

    final JsonStyle style;

    Flavor(JsonStyle style) {
      this.style = style;
    }
  }

  private static final List<String> MODELS =
      List.of("gpt-4.1", "gpt-5-mini", "qwen3-coder-30b-a3b", "DeepSeek-V3.1", "glm-4.6");

  final Flavor flavor;
  final String model;
  final String systemPrompt;
  final List<byte[]> tools;

  AgentProfile(Rng rng, Flavor flavor, GeneratorConfig.Sizes sizes) {
    this.flavor = flavor;
    this.model = rng.pick(MODELS);
    this.systemPrompt =
        "You are a coding agent working in a local repository. "
            + "Use the tools to inspect and change files, and run the tests before you finish.\n\n"
            + "<guidelines>\n"
            + ContentMaker.prose(rng, sizes.systemPromptBytes())
            + "\n</guidelines>";
    this.tools = ToolCatalog.create(rng, sizes.toolSchemaBytes()).openAiForm(flavor.style);
  }
}
