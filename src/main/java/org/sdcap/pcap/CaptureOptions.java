package org.sdcap.pcap;

import java.util.List;

/**
 * Filters and limits for requests read from captures.
 *
 * @param ports server ports to decode; empty means any port that carries HTTP requests
 * @param pathPrefixes request paths to keep, for example {@code /v1/}; empty means all
 * @param methods request methods to keep; empty means all
 * @param limits memory bounds
 */
public record CaptureOptions(
    List<Integer> ports, List<String> pathPrefixes, List<String> methods, CaptureLimits limits) {

  public static final List<String> DEFAULT_PATH_PREFIXES = List.of("/v1/", "/openai/v1/");

  public CaptureOptions {
    ports = List.copyOf(ports);
    pathPrefixes = List.copyOf(pathPrefixes);
    methods = List.copyOf(methods);
  }

  /** Creates options with the default limits. */
  public CaptureOptions(List<Integer> ports, List<String> pathPrefixes, List<String> methods) {
    this(ports, pathPrefixes, methods, CaptureLimits.defaults());
  }

  public static CaptureOptions defaults() {
    return new CaptureOptions(List.of(), DEFAULT_PATH_PREFIXES, List.of());
  }

  /** Returns options that keep every request on every port, for comparisons with other tools. */
  public static CaptureOptions everything() {
    return new CaptureOptions(List.of(), List.of(), List.of());
  }

  public CaptureOptions withLimits(CaptureLimits newLimits) {
    return new CaptureOptions(ports, pathPrefixes, methods, newLimits);
  }
}
