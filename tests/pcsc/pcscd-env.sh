#!/usr/bin/env bash
# A private pcscd with the vpcd driver, for the hardware-free PC/SC tests (vitale-pcsc.md §4).
#
#   pcscd-env.sh start [DIR]   starts pcscd --foreground with a copy of /etc/reader.conf.d/vpcd
#                              in DIR/conf, log in DIR/pcscd.log; waits for /run/pcscd/pcscd.comm;
#                              prints the pid on stdout. Idempotent (prints the running pid).
#   pcscd-env.sh stop [DIR]    stops it (SIGTERM, then SIGKILL), removes stale files and
#                              restarts the system pcscd if `start` had to stop it.
#   pcscd-env.sh status [DIR]  exit 0 when running (prints the pid)
# DIR defaults to $VIGIE_PCSCD_DIR, else /tmp/vigie-pcscd.
#
# Exit 77 (the CTest skip code) when the environment cannot host it: not root, pcscd or the
# vpcd driver missing, pcscd does not come up. There is one /run/pcscd/pcscd.comm per machine
# and vpcd binds the fixed ports 35963/35964, so a system pcscd cannot run at the same time:
# a systemd-managed one (pcscd.socket / pcscd.service) is stopped here and restarted by `stop`;
# a pcscd started by hand is never killed: the script skips (77) and says so.
set -u

cmd=${1:-start}
DIR=${2:-${VIGIE_PCSCD_DIR:-/tmp/vigie-pcscd}}
RUN=/run/pcscd
SOCK=$RUN/pcscd.comm
DRIVER_CONF=/etc/reader.conf.d/vpcd

say() { echo "pcscd-env: $*" >&2; }
skip() { say "$* — tests PC/SC ignorés"; exit 77; }

alive() {  # a live (non-zombie) process
  local state
  [ -n "${1:-}" ] && [ -r "/proc/$1/stat" ] || return 1
  state=$(sed 's/.*) //' "/proc/$1/stat" | cut -d' ' -f1)
  [ "$state" != "Z" ] && [ "$state" != "X" ]
}

our_pid() {
  local p
  [ -f "$DIR/pcscd.pid" ] || return 1
  p=$(cat "$DIR/pcscd.pid")
  alive "$p" && echo "$p"
}

foreign_pcscd() {  # pids of pcscd processes that are not ours
  local ours=${1:-} p
  for p in $(pidof pcscd 2>/dev/null); do
    [ "$p" = "$ours" ] && continue
    alive "$p" && echo "$p"
  done
}

systemd_up() { [ -d /run/systemd/system ] && command -v systemctl >/dev/null; }

start() {
  [ "$(id -u)" -eq 0 ] || skip "root requis pour lancer pcscd sur $SOCK"
  command -v pcscd >/dev/null || skip "pcscd absent (apt-get install pcscd)"
  [ -f "$DRIVER_CONF" ] || skip "pilote vpcd absent ($DRIVER_CONF ; apt-get install vsmartcard-vpcd)"
  local lib
  lib=$(awk '$1=="LIBPATH"{print $2}' "$DRIVER_CONF")
  [ -n "$lib" ] && [ -e "$lib" ] || skip "bibliothèque du pilote vpcd introuvable ($lib)"

  local pid
  if pid=$(our_pid); then echo "$pid"; return 0; fi
  mkdir -p "$DIR/conf" || skip "dossier $DIR impossible à créer"

  if systemd_up; then
    if systemctl is-active --quiet pcscd.socket || systemctl is-active --quiet pcscd.service; then
      say "arrêt du pcscd système (systemd) ; « stop » le relancera"
      systemctl stop pcscd.socket pcscd.service || skip "impossible d'arrêter le pcscd système"
      touch "$DIR/systemd-stopped"
    fi
  fi
  local others
  others=$(foreign_pcscd | tr '\n' ' ')
  [ -z "$others" ] || skip "un pcscd lancé hors de ce script tourne déjà (pid $others) : arrêtez-le d'abord"

  # Files left by a pcscd that died (killed -9): pcscd would refuse to start or we would not
  # notice that it is up.
  rm -f "$SOCK" "$RUN/pcscd.pid" "$RUN/pcscd.pub"
  cp "$DRIVER_CONF" "$DIR/conf/" || skip "copie de $DRIVER_CONF impossible"

  setsid pcscd --foreground --debug --apdu -c "$DIR/conf" </dev/null >>"$DIR/pcscd.log" 2>&1 &
  pid=$!
  echo "$pid" >"$DIR/pcscd.pid"
  local i
  for i in $(seq 1 100); do
    if [ -S "$SOCK" ]; then echo "$pid"; return 0; fi
    alive "$pid" || break
    sleep 0.1
  done
  say "pcscd ne démarre pas ; fin de $DIR/pcscd.log :"
  tail -n 20 "$DIR/pcscd.log" >&2
  alive "$pid" && kill -KILL "$pid" 2>/dev/null
  rm -f "$DIR/pcscd.pid"
  exit 77
}

stop() {
  local pid i
  if pid=$(our_pid); then
    kill -TERM "$pid" 2>/dev/null
    for i in $(seq 1 50); do alive "$pid" || break; sleep 0.1; done
    alive "$pid" && kill -KILL "$pid" 2>/dev/null
    for i in $(seq 1 20); do alive "$pid" || break; sleep 0.1; done
  fi
  rm -f "$DIR/pcscd.pid"
  [ -n "$(foreign_pcscd)" ] || rm -f "$SOCK" "$RUN/pcscd.pid"
  if [ -f "$DIR/systemd-stopped" ]; then
    rm -f "$DIR/systemd-stopped"
    systemd_up && systemctl start pcscd.socket
  fi
  return 0
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  status) our_pid || exit 1 ;;
  *) echo "usage: $0 start|stop|status [DIR]" >&2; exit 2 ;;
esac
