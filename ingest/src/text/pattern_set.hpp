#pragma once
// Several regexes asked about one line: which of them match, in one pass over the line.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>
#include <re2/set.h>

namespace referat::ingest::text {

/// An ordered list of patterns with an RE2::Set in front: one DFA pass tells which patterns
/// match, so a line that matches none (the common case) costs one scan instead of one per
/// pattern. When the set cannot answer (its DFA ran out of memory on some input), the patterns
/// are tried one by one, with the same result.
class PatternSet {
  public:
    /// anchor: RE2::ANCHOR_BOTH for FullMatch semantics, RE2::UNANCHORED for PartialMatch.
    PatternSet(const std::vector<std::string>& patterns, RE2::Anchor anchor);

    /// Indices of the matching patterns, ascending (cleared first).
    void matches(std::string_view text, std::vector<int>& out) const;
    /// The lowest index whose pattern matches, or -1.
    [[nodiscard]] int first_match(std::string_view text) const;
    /// The compiled pattern i, for captures.
    [[nodiscard]] const RE2& regex(std::size_t i) const { return *m_regexes[i]; }
    [[nodiscard]] std::size_t size() const { return m_regexes.size(); }

  private:
    [[nodiscard]] bool one(std::size_t i, std::string_view text) const;

    RE2::Anchor m_anchor;
    std::vector<std::unique_ptr<RE2>> m_regexes;
    std::unique_ptr<RE2::Set> m_set;  // null when the patterns could not be combined
};

}  // namespace referat::ingest::text
