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
check settings "Réglages ouverts pour claire : 5 pages, jeux fournis, aperçu" "map(select(.event==\"settings\"))[0].ok and ($(dump open) | (.settings.rule_sets|length) >= 3 and .settings.preview.width > 0 and (.settings.operators|length) == 3 and (.settings.documents|length) > 0 and (.settings.insi.endpoint|startswith(\"https://\")))"
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

# Connexion INSi and Pièces d'identité (issue #6), as claire: an http:// address refused under its
# field with nothing written (the file read again still says https://, nothing journaled); the
# rate cap changed to 25, saved and applied live (the next card goes through the new INSi client);
# the CNI unticked and saved: journaled, and the Comptoir no longer offers it.
run settings-connection --user claire <<'CMD'
settings
settings-wait 10000
dump insi-open
insi-set endpoint http://127.0.0.1:1/lps
insi-save
settings-wait 10000
dump insi-invalid
screenshot 11-reglages-insi-erreur
journal-count settings.insi_changed
insi-revert
settings-wait 10000
dump insi-reverted
insi-set rate_cap 25
insi-save
settings-wait 10000
dump insi-saved
journal-count settings.insi_changed
documents-check cni off
documents-save
settings-wait 10000
dump documents-saved
screenshot 12-reglages-pieces
journal-count settings.documents_changed
settings-close
sleep 100
insert ecetinsi
wait proposal 8000
dump proposal
press create
wait idle
press validate
wait documents 3000
dump documents
choose-document cni
choose-document passeport
wait idle
quit
CMD
c=settings-connection
check $c "INSi : formulaire rempli depuis le fichier, certificats décrits" "$(dump insi-open) | .settings.insi.rate_cap == \"10\" and (.settings.insi.cert_manu_info|contains(\"INSI-MANU\")) and (.settings.insi.cert_manu_info|contains(\"expire le\"))"
check $c "INSi : adresse en http:// refusée sous le champ, rien d'écrit ni journalisé" "($(dump insi-invalid) | (.settings.insi.errors.endpoint|contains(\"https://\")) and (.settings.insi.message|contains(\"non enregistrés\"))) and (map(select(.event==\"journal\" and .action==\"settings.insi_changed\"))[0].count == 0) and ($(dump insi-reverted) | (.settings.insi.endpoint|startswith(\"https://\")) and (.settings.insi.errors|length) == 0)"
check $c "INSi : débit 25 enregistré, journalisé et appliqué" "($(dump insi-saved) | .settings.insi.rate_cap == \"25\" and (.settings.insi.message|contains(\"enregistrés et appliqués\"))) and (map(select(.event==\"journal\" and .action==\"settings.insi_changed\"))[1].count == 1)"
check $c "pièces : CNI décochée, enregistrée, journalisée" "($(dump documents-saved) | (.settings.documents_checked|index(\"cni\")) == null and (.settings.documents_checked|index(\"passeport\")) != null and (.settings.documents_message|contains(\"enregistrées\"))) and (map(select(.event==\"journal\" and .action==\"settings.documents_changed\"))[0].count == 1)"
check $c "comptoir : INSi joint par le nouveau client, la CNI n'est plus proposée" "($(dump proposal) | .rows[0].ins == \"ECETINSI\") and ($(dump documents) | .documents.shown and (.documents.items|map(select(contains(\"Carte nationale\")))|length) == 0 and (.documents.items|map(select(. == \"Passeport\"))|length) == 1) and (map(select(.event==\"choose-document\"))[0].ok|not) and map(select(.event==\"choose-document\"))[1].ok"
