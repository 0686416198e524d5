#!/usr/bin/env bash
# Runs a command against a private CUPS scheduler of its own (never the machine's): a cupsd on a
# free loopback port, with two queues whose backend captures every job into a directory:
#   vigie-pdf  (PDF labels and documents)     vigie-zpl  (raw ZPL for a Zebra printer)
# The command sees CUPS_SERVER=127.0.0.1:PORT and VIGIE_CUPS_OUT=<capture dir>.
# Exit 77 (CTest "skipped") when cupsd is missing or we are not root (cupsd needs root to run
# its backends as the lp user).
# Usage: cups-env.sh COMMAND [ARGS...]
set -euo pipefail

command -v cupsd >/dev/null || { echo "cups-env: cupsd absent (paquet cups) : tier ignoré"; exit 77; }
[ "$(id -u)" -eq 0 ] || { echo "cups-env: cupsd doit être lancé en root : tier ignoré"; exit 77; }

work="$(mktemp -d /tmp/vigie-cups.XXXXXX)"
cupsd_pid=""
cleanup() {
  [ -n "$cupsd_pid" ] && kill "$cupsd_pid" 2>/dev/null && wait "$cupsd_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work"/{root/ppd,root/ssl,spool/tmp,cache,state,log,bin/backend,out}
chmod 1777 "$work/out"
chmod 755 "$work"
# ServerBin: the system's filters and helpers, plus our capture backend.
for d in /usr/lib/cups/*; do [ "$(basename "$d")" = backend ] || ln -s "$d" "$work/bin/$(basename "$d")"; done
cat >"$work/bin/backend/vigiecapture" <<'SH'
#!/bin/sh
# Test backend: stores each job's data as <dir>/job-<id>.out (dir from the device URI).
if [ $# -eq 0 ]; then echo 'direct vigiecapture "Unknown" "Vigie test capture"'; exit 0; fi
dir="${DEVICE_URI#vigiecapture:}"
if [ $# -ge 6 ]; then cat "$6" >"$dir/job-$1.tmp"; else cat >"$dir/job-$1.tmp"; fi
mv "$dir/job-$1.tmp" "$dir/job-$1.out"
SH
chmod 755 "$work/bin/backend/vigiecapture"
cp /etc/cups/raw.types /etc/cups/raw.convs "$work/root/" 2>/dev/null || true

cat >"$work/root/cups-files.conf" <<CONF
ServerRoot $work/root
RequestRoot $work/spool
CacheDir $work/cache
StateDir $work/state
TempDir $work/spool/tmp
ServerBin $work/bin
DataDir /usr/share/cups
AccessLog $work/log/access_log
ErrorLog $work/log/error_log
PageLog $work/log/page_log
User lp
Group lp
SystemGroup root
CONF

port=""
for attempt in $(seq 20); do
  candidate=$((20000 + (RANDOM % 20000)))
  cat >"$work/root/cupsd.conf" <<CONF
Listen 127.0.0.1:$candidate
LogLevel info
WebInterface No
Browsing No
DefaultAuthType None
<Location />
  Order allow,deny
  Allow 127.0.0.1
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
CONF
  cupsd -f -c "$work/root/cupsd.conf" -s "$work/root/cups-files.conf" >"$work/log/cupsd.out" 2>&1 &
  cupsd_pid=$!
  for _ in $(seq 50); do
    if lpstat -h "127.0.0.1:$candidate" -r 2>/dev/null | grep -q "is running"; then port=$candidate; break; fi
    kill -0 "$cupsd_pid" 2>/dev/null || break
    sleep 0.1
  done
  [ -n "$port" ] && break
  kill "$cupsd_pid" 2>/dev/null || true
  wait "$cupsd_pid" 2>/dev/null || true
  cupsd_pid=""
done
[ -n "$port" ] || { echo "cups-env: cupsd n'a pas démarré"; cat "$work/log/cupsd.out" "$work/log/error_log" 2>/dev/null; exit 1; }

export CUPS_SERVER="127.0.0.1:$port" VIGIE_CUPS_OUT="$work/out"
for q in vigie-pdf vigie-zpl; do
  lpadmin -h "$CUPS_SERVER" -p "$q" -E -v "vigiecapture:$work/out" -m raw -D "Vigie test $q" 2>/dev/null
done
echo "cups-env: cupsd sur $CUPS_SERVER, files vigie-pdf et vigie-zpl, sorties dans $VIGIE_CUPS_OUT"
set +e
"$@"
rc=$?
set -e
[ $rc -eq 0 ] || tail -20 "$work/log/error_log" 2>/dev/null
exit $rc
