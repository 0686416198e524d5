#!/usr/bin/env bash
# GUI bench (issue #6): `vigie --demo` under Xvfb — start to ready, card insertion to proposal
# visible (p50/p95 over N insertions, the same card in and out), event-loop lag max; printing:
# « Imprimer… » to the dialog with its preview, Ctrl+P to a label PDF written (20 repeats). Prints the
# figures; asserts nothing. Targets: start ≤ 1.5 s, proposal ≤ 400 ms p95, lag ≤ 50 ms.
# Usage: gui_bench.sh VIGIE_BINARY [N=50] [CARD=ecetinsi]
set -euo pipefail
vigie="$1"; n="${2:-50}"; card="${3:-ecetinsi}"
command -v Xvfb >/dev/null || { echo "Xvfb absent"; exit 77; }
work="$(mktemp -d)"
for d in $(seq 150 199); do
  [ -e "/tmp/.X$d-lock" ] || [ -e "/tmp/.X11-unix/X$d" ] || { disp=":$d"; break; }
done
Xvfb "$disp" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
trap 'kill $xvfb_pid 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X${disp#:}" ] && break; sleep 0.1; done
{
  for _ in $(seq "$n"); do
    printf 'insert %s\nwait proposal 10000\ndump p\nremove\nsleep 50\n' "$card"
  done
  # Printing: the Impression dialog with its preview, then the préparateur's Ctrl+P repeats.
  printf 'insert %s\nwait proposal 10000\npress create\nwait idle\npress print\nwait print 10000\n' "$card"
  printf 'print-pdf %s/etiquette.pdf\nwait printed 10000\nprint-close\nsleep 50\n' "$work"
  for _ in $(seq 20); do printf 'key ctrl+p\nwait printed 10000\n'; done
  echo quit
} >"$work/commands.txt"
start=$(date +%s%N)
DISPLAY="$disp" "$vigie" --demo --automation "$work/commands.txt" --results "$work/results.jsonl" >"$work/out.log" 2>&1
total_ms=$(( ($(date +%s%N) - start) / 1000000 ))
jq -r -s --arg n "$n" '
  def pct(p): sort | .[((length - 1) * p | floor)];
  (map(select(.event=="ready"))[0].start_ms) as $ready
  | ([.[] | select(.event=="wait" and .what=="proposal" and .ok) | .proposal_ms] | .[0:($n | tonumber)]) as $p
  | [.[] | select(.event=="dump") | .lag_max_ms] as $lag
  | "démarrage → prêt (pile démo : PKI, simulateur, base) : \($ready | floor) ms",
    "insertion → proposition visible, \($p | length)/\($n) : p50 \($p | pct(0.5) | . * 10 | floor / 10) ms, p95 \($p | pct(0.95) | . * 10 | floor / 10) ms, max \($p | max | . * 10 | floor / 10) ms",
    "retard max de la boucle d’événements : \($lag | max | . * 10 | floor / 10) ms"' "$work/results.jsonl"
jq -r -s '
  def pct(p): sort | .[((length - 1) * p | floor)];
  (map(select(.event=="wait" and .what=="print"))[0].waited_ms) as $open
  | ([.[] | select(.event=="wait" and .what=="printed" and .ok) | .waited_ms] | .[1:]) as $r
  | "Imprimer… → fenêtre et aperçu affichés : \($open | floor) ms",
    "étiquette en PDF (Ctrl+P), \($r | length) : p50 \($r | pct(0.5) | floor) ms, p95 \($r | pct(0.95) | floor) ms (pas de 20 ms : le minuteur de l’automate)"' "$work/results.jsonl"
echo "durée totale : ${total_ms} ms"
