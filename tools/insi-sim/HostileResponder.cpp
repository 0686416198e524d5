#include "tools/insi-sim/HostileResponder.h"

#include <string>

namespace vigie::sim {

void HostileResponder::Apply(Hostile mode, HttpAnswer& answer, const SoapWriter& writer, std::string_view messageId) {
    switch (mode) {
    case Hostile::None:
        break;
    case Hostile::Truncated:
        // Cut in the middle of the markup: never well-formed.
        answer.body.resize(answer.body.size() / 2);
        break;
    case Hostile::NotXml:
        // What a misconfigured front end or proxy sends: a plain-text page with HTTP 200.
        // (A well-typed but unreadable SOAP answer is the `truncated` mode.)
        answer.status = 200;
        answer.contentType = "text/plain; charset=utf-8";
        answer.body = "Service INSi indisponible : erreur interne du frontal\n";
        break;
    case Hostile::Huge: {
        // A well-formed answer padded with a 5 MiB comment: only its size is wrong.
        const auto afterDecl = answer.body.find("?>");
        const std::size_t at = afterDecl == std::string::npos ? 0 : afterDecl + 2;
        answer.body.insert(at, "<!--" + std::string(kHugeBodyBytes, 'x') + "-->");
        break;
    }
    case Hostile::Fault200:
        answer.status = 200;
        answer.contentType = kSoapContentType;
        answer.body = writer.Fault(FaultCatalog::For(kFaultUnavailable), messageId);
        break;
    case Hostile::Slow:
        answer.delay += kSlowDelay;
        break;
    case Hostile::WrongContentType:
        answer.contentType = "text/html; charset=utf-8";
        break;
    }
}

}  // namespace vigie::sim
