#include "referat/index/analyzer.hpp"

#include <string>

#include "referat/index/schema.hpp"
#include "stem_cache.hpp"

namespace referat::index {

namespace {

class FoldingStem : public Xapian::StemImplementation {
  public:
    FoldingStem() : m_stem(std::string(schema::kStemLanguage)) {}
    std::string operator()(const std::string& word) override {
        // Æ, ø and å (either case) are the two-byte sequences starting 0xC3; most words have none.
        if (word.find('\xC3') == std::string::npos) return m_stem(word);
        return m_stem(schema::fold_spelling(word));
    }
    std::string get_description() const override {
        return "FoldingStem(" + std::string(schema::kStemLanguage) + ")";
    }

  private:
    Xapian::Stem m_stem;
};

}  // namespace

Xapian::Stem cached_text_stemmer() { return detail::make_cached_stemmer(); }

Xapian::Stem text_stemmer() {
    // Xapian::Stem takes ownership (reference counted) of the implementation.
    return Xapian::Stem(new FoldingStem);
}

void configure_terms(Xapian::TermGenerator& terms, Xapian::SimpleStopper& stopper,
                     const Xapian::Stem& stemmer) {
    for (auto word : schema::danish_stopwords()) stopper.add(std::string(word));
    terms.set_stemmer(stemmer);
    // One term per word: its stem, with positions. Keeping the unstemmed form as well (Xapian's
    // default) doubles the postings the writer must invert for exact-form matching that Danish
    // inflection makes of little use; wildcards reach the typed form (query/parser.cpp).
    terms.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL);
    terms.set_stopper(&stopper);
    // Stop words are not indexed at all (not even unstemmed): they carry no meaning in minutes
    // and are the bulk of the positional data.
    terms.set_stopper_strategy(Xapian::TermGenerator::STOP_ALL);
}

}  // namespace referat::index
