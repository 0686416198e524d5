#!/usr/bin/env bash
# The CUPS tier (run inside cups-env.sh): vigie-cli prints a label and documents to the private
# scheduler's queues; every job must come out of the queue as a valid PDF (or ZPL for the Zebra
# queue), and a missing queue must be a clear French error, not a silent success.
# Usage: cups-print-test.sh VIGIE_CLI
set -uo pipefail
cli="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export VIGIE_DB="$work/vigie.db" VIGIE_CONFIG="$work/vigie.conf"
printf 'pharmacy.name = Pharmacie des Lilas\npharmacy.address = 12 rue des Lilas ; 75011 Paris\n' >"$VIGIE_CONFIG"
failures=0
check() {  # check DESCRIPTION COMMAND...
  if "${@:2}"; then echo "ok   - $1"; else echo "FAIL - $1"; failures=$((failures + 1)); fi
}
wait_job() {  # wait_job N → path of the captured job N
  for _ in $(seq 100); do
    [ -f "$VIGIE_CUPS_OUT/job-$1.out" ] && { echo "$VIGIE_CUPS_OUT/job-$1.out"; return 0; }
    sleep 0.1
  done
  return 1
}
pdf_pages() { pdfinfo "$1" 2>/dev/null | sed -n 's/^Pages: *//p'; }

"$cli" operator add claire --role titulaire >/dev/null
"$cli" --user claire operator add lea --role preparateur >/dev/null
"$cli" --user claire patient create --birth-name "Tchitchi" --first-names "Catarina Bella" --sex F \
  --birth-date 1936-06-21 --used-name Martin >/dev/null
printf '{"intakes":[{"medication":"Paracétamol 500 mg","morning":"1","evening":"1"}]}' >"$work/plan.json"
export VIGIE_USER=lea

check "print queues lists the two test queues" bash -c "\"$cli\" print queues | grep -q vigie-pdf && \"$cli\" print queues | grep -q vigie-zpl"
check "label sent to vigie-pdf" "$cli" print label 1 --printer vigie-pdf
job=$(wait_job 1) ; check "label job came out of the queue" test -n "$job"
check "label job is a one-page PDF" test "$(pdf_pages "$job")" = 1
check "label PDF carries the birth name" bash -c "pdftotext '$job' - | grep -q TCHITCHI"
check "label PDF carries no INS wording" bash -c "! pdftotext '$job' - | grep -q 'INS'"
check "plan de prise sent to vigie-pdf" "$cli" print document 1 --template plan-de-prise --content "$work/plan.json" --printer vigie-pdf
job=$(wait_job 2) ; check "document job came out of the queue" test -n "$job"
check "document job is a valid PDF" test "$(pdf_pages "$job")" -ge 1
check "document shows the status in words" bash -c "pdftotext '$job' - | grep -q 'Identité provisoire'"
check "ZPL label sent to vigie-zpl" "$cli" print label 1 --rules preparation --printer vigie-zpl --zpl
job=$(wait_job 3) ; check "ZPL job came out of the queue" test -n "$job"
check "ZPL job is a ZPL label" bash -c "head -c 3 '$job' | grep -q '\^XA' && grep -q '\^GFA' '$job' && tail -c 4 '$job' | grep -q '\^XZ'"
"$cli" print label 1 --printer absente >"$work/out" 2>"$work/err"; rc=$?
check "missing queue: exit code 3" test "$rc" = 3
check "missing queue: French message" grep -q "n'existe pas" "$work/err"
check "each print journaled" bash -c "\"$cli\" --json patient history 1 | grep -c 'identity.label_printed' | grep -q '[1-9]'"
[ "$failures" -eq 0 ] && echo "CUPS tier: all checks passed" || echo "CUPS tier: $failures check(s) failed"
exit $((failures > 0))
