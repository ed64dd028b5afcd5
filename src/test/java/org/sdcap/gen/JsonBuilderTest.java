package org.sdcap.gen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonBuilderTest {

  private static final String TEXT = "a\"\\\n\u0001\u007f é 😀";

  @Test
  void pythonStyleMatchesJsonDumps() {
    // CPython 3.12: json.dumps({"k": TEXT, "n": None, "l": [1, True]})
    String expected =
        "{\"k\": \"a\\\"\\\\\\n\\u0001\\u007f \\u00e9 \\ud83d\\ude00\", \"n\": null, \"l\": [1,"
            + " true]}";

    assertThat(build(JsonStyle.PYTHON)).isEqualTo(expected);
  }

  @Test
  void compactStyleMatchesJsonStringify() {
    // Node 20: JSON.stringify({k: TEXT, n: null, l: [1, true]})
    String expected = "{\"k\":\"a\\\"\\\\\\n\\u0001\u007f é 😀\",\"n\":null,\"l\":[1,true]}";

    assertThat(build(JsonStyle.COMPACT)).isEqualTo(expected);
  }

  @Test
  void indentedStyleMatchesJsonDumpsIndent2() {
    // CPython 3.12: json.dumps({"k": "x", "e": [], "l": [1]}, indent=2)
    JsonBuilder json = new JsonBuilder(JsonStyle.PYTHON_INDENTED);
    json.beginObject().name("k").value("x").name("e").beginArray().endArray();
    json.name("l").beginArray().value(1).endArray().endObject();

    assertThat(new String(json.toByteArray(), StandardCharsets.UTF_8))
        .isEqualTo("{\n  \"k\": \"x\",\n  \"e\": [],\n  \"l\": [\n    1\n  ]\n}");
  }

  @Test
  void utf8ValueEscapesLikeStringValue() {
    byte[] utf8 = TEXT.getBytes(StandardCharsets.UTF_8);
    for (JsonStyle style : JsonStyle.values()) {
      byte[] fromBytes = new JsonBuilder(style).utf8Value(utf8, 0, utf8.length).toByteArray();
      byte[] fromString = new JsonBuilder(style).value(TEXT).toByteArray();

      assertThat(fromBytes).as(style.name()).isEqualTo(fromString);
    }
  }

  private static String build(JsonStyle style) {
    JsonBuilder json = new JsonBuilder(style);
    json.beginObject().name("k").value(TEXT).name("n").nullValue();
    json.name("l").beginArray().value(1).value(true).endArray().endObject();
    return new String(json.toByteArray(), StandardCharsets.UTF_8);
  }
}
