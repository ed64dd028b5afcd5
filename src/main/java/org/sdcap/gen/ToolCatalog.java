package org.sdcap.gen;

import java.util.ArrayList;
import java.util.List;

/**
 * The tool definitions of one client: names, long descriptions and JSON schemas, serialised once in
 * OpenAI's or Anthropic's form and reused for every request of that client.
 */
final class ToolCatalog {

  private static final String[][] TOOLS = {
    {"bash", "Runs a shell command in the workspace and returns its output."},
    {"read_file", "Reads a file from the local filesystem."},
    {"write_file", "Writes a file to the local filesystem, replacing any existing content."},
    {"str_replace_editor", "Replaces an exact string in a file with another string."},
    {"glob", "Finds files whose path matches a glob pattern."},
    {"grep", "Searches file contents with a regular expression."},
    {"list_directory", "Lists the entries of a directory."},
    {"web_fetch", "Fetches a URL and returns its content as Markdown."},
    {"web_search", "Searches the web and returns the top results."},
    {"todo_write", "Creates and updates a structured task list for the current session."},
    {"notebook_edit", "Replaces the contents of one cell of a Jupyter notebook."},
    {"task", "Launches a sub-agent that works on a task autonomously and reports back."},
    {"think", "Records a thought without taking any action."},
    {"finish", "Signals that the task is complete and returns the final answer."},
    {"git_status", "Shows the working tree status of the repository."},
    {"run_tests", "Runs the project's test suite or a single test."}
  };

  private static final String[] PARAMETER_NAMES = {
    "path", "command", "pattern", "content", "old_string", "new_string", "timeout", "url",
    "query", "description", "limit", "offset", "recursive", "include", "cell_id", "prompt"
  };

  private static final String[] TYPES = {"string", "string", "string", "integer", "boolean"};

  record Param(
      String name, String type, String description, List<String> enumValues, boolean required) {}

  record ToolDef(String name, String description, List<Param> params) {}

  private final List<ToolDef> tools;

  private ToolCatalog(List<ToolDef> tools) {
    this.tools = List.copyOf(tools);
  }

  /** Creates about {@code totalBytes} of tool definitions, with at least two tools. */
  static ToolCatalog create(Rng rng, int totalBytes) {
    int count = Math.max(2, Math.min(TOOLS.length, totalBytes / 1_800));
    int descriptionBytes = Math.max(40, totalBytes / count - 400);
    int maxParameters = totalBytes < 2_000 ? 2 : 5;
    List<ToolDef> tools = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String description =
          TOOLS[i][1] + "\n\n" + ContentMaker.prose(rng, rng.between(1, 2 * descriptionBytes));
      tools.add(new ToolDef(TOOLS[i][0], description, parameters(rng, maxParameters)));
    }
    return new ToolCatalog(tools);
  }

  List<ToolDef> tools() {
    return tools;
  }

  /** Serialises each tool as a chat-completions {@code {"type":"function",...}} object. */
  List<byte[]> openAiForm(JsonStyle style) {
    List<byte[]> forms = new ArrayList<>(tools.size());
    for (ToolDef tool : tools) {
      JsonBuilder json = new JsonBuilder(style, 2048);
      json.beginObject().name("type").value("function").name("function").beginObject();
      json.name("name").value(tool.name()).name("description").value(tool.description());
      json.name("parameters");
      writeSchema(json, tool, false);
      json.endObject().endObject();
      forms.add(json.toByteArray());
    }
    return forms;
  }

  /** Serialises each tool as an Anthropic {@code {"name":...,"input_schema":...}} object. */
  List<byte[]> anthropicForm(JsonStyle style) {
    List<byte[]> forms = new ArrayList<>(tools.size());
    for (ToolDef tool : tools) {
      JsonBuilder json = new JsonBuilder(style, 2048);
      json.beginObject().name("name").value(tool.name());
      json.name("description").value(tool.description()).name("input_schema");
      writeSchema(json, tool, true);
      json.endObject();
      forms.add(json.toByteArray());
    }
    return forms;
  }

  private static void writeSchema(JsonBuilder json, ToolDef tool, boolean strict) {
    json.beginObject().name("type").value("object").name("properties").beginObject();
    for (Param param : tool.params()) {
      json.name(param.name()).beginObject().name("type").value(param.type());
      json.name("description").value(param.description());
      if (!param.enumValues().isEmpty()) {
        json.name("enum").beginArray();
        for (String value : param.enumValues()) {
          json.value(value);
        }
        json.endArray();
      }
      json.endObject();
    }
    json.endObject().name("required").beginArray();
    for (Param param : tool.params()) {
      if (param.required()) {
        json.value(param.name());
      }
    }
    json.endArray();
    if (strict) {
      json.name("additionalProperties").value(false);
      json.name("$schema").value("http://json-schema.org/draft-07/schema#");
    }
    json.endObject();
  }

  private static List<Param> parameters(Rng rng, int maxCount) {
    int count = rng.between(1, maxCount);
    List<Param> params = new ArrayList<>(count);
    int first = rng.nextInt(PARAMETER_NAMES.length);
    for (int i = 0; i < count; i++) {
      String name = PARAMETER_NAMES[(first + i) % PARAMETER_NAMES.length];
      String type = i == 0 ? "string" : rng.pick(TYPES);
      List<String> enumValues =
          type.equals("string") && rng.chance(0.15)
              ? List.of("fast", "thorough", "auto")
              : List.of();
      params.add(new Param(name, type, ContentMaker.sentence(rng), enumValues, i == 0));
    }
    return params;
  }
}
