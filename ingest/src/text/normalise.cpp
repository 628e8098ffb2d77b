#include "referat/ingest/normalise.hpp"

namespace referat::ingest {

std::string normalise_text(std::string_view utf8) {
    // Placeholder until the ICU normaliser lands: CRLF only.
    std::string out;
    out.reserve(utf8.size());
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        if (utf8[i] == '\r') {
            out += '\n';
            if (i + 1 < utf8.size() && utf8[i + 1] == '\n') ++i;
        } else {
            out += utf8[i];
        }
    }
    return out;
}

}  // namespace referat::ingest
