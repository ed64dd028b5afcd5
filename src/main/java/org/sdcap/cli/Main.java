package org.sdcap.cli;

/** Entry point of the {@code sdcap} command. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(SdcapCommand.newCommandLine().execute(args));
  }
}
