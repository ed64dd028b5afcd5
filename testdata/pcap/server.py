#!/usr/bin/env python3
"""A small OpenAI-compatible HTTP/1.1 server for making test captures on loopback.

Usage: server.py PORT. Listens on 127.0.0.1 and ::1. Serves /v1/chat/completions (JSON, or
server-sent events over chunked transfer coding when the body sets "stream": true),
/v1/embeddings, /v1/models and /health; anything else gets 404. An upload to /v1/reject with
"Expect: 100-continue" gets 401 before its body.
"""
import json
import socket
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):
        pass

    def handle_expect_100(self):
        # Rejects uploads to /v1/reject before the body, as an authenticating proxy would.
        if self.path == "/v1/reject":
            self.send_json(401, {"error": "invalid api key"})
            self.close_connection = True
            return False
        return super().handle_expect_100()

    def read_body(self):
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            body = b""
            while True:
                size = int(self.rfile.readline().split(b";")[0], 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return body
                body += self.rfile.read(size)
                self.rfile.readline()
        return self.rfile.read(int(self.headers.get("Content-Length", "0")))

    def send_json(self, status, value):
        data = json.dumps(value).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if self.path == "/v1/models":
            self.send_json(200, {"object": "list", "data": [{"id": "test-model", "object": "model"}]})
        elif self.path == "/health":
            self.send_json(200, {"status": "ok"})
        else:
            self.send_json(404, {"error": "not found"})

    def do_POST(self):
        body = self.read_body()
        try:
            request = json.loads(body) if body[:1] == b"{" else {}
        except ValueError:
            request = {}
        if self.path.endswith("/chat/completions") and request.get("stream"):
            self.stream_completion(request)
        elif self.path.endswith("/chat/completions"):
            self.send_json(200, completion(request, "Hello from the test server."))
        elif self.path.endswith("/embeddings"):
            self.send_json(200, {"object": "list", "data": [{"object": "embedding", "index": 0,
                                 "embedding": [0.25, -0.5]}], "model": request.get("model")})
        elif self.path == "/v1/files":
            self.send_json(201, {"id": "file-test", "bytes": len(body)})
        else:
            self.send_json(404, {"error": "not found"})

    def stream_completion(self, request):
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        for word in ["Hello", " from", " the", " stream."]:
            event = {"id": "chatcmpl-test", "object": "chat.completion.chunk",
                     "model": request.get("model"),
                     "choices": [{"index": 0, "delta": {"content": word}}]}
            self.write_chunk(("data: " + json.dumps(event) + "\n\n").encode())
        self.write_chunk(b"data: [DONE]\n\n")
        self.wfile.write(b"0\r\n\r\n")

    def write_chunk(self, data):
        self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
        self.wfile.flush()


def completion(request, text):
    return {"id": "chatcmpl-test", "object": "chat.completion", "created": 1700000000,
            "model": request.get("model"),
            "choices": [{"index": 0, "message": {"role": "assistant", "content": text},
                         "finish_reason": "stop"}],
            "usage": {"prompt_tokens": 5, "completion_tokens": 6, "total_tokens": 11}}


class Server6(ThreadingHTTPServer):
    address_family = socket.AF_INET6


def main():
    port = int(sys.argv[1])
    servers = [ThreadingHTTPServer(("127.0.0.1", port), Handler), Server6(("::1", port), Handler)]
    for server in servers:
        threading.Thread(target=server.serve_forever, daemon=True).start()
    print("listening", flush=True)
    threading.Event().wait()


if __name__ == "__main__":
    main()
