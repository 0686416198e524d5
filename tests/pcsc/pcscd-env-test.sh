#!/usr/bin/env bash
# pcscd-env.sh itself: start (idempotent) → socket and pid; status; stop → gone. Exit 77 when
# pcscd cannot run here (not root, packages missing, a foreign pcscd).
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
DIR=$(mktemp -d /tmp/vigie-pcscd-env-XXXXXX)
trap '"$HERE/pcscd-env.sh" stop "$DIR" >/dev/null 2>&1; rm -rf "$DIR"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

pid=$("$HERE/pcscd-env.sh" start "$DIR"); rc=$?
[ $rc -eq 77 ] && exit 77
[ $rc -eq 0 ] || fail "start a rendu $rc"
[[ "$pid" =~ ^[0-9]+$ ]] || fail "start doit afficher un pid, pas « $pid »"
[ -S /run/pcscd/pcscd.comm ] || fail "pas de socket /run/pcscd/pcscd.comm"
kill -0 "$pid" || fail "pcscd $pid ne tourne pas"
again=$("$HERE/pcscd-env.sh" start "$DIR") || fail "second start"
[ "$again" = "$pid" ] || fail "start n'est pas idempotent ($again ≠ $pid)"
[ "$("$HERE/pcscd-env.sh" status "$DIR")" = "$pid" ] || fail "status"
grep -q vpcd "$DIR/conf/vpcd" 2>/dev/null || grep -q LIBPATH "$DIR/conf/vpcd" || fail "conf vpcd non copiée"
"$HERE/pcscd-env.sh" stop "$DIR" || fail "stop"
for _ in $(seq 1 30); do [ -d "/proc/$pid" ] || break; sleep 0.1; done
[ ! -d "/proc/$pid" ] || [ "$(sed 's/.*) //' /proc/$pid/stat | cut -d' ' -f1)" = Z ] || fail "pcscd $pid survit à stop"
[ ! -e /run/pcscd/pcscd.comm ] || fail "socket restée après stop"
"$HERE/pcscd-env.sh" status "$DIR" >/dev/null && fail "status après stop"
echo "pcscd-env.sh: ok"
exit 0
