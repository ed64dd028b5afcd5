package org.sdcap.cli;

import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The top-level {@code sdcap} command, which only dispatches to its subcommands. */
@Command(
    name = "sdcap",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Stores logs of LLM API requests compactly and losslessly: each request body is kept as a"
          + " delta against an earlier body of the same session, and every body can be rebuilt"
          + " byte for byte.",
      "",
      "Typical use:",
      "  sdcap encode raw.jsonl > v2.jsonl",
      "  sdcap reconstruct --session 3fa9 --n 7 v2.jsonl > body.json",
      "  sdcap decode v2.jsonl > full.jsonl"
    },
    subcommands = {
      EncodeCommand.class,
      ReconstructCommand.class,
      DecodeCommand.class,
      VerifyCommand.class,
      GenerateCommand.class,
      JqRecipeCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:Success.",
      "1:Internal error: a bug in sdcap. Run again with --verbose and report the stack trace.",
      "2:Invalid options or arguments.",
      "3:Damaged input: data was lost before sdcap read it (a damaged capture or compressed"
          + " stream), any bad line with --strict, or a v2 line that is not a valid record.",
      "4:An input file could not be opened or read.",
      "5:reconstruct: no session has the given key.",
      "6:reconstruct: the key prefix matches several sessions.",
      "7:reconstruct: the record number is out of range.",
      "8:A parent record is missing from the input (its seq is given).",
      "9:A rebuilt body does not match its SHA-256 or length.",
      "10:reconstruct: the body is partial and --allow-partial was not given.",
      "11:The Java heap was too small; lower --cache-bytes or raise it with SDCAP_JAVA_OPTS.",
      "141:Standard output was closed early, as when piped into head."
    })
public final class SdcapCommand implements Runnable {

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "Print the stack trace of an error, for bug reports.")
  boolean verbose;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "a command is missing, for example: sdcap encode raw.jsonl");
  }

  /** Builds the command line on the process's standard streams. */
  public static CommandLine newCommandLine() {
    return newCommandLine(Streams.system());
  }

  /** Builds the command line with the given streams, as tests and {@link Main} do. */
  public static CommandLine newCommandLine(Streams streams) {
    CommandLine commandLine = new CommandLine(new SdcapCommand(), new Factory(streams));
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setOut(
        new PrintWriter(
            new java.io.OutputStreamWriter(streams.out(), java.nio.charset.StandardCharsets.UTF_8),
            true));
    commandLine.setErr(streams.err());
    commandLine.setParameterExceptionHandler(SdcapCommand::reportUsageError);
    commandLine.setExecutionExceptionHandler(
        (exception, command, parseResult) -> {
          SdcapCommand top = commandLine.getCommand();
          return Failures.report(exception, streams.err(), top.verbose);
        });
    return commandLine;
  }

  /**
   * Prints a usage error as one {@code sdcap:} line and a pointer to the help, instead of the whole
   * help text, so the error is not lost above it.
   */
  private static int reportUsageError(CommandLine.ParameterException error, String[] args) {
    CommandLine command = error.getCommandLine();
    PrintWriter err = command.getErr();
    err.println("sdcap: " + error.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(error, err);
    err.println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for the options.");
    err.flush();
    return ExitCode.USAGE;
  }

  /** Creates command objects, passing the streams to those whose constructor takes them. */
  private static final class Factory implements CommandLine.IFactory {
    private final Streams streams;

    Factory(Streams streams) {
      this.streams = streams;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
      try {
        Constructor<K> withStreams = type.getDeclaredConstructor(Streams.class);
        withStreams.setAccessible(true);
        return withStreams.newInstance(streams);
      } catch (NoSuchMethodException e) {
        return CommandLine.defaultFactory().create(type);
      }
    }
  }
}
