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
run() {  # run SCENARIO [VIGIE OPTIONS…]  (commands on stdin)
  mkdir -p "$out/$1"
  cat >"$out/$1/commands.txt"
  echo "== $1"
  DISPLAY="$disp" timeout 90 "$vigie" --demo "${@:2}" --automation "$out/$1/commands.txt" \
    --results "$out/$1/results.jsonl" >"$out/$1/stdout.log" 2>"$out/$1/stderr.log"
  local rc=$?
  [ $rc -eq 0 ] || { echo "  ÉCHEC vigie a quitté avec le code $rc"; failures=$((failures + 1)); }
  jq -r -s '.[] | select(.event=="wait" and .what=="proposal") | "  proposition visible en \(.proposal_ms) ms (sans clic)"' \
    "$out/$1/results.jsonl" 2>/dev/null
  jq -r -s '[.[] | select(.event=="dump") | .lag_max_ms] | max | "  retard max de la boucle d’événements : \(.) ms"' \
    "$out/$1/results.jsonl" 2>/dev/null
}
dump() { echo "map(select(.event==\"dump\" and .name==\"$1\"))[0]"; }
# The demo card's patient brought to « Identité qualifiée » at the counter (created from the INS,
# passport checked): the start of every scenario that needs a qualified identity.
QUALIFIED='insert ecetinsi
wait proposal 8000
press create
wait idle
press validate
wait documents 3000
choose-document passeport
wait idle'

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
check qualify "Imprimer actif pour l'identité courante" "$(dump qualified) | .buttons.print"
check qualify "captures d'écran" "[.[] | select(.event==\"screenshot\") | .ok] | all and length == 3"

# Printing (issue #6, Impression): after qualification, the fiche then two labels to PDF from the
# dialog, then Ctrl+P twice (same patient, last settings: numbered files, never overwritten).
p="$out/print"
run print <<CMD
$QUALIFIED
press print
wait print 8000
dump open
screenshot 07-impression-etiquette
print-target document:fiche
wait print 8000
dump fiche-preview
print-pdf $p/fiche.pdf
wait printed 8000
print-target label:boite
print-copies 2
wait print 8000
print-pdf $p/etiquette.pdf
wait printed 8000
dump label
print-close
sleep 100
key ctrl+p
wait printed 8000
key ctrl+p
wait printed 8000
dump repeat
quit
CMD
check print "fenêtre Impression : jeux d'étiquettes, fiche, aperçu" "$(dump open) | .print.shown and (.print.targets|index(\"Étiquette — Boîte (89 × 36 mm)\") != null) and (.print.targets|index(\"Fiche d'identité du patient (A4)\") != null) and .print.preview.width > 0 and .print.print_enabled"
check print "aperçu de la fiche (A4, portrait)" "$(dump fiche-preview) | .print.preview.height > .print.preview.width and (.print.copies_enabled|not)"
check print "étiquette imprimée en PDF (2 exemplaires)" "$(dump label) | (.print.message|startswith(\"Étiquette — Boîte (89 × 36 mm) × 2\"))"
check print "Ctrl+P : même réglage, nouveau fichier" "$(dump repeat) | (.print == null) and (.message|contains(\"etiquette-3.pdf\"))"
if command -v pdfinfo >/dev/null && command -v pdftotext >/dev/null; then
  pdfcheck() {  # pdfcheck DESCRIPTION COMMAND…
    local d="$1"; shift
    if "$@" >/dev/null 2>&1; then echo "  ok   $d"; else echo "  ÉCHEC $d"; failures=$((failures + 1)); fi
  }
  matricule=$(pdftotext "$p/fiche.pdf" - 2>/dev/null | sed -n 's/^INS : \([0-9]*\).*/\1/p' | head -1)
  pdfcheck "fiche : PDF valide" pdfinfo "$p/fiche.pdf"
  pdfcheck "fiche : « INS : » (identité qualifiée)" grep -q "INS : " <(pdftotext "$p/fiche.pdf" -)
  pdfcheck "étiquette : PDF valide, 2 pages" grep -q "^Pages: *2$" <(pdfinfo "$p/etiquette.pdf")
  pdfcheck "étiquette : nom de naissance" grep -q "ECETINSI" <(pdftotext "$p/etiquette.pdf" -)
  pdfcheck "étiquette : sans le matricule INS ($matricule)" \
    bash -c '[ -n "$1" ] && ! pdftotext "$2" - | tr -d " " | grep -q "$1"' _ "$matricule" "$p/etiquette.pdf"
  pdfcheck "Ctrl+P : etiquette-2.pdf et etiquette-3.pdf" test -s "$p/etiquette-2.pdf" -a -s "$p/etiquette-3.pdf"
else
  echo "  (pdfinfo/pdftotext absents : contrôle des PDF ignoré)"
fi

# Ordonnance / plan de prise with their content (issue #6).
. "$(dirname "$0")/documents-scenario.sh"

# Patients (F3): search as you type, the sheet, « Récupérer l'INS » by traits then accept.
run patients <<CMD
$QUALIFIED
patients
search EC
search ECET
wait results 5000
dump results
open-patient 1
wait sheet 5000
dump sheet
screenshot 08-patients-fiche
patients-press retrieve
wait sheet 8000
dump retrieved
patients-press accept
wait sheet 8000
dump accepted
search zzzz
wait results 5000
dump none
new-patient ecetinsi|Pierre-Alain|14/07/2009|M|63220
wait results 5000
dump duplicates
new-patient-force
wait sheet 5000
dump forced
quit
CMD
check patients "« ECET » trouve le patient qualifié" "$(dump results) | .patients.summary == \"1 patient trouvé\" and .patients.rows[0].birth_name == \"ECETINSI\" and .patients.rows[0].status == \"Identité qualifiée\""
check patients "fiche : Identité qualifiée, INS affiché" "$(dump sheet) | .patients.sheet.badge == \"Identité qualifiée\" and (.patients.sheet.ins|startswith(\"INS : \"))"
check patients "fiche : identité de facturation à part, historique" "$(dump sheet) | (.patients.sheet.billing|length) == 1 and (.patients.sheet.billing[0]|startswith(\"ECETINSI PIERRE-ALAIN\")) and (.patients.sheet.timeline|map(select(contains(\"Identité vérifiée sur pièce\")))|length) == 1"
check patients "Récupérer l'INS : proposition et bouton Accepter" "$(dump retrieved) | (.patients.sheet.retrieval|startswith(\"Identité INS trouvée\")) and .patients.sheet.accept and .patients.sheet.retrieval_rows > 0"
check patients "INS accepté, fiche rechargée" "$(dump accepted) | (.patients.sheet.message|startswith(\"INS accepté\")) and (.patients.sheet.accept|not) and .patients.sheet.badge == \"Identité qualifiée\""
check patients "nouveau patient : doublon montré avant de créer" "$(dump duplicates) | .patients.new_patient.force and (.patients.new_patient.duplicates|length) == 1 and (.patients.new_patient.duplicates[0]|startswith(\"Dossier n° 1 — ECETINSI\")) and (.patients.new_patient.message|startswith(\"Refusé : 1 doublon(s) potentiel(s)\"))"
check patients "Créer quand même : dossier n° 2 provisoire ouvert" "$(dump forced) | .patients.sheet.badge == \"Identité provisoire\" and (.patients.sheet.timeline[0]|contains(\"malgré des doublons\")) and (.patients.rows|length) == 2 and .patients.new_patient == null"
check patients "recherche sans résultat" "$(dump none) | .patients.summary == \"Aucun patient trouvé\" and (.patients.rows|length) == 0"

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
sleep 5600
wait idle 10000
sim {"outage":false}
sleep 5600
wait idle 10000
dump back
journal-count counter.card_read
quit
CMD
check insi-down "bandeau INSi indisponible" "$(dump down) | .banner_shown and (.banner|startswith(\"Service INSi indisponible\"))"
check insi-down "état INSi" "$(dump down) | .insi == \"INSi : indisponible\""
check insi-down "INSi revenu : la proposition se complète seule" "$(dump back) | .insi_outcome == \"Identité INS trouvée\" and (.banner_shown|not) and .buttons.create"
check insi-down "les nouvelles tentatives ne rejournalisent pas la lecture de carte" "map(select(.event==\"journal\"))[0].count == 1"

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

# Tableau de bord (issue #6, F9): the titulaire (claire) sees the share of qualified identities,
# the trend and the INSi call of the card read; the counter (paul, the demo's default) is refused.
run dashboard --user claire <<'CMD'
insert ecetinsi
wait proposal 8000
press create
wait idle
dashboard
wait dashboard 8000
dump dashboard
screenshot 08-tableau-de-bord
quit
CMD
check dashboard "tableau de bord ouvert pour claire (titulaire)" "map(select(.event==\"dashboard\"))[0].ok"
check dashboard "part qualifiée et barres aux mots officiels" "$(dump dashboard) | (.dashboard.headline|startswith(\"Identités qualifiées : 0,0\")) and (.dashboard.bars|length) == 4 and (.dashboard.bars[1].text|startswith(\"Identité récupérée : 1 (100,0\")) and .dashboard.trend_points >= 1"
check dashboard "INSi : l'appel de la lecture de carte est mesuré" "$(dump dashboard) | (.dashboard.insi[0]|contains(\"appel(s) ; temps de réponse médian \")) and (.dashboard.insi[0]|startswith(\"INSi, 7 derniers jours : 1 appel(s)\"))"
run dashboard-refused <<'CMD'
dashboard
quit
CMD
check dashboard-refused "refusé au comptoir (paul)" "map(select(.event==\"dashboard\"))[0].ok == false"

# Identitovigilance (issue #6, F7): the referent (ines) verifies the whole file — ECETINSI,
# qualified at the counter, plus 60 identities holding an INS unknown to INSi — pauses, resumes,
# and reads the report; the counter (paul) is refused.
run identitovigilance --user ines <<CMD
$QUALIFIED
seed-ins 60
identitovigilance
bulk-wait ready 5000
dump ready
bulk-start
sleep 400
bulk-pause
bulk-wait paused 30000
dump paused
bulk-resume
bulk-wait done 60000
dump done
screenshot 07-identitovigilance
traits-open 1
traits-wait
dump traits-open
traits-set birth_name ECETINSO
traits-check
dump traits-check
screenshot 09-correction-traits
traits-confirm
traits-wait
dump traits-done
journal-count identity.traits_edited
quit
CMD
check identitovigilance "écran ouvert pour ines, vérification proposée" "map(select(.event==\"identitovigilance\"))[0].ok and ($(dump ready) | .identitovigilance.bulk.buttons.start and (.identitovigilance.bulk.buttons.resume|not))"
check identitovigilance "pause : vérification en pause, reprise possible" "$(dump paused) | .identitovigilance.bulk.phase == \"paused\" and .identitovigilance.bulk.buttons.resume and .identitovigilance.bulk.finished < 61 and (.identitovigilance.bulk.report_title|startswith(\"Bilan partiel\"))"
check identitovigilance "reprise jusqu'au bout : bilan avec le nombre vérifié" "$(dump done) | .identitovigilance.bulk.phase == \"done\" and .identitovigilance.bulk.report_title == \"Bilan — 61 / 61 identités vérifiées\" and .identitovigilance.bulk.gauge == 100"
check identitovigilance "bilan : INS confirmé (ECETINSI) et INS retirés avec la régression" "$(dump done) | (.identitovigilance.bulk.report[0].label == \"INS confirmés\") and .identitovigilance.bulk.report[0].count >= 1 and (.identitovigilance.bulk.report[1].label|contains(\"Identité qualifiée → Identité validée\")) and ([.identitovigilance.bulk.report[].count]|add) >= 61"
check identitovigilance "correction des traits : formulaire prérempli (ECETINSI, qualifiée)" "$(dump traits-open) | .identitovigilance.traits.birth_name == \"ECETINSI\" and (.identitovigilance.traits.identity|endswith(\"Identité qualifiée\")) and .identitovigilance.page == \"Correction des traits INS\""
check identitovigilance "correction des traits : confirmation « Identité qualifiée → »" "$(dump traits-check) | (.identitovigilance.traits.confirmation|contains(\"Identité qualifiée → \")) and .identitovigilance.traits.confirm_enabled"
check identitovigilance "correction confirmée : l'identité n'est plus qualifiée" "$(dump traits-done) | .identitovigilance.traits.birth_name == \"ECETINSO\" and (.identitovigilance.traits.identity|contains(\"Identité qualifiée\")|not) and (.identitovigilance.traits.message|startswith(\"Traits corrigés : \")) and .identitovigilance.traits.confirmation == \"\""
check identitovigilance "correction journalisée" "map(select(.event==\"journal\" and .action==\"identity.traits_edited\"))[0].count == 1"
run identitovigilance-refused <<'CMD'
identitovigilance
quit
CMD
check identitovigilance-refused "refusé au comptoir (paul)" "map(select(.event==\"identitovigilance\"))[0].ok == false"

# « Collisions INS » and the traits correction's search (issue #6, Identitovigilance).
. "$(dirname "$0")/collisions-scenario.sh"

# « Réglages » (issue #6): label rule sets, operators, printers, INSi, documents.
. "$(dirname "$0")/settings-scenario.sh"

# Changer d'opérateur (issue #6): F12 + PIN, refus d'un code faux, verrouillage après inactivité
# (demo PINs: claire 2580, paul 1357, ines 4826 — app/gui/AppStack.cpp).
run operator-switch <<'CMD'
dump start
switch-operator claire 9999
dump wrong
switch-operator claire 2580
dump switched
inactivity
dump locked
switch-operator paul 1357
dump unlocked
journal-count operator.switch
quit
CMD
check operator-switch "barre d'état : opérateur courant (paul)" "$(dump start) | .operator.name == \"paul\" and (.operator.status_bar|startswith(\"Opérateur : paul\"))"
check operator-switch "code PIN faux refusé, opérateur inchangé" "(map(select(.event==\"switch-operator\"))[0] | (.ok|not) and (.message|startswith(\"Code PIN erroné pour « claire »\"))) and ($(dump wrong) | .operator.name == \"paul\")"
check operator-switch "F12 + bon code : claire dans la barre d'état" "$(dump switched) | .operator.name == \"claire\" and (.operator.status_bar|startswith(\"Opérateur : claire (Titulaire)\"))"
check operator-switch "inactivité : écran verrouillé couvrant la fenêtre" "$(dump locked) | .operator.locked and .operator.lock_covers and (.proposal_shown|not)"
check operator-switch "déverrouillé par un autre opérateur (paul)" "$(dump unlocked) | (.operator.locked|not) and .operator.name == \"paul\""
check operator-switch "changements journalisés" "map(select(.event==\"journal\"))[0].count == 2"

echo "captures et résultats : $out"
[ $failures -eq 0 ] || { echo "$failures vérification(s) en échec"; exit 1; }
