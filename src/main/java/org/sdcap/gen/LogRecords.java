package org.sdcap.gen;

/**
 * The metadata members that the capture middleware writes before the body, shared by the v1 and the
 * full-body log formats.
 */
final class LogRecords {

  /** Characters of the Authorization header kept in {@code auth_prefix}. */
  static final int AUTH_PREFIX_CHARS = 24;

  private LogRecords() {}

  /**
   * Writes {@code ts} to {@code auth_prefix}, then {@code body_bytes}, into an open object. Absent
   * headers and a missing model are written as null.
   */
  static void writeMetadata(JsonBuilder json, GeneratedRequest request) {
    json.name("ts").numberText(Timestamps.pythonFloatSeconds(request.timestampMicros()));
    json.name("status").value(request.status());
    json.name("path").value(request.path());
    json.name("client").value(request.clientIp() + ":" + request.clientPort());
    json.name("model").value(request.model());
    json.name("user_agent").value(request.header("User-Agent"));
    json.name("x_forwarded_for").value(request.header("X-Forwarded-For"));
    json.name("x_real_ip").value(request.header("X-Real-IP"));
    json.name("x_forwarded_host").value(request.header("X-Forwarded-Host"));
    json.name("host").value(request.host());
    json.name("referer").value(request.header("Referer"));
    json.name("auth_prefix").value(authPrefix(request.header("Authorization")));
    json.name("body_bytes").value(request.body().length);
  }

  /** Writes {@code "oversize_rejected": true} for a request the server rejected with 413. */
  static void writeOversizeFlag(JsonBuilder json, GeneratedRequest request) {
    if (request.status() == 413) {
      json.name("oversize_rejected").value(true);
    }
  }

  /** Returns Python's {@code authorization[:24] + "..."}, or null without the header. */
  static String authPrefix(String authorization) {
    if (authorization == null) {
      return null;
    }
    int codePoints = authorization.codePointCount(0, authorization.length());
    if (codePoints <= AUTH_PREFIX_CHARS) {
      return authorization + "...";
    }
    return authorization.substring(0, authorization.offsetByCodePoints(0, AUTH_PREFIX_CHARS))
        + "...";
  }
}
