#include "app/presenters/PrintPresenter.h"

#include <algorithm>
#include <cstdio>

namespace vigie::presenters {

namespace {

std::string Mm(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    std::string out = buf;
    for (char& c : out)
        if (c == '.') c = ',';  // French decimal comma: « 101,6 × 50,8 mm »
    return out;
}

}  // namespace

void PrintPresenter::Open(const domain::Identity& identity, const std::vector<RuleSetChoice>& ruleSets,
                          const std::vector<std::string>& queues, const std::optional<std::string>& defaultQueue) {
    if (identity.id == 0 || identity.id != m_identity.id) {  // never another patient's lines
        m_content.Clear();
        m_paper = printing::PaperFormat::A4;
        if (m_last && m_last->identity == identity.id && identity.id != 0) {
            m_content.SetContent(m_last->content);
            m_paper = m_last->paper;
        }
    }
    m_identity = identity;
    m_targets.clear();
    for (const auto& r : ruleSets)
        m_targets.push_back({"label:" + r.name, "Étiquette — " + r.displayName + " (" + Mm(r.widthMm) + " × " +
                                                    Mm(r.heightMm) + " mm)"});
    // The fiche needs only the identity; ordonnance and plan de prise carry the lines edited here.
    m_targets.push_back({"document:fiche", "Fiche d'identité du patient (A4)"});
    m_targets.push_back({"document:ordonnance", "Ordonnance — délivrance (A4/A5)"});
    m_targets.push_back({"document:plan-de-prise", "Plan de prise (A4/A5)"});
    m_queues = queues;
    m_target = 0;
    m_content.SetKind(printing::DocumentKind::Fiche);
    m_copies = 1;
    m_queue = defaultQueue && std::find(queues.begin(), queues.end(), *defaultQueue) != queues.end()
                  ? defaultQueue
                  : (queues.empty() ? std::nullopt : std::optional<std::string>(queues.front()));
    m_previewing = m_previewReady = m_printing = false;
    m_previewText.clear();
    m_message.clear();
    m_messageTone = Tone::Neutral;
    if (m_last) {  // the préparateur's habit: the same rule set, copies and destination
        ChooseTarget(m_last->target);
        m_copies = m_last->copies;
        if (!m_last->queue) {
            m_queue.reset();
            m_pdfPath = m_last->pdfPath;
        } else if (std::find(queues.begin(), queues.end(), *m_last->queue) != queues.end()) {
            m_queue = m_last->queue;
        }
    }
}

bool PrintPresenter::ChooseTarget(const std::string& code) {
    for (std::size_t i = 0; i < m_targets.size(); ++i)
        if (m_targets[i].code == code) {
            ChooseTarget(i);
            return true;
        }
    return false;
}

void PrintPresenter::ChooseTarget(std::size_t index) {
    if (index >= m_targets.size()) return;
    m_target = index;
    m_previewReady = false;
    m_content.SetKind(m_targets[index].IsLabel()
                          ? printing::DocumentKind::Fiche
                          : printing::ParseDocumentKindCode(m_targets[index].Name()).value_or(printing::DocumentKind::Fiche));
    if (QueueProblem()) {  // a document on the Zebra: the owner's document queue, or the first PDF one
        std::vector<std::string> candidates = {m_documentsQueue};
        candidates.insert(candidates.end(), m_queues.begin(), m_queues.end());
        for (const auto& q : candidates)
            if (!q.empty() && !IsZplQueue(q) && std::find(m_queues.begin(), m_queues.end(), q) != m_queues.end()) {
                m_queue = q;
                break;
            }
    }
    if (!m_targets[index].IsLabel()) m_copies = 1;
}

void PrintPresenter::SetCopies(int copies) {
    m_copies = std::clamp(copies, 1, kMaxCopies);
    if (!m_targets.empty() && !m_targets[m_target].IsLabel()) m_copies = 1;
}

void PrintPresenter::ChooseDestination(std::size_t index) {
    if (index < m_queues.size()) m_queue = m_queues[index];
    else m_queue.reset();
}

void PrintPresenter::SetPdfPath(const std::string& path) {
    m_queue.reset();
    m_pdfPath = path;
}

bool PrintPresenter::ImportContent(const std::string& path) {
    if (auto error = m_content.Import(path)) {
        m_message = "Import refusé : " + *error;
        m_messageTone = Tone::Danger;
        return false;
    }
    m_message = "Contenu importé : " + m_content.ImportSummary() + ".";
    m_messageTone = Tone::Info;
    m_previewReady = false;
    return true;
}

bool PrintPresenter::HasContent() const { return !m_targets.empty() && m_content.HasLines(); }

bool PrintPresenter::IsZplQueue(const std::string& queue) const {
    return std::any_of(m_formats.begin(), m_formats.end(), [&](const auto& f) { return f.queue == queue && f.IsZpl(); });
}

std::optional<std::string> PrintPresenter::QueueProblem() const {
    if (!m_queue || m_targets.empty()) return std::nullopt;
    for (const auto& f : m_formats)
        if (f.queue == *m_queue)
            if (auto refusal = printing::RefuseOnQueue(f, m_targets[m_target].IsLabel())) return refusal->message;
    return std::nullopt;
}

std::string PrintPresenter::DestinationLabel(const std::string& queue) const {
    for (const auto& f : m_formats)
        if (f.queue == queue && f.IsZpl()) return queue + " (étiquettes ZPL, " + std::to_string(f.dpi) + " dpi)";
    return queue;
}

void PrintPresenter::OnPreviewStarted() {
    m_previewing = true;
    m_previewReady = false;
    m_previewText = "Aperçu en cours…";
}

void PrintPresenter::OnPreviewReady() {
    m_previewing = false;
    m_previewReady = true;
    m_previewText.clear();
}

void PrintPresenter::OnPreviewRefused(const std::string& message) {
    m_previewing = false;
    m_previewReady = false;
    m_previewText = "Impression impossible : " + message;
}

void PrintPresenter::OnPrinting() {
    m_printing = true;
    m_message = "Impression en cours…";
    m_messageTone = Tone::Neutral;
}

void PrintPresenter::OnPrinted(const PrintSettings& done, int pages, const std::vector<std::string>& warnings) {
    m_printing = false;
    m_last = done;
    m_message = Describe(done) + " : " + std::to_string(pages) + (pages > 1 ? " pages." : " page.");
    for (const auto& w : warnings) m_message += " Attention : " + w;
    m_messageTone = Tone::Info;
}

void PrintPresenter::OnPrintRefused(const std::string& message) {
    m_printing = false;
    m_message = "Refusé : " + message;
    m_messageTone = Tone::Danger;
}

PrintSettings PrintPresenter::Draft() const {
    PrintSettings s;
    s.identity = m_identity.id;
    if (!m_targets.empty()) {
        s.target = m_targets[m_target].code;
        s.copies = m_targets[m_target].IsLabel() ? m_copies : 1;
    }
    s.queue = m_queue;
    if (!m_queue) s.pdfPath = s.pdfChosen = m_pdfPath;
    if (HasContent()) {
        s.content = m_content.Content();
        s.paper = m_paper;
    }
    return s;
}

std::optional<PrintSettings> PrintPresenter::Settings() const {
    if (m_targets.empty() || m_identity.id == 0 || (!m_queue && m_pdfPath.empty())) return std::nullopt;
    return Draft();
}

std::optional<PrintSettings> PrintPresenter::RepeatFor(domain::IdentityId id) const {
    if (!m_last || m_last->identity != id || id == 0) return std::nullopt;
    return m_last;
}

std::string PrintPresenter::NumberedPath(const std::string& path, int n) {
    if (n <= 1) return path;
    const auto slash = path.rfind('/');
    const auto dot = path.rfind('.');
    const bool hasExt = dot != std::string::npos && (slash == std::string::npos || dot > slash) && dot > 0;
    if (!hasExt) return path + "-" + std::to_string(n);
    return path.substr(0, dot) + "-" + std::to_string(n) + path.substr(dot);
}

PrintSettings PrintPresenter::NextRepeat(PrintSettings s, const std::function<bool(const std::string&)>& exists) {
    if (s.queue) return s;
    if (s.pdfChosen.empty()) s.pdfChosen = s.pdfPath;
    s.pdfPath = s.pdfChosen;
    for (int n = 2; exists(s.pdfPath); ++n) s.pdfPath = NumberedPath(s.pdfChosen, n);
    return s;
}

std::string PrintPresenter::Describe(const PrintSettings& s) const {
    std::string what;
    for (const auto& t : m_targets)
        if (t.code == s.target) what = t.label;
    if (s.target == "document:ordonnance") what = "Ordonnance — délivrance (" + std::string(printing::PaperFormatCode(s.paper)) + ")";
    if (s.target == "document:plan-de-prise") what = "Plan de prise (" + std::string(printing::PaperFormatCode(s.paper)) + ")";
    if (what.empty()) what = s.IsLabel() ? "Étiquette " + s.Name() : "Document " + s.Name();
    if (s.IsLabel() && s.copies > 1) what += " × " + std::to_string(s.copies);
    return what + (s.queue ? " → imprimante « " + *s.queue + " »" : " → « " + s.pdfPath + " »");
}

bool PrintPresenter::MayPrint() const { return m_op.active && domain::HasPermission(m_op.role, domain::Permission::Print); }

PrintView PrintPresenter::View() const {
    PrintView v;
    v.title = "Impression — " + m_identity.traits.birthName + " " + m_identity.traits.birthFirstNames;
    for (const auto& t : m_targets) v.targets.push_back(t.label);
    v.targetIndex = static_cast<int>(m_target);
    v.copies = m_copies;
    v.copiesEnabled = !m_targets.empty() && m_targets[m_target].IsLabel();
    for (const auto& q : m_queues) v.destinations.push_back(DestinationLabel(q));
    v.destinations.push_back(kPdfDestination);
    v.destinationIndex = static_cast<int>(m_queues.size());
    if (m_queue)
        for (std::size_t i = 0; i < m_queues.size(); ++i)
            if (m_queues[i] == *m_queue) v.destinationIndex = static_cast<int>(i);
    v.previewText = m_previewText;
    v.previewReady = m_previewReady;
    v.busy = m_previewing || m_printing;
    if (!m_op.active) {
        v.message = "Opérateur désactivé : " + m_op.name + ".";
        v.messageTone = Tone::Danger;
    } else if (!MayPrint()) {
        v.message = "Droit insuffisant pour imprimer (profil " + std::string(domain::RoleLabel(m_op.role)) + ").";
        v.messageTone = Tone::Danger;
    } else {
        v.message = m_message;
        v.messageTone = m_messageTone;
    }
    if (HasContent()) {
        v.contentShown = true;
        v.contentColumns = m_content.Columns();
        v.contentRows = m_content.Rows();
        v.notes = m_content.NotesText();
        v.paperIndex = m_paper == printing::PaperFormat::A5 ? 1 : 0;
        v.contentMessage = m_content.Problem().value_or("");
    }
    const auto queueProblem = QueueProblem();
    if (queueProblem && MayPrint()) {
        v.message = *queueProblem;
        v.messageTone = Tone::Danger;
    }
    // A refused preview (overflow) would be refused by the print too.
    v.canPrint = MayPrint() && !m_printing && !m_targets.empty() && m_previewText.rfind("Impression impossible", 0) != 0 &&
                 v.contentMessage.empty() && !queueProblem;
    return v;
}

}  // namespace vigie::presenters
