#include "app/presenters/RuleSetEditorPresenter.h"

#include <algorithm>
#include <sstream>

namespace vigie::presenters {

using namespace vigie::printing;

namespace {

std::string Capitalized(std::string_view s) {
    std::string out(s);
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
}

std::string Number(double v) {
    std::ostringstream s;
    s << v;
    return s.str();
}

std::string EntryLabel(const RuleSetEntry& e) {
    std::string label = e.rules.displayName + " (" + e.rules.name + ", " + Number(e.rules.widthMm) + " × " +
                        Number(e.rules.heightMm) + " mm)";
    return label + (e.shipped ? " — fourni avec Vigie" : " — version " + std::to_string(e.version));
}

}  // namespace

SettingsAccess RuleSetEditorPresenter::Access(const domain::Operator& op) {
    if (op.active && domain::HasPermission(op.role, domain::Permission::ConfigureStructure)) return {true, ""};
    return {false, "réservé au titulaire (profil " + std::string(domain::RoleLabel(op.role)) + ")"};
}

const std::vector<LabelFieldKind>& RuleSetEditorPresenter::AddableKinds() {
    static const std::vector<LabelFieldKind> kinds = {
        LabelFieldKind::BirthName,       LabelFieldKind::FirstBirthFirstName, LabelFieldKind::BirthDate,
        LabelFieldKind::Sex,             LabelFieldKind::UsedName,            LabelFieldKind::UsedFirstName,
        LabelFieldKind::BirthFirstNames, LabelFieldKind::DispensingDate,      LabelFieldKind::PharmacyName,
        LabelFieldKind::FreeText,        LabelFieldKind::PatientNumberCode128};
    return kinds;
}

std::string RuleSetEditorPresenter::FieldRowLabel(const LabelField& f) {
    std::string label = Capitalized(FieldKindLabel(f.kind));
    if (f.kind == LabelFieldKind::FreeText) label += " : « " + f.text + " »";
    std::vector<std::string> style;
    if (f.style.bold) style.push_back("gras");
    if (f.style.sizePt) style.push_back(Number(*f.style.sizePt) + " pt");
    if (f.style.align != Align::Left) style.push_back(std::string(AlignCode(f.style.align)));
    if (f.kind == LabelFieldKind::PatientNumberCode128) style.push_back("hauteur " + Number(f.barHeightMm) + " mm");
    if (IsMandatoryField(f.kind)) style.push_back("minimum RNIV");
    if (!style.empty()) {
        label += " (";
        for (std::size_t i = 0; i < style.size(); ++i) label += (i ? ", " : "") + style[i];
        label += ")";
    }
    return label;
}

void RuleSetEditorPresenter::Load(std::vector<RuleSetEntry> entries, const std::string& select) {
    const std::string keep = !select.empty() ? select : m_current >= 0 ? m_draft.name : std::string();
    m_entries = std::move(entries);
    m_current = -1;
    if (!keep.empty() && Select(keep)) return;
    if (!m_entries.empty()) Select(std::size_t{0});
}

bool RuleSetEditorPresenter::Select(const std::string& name) {
    for (std::size_t i = 0; i < m_entries.size(); ++i)
        if (m_entries[i].rules.name == name) {
            Select(i);
            return true;
        }
    return false;
}

void RuleSetEditorPresenter::Select(std::size_t index) {
    if (index >= m_entries.size()) return;
    m_current = static_cast<int>(index);
    m_draft = m_entries[index].rules;
    m_version = m_entries[index].version;
    m_field = m_draft.fields.empty() ? -1 : 0;
    m_dirty = false;
    m_message.clear();
    m_tone = Tone::Neutral;
}

void RuleSetEditorPresenter::Touch() {
    m_dirty = true;
    m_message.clear();
    m_tone = Tone::Neutral;
}

void RuleSetEditorPresenter::SetDisplayName(const std::string& displayName) {
    if (displayName == m_draft.displayName) return;
    m_draft.displayName = displayName;
    Touch();
}

void RuleSetEditorPresenter::SetStock(double widthMm, double heightMm) {
    if (widthMm == m_draft.widthMm && heightMm == m_draft.heightMm) return;
    m_draft.widthMm = widthMm;
    m_draft.heightMm = heightMm;
    Touch();
}

void RuleSetEditorPresenter::SetMargins(const Margins& margins) {
    if (margins == m_draft.margins) return;
    m_draft.margins = margins;
    Touch();
}

void RuleSetEditorPresenter::SetFonts(double baseSizePt, double minSizePt) {
    if (baseSizePt == m_draft.baseSizePt && minSizePt == m_draft.minSizePt) return;
    m_draft.baseSizePt = baseSizePt;
    m_draft.minSizePt = minSizePt;
    Touch();
}

LabelField* RuleSetEditorPresenter::Field() {
    return m_field >= 0 && m_field < static_cast<int>(m_draft.fields.size()) ? &m_draft.fields[m_field] : nullptr;
}

const LabelField* RuleSetEditorPresenter::Field() const {
    return m_field >= 0 && m_field < static_cast<int>(m_draft.fields.size()) ? &m_draft.fields[m_field] : nullptr;
}

void RuleSetEditorPresenter::SelectField(int index) {
    m_field = index >= 0 && index < static_cast<int>(m_draft.fields.size()) ? index : -1;
}

bool RuleSetEditorPresenter::SelectFieldKind(LabelFieldKind kind) {
    for (std::size_t i = 0; i < m_draft.fields.size(); ++i)
        if (m_draft.fields[i].kind == kind) {
            m_field = static_cast<int>(i);
            return true;
        }
    return false;
}

void RuleSetEditorPresenter::AddField(LabelFieldKind kind) {
    LabelField f;
    f.kind = kind;
    if (kind == LabelFieldKind::FreeText) f.text = "Texte à compléter";
    const std::size_t at = Field() ? static_cast<std::size_t>(m_field) + 1 : m_draft.fields.size();
    m_draft.fields.insert(m_draft.fields.begin() + static_cast<std::ptrdiff_t>(at), f);
    m_field = static_cast<int>(at);
    Touch();
}

bool RuleSetEditorPresenter::Removable(std::string& reason) const {
    const LabelField* f = Field();
    if (!f) return false;
    if (!IsMandatoryField(f->kind)) return true;
    const auto same = std::count_if(m_draft.fields.begin(), m_draft.fields.end(),
                                    [&](const LabelField& o) { return o.kind == f->kind; });
    if (same > 1) return true;  // a repeated mandatory line: one copy stays
    reason = "Le champ « " + std::string(FieldKindLabel(f->kind)) +
             " » fait partie du minimum RNIV de toute étiquette : il ne peut pas être retiré.";
    return false;
}

bool RuleSetEditorPresenter::RemoveField() {
    std::string reason;
    if (!Removable(reason)) {
        if (!reason.empty()) {
            m_message = reason;
            m_tone = Tone::Warning;
        }
        return false;
    }
    m_draft.fields.erase(m_draft.fields.begin() + m_field);
    if (m_field >= static_cast<int>(m_draft.fields.size())) m_field = static_cast<int>(m_draft.fields.size()) - 1;
    Touch();
    return true;
}

void RuleSetEditorPresenter::MoveField(int delta) {
    if (!Field()) return;
    const int to = m_field + delta;
    if (to < 0 || to >= static_cast<int>(m_draft.fields.size())) return;
    std::swap(m_draft.fields[m_field], m_draft.fields[to]);
    m_field = to;
    Touch();
}

void RuleSetEditorPresenter::SetFieldBold(bool bold) {
    if (LabelField* f = Field(); f && f->style.bold != bold) {
        f->style.bold = bold;
        Touch();
    }
}

void RuleSetEditorPresenter::SetFieldSize(double sizePt) {
    LabelField* f = Field();
    if (!f) return;
    const std::optional<double> size = sizePt > 0 ? std::optional<double>(sizePt) : std::nullopt;
    if (f->style.sizePt == size) return;
    f->style.sizePt = size;
    Touch();
}

void RuleSetEditorPresenter::SetFieldAlign(int align) {
    LabelField* f = Field();
    if (!f) return;
    const Align a = align == 1 ? Align::Center : align == 2 ? Align::Right : Align::Left;
    if (f->style.align == a) return;
    f->style.align = a;
    Touch();
}

void RuleSetEditorPresenter::SetFieldText(const std::string& text) {
    if (LabelField* f = Field(); f && f->kind == LabelFieldKind::FreeText && f->text != text) {
        f->text = text;
        Touch();
    }
}

void RuleSetEditorPresenter::SetBarHeight(double mm) {
    if (LabelField* f = Field(); f && f->kind == LabelFieldKind::PatientNumberCode128 && f->barHeightMm != mm) {
        f->barHeightMm = mm;
        Touch();
    }
}

bool RuleSetEditorPresenter::NewFrom(const std::string& name, const std::string& displayName) {
    for (const auto& e : m_entries)
        if (e.rules.name == name) {
            m_message = "Un jeu de règles nommé « " + name + " » existe déjà : choisissez un autre nom.";
            m_tone = Tone::Danger;
            return false;
        }
    LabelRuleSet copy = m_draft;
    copy.name = name;
    copy.displayName = displayName.empty() ? name : displayName;
    for (const auto& problem : ValidateLabelRules(copy))
        if (problem.rfind("Nom de règle invalide", 0) == 0) {  // other problems stay editable
            m_message = problem;
            m_tone = Tone::Danger;
            return false;
        }
    m_draft = std::move(copy);
    m_current = -1;
    m_version = 0;
    m_dirty = true;
    m_message = "Nouveau jeu « " + m_draft.displayName + " » : pas encore enregistré.";
    m_tone = Tone::Info;
    return true;
}

bool RuleSetEditorPresenter::IsStored() const {
    return m_current >= 0 && !m_entries[m_current].shipped;
}

bool RuleSetEditorPresenter::MaySave() const {
    return MayEdit() && !m_busy && m_dirty && ValidateLabelRules(m_draft).empty();
}

void RuleSetEditorPresenter::OnBusy(const std::string& message) {
    m_busy = true;
    m_message = message;
    m_tone = Tone::Neutral;
}

void RuleSetEditorPresenter::OnDone(std::vector<RuleSetEntry> entries, const std::string& select,
                                    const std::string& message) {
    m_busy = false;
    m_current = -1;
    Load(std::move(entries), select);
    m_message = message;
    m_tone = Tone::Info;
}

void RuleSetEditorPresenter::OnRefused(const std::string& message) {
    m_busy = false;
    m_message = message;
    m_tone = Tone::Danger;
}

void RuleSetEditorPresenter::OnStale() {
    m_busy = false;
    m_message = "Ce jeu de règles a été modifié ou supprimé sur un autre poste depuis son ouverture : "
                "rechargez-le (vos modifications seront perdues) puis recommencez.";
    m_tone = Tone::Danger;
}

void RuleSetEditorPresenter::OnPreviewStarted() { m_previewText = "Aperçu en cours…"; }

void RuleSetEditorPresenter::OnPreviewReady(const std::vector<std::string>& warnings) {
    m_previewText.clear();
    for (const auto& w : warnings) m_previewText += (m_previewText.empty() ? "" : " ") + w;
}

void RuleSetEditorPresenter::OnPreviewRefused(const std::string& message) {
    m_previewText = "Aperçu impossible : " + message;
}

RuleSetEditorView RuleSetEditorPresenter::View() const {
    RuleSetEditorView v;
    for (const auto& e : m_entries) v.ruleSets.push_back(EntryLabel(e));
    if (m_current < 0 && !m_draft.name.empty()) v.ruleSets.push_back(m_draft.displayName + " (" + m_draft.name + ") — nouveau");
    v.ruleSetIndex = m_current >= 0 ? m_current : static_cast<int>(v.ruleSets.size()) - 1;
    v.name = m_draft.name;
    v.displayName = m_draft.displayName;
    v.widthMm = m_draft.widthMm;
    v.heightMm = m_draft.heightMm;
    v.margins = m_draft.margins;
    v.baseSizePt = m_draft.baseSizePt;
    v.minSizePt = m_draft.minSizePt;
    for (const auto& f : m_draft.fields) v.fields.push_back(FieldRowLabel(f));
    v.fieldIndex = m_field;
    const bool edit = MayEdit() && !m_busy;
    if (const LabelField* f = Field()) {
        v.fieldBold = f->style.bold;
        v.fieldSizePt = f->style.sizePt.value_or(0);
        v.fieldAlign = f->style.align == Align::Center ? 1 : f->style.align == Align::Right ? 2 : 0;
        v.fieldText = f->text;
        v.fieldTextEnabled = edit && f->kind == LabelFieldKind::FreeText;
        v.barHeightMm = f->barHeightMm;
        v.barHeightEnabled = edit && f->kind == LabelFieldKind::PatientNumberCode128;
        std::string reason;
        v.canRemoveField = edit && Removable(reason);
        v.removeFieldReason = reason;
        v.canMoveUp = edit && m_field > 0;
        v.canMoveDown = edit && m_field + 1 < static_cast<int>(m_draft.fields.size());
    }
    for (auto k : AddableKinds()) v.addable.push_back(Capitalized(FieldKindLabel(k)));
    v.problems = ValidateLabelRules(m_draft);
    v.dirty = m_dirty;
    v.canSave = MaySave();
    v.canRemoveSet = edit && IsStored();
    if (!IsStored())
        v.removeSetReason = m_current < 0 ? "Pas encore enregistré."
                                          : "Jeu fourni avec Vigie : il ne peut pas être supprimé.";
    if (!MayEdit()) v.removeSetReason = v.removeFieldReason = "Modification " + Access(m_op).reason + ".";
    v.message = m_message;
    v.messageTone = m_tone;
    v.busy = m_busy;
    v.previewText = m_previewText;
    return v;
}

}  // namespace vigie::presenters
