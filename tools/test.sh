#!/usr/bin/env bash
# Installs what is missing, builds, and runs ALL the tests through CTest.
# Extra arguments go to ctest, e.g. `tools/test.sh -L unit` for the fast loop.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/tools/setup.sh"
"$root/tools/build.sh"
cd "$root/build"
ctest --no-tests=error --output-on-failure -j "$(nproc)" "$@"
