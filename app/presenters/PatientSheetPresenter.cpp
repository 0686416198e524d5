#include "app/presenters/PatientSheetPresenter.h"

#include <ctime>
#include <map>

#include "core/domain/DocumentTypes.h"
#include "core/domain/IdentityStateMachine.h"
#include "core/domain/Nir.h"
#include "core/domain/Status.h"
#include "core/domain/TraitComparison.h"

namespace vigie::presenters {

using namespace vigie::domain;
using namespace vigie::usecases;

namespace {

std::string FrenchDate(const std::string& iso) {  // 2026-11-22… → 22/11/2026
    if (iso.size() < 10) return iso;
    return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

std::string RawDate(const std::string& d) {  // 20090714 → 14/07/2009 (lunar dates as they are)
    return d.size() == 8 ? d.substr(6, 2) + "/" + d.substr(4, 2) + "/" + d.substr(0, 4) : d;
}

}  // namespace

std::string PatientSheetPresenter::ActionLabel(const std::string& action) {
    static const std::map<std::string, std::string> labels = {
        {"identity.created", "Identité créée"},
        {"identity.created_despite_duplicates", "Identité créée malgré des doublons possibles"},
        {"identity.imported", "Identité importée"},
        {"identity.traits_edited", "Traits modifiés"},
        {"identity.ins_accepted", "INS accepté"},
        {"identity.ins_verified", "INS vérifié"},
        {"identity.ins_invalidated", "INS invalidé"},
        {"identity.ins_collision", "INS déjà porté par un autre dossier"},
        {"identity.collision_reviewed", "Collision d'INS examinée (identitovigilance)"},
        {"identity.document_checked", "Identité vérifiée sur pièce"},
        {"identity.document_withdrawn", "Vérification sur pièce retirée"},
        {"identity.attribute_changed", "Attribut modifié"},
        {"identity.label_printed", "Étiquette imprimée"},
        {"identity.document_printed", "Document imprimé"},
        {"insi.search", "Appel INSi"},
        {"counter.card_read", "Carte Vitale lue au comptoir"},
        {"billing.linked", "Identité de facturation rattachée"},
    };
    const auto it = labels.find(action);
    return it == labels.end() ? action : it->second;
}

std::string PatientSheetPresenter::Timestamp(const std::string& utc) {
    std::tm tm{};
    if (utc.size() < 19 || !strptime(utc.substr(0, 19).c_str(), "%Y-%m-%dT%H:%M:%S", &tm)) return utc;
    const std::time_t t = timegm(&tm);
    std::tm local{};
    localtime_r(&t, &local);  // the pharmacy's clock, not UTC
    char buf[32];
    std::strftime(buf, sizeof buf, "%d/%m/%Y %H:%M", &local);
    return buf;
}

void PatientSheetPresenter::Clear() {
    m_file.reset();
    m_history.clear();
    m_proposal.reset();
    m_busy = false;
    m_message.clear();
}

void PatientSheetPresenter::OnLoaded(PatientFile file, std::vector<ports::JournalEntry> history) {
    const bool same = m_file && m_file->identity.id == file.identity.id;
    m_file = std::move(file);
    m_history = std::move(history);
    m_busy = false;
    if (!same) {
        m_proposal.reset();
        m_message.clear();
    }
}

void PatientSheetPresenter::OnBusy() { m_busy = true; }

void PatientSheetPresenter::OnRetrieved(RetrievalProposal proposal) {
    m_busy = false;
    m_message.clear();
    m_proposal = std::move(proposal);
}

void PatientSheetPresenter::OnAccepted(const CommandResult& r) {
    m_busy = false;
    if (!r.Ok()) {
        m_message = "Refusé : " + r.refusal->message;
        m_messageTone = Tone::Danger;
        return;
    }
    m_proposal.reset();
    m_message = "INS accepté : les traits INS remplacent les traits locaux.";
    for (const auto& n : r.notes) m_message += " " + n;
    m_messageTone = Tone::Info;
}

void PatientSheetPresenter::OnFailed(const std::string& message) {
    m_busy = false;
    m_message = message;
    m_messageTone = Tone::Danger;
}

std::optional<IdentityId> PatientSheetPresenter::Id() const {
    if (m_file) return m_file->identity.id;
    return std::nullopt;
}

SheetView PatientSheetPresenter::View() const {
    SheetView v;
    v.busy = m_busy;
    v.message = m_message;
    v.messageTone = m_messageTone;
    if (!m_file) return v;
    const Identity& i = m_file->identity;
    v.shown = true;
    v.title = i.traits.birthName + " " + i.traits.birthFirstNames + " — né(e) le " + i.traits.birthDate.ToFrench();
    v.ipp = "Dossier n° " + std::to_string(i.id);
    v.badge = StatusBadge(i.status);
    if (i.attributes.homonyme) v.attributes.push_back("Homonyme");
    if (i.attributes.douteuse) v.attributes.push_back("Identité douteuse");
    if (i.attributes.fictive) v.attributes.push_back("Identité fictive");
    for (const auto& l : CompareTraits(i.traits, i.traits).lines) v.traits.push_back({l.label, l.local});
    if (!i.usedName.empty()) v.traits.push_back({"Nom utilisé", i.usedName});
    if (!i.usedFirstName.empty()) v.traits.push_back({"Prénom utilisé", i.usedFirstName});

    // The matricule is shown (and usable) only for a qualifiée identity (EXI SI 08).
    const auto shown = ShowableIns(i);
    if (!i.ins) {
        v.ins = "Aucun INS récupéré";
    } else if (shown) {
        v.ins = "INS : " + *shown;
        for (const auto& h : i.ins->history)
            v.insHistory.push_back(h.matricule + " (" + std::string(OidNature(h.oid)) + ")" +
                                   (h.endDate.empty() ? "" : ", jusqu'au " + FrenchDate(h.endDate)));
    } else {
        v.ins = "INS récupéré le " + FrenchDate(i.ins->retrievedAt) +
                " — affiché une fois l'identité qualifiée (vérification sur pièce)";
        if (!i.ins->history.empty())
            v.insHistory.push_back(std::to_string(i.ins->history.size()) + " INS antérieur(s) au téléservice");
    }
    if (i.documentCheck) {
        const DocumentType* type = FindDocumentType(i.documentCheck->documentType);
        v.documentCheck = "Vérifiée sur pièce : " + std::string(type ? type->label : i.documentCheck->documentType);
    }
    for (const auto& b : m_file->billing)
        v.billing.push_back(b.lastName + " " + b.firstName + " — né(e) le " + RawDate(b.rawBirthDate) +
                            (b.birthRank > 0 ? " — rang " + std::to_string(b.birthRank) : "") + " — assuré " +
                            b.insuredNir + (b.insuredNirKey.empty() ? "" : " " + b.insuredNirKey) +
                            (b.updatedAt.empty() ? "" : " — lue le " + FrenchDate(b.updatedAt)));
    for (auto it = m_history.rbegin(); it != m_history.rend(); ++it)  // newest first
        v.timeline.push_back(Timestamp(it->at) + " — " + it->operatorName + " — " + ActionLabel(it->action));

    if (!HasPermission(m_op.role, Permission::CallInsi)) {
        v.retrieveBlocked = "Droit insuffisant pour appeler l'INSi (profil " + std::string(RoleLabel(m_op.role)) + ").";
    } else if (const auto refusal = IdentityStateMachine::CanCallInsi(i)) {
        v.retrieveBlocked = refusal->message;
    } else {
        v.canRetrieve = !m_busy;
    }
    if (m_proposal) {
        const RetrievalProposal& p = *m_proposal;
        if (p.refusal) {
            v.retrievalOutcome = p.refusal->message;
        } else if (p.search.refusal) {
            v.retrievalOutcome = p.search.refusal->message;
        } else if (!p.search.result) {
            v.retrievalOutcome = "INSi non interrogé";
        } else if (p.search.Found() && p.comparison) {
            v.retrievalOutcome = "Identité INS trouvée : vérifier avec le patient avant d'accepter";
            for (const auto& l : p.comparison->lines)
                v.retrievalRows.push_back({l.label, l.local, l.ins, l.verdict == TraitVerdict::Differs});
            v.canAccept = !m_busy && HasPermission(m_op.role, Permission::CallInsi);
        } else if (p.search.result->outcome == ports::InsiOutcome::Several) {
            v.retrievalOutcome = "Plusieurs identités possibles : INS non attribuable";
        } else {
            v.retrievalOutcome = "Aucune identité INS trouvée";
        }
    }
    return v;
}

}  // namespace vigie::presenters
