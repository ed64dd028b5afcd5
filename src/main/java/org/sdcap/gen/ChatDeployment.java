package org.sdcap.gen;

/** A chat front end: the shared client it sends all of its users' conversations from. */
record ChatDeployment(Kind kind, Client client) {

  enum Kind {
    /** Open WebUI: aiohttp with Python's JSON defaults, and {@code X-OpenWebUI-Chat-Id}. */
    OPEN_WEBUI,
    /** A Node front end on the OpenAI SDK, with no conversation id at all. */
    NODE_FRONT_END,
    /** A web page calling the API from each user's browser, with a Referer. */
    BROWSER
  }

  boolean shared() {
    return kind != Kind.BROWSER;
  }
}
