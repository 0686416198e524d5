# « Collisions INS » and the search of « Correction des traits INS » (issue #6, Identitovigilance),
# sourced by run-gui-tests.sh (uses its run / check / dump helpers). As ines (référent):
# ECETINSI is qualified at the counter (dossier 1, holds its INS); a second local record (ECETINSI
# JULES) is then refused that INS — a real collision journaled by PatientService. The tab lists
# it with both identities side by side and the INS (holder qualifiée), the review needs a verdict
# and a comment, and once reviewed the collision leaves the list and the review is journaled.
# Then the correction tab finds dossier 2 by typing its name and opens it.
run collisions --user ines <<CMD
$QUALIFIED
seed-collision 1
identitovigilance
collisions
collisions-wait
dump listed
screenshot 11-collisions-ins
collisions-review
collisions-verdict meme-personne
collisions-comment Même personne : dossier créé deux fois, fusion demandée
dump form
collisions-review
collisions-wait
dump reviewed
journal-count identity.collision_reviewed
journal-count identity.ins_collision
traits-search ecetinsi jules
traits-wait
dump searched
traits-pick 0
traits-wait
dump picked
screenshot 12-correction-recherche
quit
CMD
check collisions "collision produite (INS du dossier 1 refusé au second)" "map(select(.event==\"seed-collision\"))[0].ok"
check collisions "collision listée : dossier refusé et dossier qui porte l'INS" "$(dump listed) | .identitovigilance.page == \"Collisions INS\" and .identitovigilance.collisions.summary == \"1 collision d'INS à examiner\" and (.identitovigilance.collisions.rows|length) == 1 and (.identitovigilance.collisions.rows[0].refused == \"n° 2 — ECETINSI JULES — 14/07/2009\") and (.identitovigilance.collisions.rows[0].holder|startswith(\"n° 1 — ECETINSI PIERRE-ALAIN\"))"
check collisions "côte à côte : prénoms différents marqués, même nom de naissance" "$(dump listed) | (.identitovigilance.collisions.sides | map(select(.label==\"≠ Prénom(s) de naissance\")) | length) == 1 and (.identitovigilance.collisions.sides | map(select(.label==\"Nom de naissance\")) | length) == 1"
check collisions "INS affiché : le dossier qui le porte est qualifié" "$(dump listed) | .identitovigilance.collisions.ins == \"INS : 109076322083489 (NIR)\" and (.identitovigilance.collisions.sides | map(select(.label==\"≠ Statut\"))[0].holder) == \"Identité qualifiée\""
check collisions "sans conclusion ni commentaire : bouton inactif" "(map(select(.event==\"collisions-review\"))[0].ok|not) and ($(dump listed) | (.identitovigilance.collisions.review_enabled|not) and .identitovigilance.collisions.verdict == \"\")"
check collisions "conclusion et commentaire saisis : bouton actif" "$(dump form) | .identitovigilance.collisions.review_enabled and .identitovigilance.collisions.verdict == \"Même personne : doublon à fusionner\""
check collisions "examinée : la collision quitte la liste" "map(select(.event==\"collisions-review\"))[1].ok and ($(dump reviewed) | .identitovigilance.collisions.summary == \"Aucune collision d'INS à examiner\" and (.identitovigilance.collisions.rows|length) == 0 and (.identitovigilance.collisions.message|startswith(\"Collision n° \")))"
check collisions "examen journalisé une fois, collision conservée" "map(select(.event==\"journal\" and .action==\"identity.collision_reviewed\"))[0].count == 1 and map(select(.event==\"journal\" and .action==\"identity.ins_collision\"))[0].count == 1"
check collisions "correction : recherche par nom, un résultat" "$(dump searched) | .identitovigilance.page == \"Correction des traits INS\" and .identitovigilance.traits.search_summary == \"1 patient trouvé\" and (.identitovigilance.traits.results[0]|startswith(\"n° 2 — ECETINSI JULES — 14/07/2009\"))"
check collisions "correction : le résultat choisi ouvre le formulaire" "$(dump picked) | .identitovigilance.traits.ipp == \"2\" and .identitovigilance.traits.first_names == \"JULES\" and .identitovigilance.traits.check_enabled"
