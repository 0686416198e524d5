#include "app/presenters/CounterView.h"

#include "core/domain/Status.h"

namespace vigie::presenters {

std::string_view ToneCode(Tone t) {
    switch (t) {
        case Tone::Neutral: return "neutral";
        case Tone::Provisoire: return "provisoire";
        case Tone::Recuperee: return "recuperee";
        case Tone::Validee: return "validee";
        case Tone::Qualifiee: return "qualifiee";
        case Tone::Info: return "info";
        case Tone::Warning: return "warning";
        case Tone::Danger: return "danger";
    }
    return "neutral";
}

Badge StatusBadge(domain::IdentityStatus status) {
    using domain::IdentityStatus;
    Tone tone = Tone::Provisoire;
    switch (status) {
        case IdentityStatus::Provisoire: tone = Tone::Provisoire; break;
        case IdentityStatus::Recuperee: tone = Tone::Recuperee; break;
        case IdentityStatus::Validee: tone = Tone::Validee; break;
        case IdentityStatus::Qualifiee: tone = Tone::Qualifiee; break;
    }
    return Badge{std::string(domain::StatusLabel(status)), tone};
}

}  // namespace vigie::presenters
