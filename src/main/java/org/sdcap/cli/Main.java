package org.sdcap.cli;

/** Entry point of the {@code sdcap} command. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    int code;
    try {
      code = SdcapCommand.newCommandLine().execute(args);
    } catch (OutOfMemoryError e) {
      System.err.println(
          "sdcap: out of memory: the Java heap ("
              + Runtime.getRuntime().maxMemory() / (1 << 20)
              + " MB) is too small for the --cache-bytes of this run plus its largest line or"
              + " body; lower --cache-bytes, or raise the heap with SDCAP_JAVA_OPTS=-Xmx2g");
      code = ExitCode.INTERNAL_ERROR;
    }
    System.exit(code);
  }
}
