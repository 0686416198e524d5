#!/usr/bin/env bash
# Configures and builds Vigie in ./build (the "default" CMake preset).
# Arguments, if any, are target names (e.g. `tools/build.sh vigie-cli`); none builds everything.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
cmake --preset default >/dev/null
if [ $# -gt 0 ]; then
  cmake --build build -j "$(nproc)" --target "$@"
else
  cmake --build build -j "$(nproc)"
fi
