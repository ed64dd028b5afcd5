package org.sdcap.pcap;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequestDecoder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.sdcap.input.InputRecord;

/**
 * Compares request framing with netty's HTTP decoder on random pipelined request streams
 * (Content-Length and chunked bodies, chunk extensions, trailers) cut into random TCP segments.
 */
class NettyOracleTest {

  private static final String[] METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE"};

  /** What both parsers must agree on for each request. */
  private record Parsed(String method, String target, byte[] body) {
    String describe() {
      return method + " " + target + " body " + ByteBufUtil.hexDump(body);
    }
  }

  @TestFactory
  Stream<DynamicTest> framingMatchesNetty() {
    long base = new Random().nextLong();
    return Stream.iterate(base, seed -> seed + 1)
        .limit(40)
        .map(seed -> DynamicTest.dynamicTest("seed " + seed, () -> compare(seed)));
  }

  private static void compare(long seed) throws Exception {
    Random random = new Random(seed);
    byte[] stream = randomRequests(random, 1 + random.nextInt(6));

    List<String> expected = netty(stream).stream().map(Parsed::describe).toList();
    assertThat(expected).as("requests netty decoded, seed " + seed).isNotEmpty();
    List<String> actual = sdcap(stream, random).stream().map(Parsed::describe).toList();

    assertThat(actual).as("seed " + seed).isEqualTo(expected);
  }

  private static List<Parsed> netty(byte[] stream) {
    EmbeddedChannel channel =
        new EmbeddedChannel(new HttpRequestDecoder(), new HttpObjectAggregator(1 << 20));
    channel.writeInbound(Unpooled.wrappedBuffer(stream));
    List<Parsed> requests = new ArrayList<>();
    FullHttpRequest request;
    while ((request = channel.readInbound()) != null) {
      assertThat(request.decoderResult().isSuccess()).as("netty decoded").isTrue();
      byte[] body = ByteBufUtil.getBytes(request.content());
      requests.add(new Parsed(request.method().name(), request.uri(), body));
      request.release();
    }
    channel.finishAndReleaseAll();
    return requests;
  }

  private static List<Parsed> sdcap(byte[] stream, Random random) throws Exception {
    TestFlow flow = new TestFlow("10.0.0.1", 40000, "10.0.0.2", 8000).open();
    int at = 0;
    while (at < stream.length) {
      int size = Math.min(stream.length - at, 1 + random.nextInt(300));
      byte[] piece = new byte[size];
      System.arraycopy(stream, at, piece, 0, size);
      flow.client(piece, size);
      at += size;
    }
    flow.close();
    List<Parsed> requests = new ArrayList<>();
    for (InputRecord record :
        CaptureReading.readFrom(
                new java.io.ByteArrayInputStream(CaptureReading.ethernetPcap(flow.segments())),
                CaptureOptions.everything())
            .records()) {
      byte[] body = record.body() == null ? new byte[0] : record.body().bytes();
      requests.add(
          new Parsed(
              record.field("method").stringValue(), record.field("path").stringValue(), body));
    }
    return requests;
  }

  private static byte[] randomRequests(Random random, int count) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < count; i++) {
      String method = METHODS[random.nextInt(METHODS.length)];
      String eol = "\r\n";
      StringBuilder head = new StringBuilder();
      head.append(method)
          .append(" /v1/r")
          .append(i)
          .append("?n=")
          .append(random.nextInt(1000))
          .append(" HTTP/1.1")
          .append(eol);
      head.append("Host: localhost:8000").append(eol);
      for (int h = random.nextInt(4); h > 0; h--) {
        head.append("X-Extra-").append(h).append(": v").append(random.nextInt()).append(eol);
      }
      byte[] body = new byte[method.equals("GET") ? 0 : random.nextInt(3000)];
      random.nextBytes(body);
      boolean chunked = body.length > 0 && random.nextBoolean();
      if (method.equals("GET")) {
        out.writeBytes((head + eol).getBytes(StandardCharsets.US_ASCII));
        continue;
      }
      if (!chunked) {
        head.append("Content-Length: ").append(body.length).append(eol).append(eol);
        out.writeBytes(head.toString().getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        continue;
      }
      head.append("Transfer-Encoding: chunked").append(eol).append(eol);
      out.writeBytes(head.toString().getBytes(StandardCharsets.US_ASCII));
      int at = 0;
      while (at < body.length) {
        int size = Math.min(body.length - at, 1 + random.nextInt(700));
        String extension = random.nextInt(4) == 0 ? ";ext=" + random.nextInt(100) : "";
        out.writeBytes(
            (Integer.toHexString(size) + extension + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body, at, size);
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        at += size;
      }
      String trailer = random.nextBoolean() ? "X-Trailer: t\r\n" : "";
      out.writeBytes(("0\r\n" + trailer + "\r\n").getBytes(StandardCharsets.US_ASCII));
    }
    return out.toByteArray();
  }
}
