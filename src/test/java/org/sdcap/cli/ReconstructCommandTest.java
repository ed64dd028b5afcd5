package org.sdcap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReconstructCommandTest {

  @TempDir Path temp;
  private Path v2;
  private String key;

  private static final String[] BODIES = {
    "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hé 😀\"}]}",
    "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hé 😀\"},{\"role\":\"assistant\",\"content\":\"ok\"}]}",
    "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hé 😀\"},{\"role\":\"assistant\",\"content\":\"ok\"},{\"role\":\"user\",\"content\":\"more\"}]}",
  };

  @BeforeEach
  void encodeSample() throws Exception {
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < BODIES.length; i++) {
      log.append("{\"ts\":1700000000.")
          .append(i)
          .append(",\"client\":\"10.0.0.1:5000\",\"user_agent\":\"t\",\"body\":")
          .append(org.sdcap.json.JsonText.quote(BODIES[i]))
          .append("}\n");
    }
    log.append(
        "{\"ts\":1700000009,\"client\":\"10.0.0.2:1\",\"user_agent\":\"t\",\"body\":\"x\"}\n");
    Path raw = temp.resolve("raw.jsonl");
    Files.writeString(raw, log);
    Cli.Result encoded = Cli.run("encode", raw.toString()).expectExit(0);
    v2 = temp.resolve("v2.jsonl");
    Files.write(v2, encoded.stdout());
    key =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(Files.readAllLines(v2).get(0))
            .get("session_key")
            .asText();
  }

  @Test
  void writesExactBodyBytes() throws Exception {
    for (int n = 1; n <= BODIES.length; n++) {
      Cli.Result result =
          Cli.run("reconstruct", "--session", key, "--n", Integer.toString(n), v2.toString())
              .expectExit(0);
      assertThat(result.stdout()).isEqualTo(BODIES[n - 1].getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void acceptsUniquePrefixAndStdin() throws Exception {
    Cli.Result result =
        Cli.runWithInput(
                Files.readAllBytes(v2), "reconstruct", "--session", key.substring(0, 6), "--n", "2")
            .expectExit(0);
    assertThat(result.out()).isEqualTo(BODIES[1]);
  }

  @Test
  void outputMatchesRecordedSha256() throws Exception {
    Cli.Result result =
        Cli.run("reconstruct", "--session", key, "--n", "3", v2.toString()).expectExit(0);
    String recorded =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(Files.readAllLines(v2).get(2))
            .get("body_sha256")
            .asText();
    assertThat(
            HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(result.stdout())))
        .isEqualTo(recorded);
  }

  @Test
  void rejectsUnknownSession() {
    Cli.Result result =
        Cli.run("reconstruct", "--session", "ffffffffffffffff", "--n", "1", v2.toString())
            .expectExit(ExitCode.UNKNOWN_SESSION);
    assertThat(result.stderr())
        .isEqualTo(
            "sdcap: no session key starts with \"ffffffffffffffff\"; list the keys with: jq -r"
                + " 'select(.session_key) | .session_key' FILE | sort -u\n");
    assertThat(result.stdout()).isEmpty();
  }

  @Test
  void rejectsAmbiguousPrefixListingCandidates() throws Exception {
    // Seventeen clients give seventeen keys, so two of them share their first hex digit.
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < 17; i++) {
      log.append("{\"client\":\"10.9.0.").append(i).append(":1\",\"body\":\"x\"}\n");
    }
    Path raw = temp.resolve("many.jsonl");
    Files.writeString(raw, log);
    Path many = temp.resolve("many.v2");
    Files.write(many, Cli.run("encode", "-q", raw.toString()).expectExit(0).stdout());
    java.util.Map<Character, java.util.List<String>> byFirstDigit = new java.util.TreeMap<>();
    for (String line : Files.readAllLines(many)) {
      String sessionKey =
          new com.fasterxml.jackson.databind.ObjectMapper()
              .readTree(line)
              .get("session_key")
              .asText();
      byFirstDigit
          .computeIfAbsent(sessionKey.charAt(0), c -> new java.util.ArrayList<>())
          .add(sessionKey);
    }
    java.util.List<String> shared =
        byFirstDigit.values().stream().filter(keys -> keys.size() > 1).findFirst().orElseThrow();
    String prefix = shared.get(0).substring(0, 1);

    Cli.Result result =
        Cli.run("reconstruct", "--session", prefix, "--n", "1", many.toString())
            .expectExit(ExitCode.AMBIGUOUS_SESSION);

    assertThat(result.stderr())
        .startsWith(
            "sdcap: session key prefix \""
                + prefix
                + "\" matches "
                + shared.size()
                + " sessions; give more digits:\n  ");
    for (String candidate : shared) {
      assertThat(result.stderr()).contains(candidate + " (records 1 to 1)");
    }
  }

  @Test
  void recordWithoutBodyWritesNothing() throws Exception {
    Path raw = temp.resolve("get.jsonl");
    Files.writeString(raw, "{\"ts\":1.0,\"path\":\"/v1/models\",\"client\":\"1.2.3.4\"}\n");
    Path out = temp.resolve("get.v2");
    Files.write(out, Cli.run("encode", "-q", raw.toString()).expectExit(0).stdout());
    String getKey =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(Files.readString(out))
            .get("session_key")
            .asText();

    Cli.Result result =
        Cli.run("reconstruct", "--session", getKey, "--n", "1", out.toString()).expectExit(0);

    assertThat(result.stdout()).isEmpty();
    assertThat(result.stderr())
        .isEqualTo("sdcap: record 1 of session " + getKey + " has no body\n");
  }

  @Test
  void rejectsEmptySession() {
    Cli.Result result =
        Cli.run("reconstruct", "--session", "", "--n", "1", v2.toString())
            .expectExit(ExitCode.USAGE);

    assertThat(result.stderr())
        .startsWith("sdcap: --session must not be empty; give a session key or a prefix of one\n");
  }

  @Test
  void rejectsOutOfRangeWithTheRange() {
    Cli.Result result =
        Cli.run("reconstruct", "--session", key, "--n", "9", v2.toString())
            .expectExit(ExitCode.OUT_OF_RANGE);
    assertThat(result.stderr())
        .isEqualTo("sdcap: record 9 is out of range: session " + key + " has records 1 to 3\n");
  }

  @Test
  void namesMissingParent() throws Exception {
    java.util.List<String> lines = Files.readAllLines(v2);
    lines.remove(1);
    Path cut = temp.resolve("cut.jsonl");
    Files.write(cut, lines);

    Cli.Result result =
        Cli.run("reconstruct", "--session", key, "--n", "3", cut.toString())
            .expectExit(ExitCode.MISSING_PARENT);
    assertThat(result.stderr())
        .isEqualTo(
            "sdcap: record 3 of session "
                + key
                + " needs its parent, record 2, which is not in the input; was the file cut or"
                + " filtered?\n");
  }

  @Test
  void detectsHashMismatch() throws Exception {
    String text = Files.readString(v2).replace("\\\"more\\\"", "\\\"more!\\\"");
    Path damaged = temp.resolve("damaged.jsonl");
    Files.writeString(damaged, text);

    Cli.Result result =
        Cli.run("reconstruct", "--session", key, "--n", "3", damaged.toString())
            .expectExit(ExitCode.HASH_MISMATCH);
    assertThat(result.stderr()).contains("record 3 of session " + key);
    assertThat(result.stdout()).isEmpty();
  }

  @Test
  void reportsMissingFile() {
    Cli.Result result =
        Cli.run("reconstruct", "--session", key, "--n", "1", temp.resolve("nope.jsonl").toString())
            .expectExit(ExitCode.CANNOT_READ);
    assertThat(result.stderr())
        .isEqualTo(
            "sdcap: "
                + temp.resolve("nope.jsonl")
                + ": cannot open file: No such file or directory\n");
  }

  @Test
  void rejectsPartialBodyWithoutAllowPartial() throws Exception {
    String v1 =
        "{\"ts\":1,\"client\":\"1.1.1.1:1\",\"user_agent\":\"t\",\"body_bytes\":5000,"
            + "\"body_truncated_bytes\":2000,\"body_head\":\""
            + "h".repeat(1500)
            + "\",\"body_tail\":\""
            + "t".repeat(1500)
            + "\"}\n";
    Path raw = temp.resolve("v1.jsonl");
    Files.writeString(raw, v1);
    Path out = temp.resolve("v1.v2");
    Files.write(out, Cli.run("encode", raw.toString()).expectExit(0).stdout());
    String partialKey =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(Files.readString(out))
            .get("session_key")
            .asText();

    Cli.Result refused =
        Cli.run("reconstruct", "--session", partialKey, "--n", "1", out.toString())
            .expectExit(ExitCode.PARTIAL_BODY);
    assertThat(refused.stderr())
        .isEqualTo(
            "sdcap: record 1 of session "
                + partialKey
                + " is partial: the capture kept only its head and tail, and 2000 bytes between them"
                + " were never captured; to write the bytes that were captured anyway, add --allow-partial\n");

    Cli.Result allowed =
        Cli.run(
                "reconstruct",
                "--session",
                partialKey,
                "--n",
                "1",
                "--allow-partial",
                out.toString())
            .expectExit(0);
    assertThat(allowed.out()).isEqualTo("h".repeat(1500) + "t".repeat(1500));
  }
}
