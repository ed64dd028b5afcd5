package org.sdcap.gen;

import java.util.List;

/**
 * Makes plausible text of a requested size: prose, source files, command output and logs. All
 * randomness comes from the {@link Rng} passed in, so equal generators make equal text.
 */
final class ContentMaker {

  private ContentMaker() {}

  static String sentence(Rng rng) {
    int words = rng.between(6, 18);
    StringBuilder text = new StringBuilder(words * 7);
    for (int i = 0; i < words; i++) {
      String word = rng.pick(Lexicon.WORDS);
      if (i == 0) {
        text.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
      } else {
        text.append(' ').append(word);
      }
    }
    return text.append('.').toString();
  }

  /** Returns prose of about {@code bytes} bytes, in paragraphs. */
  static String prose(Rng rng, int bytes) {
    StringBuilder text = new StringBuilder(bytes + 100);
    while (text.length() < bytes) {
      if (text.length() > 0) {
        text.append(rng.chance(0.2) ? "\n\n" : " ");
      }
      text.append(sentence(rng));
    }
    return text.toString();
  }

  static String identifier(Rng rng) {
    String noun = rng.pick(Lexicon.NOUNS);
    return rng.pick(Lexicon.IDENTIFIERS)
        + Character.toUpperCase(noun.charAt(0))
        + noun.substring(1);
  }

  static String filePath(Rng rng) {
    return rng.pick(Lexicon.DIRECTORIES)
        + "/"
        + rng.pick(Lexicon.NOUNS)
        + "/"
        + rng.pick(Lexicon.IDENTIFIERS)
        + "_"
        + rng.pick(Lexicon.NOUNS)
        + rng.pick(Lexicon.EXTENSIONS);
  }

  /** Returns Python-like source code of about {@code bytes} bytes. */
  static String sourceFile(Rng rng, int bytes) {
    StringBuilder code = new StringBuilder(bytes + 200);
    if (bytes >= 1_000) {
      code.append("import json\nimport logging\nfrom pathlib import Path\n\n");
      code.append("log = logging.getLogger(__name__)\n\n");
    }
    while (code.length() < bytes) {
      String name = identifier(rng);
      String argument = rng.pick(Lexicon.NOUNS);
      code.append("\ndef ").append(toSnakeCase(name)).append('(').append(argument);
      code.append(", limit=").append(rng.between(1, 500)).append("):\n");
      code.append("    \"\"\"").append(sentence(rng)).append("\"\"\"\n");
      int lines = rng.between(1, bytes < 1_000 ? 3 : 12);
      for (int i = 0; i < lines; i++) {
        code.append(codeLine(rng, argument));
      }
      code.append("    return ").append(argument).append('\n');
    }
    return code.toString();
  }

  /** Returns the output of a shell command of about {@code bytes} bytes, ending like a tool. */
  static String commandOutput(Rng rng, int bytes) {
    return switch (rng.nextInt(4)) {
      case 0 -> testRunOutput(rng, bytes);
      case 1 -> grepOutput(rng, bytes);
      case 2 -> directoryListing(rng, bytes);
      default -> gitDiff(rng, bytes);
    };
  }

  /** Returns application log lines of about {@code bytes} bytes, starting at {@code micros}. */
  static String logDocument(Rng rng, int bytes, long micros) {
    StringBuilder log = new StringBuilder(bytes + 200);
    long time = micros / 1000;
    List<String> levels = List.of("INFO", "INFO", "INFO", "DEBUG", "WARN", "ERROR");
    while (log.length() < bytes) {
      time += rng.between(1, 2_000);
      log.append(Timestamps.isoMillis(time)).append(' ');
      log.append(rng.pick(levels)).append(" [");
      log.append(rng.pick(Lexicon.NOUNS)).append("-worker-").append(rng.nextInt(8)).append("] ");
      log.append(sentence(rng));
      if (rng.chance(0.1)) {
        log.append(" request_id=").append(rng.hex(16));
      }
      log.append('\n');
    }
    return log.toString();
  }

  /** Returns a Markdown reply of about {@code bytes} bytes, sometimes with a code block. */
  static String assistantReply(Rng rng, int bytes) {
    StringBuilder reply = new StringBuilder(bytes + 200);
    reply.append(sentence(rng));
    if (bytes >= 600 && rng.chance(0.4)) {
      reply.append("\n\n```python\n").append(sourceFile(rng, Math.min(600, bytes / 2)));
      reply.append("```\n");
    }
    if (rng.chance(0.5)) {
      for (int i = 1; i <= rng.between(2, 5); i++) {
        reply.append("\n").append(i).append(". ").append(sentence(rng));
      }
    }
    while (reply.length() < bytes) {
      reply.append("\n\n").append(sentence(rng)).append(' ').append(sentence(rng));
    }
    return reply.toString();
  }

  private static String codeLine(Rng rng, String argument) {
    return switch (rng.nextInt(5)) {
      case 0 ->
          "    if not " + argument + ":\n        raise ValueError(\"missing " + argument + "\")\n";
      case 1 -> "    log.debug(\"" + rng.pick(Lexicon.IDENTIFIERS) + " %s\", " + argument + ")\n";
      case 2 -> "    " + argument + " = " + toSnakeCase(identifier(rng)) + "(" + argument + ")\n";
      case 3 -> "    for item in " + argument + "[:limit]:\n        yield item\n";
      default -> "    path = Path(\"" + filePath(rng) + "\")\n";
    };
  }

  private static String testRunOutput(Rng rng, int bytes) {
    StringBuilder out = new StringBuilder(bytes + 200);
    out.append(
        "============================= test session starts ==============================\n");
    out.append("platform linux -- Python 3.12.3, pytest-8.3.2, pluggy-1.5.0\n");
    int passed = 0;
    while (out.length() < bytes) {
      out.append("tests/test_").append(rng.pick(Lexicon.NOUNS)).append(".py::test_");
      out.append(toSnakeCase(identifier(rng)));
      boolean failed = rng.chance(0.1);
      out.append(failed ? " FAILED" : " PASSED").append('\n');
      if (!failed) {
        passed++;
      }
    }
    out.append("========================= ").append(passed).append(" passed in ");
    out.append(rng.between(1, 90)).append('.').append(rng.between(10, 99)).append("s =====\n");
    return out.toString();
  }

  private static String grepOutput(Rng rng, int bytes) {
    StringBuilder out = new StringBuilder(bytes + 200);
    while (out.length() < bytes) {
      out.append(filePath(rng)).append(':').append(rng.between(1, 900)).append(':');
      out.append(codeLine(rng, rng.pick(Lexicon.NOUNS)));
    }
    return out.toString();
  }

  private static String directoryListing(Rng rng, int bytes) {
    StringBuilder out = new StringBuilder(bytes + 200);
    out.append("total ").append(rng.between(8, 400)).append('\n');
    while (out.length() < bytes) {
      boolean directory = rng.chance(0.3);
      out.append(directory ? "drwxr-xr-x " : "-rw-r--r-- ").append(rng.between(1, 9));
      out.append(" dev dev ").append(rng.between(64, 90_000)).append(" Jan ");
      out.append(rng.between(1, 28)).append(' ').append(rng.between(10, 23)).append(':');
      out.append(rng.between(10, 59)).append(' ').append(rng.pick(Lexicon.NOUNS));
      out.append(directory ? "" : rng.pick(Lexicon.EXTENSIONS)).append('\n');
    }
    return out.toString();
  }

  private static String gitDiff(Rng rng, int bytes) {
    StringBuilder out = new StringBuilder(bytes + 200);
    while (out.length() < bytes) {
      String path = filePath(rng);
      out.append("diff --git a/").append(path).append(" b/").append(path).append('\n');
      out.append("index ").append(rng.hex(7)).append("..").append(rng.hex(7));
      out.append(" 100644\n--- a/").append(path).append("\n+++ b/").append(path).append('\n');
      int line = rng.between(1, 400);
      out.append("@@ -").append(line).append(",6 +").append(line).append(",7 @@\n");
      String noun = rng.pick(Lexicon.NOUNS);
      out.append(' ').append(codeLine(rng, noun));
      out.append('-').append(codeLine(rng, noun));
      out.append('+').append(codeLine(rng, noun));
      out.append('+').append(codeLine(rng, noun));
    }
    return out.toString();
  }

  static String toSnakeCase(String camel) {
    StringBuilder out = new StringBuilder(camel.length() + 4);
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (Character.isUpperCase(c)) {
        out.append('_').append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
