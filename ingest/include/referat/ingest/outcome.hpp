#pragma once
// Decision outcome from decision text, driven by one table of Danish decision phrases.

#include <string_view>

#include <referat/ingest/model.hpp>

namespace referat::ingest {

/// Classify a decision text; Outcome::kNone for an empty text.
[[nodiscard]] Outcome classify_outcome(std::string_view decision_text);

}  // namespace referat::ingest
