package org.sdcap.pcap;

import java.util.List;

/**
 * Filters for requests read from captures.
 *
 * @param ports server ports to decode; empty means any port that carries HTTP requests
 * @param pathPrefixes request paths to keep, for example {@code /v1/}
 * @param methods request methods to keep; empty means all
 */
public record CaptureOptions(List<Integer> ports, List<String> pathPrefixes, List<String> methods) {

  public static final List<String> DEFAULT_PATH_PREFIXES = List.of("/v1/", "/openai/v1/");

  public static CaptureOptions defaults() {
    return new CaptureOptions(List.of(), DEFAULT_PATH_PREFIXES, List.of());
  }
}
