#!/usr/bin/env bash
# The main job: installs what is missing, builds, and runs the counter on the embedded demo stack.
# Until the counter app exists (issues #3–#6), it plays a counter scenario with vigie-cli on a
# fresh SQLite référentiel: operators, patients, a duplicate caught, a document check, a doubtful
# identity, the journal and its verification.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/tools/setup.sh"
"$root/tools/build.sh" vigie-cli
demo="$root/build/demo"
rm -rf "$demo" && mkdir -p "$demo"
export VIGIE_DB="$demo/vigie.db"
cli="$root/build/app/cli/vigie-cli"

step() { printf '\n\033[1m$ vigie-cli %s\033[0m\n' "$*"; "$cli" "$@" || echo "(code de sortie $?)"; }

step operator add claire --role titulaire
step --user claire operator add paul --role comptoir
step --user claire operator add ines --role identitovigilance
export VIGIE_USER=paul
step nir check 2550814168025 38
step nir check 260095652012481
step traits normalize --birth-name "d'Æion" --first-names "Cœur"
step patient create --birth-name "ECETINSI" --first-names "Pierre-Alain Muriel Floriant" --sex M --birth-date 2009-07-14 --birth-place 63220
step patient create --birth-name "ECETINSY" --first-names "Pierre-Alain" --sex M --birth-date 2009-07-14
step patient create --birth-name "Tchitchi" --first-names "Catarina Bella" --sex F --birth-date 1936-06-21 --birth-place 63220 --used-name "Martin"
step patient validate 1 --document passeport --expires 2031-05-01
step patient validate 2 --document permis
step patient set-attribute 2 douteuse
step patient search --text "ecet"
step patient show 1
step patient history 1
step journal verify
step stats
echo
echo "Base de démonstration : $VIGIE_DB"
