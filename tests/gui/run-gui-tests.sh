#!/usr/bin/env bash
# GUI tier (issue #6): the real `vigie --demo` under Xvfb, driven by its automation hook
# (app/gui/Automation.h); assertions on the dumped widget state, never on pixels.
# Usage: run-gui-tests.sh VIGIE_BINARY OUT_DIR      (exit 77 = skipped: no Xvfb)
set -uo pipefail
vigie="$1"; out="$2"
command -v Xvfb >/dev/null || { echo "Xvfb absent : tier GUI ignoré"; exit 77; }
command -v jq >/dev/null || { echo "jq absent : tier GUI ignoré"; exit 77; }
rm -rf "$out" && mkdir -p "$out"

# A free display number (no lock file, no socket).
for n in $(seq 90 140); do
  [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ] || { disp=":$n"; break; }
done
Xvfb "$disp" -screen 0 1366x768x24 -nolisten tcp >"$out/xvfb.log" 2>&1 &
xvfb_pid=$!
trap 'kill $xvfb_pid 2>/dev/null || true' EXIT
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X${disp#:}" ] && break; sleep 0.1; done

failures=0
check() {  # check SCENARIO DESCRIPTION JQ_EXPR  (evaluated over the results as an array)
  if jq -e -s "$3" "$out/$1/results.jsonl" >/dev/null 2>&1; then echo "  ok   $2"
  else echo "  ÉCHEC $2"; failures=$((failures + 1)); fi
}
run() {  # run SCENARIO  (commands on stdin)
  mkdir -p "$out/$1"
  cat >"$out/$1/commands.txt"
  echo "== $1"
  DISPLAY="$disp" timeout 90 "$vigie" --demo --automation "$out/$1/commands.txt" \
    --results "$out/$1/results.jsonl" >"$out/$1/stdout.log" 2>"$out/$1/stderr.log"
  local rc=$?
  [ $rc -eq 0 ] || { echo "  ÉCHEC vigie a quitté avec le code $rc"; failures=$((failures + 1)); }
  jq -r -s '.[] | select(.event=="wait" and .what=="proposal") | "  proposition visible en \(.proposal_ms) ms (sans clic)"' \
    "$out/$1/results.jsonl" 2>/dev/null
  jq -r -s '[.[] | select(.event=="dump") | .lag_max_ms] | max | "  retard max de la boucle d’événements : \(.) ms"' \
    "$out/$1/results.jsonl" 2>/dev/null
}
dump() { echo "map(select(.event==\"dump\" and .name==\"$1\"))[0]"; }

run qualify <<'CMD'
insert ecetinsi
wait proposal 8000
dump proposal
screenshot 01-proposition
press create
wait idle
dump created
press validate
wait documents 3000
dump documents
screenshot 02-choix-piece
choose-document passeport
wait idle
sleep 100
dump qualified
screenshot 03-qualifiee
quit
CMD
check qualify "la proposition apparaît sans clic" "map(select(.event==\"wait\" and .what==\"proposal\"))[0].ok"
check qualify "traits INS affichés, créer possible" "$(dump proposal) | .rows[0].ins == \"ECETINSI\" and .buttons.create and (.buttons.validate|not)"
check qualify "après création : Identité récupérée" "$(dump created) | .badge == \"Identité récupérée\" and .buttons.validate"
check qualify "liste des pièces sans sélection par défaut" "$(dump documents) | .documents.selection == -1 and (.documents.ok_enabled|not) and (.documents.items|index(\"Passeport\") != null)"
check qualify "validée avec un passeport : Identité qualifiée" "$(dump qualified) | .badge == \"Identité qualifiée\" and (.buttons.validate|not)"
check qualify "Imprimer désactivé (à venir)" "$(dump qualified) | (.buttons.print|not)"
check qualify "captures d'écran" "[.[] | select(.event==\"screenshot\") | .ok] | all and length == 3"

run family <<'CMD'
insert nessi-famille
wait picker 8000
dump picker
screenshot 04-choix-beneficiaire
choose-beneficiary 2
wait proposal 8000
dump proposal
quit
CMD
check family "choix du bénéficiaire affiché" "$(dump picker) | .picker.shown and (.picker.items|length) == 2 and (.proposal_shown|not)"
check family "proposition pour l'enfant" "$(dump proposal) | (.title|startswith(\"NESSI MICHELANGELO\")) and .buttons.create"

run insi-down <<'CMD'
sim {"outage":true}
insert ecetinsi
wait proposal 15000
dump down
screenshot 05-insi-indisponible
quit
CMD
check insi-down "bandeau INSi indisponible" "$(dump down) | .banner_shown and (.banner|startswith(\"Service INSi indisponible\"))"
check insi-down "état INSi" "$(dump down) | .insi == \"INSi : indisponible\""

run douteuse <<'CMD'
insert ecetinsi
wait proposal 8000
press create
wait idle
douteuse
remove
sleep 200
insert ecetinsi
wait proposal 8000
dump douteuse
screenshot 06-douteuse
quit
CMD
check douteuse "appel INSi refusé, affiché" "$(dump douteuse) | .banner_shown and .banner == \"Appel INSi impossible : identité douteuse.\""
check douteuse "attribut et statut" "$(dump douteuse) | .attributes == \"Identité douteuse\" and .badge == \"Identité provisoire\" and (.buttons.validate|not)"

echo "captures et résultats : $out"
[ $failures -eq 0 ] || { echo "$failures vérification(s) en échec"; exit 1; }
