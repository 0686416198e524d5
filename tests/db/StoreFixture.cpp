#include "tests/db/StoreFixture.h"

#include <cstdlib>
#include <ostream>
#include <stdexcept>

#include "db/sqlite/SqliteStore.h"

namespace vigie::test {

TempDir::TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "vigie-test-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
    m_path = tmpl;
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
}

const std::vector<StoreBackend>& StoreBackends() {
    static const std::vector<StoreBackend> backends = {
        {"sqlite", [](const std::filesystem::path& dir) { return db::OpenSqliteStore((dir / "vigie.db").string()); }},
    };
    return backends;
}

std::ostream& operator<<(std::ostream& os, const StoreBackend& b) { return os << b.name; }

}  // namespace vigie::test
