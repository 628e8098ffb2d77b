#pragma once
// Whatever the input, the binary writes valid UTF-8: std::cout and std::cerr pass through a
// filter that writes each ill-formed sequence (a Latin-1 file name such as "m\xf8de.txt") as
// U+FFFD, the rule of referat/ingest/utf8.hpp and of the JSON writer.

#include <memory>

namespace referat::cli {

/// While alive, std::cout and std::cerr write valid UTF-8 only; restores them when destroyed.
class ValidUtf8Output {
  public:
    ValidUtf8Output();
    ~ValidUtf8Output();
    ValidUtf8Output(const ValidUtf8Output&) = delete;
    ValidUtf8Output& operator=(const ValidUtf8Output&) = delete;

    /// The filtering stream buffer (utf8_output.cpp).
    class Buffer;

  private:
    std::unique_ptr<Buffer> m_out;
    std::unique_ptr<Buffer> m_err;
};

}  // namespace referat::cli
