#pragma once
// A parsed Content-Type header: `application/soap+xml; charset=utf-8; action="urn:…"`.

#include <map>
#include <string>
#include <string_view>

namespace vigie::sim {

struct MediaType {
    std::string type;                           // lower-cased, e.g. "application/soap+xml"
    std::map<std::string, std::string> params;  // names lower-cased, values unquoted

    static MediaType Parse(std::string_view header);
    std::string Param(const std::string& name) const;  // "" when absent
};

}  // namespace vigie::sim
