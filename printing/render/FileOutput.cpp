#include "printing/render/FileOutput.h"

#include <cstdio>
#include <memory>

#include "core/domain/Errors.h"

namespace vigie::printing::detail {

void WriteFileBytes(const std::string& path, std::string_view bytes) {
    std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "wb"), std::fclose);
    if (!f) throw EnvironmentError("print.file", "Impossible d'écrire « " + path + " ».");
    const bool written = std::fwrite(bytes.data(), 1, bytes.size(), f.get()) == bytes.size();
    if (!written || std::fclose(f.release()) != 0)
        throw EnvironmentError("print.file", "Écriture incomplète de « " + path + " » (disque plein ?).");
}

}  // namespace vigie::printing::detail
