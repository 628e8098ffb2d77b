#pragma once
// How free text becomes terms, shared by the writer and the query side so the two cannot
// disagree: words folded (æ/ø/å spelt ae/oe/aa, schema::fold_spelling), then Danish stems.

#include <xapian.h>

namespace referat::index {

/// The stemmer of all free text, at index and query time (TermGenerator, QueryParser-free query
/// terms, MSet::snippet): schema::fold_spelling, then Snowball for schema::kStemLanguage.
[[nodiscard]] Xapian::Stem text_stemmer();
/// text_stemmer that stems each distinct word once: for one thread's run of many words (an
/// ingest, the snippets of one search). Not to be shared between threads.
[[nodiscard]] Xapian::Stem cached_text_stemmer();

/// A TermGenerator set up as the writer indexes: text_stemmer, STEM_ALL (one term per word, its
/// stem), the Danish stop list with STOP_ALL. stopper must outlive the generator.
void configure_terms(Xapian::TermGenerator& terms, Xapian::SimpleStopper& stopper,
                     const Xapian::Stem& stemmer);

}  // namespace referat::index
