package org.sdcap.pcap;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds the TCP segments of one simulated connection, so tests can reorder, duplicate, alter or
 * drop them before {@link FrameBuilder} and {@link PcapBuilder} turn them into a capture.
 */
final class TestFlow {

  static final int FIN = 0x01;
  static final int SYN = 0x02;
  static final int RST = 0x04;
  static final int PSH = 0x08;
  static final int ACK = 0x10;

  /** One segment; {@code payload} may be changed by a test before the capture is written. */
  static final class Segment {
    final TestFlow flow;
    final boolean fromClient;
    long sequence;
    final long acknowledgment;
    final int flags;
    byte[] payload;

    Segment(
        TestFlow flow,
        boolean fromClient,
        long sequence,
        long acknowledgment,
        int flags,
        byte[] payload) {
      this.flow = flow;
      this.fromClient = fromClient;
      this.sequence = sequence;
      this.acknowledgment = acknowledgment;
      this.flags = flags;
      this.payload = payload;
    }

    Segment copy() {
      return new Segment(flow, fromClient, sequence, acknowledgment, flags, payload.clone());
    }

    /** Returns the IP packet (v4 or v6 after the flow's addresses) holding this segment. */
    byte[] ipPacket() {
      byte[] source = fromClient ? flow.clientAddress : flow.serverAddress;
      byte[] destination = fromClient ? flow.serverAddress : flow.clientAddress;
      int sourcePort = fromClient ? flow.clientPort : flow.serverPort;
      int destinationPort = fromClient ? flow.serverPort : flow.clientPort;
      byte[] tcp =
          FrameBuilder.tcp(sourcePort, destinationPort, sequence, acknowledgment, flags, payload);
      return source.length == 4
          ? FrameBuilder.ipv4(source, destination, tcp)
          : FrameBuilder.ipv6(source, destination, flow.ipv6Extensions, tcp);
    }
  }

  final byte[] clientAddress;
  final byte[] serverAddress;
  final int clientPort;
  final int serverPort;
  private long clientNext;
  private long serverNext;
  private final List<Segment> segments = new ArrayList<>();
  int[] ipv6Extensions = new int[0];

  TestFlow(String client, int clientPort, String server, int serverPort) {
    this(client, clientPort, server, serverPort, 1000, 5000);
  }

  TestFlow(
      String client,
      int clientPort,
      String server,
      int serverPort,
      long clientIsn,
      long serverIsn) {
    this.clientAddress = address(client);
    this.serverAddress = address(server);
    this.clientPort = clientPort;
    this.serverPort = serverPort;
    this.clientNext = clientIsn;
    this.serverNext = serverIsn;
  }

  static byte[] address(String literal) {
    try {
      return InetAddress.getByName(literal).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(literal, e);
    }
  }

  /** Adds the three-way handshake. */
  TestFlow open() {
    add(true, clientNext, 0, SYN, new byte[0]);
    clientNext = (clientNext + 1) & 0xFFFFFFFFL;
    add(false, serverNext, clientNext, SYN | ACK, new byte[0]);
    serverNext = (serverNext + 1) & 0xFFFFFFFFL;
    add(true, clientNext, serverNext, ACK, new byte[0]);
    return this;
  }

  TestFlow client(String text) {
    return client(text.getBytes(StandardCharsets.UTF_8), 1460);
  }

  TestFlow client(String text, int segmentSize) {
    return client(text.getBytes(StandardCharsets.UTF_8), segmentSize);
  }

  /** Adds client data cut into segments of at most {@code segmentSize} bytes. */
  TestFlow client(byte[] data, int segmentSize) {
    for (int at = 0; at < data.length; at += segmentSize) {
      byte[] piece = Arrays.copyOfRange(data, at, Math.min(data.length, at + segmentSize));
      add(true, clientNext, serverNext, ACK | PSH, piece);
      clientNext = (clientNext + piece.length) & 0xFFFFFFFFL;
    }
    return this;
  }

  TestFlow server(String text) {
    byte[] data = text.getBytes(StandardCharsets.UTF_8);
    for (int at = 0; at < data.length; at += 1460) {
      byte[] piece = Arrays.copyOfRange(data, at, Math.min(data.length, at + 1460));
      add(false, serverNext, clientNext, ACK | PSH, piece);
      serverNext = (serverNext + piece.length) & 0xFFFFFFFFL;
    }
    return this;
  }

  /** Adds FIN from both sides. */
  TestFlow close() {
    add(true, clientNext, serverNext, FIN | ACK, new byte[0]);
    clientNext = (clientNext + 1) & 0xFFFFFFFFL;
    add(false, serverNext, clientNext, FIN | ACK, new byte[0]);
    serverNext = (serverNext + 1) & 0xFFFFFFFFL;
    add(true, clientNext, serverNext, ACK, new byte[0]);
    return this;
  }

  TestFlow reset() {
    add(true, clientNext, serverNext, RST | ACK, new byte[0]);
    return this;
  }

  List<Segment> segments() {
    return segments;
  }

  /** Returns the segments that carry client data, in order. */
  List<Segment> clientData() {
    return segments.stream().filter(s -> s.fromClient && s.payload.length > 0).toList();
  }

  private void add(
      boolean fromClient, long sequence, long acknowledgment, int flags, byte[] payload) {
    segments.add(new Segment(this, fromClient, sequence, acknowledgment, flags, payload));
  }
}
