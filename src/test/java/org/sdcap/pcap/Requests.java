package org.sdcap.pcap;

import java.nio.charset.StandardCharsets;

/** HTTP messages used by the capture tests. The key is a fake one. */
final class Requests {

  static final String BODY =
      "{\"model\":\"gpt-test\",\"messages\":[{\"role\":\"user\",\"content\":\"héllo\"}]}";
  static final String AUTHORIZATION = "Bearer sk-test-0123456789abcdefghijklmnop";
  static final String OK =
      "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}";

  private Requests() {}

  static String post(String path, String body) {
    return "POST "
        + path
        + " HTTP/1.1\r\n"
        + "Host: localhost:8000\r\n"
        + "User-Agent: test-client/1.0\r\n"
        + "Authorization: "
        + AUTHORIZATION
        + "\r\n"
        + "Content-Type: application/json\r\n"
        + "Content-Length: "
        + body.getBytes(StandardCharsets.UTF_8).length
        + "\r\n"
        + "\r\n"
        + body;
  }

  static String post(String body) {
    return post("/v1/chat/completions", body);
  }

  static String get(String path) {
    return "GET " + path + " HTTP/1.1\r\nHost: localhost:8000\r\n\r\n";
  }

  static String response(int status) {
    return "HTTP/1.1 " + status + " Status\r\nContent-Length: 0\r\n\r\n";
  }

  /** Returns the body field as RecordJson renders it. */
  static String bodyJson(String body) {
    return org.sdcap.json.JsonText.quote(body);
  }
}
