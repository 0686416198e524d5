#include "app/presenters/CollisionsPresenter.h"

#include "core/domain/Status.h"

namespace vigie::presenters {

using namespace vigie::domain;
using usecases::InsCollision;

namespace {
std::string Short(IdentityId id, const std::optional<Identity>& i) {
    if (!i) return "n° " + std::to_string(id) + " — introuvable";
    return "n° " + std::to_string(id) + " — " + i->traits.birthName + " " + i->traits.birthFirstNames + " — " +
           i->traits.birthDate.ToFrench();
}
std::string When(const std::string& at) {  // 2026-11-22T10:06:00.000Z → 22/11/2026 10:06 UTC
    if (at.size() < 16) return at;
    return at.substr(8, 2) + "/" + at.substr(5, 2) + "/" + at.substr(0, 4) + " " + at.substr(11, 5) + " UTC";
}
std::string OrDash(const std::string& s) { return s.empty() ? "—" : s; }
// The INS an identity holds, as it may be shown: never the matricule unless qualifiée.
std::string InsOf(const Identity& i) {
    if (!i.ins) return "—";
    return ShowableIns(i).value_or("INS présent (identité non qualifiée)");
}
std::string Trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    return b == std::string::npos ? "" : s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}
}  // namespace

CollisionsPresenter::CollisionsPresenter() {
    for (auto v : usecases::kVerdicts) m_view.verdicts.emplace_back(usecases::VerdictLabel(v));
}

std::vector<CollisionSideRow> CollisionsPresenter::SideBySide(const InsCollision& c) {
    const auto fields = [](const std::optional<Identity>& i) -> std::vector<std::string> {
        if (!i) return std::vector<std::string>(9, "—");
        return {std::string(StatusLabel(i->status)),
                i->traits.birthName,
                i->traits.birthFirstNames,
                i->traits.birthDate.ToFrench(),
                std::string(1, SexCode(i->traits.sex)),
                OrDash(i->traits.birthPlace),
                OrDash(i->usedName),
                OrDash(i->usedFirstName),
                InsOf(*i)};
    };
    static const char* const kLabels[] = {"Statut",          "Nom de naissance", "Prénom(s) de naissance",
                                          "Date de naissance", "Sexe",           "Lieu de naissance",
                                          "Nom utilisé",     "Prénom utilisé",   "INS"};
    const auto left = fields(c.refused);
    const auto right = fields(c.holder);
    std::vector<CollisionSideRow> rows{
        {"Dossier", "n° " + std::to_string(c.refusedId) + " (INS refusé)",
         "n° " + std::to_string(c.holderId) + " (porte l'INS)", false}};
    for (std::size_t k = 0; k < left.size(); ++k) rows.push_back({kLabels[k], left[k], right[k], left[k] != right[k]});
    return rows;
}

void CollisionsPresenter::OnLoading() {
    m_view.loading = true;
    if (m_keepMessage) return;  // a review's answer stays visible while the list reloads
    m_view.message = "Chargement des collisions d'INS…";
    m_view.messageTone = Tone::Neutral;
}

void CollisionsPresenter::OnLoaded(usecases::CollisionList list) {
    m_list = std::move(list);
    const std::string keep = m_view.message;
    const Tone keepTone = m_view.messageTone;
    const auto verdicts = m_view.verdicts;
    m_view = {};
    m_view.verdicts = verdicts;
    if (m_keepMessage) {  // the review's own message stays visible over the reloaded list
        m_view.message = keep;
        m_view.messageTone = keepTone;
        m_keepMessage = false;
    }
    const auto n = m_list.open.size();
    m_view.summary = n == 0   ? "Aucune collision d'INS à examiner"
                     : n == 1 ? "1 collision d'INS à examiner"
                              : std::to_string(n) + " collisions d'INS à examiner";
    if (m_list.truncated) m_view.summary += " (liste limitée aux plus récentes)";
    for (const auto& c : m_list.open)
        m_view.rows.push_back({std::to_string(c.seq), When(c.at), Short(c.refusedId, c.refused),
                               Short(c.holderId, c.holder), c.operatorName + " (" + c.role + ")"});
    if (!m_view.rows.empty()) Select(0);
    Refresh();
}

void CollisionsPresenter::OnFailed(const std::string& message) {
    m_view.loading = false;
    m_view.reviewing = false;
    m_view.message = message;
    m_view.messageTone = Tone::Danger;
    Refresh();
}

void CollisionsPresenter::Select(int row) {
    if (row < 0 || row >= static_cast<int>(m_list.open.size())) return;
    if (row != m_view.selection) {  // a new collision: a fresh verdict and comment
        m_view.verdict = -1;
        m_view.comment.clear();
    }
    m_view.selection = row;
    const auto& c = m_list.open[static_cast<std::size_t>(row)];
    m_view.sides = SideBySide(c);
    m_view.ins = usecases::CollisionInsLabel(c);
    Refresh();
}

void CollisionsPresenter::SetVerdict(int index) {
    m_view.verdict = index >= 0 && index < static_cast<int>(m_view.verdicts.size()) ? index : -1;
    Refresh();
}

void CollisionsPresenter::SetComment(const std::string& comment) {
    m_view.comment = comment;
    Refresh();
}

void CollisionsPresenter::Refresh() {
    m_view.canReview = !m_view.loading && !m_view.reviewing && m_view.selection >= 0 && m_view.verdict >= 0 &&
                       !Trim(m_view.comment).empty();
}

std::optional<usecases::CollisionReviewRequest> CollisionsPresenter::PrepareReview() {
    if (!m_view.canReview) {
        if (m_view.selection >= 0 && !m_view.reviewing) {
            m_view.message = m_view.verdict < 0 ? "Choisissez une conclusion avant de marquer la collision examinée."
                                                : "Commentaire obligatoire : indiquez ce qui a été constaté et décidé.";
            m_view.messageTone = Tone::Warning;
        }
        return std::nullopt;
    }
    usecases::CollisionReviewRequest r;
    r.collisionSeq = m_list.open[static_cast<std::size_t>(m_view.selection)].seq;
    r.verdict = usecases::kVerdicts[m_view.verdict];
    r.comment = m_view.comment;
    m_view.reviewing = true;
    m_view.message = "Enregistrement de l'examen…";
    m_view.messageTone = Tone::Neutral;
    Refresh();
    return r;
}

bool CollisionsPresenter::OnReviewed(const usecases::CollisionReviewResult& result) {
    if (!result.Ok()) {
        m_view.reviewing = false;
        m_view.message = "Refusé : " + result.refusal->message;
        m_view.messageTone = Tone::Danger;
        Refresh();
        m_keepMessage = result.refusal->code == "rule.already_reviewed";  // reviewed elsewhere: reload
        return m_keepMessage;
    }
    m_keepMessage = true;
    m_view.message = "Collision n° " + m_view.rows[static_cast<std::size_t>(m_view.selection)].number +
                     " marquée comme examinée (journal n° " + std::to_string(result.reviewSeq) + ").";
    m_view.messageTone = Tone::Info;
    return true;  // reviewing stays set until the reloaded list arrives
}

}  // namespace vigie::presenters
