package org.sdcap.pcap;

/** The receiver of the requests that connections parse. */
interface RequestSink {

  HttpRequest newRequest(Connection connection);

  /** The request is complete; it is emitted once its response is settled or held long enough. */
  void completed(HttpRequest request);
}
