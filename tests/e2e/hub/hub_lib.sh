# Helpers for the hub cases (sourced after tests/e2e/lib.sh).
unset ONNX_HOME XDG_CACHE_HOME

# start_server ROOT: serves ROOT on loopback; sets $PORT and stops the server on exit.
start_server() {
  "$PY" "$SRC/tests/e2e/hub/server.py" "$1" "$WORK/port" &
  SERVER_PID=$!
  at_exit "kill $SERVER_PID 2>/dev/null"
  for _ in $(seq 100); do [[ -s "$WORK/port" ]] && break; sleep 0.1; done
  [[ -s "$WORK/port" ]] || fail "server did not start"
  PORT=$(cat "$WORK/port")
}

# files_under DIR: regular files below DIR (none when DIR is missing).
files_under() { [[ -d "$1" ]] && find "$1" -type f | sort || true; }

TINYNET=vision/classification/tinynet/model
