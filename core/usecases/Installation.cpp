#include "core/usecases/Installation.h"

#include "core/util/Uuid.h"

namespace vigie::usecases {

std::string InstallationInstanceId(ports::IStore& store) {
    static constexpr const char* kKey = "insi.instance_id";
    return ports::RunInTransaction(store, ports::TransactionMode::Write, [](ports::IStoreTransaction& tx) {
        if (auto existing = tx.GetSetting(kKey)) return *existing;
        const std::string id = util::NewUuidV4();
        tx.SetSetting(kKey, id);
        return id;
    });
}

}  // namespace vigie::usecases
