#include "tools/vcard/Log.h"

#include <cstdio>
#include <mutex>

namespace vigie::vcard {

void LogLine(const std::string& line) {
    static std::mutex mutex;
    const std::lock_guard lock(mutex);
    std::fprintf(stderr, "vigie-vcard: %s\n", line.c_str());
    std::fflush(stderr);
}

}  // namespace vigie::vcard
