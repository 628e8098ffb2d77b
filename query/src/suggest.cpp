#include "referat/query/suggest.hpp"

#include <algorithm>

#include <referat/index/analyzer.hpp>
#include <referat/index/records.hpp>
#include <referat/index/schema.hpp>
#include <referat/ingest/utf8.hpp>

namespace referat::query {

namespace schema = index::schema;

namespace {

// Scanning stops after this many vocabulary entries so a huge index stays quick.
constexpr std::size_t kMaxScannedTerms = 400000;

std::u32string code_points(std::string_view s) {
    std::u32string out;
    for (std::size_t at = 0; at < s.size();) out.push_back(utf8::next(s, at));
    return out;
}

// Lower-cased letters and digits of a typed word, or empty when it is not a plain word.
std::string normalise_word(std::string_view word) {
    std::string out;
    for (std::size_t at = 0; at < word.size();) {
        const char32_t ch = utf8::next(word, at);
        if (!Xapian::Unicode::is_wordchar(ch)) {
            // Punctuation at the ends ("godkendt.", "Beslutning:") is dropped; inside, the word
            // is not plain (a time, a path) and is left alone.
            if (out.empty()) continue;
            bool trailing = true;
            for (std::size_t rest = at; rest < word.size();)
                if (Xapian::Unicode::is_wordchar(utf8::next(word, rest))) trailing = false;
            if (trailing) break;
            return {};
        }
        utf8::append(out, utf8::to_lower(ch));
    }
    return out;
}

bool has_digit(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_boundary(char c) {
    return c == ' ' || c == '\t' || c == '"' || c == ':' || c == '(' || c == ')' || c == '+' ||
           c == '-';
}

std::size_t find_word(std::string_view text, std::string_view word) {
    for (std::size_t at = text.find(word); at != std::string_view::npos;
         at = text.find(word, at + 1)) {
        bool starts = at == 0 || is_boundary(text[at - 1]);
        std::size_t end = at + word.size();
        bool ends = end == text.size() || is_boundary(text[end]);
        if (starts && ends) return at;
    }
    return std::string_view::npos;
}

// A word of the indexed text whose stem is stem (term = prefix + stem), the closest to typed
// when several are: read from the stored records of a few items holding the term.
std::optional<std::string> word_for_stem(const Xapian::Database& db, const std::string& term,
                                         const std::string& stem, std::string_view typed) {
    constexpr int kDocumentsRead = 20;
    const Xapian::Stem stemmer = index::text_stemmer();
    std::optional<std::string> found;
    std::size_t found_distance = 0;
    int read = 0;
    for (auto p = db.postlist_begin(term); p != db.postlist_end(term) && read < kDocumentsRead;
         ++p, ++read) {
        const std::string data = index::record_json(db.get_document(*p));
        std::string current;
        auto consider = [&] {
            if (current.empty()) return;
            std::string lower = utf8::lower(current);
            current.clear();
            if (stemmer(lower) != stem) return;
            const std::size_t d = edit_distance(typed, lower, 64);
            if (!found || d < found_distance || (d == found_distance && lower < *found)) {
                found = lower;
                found_distance = d;
            }
        };
        for (std::size_t at = 0; at < data.size();) {
            const char32_t ch = utf8::next(data, at);
            if (Xapian::Unicode::is_wordchar(ch))
                utf8::append(current, ch);
            else
                consider();
        }
        consider();
    }
    return found;
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
    std::u32string x = code_points(a);
    std::u32string y = code_points(b);
    if ((x.size() > y.size() ? x.size() - y.size() : y.size() - x.size()) > limit) return limit + 1;
    std::vector<std::size_t> prev(y.size() + 1), cur(y.size() + 1);
    for (std::size_t j = 0; j <= y.size(); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= x.size(); ++i) {
        cur[0] = i;
        std::size_t row_min = cur[0];
        for (std::size_t j = 1; j <= y.size(); ++j) {
            std::size_t cost = x[i - 1] == y[j - 1] ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            row_min = std::min(row_min, cur[j]);
        }
        if (row_min > limit) return limit + 1;
        std::swap(prev, cur);
    }
    return std::min(prev[y.size()], limit + 1);
}

std::optional<std::string> suggest_word(const Xapian::Database& db, std::string_view typed) {
    std::string word = normalise_word(typed);
    if (word.empty() || has_digit(word)) return std::nullopt;
    for (auto stop : schema::danish_stopwords())
        if (word == stop) return std::nullopt;
    // The index holds folded stems (analyzer.hpp). A word whose stem is indexed is no typo, even
    // if the query as a whole found nothing.
    const Xapian::Stem stemmer = index::text_stemmer();
    const std::string stem = stemmer(word);
    if (db.term_exists(stem)) return std::nullopt;
    // Xapian's spelling data, when the writer kept it.
    if (db.spellings_begin() != db.spellings_end()) {
        std::string s = db.get_spelling_suggestion(word, 2);
        if (!s.empty()) return s;
    }
    // The vocabulary is the body text's stems, spelt with ae/oe/aa. Each is compared with the
    // typed word so spelt ("efterretnig" is one edit from "efterretning") and with its stem
    // ("komunens" is near "kommun").
    const std::string folded = schema::fold_spelling(word);
    const std::string ending =
        folded.starts_with(stem) ? folded.substr(stem.size()) : std::string();
    const std::size_t length = code_points(word).size();
    const std::size_t limit = length <= 4 ? 1 : 2;
    const std::size_t stem_limit = code_points(stem).size() <= 4 ? 1 : 2;
    std::optional<std::string> best;
    std::size_t best_distance = limit + 1;
    Xapian::doccount best_freq = 0;
    std::size_t scanned = 0;
    // Body terms have no prefix and start with a lower-case letter or a digit; field and filter
    // terms start with an upper-case prefix, which sorts before "a".
    auto t = db.allterms_begin();
    if (t != db.allterms_end()) t.skip_to("a");
    for (; t != db.allterms_end(); ++t) {
        if (++scanned > kMaxScannedTerms) break;
        const std::string term = *t;
        if (term.empty() || has_digit(term)) continue;
        std::size_t d = edit_distance(folded, term, limit);
        if (!ending.empty()) {
            const std::size_t ds = edit_distance(stem, term, stem_limit);
            if (ds > 0 && ds <= stem_limit && (d == 0 || d > limit || ds < d)) d = ds;
        }
        if (d == 0 || d > limit) continue;
        Xapian::doccount freq = t.get_termfreq();
        if (d < best_distance || (d == best_distance && freq > best_freq) ||
            (d == best_distance && freq == best_freq && best && term < *best)) {
            best = term;
            best_distance = d;
            best_freq = freq;
        }
    }
    if (!best) return std::nullopt;
    // The vocabulary holds stems ("kjelds"), which are not words and may not find themselves
    // (stemmed again, "kjelds" is "kjeld"). Offer the word the minutes actually use.
    return word_for_stem(db, *best, *best, word);
}

std::optional<std::string> suggest_query(const Xapian::Database& db, std::string_view text,
                                         const std::vector<std::string>& words) {
    std::string out(text);
    bool changed = false;
    for (const auto& w : words) {
        auto s = suggest_word(db, w);
        if (!s) continue;
        // Replace the word where it was typed, as a whole word.
        std::size_t at = find_word(out, w);
        if (at == std::string::npos) continue;
        out.replace(at, w.size(), *s);
        changed = true;
    }
    if (!changed) return std::nullopt;
    return out;
}

}  // namespace referat::query
