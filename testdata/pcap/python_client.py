#!/usr/bin/env python3
"""Sends requests with Python's http.client over keep-alive connections (IPv4 and IPv6).

Usage: python_client.py PORT
"""
import gzip
import http.client
import json
import socket
import sys

port = int(sys.argv[1])
key = "Bearer sk-test-python-0000000000000000"

for host in ["127.0.0.1", "::1"]:
    connection = http.client.HTTPConnection(host, port)
    body = json.dumps({"model": "test-model", "messages": [
        {"role": "user", "content": "Grüße aus Köln, 東京 and 🎉 from " + host}]}).encode()
    connection.request("POST", "/v1/chat/completions", body, {
        "Content-Type": "application/json", "Authorization": key,
        "X-OpenWebUI-Chat-Id": "chat-42", "User-Agent": "python-http-client/3"})
    connection.getresponse().read()
    connection.request("GET", "/v1/models", headers={"Authorization": key})
    connection.getresponse().read()
    compressed = gzip.compress(json.dumps({"model": "test-model", "input": "gzip body"}).encode(),
                               mtime=0)
    connection.request("POST", "/v1/embeddings", compressed, {
        "Content-Type": "application/json", "Content-Encoding": "gzip"})
    connection.getresponse().read()
    # A chunked upload: http.client sends an iterable body with chunked transfer coding.
    connection.request("POST", "/v1/chat/completions",
                       iter([b'{"model":"chunked-model",', b'"messages":[]}']),
                       {"Content-Type": "application/json"}, encode_chunked=True)
    connection.getresponse().read()
    connection.close()

# Two pipelined requests in one write on a raw socket, then both responses.
pipe = socket.create_connection(("127.0.0.1", port))
pipe.sendall(b"GET /v1/models HTTP/1.1\r\nHost: pipelined\r\n\r\n"
             b"POST /v1/embeddings HTTP/1.1\r\nHost: pipelined\r\nContent-Length: 37\r\n\r\n"
             b'{"model":"pipe-model","input":"pipe"}')
received = b""
while received.count(b"HTTP/1.1 ") < 2 or not received.endswith(b"}"):
    chunk = pipe.recv(65536)
    if not chunk:
        break
    received += chunk
pipe.close()
