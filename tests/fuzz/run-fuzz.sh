#!/usr/bin/env bash
# Builds a libFuzzer target with clang (ASan + UBSan) and runs it briefly on its seed corpus.
#   run-fuzz.sh NAME SECONDS SEED_DIR SOURCES… -- LIBS…
# Exit 0: no finding; 77: clang/libFuzzer not available (CTest reports the test as skipped).
set -euo pipefail
name=$1 seconds=$2 seeds=$3; shift 3
sources=() libs=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do sources+=("$1"); shift; done
[ $# -gt 0 ] && shift
libs=("$@")
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="${VIGIE_FUZZ_DIR:-$root/build/fuzz}/$name"
mkdir -p "$out/corpus"
command -v clang++ >/dev/null || { echo "clang++ not installed: fuzzing skipped"; exit 77; }
if ! clang++ -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    -I"$root" -I/usr/include/libxml2 "${sources[@]/#/$root/}" "${libs[@]}" -o "$out/fuzzer" 2>"$out/build.log"; then
  if grep -q "libclang_rt.fuzzer\|fuzzer.*not found\|cannot find" "$out/build.log"; then
    echo "libFuzzer runtime not installed: fuzzing skipped"; cat "$out/build.log"; exit 77
  fi
  cat "$out/build.log"; exit 1
fi
cd "$out"
./fuzzer -max_total_time="$seconds" -max_len=8192 -print_final_stats=1 corpus "$root/$seeds" 2>&1 | tail -n 25
