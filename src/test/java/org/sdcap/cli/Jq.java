package org.sdcap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sdcap.json.Utf8;

/** Runs the real {@code jq} binary on the recipe that {@code sdcap jq-recipe} prints. */
final class Jq {

  private Jq() {}

  /** Writes the output of {@code sdcap jq-recipe} to {@code file} and returns the file. */
  static Path writeRecipe(Path file) throws IOException {
    Cli.Result result = Cli.run("jq-recipe").expectExit(0);
    Files.write(file, result.stdout());
    return file;
  }

  /** One body that the recipe rebuilt, as jq's text: code points, not yet bytes. */
  record Rebuilt(String sessionKey, long seq, String text) {}

  /**
   * Rebuilds every record that has a body in one jq run, for speed: a wrapper reads the file once,
   * then evaluates the exact recipe text once per record with {@code $s} and {@code $n} bound to
   * the record's key and seq, and with {@code inputs} redefined to replay the file's lines.
   */
  static List<Rebuilt> rebuildAll(Path recipe, Path v2, Path workDirectory)
      throws IOException, InterruptedException {
    String wrapper =
        "[inputs] as $lines\n"
            + "| [$lines[] | select(.delta != null) | [.session_key, .seq]] as $targets\n"
            + "| def inputs: $lines[];\n"
            + "  $targets[] | .[0] as $s | .[1] as $n | [$s, $n, (\n"
            + Files.readString(recipe)
            + "\n)]\n";
    Path program = Files.writeString(workDirectory.resolve("rebuild-all.jq"), wrapper);
    byte[] output = run("jq", "-n", "-c", "-f", program.toString(), v2.toString());

    ObjectMapper mapper = new ObjectMapper();
    List<Rebuilt> rebuilt = new ArrayList<>();
    for (byte[] line : JsonValues.lines(output)) {
      JsonNode triple = mapper.readTree(line);
      rebuilt.add(
          new Rebuilt(triple.get(0).asText(), triple.get(1).asLong(), triple.get(2).asText()));
    }
    return rebuilt;
  }

  /**
   * Runs {@code jq -n -j --arg s KEY --argjson n SEQ -f RECIPE V2} and returns its output,
   * converted from UTF-8 code points to ISO-8859-1 bytes when the record's {@code body_encoding} is
   * latin1, as docs/format-v2.md describes for jq users.
   *
   * @throws AssertionError when jq fails, with its stderr
   */
  static byte[] rebuild(Path recipe, Path v2, String key, long seq, boolean latin1)
      throws IOException, InterruptedException {
    byte[] output =
        run(
            "jq",
            "-n",
            "-j",
            "--arg",
            "s",
            key,
            "--argjson",
            "n",
            Long.toString(seq),
            "-f",
            recipe.toString(),
            v2.toString());
    return toBytes(new String(output, StandardCharsets.UTF_8), latin1);
  }

  /**
   * Converts jq's text of a body to the body's bytes: UTF-8 (a lone surrogate as WTF-8), or for a
   * latin1 body one byte per code point, failing on a code point above U+00FF.
   */
  static byte[] toBytes(String text, boolean latin1) {
    if (!latin1) {
      return Utf8.encodeWtf8(text);
    }
    byte[] bytes = new byte[text.length()];
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c > 0xFF) {
        throw new AssertionError(
            String.format("jq text of a latin1 body has U+%04X at index %d", (int) c, i));
      }
      bytes[i] = (byte) c;
    }
    return bytes;
  }

  private static byte[] run(String... command) throws IOException, InterruptedException {
    Path errors = Files.createTempFile("jq", ".err");
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectError(ProcessBuilder.Redirect.to(errors.toFile()))
              .start();
      process.getOutputStream().close();
      byte[] output = process.getInputStream().readAllBytes();
      int status = process.waitFor();
      if (status != 0) {
        throw new AssertionError(
            String.join(" ", command) + " exited with " + status + ": " + Files.readString(errors));
      }
      return output;
    } finally {
      Files.delete(errors);
    }
  }
}
