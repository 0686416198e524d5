#include "app/cli/Context.h"

#include <ostream>

#include "core/insi/InsiClient.h"
#include "core/usecases/MeteredInsiService.h"
#include "core/usecases/Installation.h"
#include "core/usecases/OperatorService.h"
#include "core/util/Json.h"

namespace vigie::cli {

Context::Context(std::ostream& outStream, std::ostream& errStream, StoreFactory factory, InsiFactory insiFactory,
                 ReaderFactory readerFactory)
    : out(outStream),
      err(errStream),
      m_factory(std::move(factory)),
      m_insiFactory(std::move(insiFactory)),
      m_readerFactory(std::move(readerFactory)) {}

Context::~Context() = default;

insi::InsiClient& Context::Insi() {
    if (!m_insi) m_insi = m_insiFactory(usecases::InstallationInstanceId(Store()));
    return *m_insi;
}

ports::IInsiService& Context::InsiService() {
    if (!m_meteredInsi) m_meteredInsi = std::make_unique<usecases::MeteredInsiService>(Insi(), Store(), clock);
    return *m_meteredInsi;
}

ports::IStore& Context::Store() {
    if (!m_store) m_store = m_factory();
    return *m_store;
}

domain::Operator Context::Operator() {
    if (!user || user->empty())
        throw BadInputError("input.user", "Opérateur requis : --user NOM (ou variable VIGIE_USER).");
    return usecases::OperatorService(Store(), clock).Authenticate(*user);
}

int Context::Refused(const domain::Refusal& refusal) {
    if (json) {
        util::JsonWriter w;
        w.BeginObject().Field("ok", false).Field("code", refusal.code).Field("message", refusal.message).EndObject();
        out << w.Str() << '\n';
    } else {
        err << "Refusé : " << refusal.message << '\n';
    }
    return kExitRefused;
}

void Context::Notes(const std::vector<std::string>& notes) {
    if (json) return;
    for (const auto& n : notes) out << "  ! " << n << '\n';
}

}  // namespace vigie::cli
