#pragma once
// One exception hierarchy for real failures (Audacity's taxonomy): each carries a stable code
// that callers may switch on and a message. Expected business outcomes (a refused transition,
// no INS found, several identities) are *values*, not exceptions.

#include <stdexcept>
#include <string>

namespace vigie {

enum class ErrorKind {
    BadInput,     // the user or a file gave something unusable (exit code 2 in the CLI)
    Business,     // a rule refuses the operation (exit code 1)
    Environment,  // the machine: disk, database file, permissions, missing service
    Remote,       // a remote service failed (INSi, CUPS…)
    Internal,     // a bug: an invariant that should never break
};

class Error : public std::runtime_error {
public:
    Error(ErrorKind kind, std::string code, const std::string& message)
        : std::runtime_error(message), m_kind(kind), m_code(std::move(code)) {}
    ErrorKind Kind() const noexcept { return m_kind; }
    // Stable, ASCII, dotted: "store.io", "input.date", "rule.transition"…
    const std::string& Code() const noexcept { return m_code; }

private:
    ErrorKind m_kind;
    std::string m_code;
};

struct BadInputError : Error {
    BadInputError(std::string code, const std::string& message)
        : Error(ErrorKind::BadInput, std::move(code), message) {}
};
struct BusinessError : Error {
    BusinessError(std::string code, const std::string& message)
        : Error(ErrorKind::Business, std::move(code), message) {}
};
struct EnvironmentError : Error {
    EnvironmentError(std::string code, const std::string& message)
        : Error(ErrorKind::Environment, std::move(code), message) {}
};
struct RemoteError : Error {
    RemoteError(std::string code, const std::string& message)
        : Error(ErrorKind::Remote, std::move(code), message) {}
};
struct InternalError : Error {
    InternalError(std::string code, const std::string& message)
        : Error(ErrorKind::Internal, std::move(code), message) {}
};

}  // namespace vigie
