#include "utf8_output.hpp"

#include <iostream>
#include <mutex>
#include <streambuf>
#include <string>
#include <string_view>

#include <referat/ingest/utf8.hpp>

namespace referat::cli {

/// Forwards to the stream's own buffer with ill-formed UTF-8 repaired. A character split
/// between two writes is held back until its last byte arrives, so it is not mistaken for
/// damage. Unbuffered itself (the target buffers); locked, since ingest's threads report to
/// std::cerr.
class ValidUtf8Output::Buffer : public std::streambuf {
  public:
    explicit Buffer(std::ostream& stream) : m_stream(stream), m_target(stream.rdbuf(this)) {}
    ~Buffer() override {
        const std::lock_guard lock(m_mutex);
        // Output ends here: a character still missing its last bytes never gets them.
        forward(m_tail);
        m_target->pubsync();
        m_stream.rdbuf(m_target);
    }
    Buffer(const Buffer&) = delete;
    Buffer& operator=(const Buffer&) = delete;

  protected:
    std::streamsize xsputn(const char* s, std::streamsize n) override {
        const std::lock_guard lock(m_mutex);
        const std::string_view bytes(s, static_cast<std::size_t>(n));
        if (m_tail.empty()) {
            write(bytes);
        } else {
            m_tail.append(bytes);
            const std::string joined = std::move(m_tail);
            m_tail.clear();
            write(joined);
        }
        return n;
    }
    int_type overflow(int_type c) override {
        if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
        const char byte = traits_type::to_char_type(c);
        xsputn(&byte, 1);
        return c;
    }
    int sync() override {
        const std::lock_guard lock(m_mutex);
        return m_target->pubsync();
    }

  private:
    /// Forward bytes except an incomplete character at their end, which waits in m_tail.
    void write(std::string_view bytes) {
        const std::size_t tail = utf8::incomplete_tail(bytes);
        forward(bytes.substr(0, bytes.size() - tail));
        m_tail.assign(bytes.substr(bytes.size() - tail));
    }
    void forward(std::string_view bytes) {
        if (bytes.empty()) return;
        if (utf8::is_valid(bytes)) {
            m_target->sputn(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        } else {
            const std::string repaired = utf8::repair(bytes);
            m_target->sputn(repaired.data(), static_cast<std::streamsize>(repaired.size()));
        }
    }

    std::ostream& m_stream;
    std::streambuf* m_target;
    std::string m_tail;
    std::mutex m_mutex;
};

ValidUtf8Output::ValidUtf8Output()
    : m_out(std::make_unique<Buffer>(std::cout)), m_err(std::make_unique<Buffer>(std::cerr)) {}

ValidUtf8Output::~ValidUtf8Output() = default;

}  // namespace referat::cli
