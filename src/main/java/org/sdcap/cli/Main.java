package org.sdcap.cli;

/** Entry point of the {@code sdcap} command. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    int code;
    try {
      code = SdcapCommand.newCommandLine().execute(args);
    } catch (OutOfMemoryError e) {
      System.err.println("sdcap: " + Failures.outOfMemoryMessage());
      code = ExitCode.OUT_OF_MEMORY;
    }
    System.exit(code);
  }
}
