#pragma once
// A Danish stemmer that stems each distinct word once: minutes repeat the same vocabulary
// (udvalg, beslutning, godkendt, ...) on every page, so a cache saves most stemming work.

#include <cstddef>
#include <string>
#include <unordered_map>

#include <xapian.h>

namespace referat::index::detail {

/// Xapian stemmer implementation that memoises another stemmer.
class CachingStem : public Xapian::StemImplementation {
  public:
    /// Wrap text_stemmer() (analyzer.hpp): folded spelling, then Snowball for language.
    explicit CachingStem(const std::string& language);
    /// Stem of word, computed at most once while the cache is below its size bound.
    std::string operator()(const std::string& word) override;
    /// "CachingStem(danish)".
    std::string get_description() const override;

  private:
    /// Bound on memory: an entry costs about 112 bytes (a hash node holding two strings, words
    /// of 6 to 19 letters, under jemalloc), so 2^20 entries took 114 MB of a large ingest's
    /// peak; 2^18 take about 29 MB. The most frequent words, which make most of the text, fit
    /// well within it; a full cache starts again empty.
    static constexpr std::size_t kMaxEntries = 1u << 18;
    Xapian::Stem m_stem;
    std::string m_language;
    std::unordered_map<std::string, std::string> m_cache;
};

/// A Xapian::Stem for schema::kStemLanguage backed by a CachingStem.
[[nodiscard]] Xapian::Stem make_cached_stemmer();

}  // namespace referat::index::detail
