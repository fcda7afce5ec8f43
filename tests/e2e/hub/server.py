"""Loopback HTTP server for the hub e2e cases: server.py ROOT PORT_FILE.

Serves ROOT on 127.0.0.1 at a free port (written to PORT_FILE). The first path
component picks how model files are served, so one server covers every case:
/ok/... as is, /missing/... 404, /truncated/... half the body under the
file's Content-Length (then the connection closes), /wronghash/... one byte changed,
/stall/... headers then silence, /trickle/... two bytes a second, /wronglength/...
a Content-Length 1000 larger than the file (then the file), /longer/... the
file and 5000 more bytes with no Content-Length (ended by closing), /slow/...
the file after a pause of two seconds (so that two fetches started at once
overlap).
ONNX_HUB_MANIFEST.json is always served as is.
"""
import http.server
import os
import sys
import time

ROOT, PORT_FILE = sys.argv[1], sys.argv[2]


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        parts = self.path.lstrip("/").split("/", 1)
        mode, rel = (parts[0], parts[1]) if len(parts) == 2 else ("ok", parts[0])
        path = os.path.join(ROOT, rel)
        if ".." in rel.split("/") or not os.path.isfile(path):
            self.send_error(404)
            return
        data = open(path, "rb").read()
        if not rel.endswith("ONNX_HUB_MANIFEST.json"):
            if mode == "missing":
                self.send_error(404)
                return
            if mode == "wronghash":
                data = bytes([data[0] ^ 1]) + data[1:]
            if mode == "slow":
                time.sleep(2)
            if mode == "stall":
                self.send_response(200)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.flush()
                time.sleep(30)
                return
            if mode == "trickle":
                self.send_response(200)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                for i in range(0, len(data), 2):
                    self.wfile.write(data[i : i + 2])
                    self.wfile.flush()
                    time.sleep(1)
                return
            if mode == "wronglength":
                self.send_response(200)
                self.send_header("Content-Length", str(len(data) + 1000))
                self.end_headers()
                self.wfile.write(data + bytes(1000))
                return
            if mode == "longer":
                self.send_response(200)
                self.end_headers()
                self.wfile.write(data + bytes(5000))
                self.wfile.flush()
                self.close_connection = True
                return
            if mode == "truncated":
                self.send_response(200)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data[: len(data) // 2])
                self.wfile.flush()
                self.close_connection = True
                return
        self.send_response(200)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
with open(PORT_FILE + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
os.rename(PORT_FILE + ".tmp", PORT_FILE)
server.serve_forever()
