#pragma once
// A small streaming JSON writer: the journal snapshots and the CLI's --json output share it, so
// the domain needs no third-party header. Output is compact and deterministic (keys in the order
// written), which the journal's hash chain relies on.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vigie::util {

class JsonWriter {
public:
    JsonWriter& BeginObject();
    JsonWriter& EndObject();
    JsonWriter& BeginArray();
    JsonWriter& EndArray();
    JsonWriter& Key(std::string_view key);
    JsonWriter& String(std::string_view value);
    JsonWriter& Int(std::int64_t value);
    JsonWriter& Double(double value);
    JsonWriter& Bool(bool value);
    JsonWriter& Null();
    JsonWriter& Raw(std::string_view json);  // an already-serialised value
    // Shorthands for "key": value.
    JsonWriter& Field(std::string_view key, std::string_view value) { return Key(key).String(value); }
    JsonWriter& Field(std::string_view key, const char* value) { return Key(key).String(value); }
    JsonWriter& Field(std::string_view key, std::int64_t value) { return Key(key).Int(value); }
    JsonWriter& Field(std::string_view key, int value) { return Key(key).Int(value); }
    JsonWriter& Field(std::string_view key, bool value) { return Key(key).Bool(value); }

    const std::string& Str() const { return m_out; }

private:
    void BeforeValue();
    std::string m_out;
    std::vector<bool> m_first;  // per open container: no element written yet
    bool m_afterKey = false;
};

// Appends `value` as a JSON string literal (quotes included) to `out`.
void AppendJsonString(std::string& out, std::string_view value);

}  // namespace vigie::util
