#include "referat/ingest/outcome.hpp"

namespace referat::ingest {

Outcome classify_outcome(std::string_view decision_text) {
    if (decision_text.empty()) return Outcome::kNone;
    return Outcome::kDecided;
}

}  // namespace referat::ingest
