// ConfigFile writing: an edit that keeps the file as its administrator wrote it, and an atomic
// replacement (temp + fsync + rename + directory fsync).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <set>
#include <sstream>

#include "core/domain/Errors.h"
#include "core/util/ConfigFile.h"

namespace vigie::util {
namespace {

std::string KeyOf(const std::string& line) {  // "" for a comment, a blank or a malformed line
    const auto b = line.find_first_not_of(" \t\r");
    if (b == std::string::npos || line[b] == '#') return "";
    const auto eq = line.find('=', b);
    if (eq == std::string::npos) return "";
    std::string key = line.substr(b, eq - b);
    key.erase(key.find_last_not_of(" \t\r") + 1);
    return key;
}

std::string Trimmed(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r");
    if (b == std::string::npos) return "";
    return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

[[noreturn]] void Fail(const std::string& what, const std::string& path) {
    throw EnvironmentError("config.write", "Fichier de configuration non enregistré (" + what + ") : « " + path +
                                               " » : " + std::strerror(errno) + ".");
}

}  // namespace

std::string ConfigFile::Edit(const std::string& text, const Changes& changes) {
    for (const auto& [key, value] : changes)
        if (key.find_first_of("=\n\r#") != std::string::npos || Trimmed(key) != key || key.empty() ||
            (value && value->find_first_of("\n\r") != std::string::npos))
            throw BadInputError("config.value", "Réglage « " + key + " » : valeur sur une seule ligne attendue.");
    std::istringstream in(text);
    std::string line, out;
    std::set<std::string> done;
    bool touched = false;
    while (std::getline(in, line)) {
        const std::string key = KeyOf(line);
        const auto change = std::find_if(changes.begin(), changes.end(), [&](const auto& c) { return c.first == key; });
        if (key.empty() || change == changes.end()) {
            out += line + "\n";
            continue;
        }
        done.insert(key);
        if (!change->second) {  // removed
            touched = true;
            continue;
        }
        // An unchanged value keeps its line as written.
        const bool differs = Trimmed(line.substr(line.find('=') + 1)) != Trimmed(*change->second);
        touched = touched || differs;
        out += (differs ? key + " = " + Trimmed(*change->second) : line) + "\n";
    }
    for (const auto& [key, value] : changes)
        if (value && !done.count(key)) {
            out += key + " = " + Trimmed(*value) + "\n";
            touched = true;
        }
    return touched ? out : text;  // unchanged values: the file byte for byte
}

void ConfigFile::WriteAtomically(const std::string& path, const std::string& text, unsigned mode) {
    const std::filesystem::path target(path);
    const std::filesystem::path dir = target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
    std::string tmpl = (dir / ("." + target.filename().string() + ".XXXXXX")).string();
    const int fd = mkstemp(tmpl.data());
    if (fd < 0) Fail("fichier temporaire", path);
    auto cleanup = [&] { ::unlink(tmpl.c_str()); };
    if (::fchmod(fd, static_cast<mode_t>(mode)) != 0) {
        ::close(fd);
        cleanup();
        Fail("droits", path);
    }
    std::size_t written = 0;
    while (written < text.size()) {
        const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            ::close(fd);
            cleanup();
            Fail("écriture", path);
        }
        written += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0) {
        ::close(fd);
        cleanup();
        Fail("fsync", path);
    }
    if (::close(fd) != 0) {
        cleanup();
        Fail("fermeture", path);
    }
    if (::rename(tmpl.c_str(), path.c_str()) != 0) {
        cleanup();
        Fail("renommage", path);
    }
    const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
    if (dfd >= 0) {
        ::fsync(dfd);  // the rename itself reaches the disk
        ::close(dfd);
    }
}

}  // namespace vigie::util
