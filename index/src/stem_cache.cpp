#include "stem_cache.hpp"

#include "referat/index/analyzer.hpp"
#include "referat/index/schema.hpp"

namespace referat::index::detail {

CachingStem::CachingStem(const std::string& language)
    : m_stem(text_stemmer()), m_language(language) {}

std::string CachingStem::operator()(const std::string& word) {
    if (auto it = m_cache.find(word); it != m_cache.end()) return it->second;
    std::string stem = m_stem(word);
    if (m_cache.size() >= kMaxEntries) m_cache.clear();
    m_cache.emplace(word, stem);
    return stem;
}

std::string CachingStem::get_description() const { return "CachingStem(" + m_language + ")"; }

Xapian::Stem make_cached_stemmer() {
    // Xapian::Stem takes ownership (reference counted) of the implementation.
    return Xapian::Stem(new CachingStem(std::string(schema::kStemLanguage)));
}

}  // namespace referat::index::detail
