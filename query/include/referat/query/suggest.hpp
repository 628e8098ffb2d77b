#pragma once
// "Did you mean ...": the closest indexed words to query words that match nothing.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace referat::query {

/// Levenshtein distance between two UTF-8 strings counted in code points; any value above
/// limit is reported as limit + 1 (the computation stops early).
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit);

/// The indexed word closest to word (at most 1 edit for words of up to 4 letters, else 2),
/// the most frequent on ties, written as the minutes write it (never a bare stem); std::nullopt
/// when the word is indexed or nothing is close.
[[nodiscard]] std::optional<std::string> suggest_word(const Xapian::Database& db,
                                                      std::string_view word);

/// The query text with each unknown word replaced by its suggestion; std::nullopt when no
/// word could be corrected.
[[nodiscard]] std::optional<std::string> suggest_query(const Xapian::Database& db,
                                                       std::string_view text,
                                                       const std::vector<std::string>& words);

}  // namespace referat::query
