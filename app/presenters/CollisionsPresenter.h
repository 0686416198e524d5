#pragma once
// « Collisions INS » (Identitovigilance screen, issue #6): the open INS collisions that
// usecases::CollisionReview lists (an INS refused to one identity because another holds it), as
// list rows; the two identities of the chosen collision side by side with the differing traits
// marked; the review form (a verdict, chosen explicitly, and a required comment). The matricule
// INS is shown only for a qualifiée identity (usecases::CollisionInsLabel for the INS concerned).
// No wx, no thread: the panel runs the use-case on the worker.

#include <optional>
#include <string>
#include <vector>

#include "app/presenters/CounterView.h"
#include "core/usecases/CollisionReview.h"

namespace vigie::presenters {

struct CollisionRow {
    std::string number;   // « 41 » (journal seq)
    std::string when;     // « 22/11/2026 10:06 UTC »
    std::string refused;  // « n° 4 — MARTINE ANNE — 09/06/1975 »
    std::string holder;
    std::string by;       // « paul (comptoir) »
};

struct CollisionSideRow {
    std::string label;    // « Nom de naissance »
    std::string refused;  // the identity the INS was refused to
    std::string holder;   // the identity holding the INS
    bool differs = false;
};

struct CollisionsView {
    bool loading = false;
    bool reviewing = false;
    std::string summary;  // « 2 collisions d'INS à examiner »
    std::vector<CollisionRow> rows;
    int selection = -1;
    std::vector<CollisionSideRow> sides;
    std::string ins;      // the INS concerned, as it may be shown
    std::vector<std::string> verdicts;  // labels, in usecases::kVerdicts order
    int verdict = -1;     // no default: the referent chooses
    std::string comment;
    bool canReview = false;
    std::string message;
    Tone messageTone = Tone::Neutral;
};

class CollisionsPresenter {
public:
    CollisionsPresenter();
    void OnLoading();
    void OnLoaded(usecases::CollisionList list);
    void OnFailed(const std::string& message);
    void Select(int row);
    void SetVerdict(int index);
    void SetComment(const std::string& comment);
    // The request for « Marquer comme examinée », when the form allows it (then reviewing).
    std::optional<usecases::CollisionReviewRequest> PrepareReview();
    // The use-case's answer; true when the list should be reloaded (the collision is closed).
    bool OnReviewed(const usecases::CollisionReviewResult& result);
    const CollisionsView& View() const { return m_view; }

    static std::vector<CollisionSideRow> SideBySide(const usecases::InsCollision& collision);

private:
    void Refresh();
    usecases::CollisionList m_list;
    CollisionsView m_view;
    bool m_keepMessage = false;  // a review answered: its message survives the reload
};

}  // namespace vigie::presenters
