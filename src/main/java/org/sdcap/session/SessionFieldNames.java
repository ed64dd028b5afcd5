package org.sdcap.session;

/**
 * The input field names the session key reads, so logs with other names can be keyed after {@code
 * --field client=client_ip} style mappings.
 *
 * @param client {@code ip:port} of the sender
 * @param clientIp the sender's address without port, for logs that store it alone
 */
public record SessionFieldNames(
    String client,
    String clientIp,
    String xForwardedFor,
    String xRealIp,
    String model,
    String userAgent) {

  public static SessionFieldNames defaults() {
    return new SessionFieldNames(
        "client", "client_ip", "x_forwarded_for", "x_real_ip", "model", "user_agent");
  }
}
