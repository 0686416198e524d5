#include "core/ports/ICardReader.h"

namespace vigie::ports {

std::string_view EventTypeCode(ReaderEvent::Type t) {
    switch (t) {
        case ReaderEvent::Type::ReaderAdded: return "reader_added";
        case ReaderEvent::Type::ReaderRemoved: return "reader_removed";
        case ReaderEvent::Type::CardInserted: return "card_inserted";
        case ReaderEvent::Type::CardRemoved: return "card_removed";
        case ReaderEvent::Type::ServiceLost: return "service_lost";
        case ReaderEvent::Type::ServiceRestored: return "service_restored";
    }
    return "unknown";
}

std::string_view CardKindCode(CardKind k) {
    switch (k) {
        case CardKind::Vitale2: return "vitale2";
        case CardKind::Vitale1: return "vitale1";
        case CardKind::Cps: return "cps";
        case CardKind::Unknown: return "unknown";
    }
    return "unknown";
}

}  // namespace vigie::ports
