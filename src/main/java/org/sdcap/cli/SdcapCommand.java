package org.sdcap.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code sdcap} command, which only dispatches to its subcommands. */
@Command(
    name = "sdcap",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Lossless delta encoding of LLM API request captures.",
    subcommands = {CommandLine.HelpCommand.class})
public final class SdcapCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
  }

  /** Builds the command line with sdcap's exit-code mapping and stderr error handling. */
  public static CommandLine newCommandLine() {
    CommandLine commandLine = new CommandLine(new SdcapCommand());
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    return commandLine;
  }
}
