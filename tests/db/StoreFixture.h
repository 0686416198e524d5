#pragma once
// Backends the contract suite runs against (SQLite always; PostgreSQL will join here) and a
// temporary directory that cleans up after itself.

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/ports/IStore.h"

namespace vigie::test {

class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& Path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

struct StoreBackend {
    std::string name;
    // Opens a fresh, empty store whose files (if any) live under `dir`.
    std::function<std::unique_ptr<ports::IStore>(const std::filesystem::path& dir)> open;
};

const std::vector<StoreBackend>& StoreBackends();
std::ostream& operator<<(std::ostream& os, const StoreBackend& b);

}  // namespace vigie::test
