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
    static constexpr std::size_t kMaxEntries = 1u << 20;  ///< bound memory on huge corpora
    Xapian::Stem m_stem;
    std::string m_language;
    std::unordered_map<std::string, std::string> m_cache;
};

/// A Xapian::Stem for schema::kStemLanguage backed by a CachingStem.
[[nodiscard]] Xapian::Stem make_cached_stemmer();

}  // namespace referat::index::detail
