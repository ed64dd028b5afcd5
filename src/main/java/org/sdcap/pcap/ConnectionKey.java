package org.sdcap.pcap;

import java.util.Arrays;

/** Identifies a TCP connection by both endpoints, the same for either direction. */
final class ConnectionKey {

  private final byte[] lowAddress;
  private final int lowPort;
  private final byte[] highAddress;
  private final int highPort;
  private final int hash;

  ConnectionKey(TcpSegment segment) {
    boolean sourceIsLow =
        compare(
                segment.sourceAddress,
                segment.sourcePort,
                segment.destinationAddress,
                segment.destinationPort)
            <= 0;
    lowAddress = sourceIsLow ? segment.sourceAddress : segment.destinationAddress;
    lowPort = sourceIsLow ? segment.sourcePort : segment.destinationPort;
    highAddress = sourceIsLow ? segment.destinationAddress : segment.sourceAddress;
    highPort = sourceIsLow ? segment.destinationPort : segment.sourcePort;
    hash =
        31 * (31 * (31 * Arrays.hashCode(lowAddress) + lowPort) + Arrays.hashCode(highAddress))
            + highPort;
  }

  private static int compare(byte[] a, int aPort, byte[] b, int bPort) {
    int byAddress = Arrays.compareUnsigned(a, b);
    return byAddress != 0 ? byAddress : Integer.compare(aPort, bPort);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ConnectionKey key
        && lowPort == key.lowPort
        && highPort == key.highPort
        && Arrays.equals(lowAddress, key.lowAddress)
        && Arrays.equals(highAddress, key.highAddress);
  }

  @Override
  public int hashCode() {
    return hash;
  }
}
