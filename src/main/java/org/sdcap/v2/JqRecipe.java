package org.sdcap.v2;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The jq program that rebuilds a body from a v2 file with plain jq 1.6 or later. */
public final class JqRecipe {

  private static final String RESOURCE = "rebuild.jq";

  private JqRecipe() {}

  /** Returns the program text, which docs/format-v2.md also contains verbatim. */
  public static String text() {
    try (InputStream in = JqRecipe.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource " + RESOURCE + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
