package org.sdcap.v2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FormatDocTest {

  @Test
  void formatSpecContainsTheJqRecipeVerbatim() throws Exception {
    String spec = Files.readString(Path.of("docs/format-v2.md"));

    assertThat(spec)
        .as("docs/format-v2.md must contain the text of src/main/resources/org/sdcap/v2/rebuild.jq")
        .contains("```jq\n" + JqRecipe.text() + "```\n");
  }
}
