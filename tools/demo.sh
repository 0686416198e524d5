#!/usr/bin/env bash
# The main job: installs what is missing, builds, and runs the counter on the embedded demo stack
# (SQLite référentiel, local INSi simulator over mutual TLS with a fresh test PKI).
# With a display: the counter app itself, `vigie --demo` (demo cards to insert from its « Démo »
# menu). Without one (or with VIGIE_DEMO_HEADLESS=1), the same stack played headless with vigie-cli:
# operators, an INS retrieved and qualified with a passport, the CNDA strategy cases (first name
# by first name, birth place after "several"), a duplicate caught, a doubtful identity refused,
# the headless counter on demo cards (family card, unknown person, CPS card), the bulk
# verification of the file, labels and documents printed to PDF (the Datamatrix INS on the
# qualified patient's sheet), the journal verified; then `vigie --demo`'s own headless counter.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/tools/setup.sh"
"$root/tools/build.sh" vigie vigie-cli vigie-insi-sim
if [ -n "${DISPLAY:-}" ] && [ -z "${VIGIE_DEMO_HEADLESS:-}" ]; then
  exec "$root/build/app/gui/vigie" --demo
fi
demo="$root/build/demo"
rm -rf "$demo" && mkdir -p "$demo"
cli="$root/build/app/cli/vigie-cli"
sim="$root/build/tools/insi-sim/vigie-insi-sim"

# The simulator on a free loopback port, stopped when the demo ends.
"$sim" pki --out "$demo/pki" >/dev/null
"$sim" --listen 127.0.0.1:0 --pki "$demo/pki" --personas "$root/tools/insi-sim/personas.csv" \
  --log "$demo/insi-requests.log" >"$demo/sim.out" 2>"$demo/sim.err" &
sim_pid=$!
trap 'kill $sim_pid 2>/dev/null || true' EXIT
for _ in $(seq 100); do grep -q LISTENING "$demo/sim.out" 2>/dev/null && break; sleep 0.1; done
port=$(sed -n 's/^LISTENING 127.0.0.1:\([0-9]*\)$/\1/p' "$demo/sim.out")
[ -n "$port" ] || { echo "le simulateur INSi n'a pas démarré"; cat "$demo/sim.err"; exit 1; }
sed -i "s#^insi.endpoint = .*#insi.endpoint = https://127.0.0.1:$port/lps#" "$demo/pki/vigie.conf"
printf 'pharmacy.name = Pharmacie des Lilas\npharmacy.address = 12 rue des Lilas ; 75011 Paris\n' >>"$demo/pki/vigie.conf"
export VIGIE_DB="$demo/vigie.db" VIGIE_CONFIG="$demo/pki/vigie.conf"

step() { printf '\n\033[1m$ vigie-cli %s\033[0m\n' "$*"; "$cli" "$@" || echo "(code de sortie $?)"; }

echo "Simulateur INSi : https://127.0.0.1:$port/lps (mTLS, PKI de test dans $demo/pki)"
step operator add claire --role titulaire
step --user claire operator add paul --role comptoir
step --user claire operator add ines --role identitovigilance
export VIGIE_USER=paul
step traits normalize --birth-name "d'Æion" --first-names "Cœur"
step patient create --birth-name "Ecetinsi" --first-names "Pierre-Alain" --sex M --birth-date 2009-07-14
step patient retrieve 1
step patient retrieve 1 --accept
step patient validate 1 --document passeport --expires 2031-05-01
step patient show 1
step insi search --birth-name TCHITCHI --first-names "OLA CATARINA" --sex F --birth-date 1936-06-21
step insi search --birth-name "DE VINCI" --first-names LEONARDO --sex M --birth-date 2014-02-01 --birth-place 63220
step insi search --birth-name "D'ÆION" --first-names "CŒUR" --sex M --birth-date 1987-01-01
step patient create --birth-name "ECETINSY" --first-names "Pierre" --sex M --birth-date 2009-07-14
step patient create --birth-name "Tchitchi" --first-names "Catarina Bella" --sex F --birth-date 1936-06-21 --used-name "Martin"
step patient set-attribute 2 douteuse
step patient retrieve 2
# The counter, headless: the NESSI family card goes into the (simulated) reader; the child on his
# mother's card is found by INSi, created from the INS traits, then qualified with a passport.
cards="$root/tools/vcard/cards"
step counter --simulated "$cards/nessi-famille.json"
step counter --simulated "$cards/nessi-famille.json" --beneficiary 2 --auto-accept --document passeport
step counter --simulated "$cards/inconnu.json" --auto-accept
step counter --simulated "$cards/cps.json"
step --user ines verify --all --rate 10
step patient history 1
# Printing: the owner's label rule sets, a label (never the INS), the patient sheet of the
# qualified identity (INS in clear + Datamatrix INS), a plan de prise, the symbol alone.
step label-rules list
step print label 1 --rules boite --out "$demo/etiquette-1.pdf"
step print label 1 --rules preparation --out "$demo/etiquette-1.zpl"
step print document 1 --template fiche --out "$demo/fiche-1.pdf"
printf '{"intakes":[{"medication":"Amoxicilline 500 mg","morning":"1","noon":"1","evening":"1","notes":"pendant 7 jours"}]}' >"$demo/plan.json"
step print document 1 --template plan-de-prise --content "$demo/plan.json" --paper A5 --out "$demo/plan-de-prise-1.pdf"
step datamatrix 1 --out "$demo/datamatrix-1.png"
step journal verify
step stats
echo
echo "Base de démonstration : $VIGIE_DB ; requêtes reçues par le simulateur : $demo/insi-requests.log"
echo "Impressions : $demo/*.pdf, $demo/*.zpl, $demo/datamatrix-1.png"
echo
echo "--- vigie --demo (sans affichage : le comptoir en mode texte) ---"
env -u DISPLAY "$root/build/app/gui/vigie" --demo
