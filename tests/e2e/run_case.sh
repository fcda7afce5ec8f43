#!/usr/bin/env bash
# Runs one end-to-end case: run_case.sh BINARY SOURCE_DIR CASE_SCRIPT
export OHM="$1" SRC="$2" PY=/usr/bin/python3
exec bash "$3"
