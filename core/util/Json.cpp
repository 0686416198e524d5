#include "core/util/Json.h"

#include <cmath>
#include <cstdio>

namespace vigie::util {

void AppendJsonString(std::string& out, std::string_view v) {
    out.reserve(out.size() + v.size() + 2);
    out += '"';
    std::size_t run = 0;  // start of the current run of characters that need no escaping
    for (std::size_t i = 0; i < v.size(); ++i) {
        const auto c = static_cast<unsigned char>(v[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out.append(v.data() + run, i - run);
        run = i + 1;
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default: {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out += buf;
            }
        }
    }
    out.append(v.data() + run, v.size() - run);  // UTF-8 passes through
    out += '"';
}

void JsonWriter::BeforeValue() {
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (!m_first.empty()) {
        if (!m_first.back()) m_out += ',';
        m_first.back() = false;
    }
}

JsonWriter& JsonWriter::BeginObject() {
    BeforeValue();
    m_out += '{';
    m_first.push_back(true);
    return *this;
}
JsonWriter& JsonWriter::EndObject() {
    m_out += '}';
    m_first.pop_back();
    return *this;
}
JsonWriter& JsonWriter::BeginArray() {
    BeforeValue();
    m_out += '[';
    m_first.push_back(true);
    return *this;
}
JsonWriter& JsonWriter::EndArray() {
    m_out += ']';
    m_first.pop_back();
    return *this;
}
JsonWriter& JsonWriter::Key(std::string_view key) {
    BeforeValue();
    AppendJsonString(m_out, key);
    m_out += ':';
    m_afterKey = true;
    return *this;
}
JsonWriter& JsonWriter::String(std::string_view v) {
    BeforeValue();
    AppendJsonString(m_out, v);
    return *this;
}
JsonWriter& JsonWriter::Int(std::int64_t v) {
    BeforeValue();
    m_out += std::to_string(v);
    return *this;
}
JsonWriter& JsonWriter::Double(double v) {
    BeforeValue();
    if (!std::isfinite(v)) {
        m_out += "null";
        return *this;
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    m_out += buf;
    return *this;
}
JsonWriter& JsonWriter::Bool(bool v) {
    BeforeValue();
    m_out += v ? "true" : "false";
    return *this;
}
JsonWriter& JsonWriter::Null() {
    BeforeValue();
    m_out += "null";
    return *this;
}
JsonWriter& JsonWriter::Raw(std::string_view json) {
    BeforeValue();
    m_out += json;
    return *this;
}

}  // namespace vigie::util
