#!/usr/bin/env bash
# Configures and builds Vigie in ./build (the "default" CMake preset). Extra arguments go to ninja.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
cmake --preset default >/dev/null
cmake --build build -j "$(nproc)" "$@"
