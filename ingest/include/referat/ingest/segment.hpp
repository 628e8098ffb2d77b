#pragma once
// The segmenter: a pure function of normalised text to meetings and items.

#include <string_view>
#include <vector>

#include <referat/ingest/model.hpp>

namespace referat::ingest {

/// Page boundaries of paged sources: byte offset in the normalised text where each page starts.
using PageStarts = std::vector<std::size_t>;

/// Split normalised text into meetings (one file may hold several) with their items.
/// Never fails: an unrecognised text yields a meeting with warnings naming what is missing.
[[nodiscard]] std::vector<Meeting> segment(std::string_view normalised_text,
                                           const PageStarts& pages = {});

}  // namespace referat::ingest
