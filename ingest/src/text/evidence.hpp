#pragma once
// Header fields decided by evidence from the whole meeting text: every place a publisher may name
// the committee or the date (labels, title lines, decision headings, case lines, running headers,
// recommendations) adds a weighted vote; the best-supported value wins and the votes are kept so
// `referat parse --explain` can show why.

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include <referat/ingest/model.hpp>

#include "text/lines.hpp"

namespace referat::ingest::text {

/// True when the word names a deliberative body ("Økonomiudvalget", "Byrådets", "Formannskapet",
/// "Kommunstyrelsen", "Ældrerådet", ...), in any inflection.
[[nodiscard]] bool is_body_word(std::string_view word);

/// A committee name as a label or heading writes it, made canonical: surrounding "Referat",
/// "Dagsorden", dates and punctuation removed, a genitive "s" dropped ("Økonomiudvalgets" ->
/// "Økonomiudvalget"), capitals turned into ordinary case. Empty when nothing name-like is left.
[[nodiscard]] std::string normalise_committee(std::string_view value);

/// Decide meeting.committee (and meeting.date when the header gave none) from lines
/// [begin, end), the header being [begin, header_end). A committee the header labels read is one
/// vote among the others. Appends the deciding evidence to meeting.evidence.
void decide_header_fields(std::span<const Line> lines, std::size_t begin, std::size_t header_end,
                          std::size_t end, Meeting& meeting);

}  // namespace referat::ingest::text
