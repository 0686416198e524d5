# « Réglages » (issue #6), sourced by run-gui-tests.sh (uses its run / check / dump helpers).
# As claire (titulaire): the boite stock changed to 62 × 29 mm and saved through the rule book,
# the birth name impossible to remove (RNIV minimum), the saved set exported as the CLI shows it
# (`vigie-cli label-rules show boite --json` prints the same document); as paul: refused.
r="$out/settings"
run settings --user claire <<CMD
settings
settings-wait 10000
dump open
rules-select boite
rules-field nom-naissance
rules-remove-field
rules-stock 62 29
settings-wait 10000
dump edited
screenshot 10-reglages-etiquettes
rules-save
settings-wait 10000
dump saved
journal-count label_rules.saved
rules-export $r/boite.json
settings-wait 10000
settings-close
sleep 100
settings
settings-wait 10000
rules-select boite
settings-wait 10000
dump reopened
rules-new boite-petite Boîte (petite)
rules-save
settings-wait 10000
dump new-saved
rules-remove
settings-wait 10000
dump new-removed
rules-select boite
rules-remove
settings-wait 10000
dump shipped-back
quit
CMD
check settings "Réglages ouverts pour claire : 5 pages, jeux fournis, aperçu" "map(select(.event==\"settings\"))[0].ok and ($(dump open) | (.settings.rule_sets|length) >= 3 and .settings.preview.width > 0 and (.settings.operators|length) == 3 and (.settings.documents|length) > 0 and .settings.insi_rows > 5)"
check settings "nom de naissance : « Retirer » désactivé, avec la raison" "(map(select(.event==\"rules-field\"))[0] | .ok and (.can_remove|not) and (.reason|contains(\"minimum RNIV\"))) and (map(select(.event==\"rules-remove-field\"))[0].ok|not)"
check settings "boîte 62 × 29 : aperçu refait, enregistrable, nom de naissance toujours là" "$(dump edited) | .settings.width == 62 and .settings.height == 29 and .settings.save_enabled and .settings.preview.width > 0 and (.settings.fields|map(select(startswith(\"Nom de naissance\")))|length) == 1"
check settings "enregistré (version 1), journalisé" "($(dump saved) | (.settings.message|contains(\"enregistré\")) and (.settings.rule_set|contains(\"version 1\")) and .settings.remove_set_enabled) and (map(select(.event==\"journal\"))[0].count == 1)"
check settings "relu depuis le référentiel : 62 × 29" "$(dump reopened) | .settings.width == 62 and .settings.height == 29"
check settings "nouveau jeu (copie) enregistré puis supprimé" "($(dump new-saved) | .settings.name == \"boite-petite\" and (.settings.rule_set|contains(\"version 1\"))) and ($(dump new-removed) | (.settings.rule_sets|map(select(contains(\"boite-petite\")))|length) == 0)"
check settings "boîte supprimée : le jeu fourni revient (89 × 36)" "$(dump shipped-back) | .settings.width == 89 and (.settings.message|contains(\"fourni avec Vigie est rétabli\"))"
if jq -e '.ruleSets[0].name == "boite" and .ruleSets[0].stock.widthMm == 62 and .ruleSets[0].stock.heightMm == 29' "$r/boite.json" >/dev/null 2>&1; then
  echo "  ok   export (= vigie-cli label-rules show boite --json) : 62 × 29"
else
  echo "  ÉCHEC export (= vigie-cli label-rules show boite --json) : 62 × 29"; failures=$((failures + 1))
fi
run settings-refused <<'CMD'
settings
quit
CMD
check settings-refused "refusé au comptoir (paul), avec la raison" "map(select(.event==\"settings\"))[0] | (.ok|not) and (.reason|contains(\"réservé au titulaire\"))"
