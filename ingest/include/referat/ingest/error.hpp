#pragma once
// Two kinds of failure: an expected per-file problem is a value (FileError inside
// std::expected); an environment failure throws the one project exception, caught in main.

#include <stdexcept>
#include <string>

namespace referat {

/// Why one input file could not be read or parsed. Never thrown: returned in std::expected.
struct FileError {
    std::string file;    ///< path as given by the user
    std::string reason;  ///< one line, lower case start, no trailing period: "empty file"

    /// "FILE: REASON", the line printed to the user.
    [[nodiscard]] std::string message() const { return file + ": " + reason; }
};

/// An environment failure (database locked or corrupt, bad option, unwritable path).
class Error : public std::runtime_error {
public:
    /// exit_code follows grep: 2 for errors.
    explicit Error(const std::string& what, int exit_code = 2)
        : std::runtime_error(what), m_exit_code(exit_code) {}
    /// Process exit status main() should return for this error.
    [[nodiscard]] int exit_code() const { return m_exit_code; }

private:
    int m_exit_code;
};

}  // namespace referat
