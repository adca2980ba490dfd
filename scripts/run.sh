#!/usr/bin/env bash
# Runs the node on its embedded defaults (config/appsettings.json: 127.0.0.1:11112, AE title PACSNODE,
# data in ./.pacsnode/data) until Ctrl-C, building it first if needed. Extra arguments go to
# "pacsnode serve", e.g. --config my.json.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
exec ./scripts/pacsnode serve "$@"
