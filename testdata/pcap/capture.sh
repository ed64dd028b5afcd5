#!/usr/bin/env bash
# Makes the real captures in this folder: tcpdump and dumpcap on loopback, recording curl,
# Python's http.client and the openai npm package talking to server.py.
#
# Needs root (for capturing), tcpdump, dumpcap (Debian package tshark), curl, python3, node and
# npm. Keys are fake ("sk-test-..."). After running it, regenerate the expected records with
#   mvn -q test -Dtest=RealCaptureTest -Dsdcap.updateExpected=true
# and review the diff. Capture files are about 10-20 KB each.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
port=${PORT:-18080}
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

python3 "$here/server.py" "$port" > "$work/server.log" &
sleep 1

# Starts a capture in the background; stop_capture waits for it to flush.
start_capture() {
  "$@" > "$work/capture.log" 2>&1 &
  capture_pid=$!
  sleep 1.5
}
stop_capture() {
  sleep 0.5
  kill -INT "$capture_pid"
  wait "$capture_pid" || true
}

# 1. curl on lo (Ethernet link type): JSON, session headers, chunked upload, 100-continue
#    accepted and rejected, a multipart upload, a non-UTF-8 header, HTTP/1.0, absolute form, IPv6.
start_capture tcpdump -i lo -U -w "$here/curl-lo.pcap" "tcp port $port"
url="http://127.0.0.1:$port"
curl -sS -o /dev/null "$url/v1/chat/completions" -H "Authorization: Bearer sk-test-curl-00000000000000000000" \
  -H "Content-Type: application/json" -H "X-Forwarded-For: 203.0.113.7" -H "X-Real-IP: 203.0.113.7" \
  -H "X-Claude-Code-Session-Id: 5f0c1a2b-test" -H "Referer: http://localhost/chat" \
  --data-binary '{"model":"test-model","messages":[{"role":"user","content":"hello from curl"}]}'
curl -sS -o /dev/null "$url/v1/models"
curl -sS -o /dev/null "$url/health"
printf '{"model":"test-model","messages":[{"role":"user","content":"%s"}]}' "$(head -c 3000 /dev/zero | tr '\0' 'x')" > "$work/big.json"
curl -sS -o /dev/null "$url/v1/chat/completions" -H "Content-Type: application/json" \
  -H "Transfer-Encoding: chunked" --data-binary @"$work/big.json"
curl -sS -o /dev/null "$url/v1/chat/completions" -H "Content-Type: application/json" \
  -H "Expect: 100-continue" --data-binary @"$work/big.json"
head -c 2000 /dev/urandom > "$work/upload.bin"
curl -sS -o /dev/null "$url/v1/files" -F purpose=batch -F "file=@$work/upload.bin;type=application/octet-stream"
# Rejected before the body: curl stops the upload and closes the connection.
curl -sS -o /dev/null "$url/v1/reject" -H "Content-Type: application/json" \
  -H "Expect: 100-continue" --data-binary @"$work/big.json"
# A header that is not UTF-8 (ISO-8859-1 e with acute accent), HTTP/1.0, and an absolute-form
# target as a client sends it to a proxy (the test server replies to it itself).
curl -sS -o /dev/null "$url/v1/models" -H $'User-Agent: caf\xe9-client'
curl -sS -o /dev/null -0 "$url/v1/models"
curl -sS -o /dev/null -x "$url" "http://llm.example.invalid/v1/models"
curl -sS -o /dev/null -g "http://[::1]:$port/v1/chat/completions" -H "Content-Type: application/json" \
  -H "session_id: codex-test-1" --data-binary '{"model":"ipv6-model","stream":true,"messages":[]}'
stop_capture

# 2. Python http.client on the "any" pseudo-interface (Linux SLL2), keep-alive, IPv4 and IPv6.
start_capture tcpdump -i any -U -w "$here/python-any.pcap" "tcp port $port"
python3 "$here/python_client.py" "$port"
stop_capture

# 3. The same client with a snap length of 200 bytes: every long frame is cut.
start_capture tcpdump -i lo -U -s 200 -w "$here/python-snaplen200.pcap" "tcp port $port"
python3 "$here/python_client.py" "$port"
stop_capture

# 4. The openai npm package, captured by dumpcap as pcapng.
npm_dir="$work/npm"
mkdir -p "$npm_dir"
(cd "$npm_dir" && npm init -y > /dev/null && npm install --silent openai@4 > /dev/null)
cp "$here/openai_client.mjs" "$npm_dir/"
start_capture dumpcap -q -i lo -f "tcp port $port" -w "$here/openai-npm.pcapng"
(cd "$npm_dir" && node openai_client.mjs "$port")
stop_capture

# A second opinion for the tests: the requests tshark decodes in each capture.
for capture in "$here"/*.pcap "$here"/*.pcapng; do
  tshark -r "$capture" -Y http.request -T fields -e http.request.method -e http.request.uri \
    > "${capture%.*}.tshark.tsv" 2> /dev/null
done

ls -l "$here"/*.pcap "$here"/*.pcapng
