package org.sdcap.cli;

import picocli.CommandLine;

/** Reads the version from the jar manifest, or reports a development build. */
final class VersionProvider implements CommandLine.IVersionProvider {

  @Override
  public String[] getVersion() {
    String version = Main.class.getPackage().getImplementationVersion();
    return new String[] {"sdcap " + (version == null ? "(development build)" : version)};
  }
}
