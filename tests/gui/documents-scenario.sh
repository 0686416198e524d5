# Ordonnance and plan de prise from the Impression dialog (issue #6), sourced by run-gui-tests.sh
# (uses its run / check / dump helpers). A qualified patient (as in `qualify`); the plan de prise
# refused while empty, two lines typed, « Remarques », A5, printed to PDF, then Ctrl+P with the
# dialog closed prints the same content again; an ordonnance imported from a JSON file (and a bad
# file refused in French, nothing lost).
d="$out/documents"
mkdir -p "$d"
cat >"$d/ordonnance.json" <<'JSON'
{"dispensing": [{"medication": "AMOXICILLINE 1 g cp", "quantity": "1 boîte", "posology": "1 cp matin et soir, 6 jours"}],
 "notes": ["Terminer le traitement."]}
JSON
echo '{"dispensing": [{"medicament": "X"}]}' >"$d/bad.json"
run documents <<CMD
$QUALIFIED
press print
wait print 8000
print-target document:plan-de-prise
wait print 8000
dump plan-empty
print-line KARDEGIC 75 mg sachet|1||||pendant le repas
print-line METFORMINE 500 mg cp|1||1
print-notes Revoir le médecin dans un mois.
print-paper A5
wait print 8000
dump plan-filled
screenshot 08-plan-de-prise
print-pdf $d/plan.pdf
wait printed 8000
dump plan-printed
print-target document:ordonnance
wait print 8000
print-import $d/bad.json
print-import $d/ordonnance.json
wait print 8000
dump ordonnance
print-target document:plan-de-prise
wait print 8000
print-close
sleep 100
key ctrl+p
wait printed 8000
dump repeat
journal-count identity.document_printed
quit
CMD
check documents "plan de prise vide : grille à 6 colonnes, impression refusée avec la raison" "$(dump plan-empty) | .print.content.shown and (.print.content.columns|index(\"Coucher\")) == 4 and (.print.print_enabled|not) and (.print.content.message|contains(\"aucune ligne\"))"
check documents "deux lignes saisies, remarques, A5 : aperçu portrait, imprimable" "$(dump plan-filled) | (.print.content.rows|length) == 2 and .print.content.rows[0][0] == \"KARDEGIC 75 mg sachet\" and .print.content.rows[1][3] == \"1\" and .print.content.paper == \"A5\" and (.print.content.notes|startswith(\"Revoir\")) and .print.print_enabled and .print.preview.height > .print.preview.width"
check documents "plan de prise imprimé en PDF (A5)" "$(dump plan-printed) | (.print.message|startswith(\"Plan de prise (A5)\"))"
check documents "contenu JSON : fichier invalide refusé en français, puis importé" "(map(select(.event==\"print-import\")) | (.[0].ok|not) and (.[0].message|contains(\"clé inconnue\")) and .[1].ok) and ($(dump ordonnance) | .print.content.rows[0][0] == \"AMOXICILLINE 1 g cp\" and (.print.content.columns|length) == 3 and .print.print_enabled)"
check documents "Ctrl+P : même plan de prise, nouveau fichier" "$(dump repeat) | (.print == null) and (.message|contains(\"plan-2.pdf\"))"
check documents "impressions de documents journalisées" "map(select(.event==\"journal\"))[0].count == 2"
if command -v pdfinfo >/dev/null && command -v pdftotext >/dev/null; then
  doccheck() {  # doccheck DESCRIPTION COMMAND…
    local t="$1"; shift
    if "$@" >/dev/null 2>&1; then echo "  ok   $t"; else echo "  ÉCHEC $t"; failures=$((failures + 1)); fi
  }
  doccheck "plan de prise : les deux médicaments dans le PDF" \
    bash -c 'pdftotext "$1" - | grep -q "KARDEGIC" && pdftotext "$1" - | grep -q "METFORMINE"' _ "$d/plan.pdf"
  doccheck "plan de prise : « INS : » (identité qualifiée)" grep -q "INS : " <(pdftotext "$d/plan.pdf" -)
  doccheck "plan de prise : remarques" grep -q "Revoir le médecin" <(pdftotext "$d/plan.pdf" -)
  doccheck "plan de prise : format A5" grep -Eq "^Page size: *419\.[0-9]+ x 595\.[0-9]+ pts" <(pdfinfo "$d/plan.pdf")
  doccheck "Ctrl+P : plan-2.pdf reprend les lignes" grep -q "KARDEGIC" <(pdftotext "$d/plan-2.pdf" -)
else
  echo "  (pdfinfo/pdftotext absents : contrôle des PDF ignoré)"
fi
