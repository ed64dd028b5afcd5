package org.sdcap.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.sdcap.v2.JqRecipe;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code sdcap jq-recipe}: prints the jq program that rebuilds a body without sdcap. */
@Command(
    name = "jq-recipe",
    header = "Print the jq program that rebuilds a body without sdcap.",
    mixinStandardHelpOptions = true,
    description = {
      "Prints a jq program (jq 1.6 or later) that rebuilds body N of session KEY from a v2 file,"
          + " for machines without sdcap. Save it and run:",
      "  jq -n -j --arg s KEY --argjson n N -f rebuild.jq v2.jsonl > body",
      "KEY must be the full session key. docs/format-v2.md contains the same program."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:Success.", "2:Invalid options or arguments."})
final class JqRecipeCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.print(JqRecipe.text());
    out.flush();
    return ExitCode.OK;
  }
}
