#pragma once
// « Réglages › Étiquettes » (issue #6): the edit state of one label rule set — stock, margins,
// fonts, the ordered field list with each field's style — as the owner changes it, the
// validation problems as he types (printing::ValidateLabelRules), what may be saved, removed or
// added, and the outcome of the last action in French. The RNIV minimum fields cannot be
// removed: the view says why. No wx, no thread; the frame runs LabelRuleBook and the preview on
// its worker (SettingsActions.h) and hands the results over.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/presenters/CounterView.h"
#include "core/domain/Operator.h"
#include "printing/service/LabelRuleBook.h"

namespace vigie::presenters {

struct SettingsAccess {
    bool enabled = false;
    std::string reason;  // French, "" when enabled
};

struct RuleFieldRow {
    std::string label;  // « Nom de naissance (gras, 12 pt) », « Texte : « À conserver au frais » »
};

struct RuleSetEditorView {
    std::vector<std::string> ruleSets;  // « Boîte (boite) — fourni avec Vigie », « … — version 3 »
    int ruleSetIndex = -1;
    std::string name, displayName;
    double widthMm = 0, heightMm = 0;
    printing::Margins margins;
    double baseSizePt = 0, minSizePt = 0;
    std::vector<std::string> fields;
    int fieldIndex = -1;
    // The selected field.
    bool fieldBold = false;
    double fieldSizePt = 0;  // 0: the rule set's base size
    int fieldAlign = 0;      // 0 gauche, 1 centre, 2 droite
    std::string fieldText;
    bool fieldTextEnabled = false;  // texte libre only
    double barHeightMm = 0;
    bool barHeightEnabled = false;  // code-patient only
    bool canRemoveField = false;
    std::string removeFieldReason;  // why not (RNIV minimum), "" otherwise
    bool canMoveUp = false, canMoveDown = false;
    std::vector<std::string> addable;  // labels of the kinds « Ajouter » offers (AddableKinds order)
    std::vector<std::string> problems;  // ValidateLabelRules, French
    bool dirty = false;
    bool canSave = false;
    bool canRemoveSet = false;
    std::string removeSetReason;
    std::string message;
    Tone messageTone = Tone::Neutral;
    bool busy = false;
    std::string previewText;  // « Aperçu en cours… », a refusal, "" when the image is shown
};

class RuleSetEditorPresenter {
public:
    explicit RuleSetEditorPresenter(domain::Operator op) : m_op(std::move(op)) {}

    static SettingsAccess Access(const domain::Operator& op);
    static const std::vector<printing::LabelFieldKind>& AddableKinds();
    static std::string FieldRowLabel(const printing::LabelField& field);

    // The rule book's sets (shipped and stored); keeps the selection (by name) when possible,
    // dropping unsaved edits.
    void Load(std::vector<printing::RuleSetEntry> entries, const std::string& select = {});
    bool Select(const std::string& name);  // false: unknown
    void Select(std::size_t index);
    const std::vector<printing::RuleSetEntry>& Entries() const { return m_entries; }

    void SetDisplayName(const std::string& displayName);
    void SetStock(double widthMm, double heightMm);
    void SetMargins(const printing::Margins& margins);
    void SetFonts(double baseSizePt, double minSizePt);

    void SelectField(int index);
    bool SelectFieldKind(printing::LabelFieldKind kind);  // the first field of that kind
    void AddField(printing::LabelFieldKind kind);          // after the selected one (or at the end)
    bool RemoveField();                                     // false: none selected, or RNIV minimum
    void MoveField(int delta);                              // -1 up, +1 down
    void SetFieldBold(bool bold);
    void SetFieldSize(double sizePt);  // 0: the base size
    void SetFieldAlign(int align);
    void SetFieldText(const std::string& text);
    void SetBarHeight(double mm);

    // « Nouveau jeu… »: a copy of the current one under a new name, not stored until saved.
    // false (message set) for a bad or taken name.
    bool NewFrom(const std::string& name, const std::string& displayName);

    const printing::LabelRuleSet& Draft() const { return m_draft; }
    std::int64_t Version() const { return m_version; }  // what Save must find stored
    bool IsStored() const;                                // an owner's set (Supprimer possible)
    bool MaySave() const;
    bool MayEdit() const { return Access(m_op).enabled; }

    void OnBusy(const std::string& message);
    // After a save/remove/import: the book again, then the message.
    void OnDone(std::vector<printing::RuleSetEntry> entries, const std::string& select, const std::string& message);
    void OnRefused(const std::string& message);
    // store.stale: saved or removed elsewhere since it was loaded.
    void OnStale();
    void OnPreviewStarted();
    void OnPreviewReady(const std::vector<std::string>& warnings);
    void OnPreviewRefused(const std::string& message);

    RuleSetEditorView View() const;

private:
    void Touch();
    printing::LabelField* Field();
    const printing::LabelField* Field() const;
    bool Removable(std::string& reason) const;

    domain::Operator m_op;
    std::vector<printing::RuleSetEntry> m_entries;
    int m_current = -1;                // index in m_entries; -1 with a new, unsaved set
    printing::LabelRuleSet m_draft;
    std::int64_t m_version = 0;
    int m_field = -1;
    bool m_dirty = false;
    bool m_busy = false;
    std::string m_message;
    Tone m_tone = Tone::Neutral;
    std::string m_previewText;
};

}  // namespace vigie::presenters
