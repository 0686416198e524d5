#include "printing/service/OutputFile.h"

#include <filesystem>
#include <fstream>

#include "core/domain/Errors.h"

namespace vigie::printing {

void WriteOutputFile(const std::string& path, const std::string& bytes) {
    const std::string tmp = path + ".tmp";
    auto fail = [&](const std::string& message) {
        std::error_code ignored;
        std::filesystem::remove(tmp, ignored);
        throw EnvironmentError("print.file", message);
    };
    {
        std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
        if (!f) fail("Impossible d'écrire « " + path + " ».");
        f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        f.flush();
        if (!f) fail("Écriture incomplète de « " + path + " » (disque plein ?).");
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) fail("Impossible d'écrire « " + path + " » : " + ec.message());
}

}  // namespace vigie::printing
