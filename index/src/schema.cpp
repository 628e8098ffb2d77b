#include "referat/index/schema.hpp"

#include <utility>

#include <xapian.h>

#include <referat/ingest/utf8.hpp>
#include <referat/ingest/reader.hpp>

namespace referat::index::schema {

const std::array<std::string_view, 94>& danish_stopwords() {
    // Snowball Danish stop list (data/refdata/danish-stopwords.txt).
    static constexpr std::array<std::string_view, 94> kWords{
        "og",    "i",     "jeg",    "det",   "at",   "en",    "den",   "til",   "er",     "som",
        "på",    "de",    "med",    "han",   "af",   "for",   "ikke",  "der",   "var",    "mig",
        "sig",   "men",   "et",     "har",   "om",   "vi",    "min",   "havde", "ham",    "hun",
        "nu",    "over",  "da",     "fra",   "du",   "ud",    "sin",   "dem",   "os",     "op",
        "man",   "hans",  "hvor",   "eller", "hvad", "skal",  "selv",  "her",   "alle",   "vil",
        "blev",  "kunne", "ind",    "når",   "være", "dog",   "noget", "ville", "jo",     "deres",
        "efter", "ned",   "skulle", "denne", "end",  "dette", "mit",   "også",  "under",  "have",
        "dig",   "anden", "hende",  "mine",  "alt",  "meget", "sit",   "sine",  "vor",    "mod",
        "disse", "hvis",  "din",    "nogle", "hos",  "blive", "mange", "ad",    "bliver", "hendes",
        "været", "thi",   "jer",    "sådan",
    };
    return kWords;
}

std::string term_value(std::string_view value) {
    std::string out;
    bool pending_space = false;
    for (std::size_t at = 0; at < value.size();) {
        const char32_t ch = utf8::next(value, at);
        if (Xapian::Unicode::is_whitespace(ch)) {
            pending_space = !out.empty();
            continue;
        }
        std::string piece;
        if (pending_space) piece += ' ';
        utf8::append(piece, utf8::to_lower(ch));
        if (out.size() + piece.size() > kMaxTermValueBytes) break;
        out += piece;
        pending_space = false;
    }
    return out;
}

std::string boolean_term(std::string_view prefix, std::string_view value) {
    std::string term(prefix);
    std::string v = term_value(value);
    // Lower-casing leaves ':' and caseless letters; mirror QueryParser's colon rule for them.
    if (prefix.size() > 1 && !v.empty()) {
        const char32_t first = utf8::first(v);
        if (first == ':' || utf8::is_upper(first)) term += ':';
    }
    term += v;
    return term;
}

std::string_view prefix_for_section_kind(std::string_view kind) {
    static constexpr std::pair<std::string_view, std::string_view> kTable[] = {
        {"beslutning", kDecision},
        {"indstilling", kRecommendation},
        {"forslag", kRecommendation},
        {"bilag", kAttachment},
    };
    for (const auto& [name, prefix] : kTable)
        if (kind == name) return prefix;
    return kBodyText;
}

bool has_positions(std::string_view prefix) {
    if (prefix.empty()) return true;  // the body text
    for (auto p : kPositionalFields)
        if (p == prefix) return true;
    return false;
}

std::string fold_spelling(std::string_view word) {
    static constexpr std::pair<std::string_view, std::string_view> kLetters[] = {
        {"æ", "ae"}, {"ø", "oe"}, {"å", "aa"}, {"Æ", "ae"}, {"Ø", "oe"}, {"Å", "aa"}};
    std::string out;
    out.reserve(word.size() + 4);
    for (std::size_t i = 0; i < word.size();) {
        bool folded = false;
        // Each of the letters is two bytes, starting 0xC3.
        if (static_cast<unsigned char>(word[i]) == 0xC3 && i + 1 < word.size())
            for (const auto& [letter, spelt] : kLetters)
                if (word.compare(i, letter.size(), letter) == 0) {
                    out += spelt;
                    i += letter.size();
                    folded = true;
                    break;
                }
        if (!folded) out += word[i++];
    }
    return out;
}

std::string municipality_term(std::string_view name) {
    return std::string(kMunicipalityTerm) + fold_spelling(term_value(name));
}

std::string pack_facets(std::string_view committee, std::string_view year,
                        std::string_view outcome, std::string_view layout,
                        std::string_view kind) {
    std::string out;
    for (auto part : {committee, year, outcome, layout, kind}) {
        out += part;
        out += kFacetSeparator;
    }
    out.pop_back();
    return out;
}

std::string_view unpack_facet(std::string_view packed, FacetField field) {
    auto index = static_cast<unsigned>(field);
    std::size_t start = 0;
    for (unsigned i = 0; i < index; ++i) {
        start = packed.find(kFacetSeparator, start);
        if (start == std::string_view::npos) return {};
        ++start;
    }
    const std::size_t end = packed.find(kFacetSeparator, start);
    return packed.substr(start, end == std::string_view::npos ? std::string_view::npos
                                                                : end - start);
}

namespace {

// Letters and digits of text, lower-cased, spelt with ae/oe/aa, one space between words:
// "Kulturkommune 2017. Politiske  fokusområder" -> "kulturkommune 2017 politiske fokusomraader".
std::string words_only(std::string_view text) {
    std::string out;
    bool space = false;
    for (Xapian::Utf8Iterator it(text.data(), text.size()); it != Xapian::Utf8Iterator(); ++it) {
        if (!Xapian::Unicode::is_wordchar(*it)) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        Xapian::Unicode::append_utf8(out, Xapian::Unicode::tolower(*it));
    }
    return fold_spelling(out);
}

}  // namespace

std::string same_item_key(std::string_view committee, std::string_view date,
                          std::string_view kind, int number, std::string_view title) {
    const std::string name = words_only(committee);
    if (name.empty() || date.empty()) return {};
    // An agenda is its own publication; minutes and files that do not say what they are (a
    // publisher's item XML) are the same item. The title tells apart two bodies of one name
    // ("Byrådet" of two municipalities) meeting the same day.
    const std::string_view part = kind == "agenda" ? kind : std::string_view();
    const std::string key = name + "|" + std::string(date) + "|" + std::string(part) + "|" +
                            std::to_string(number) + "|" + words_only(title);
    // Hashed: a term holds at most 245 bytes, and a committee and a title can be longer.
    return ingest::sha256_hex(key).substr(0, 32);
}

}  // namespace referat::index::schema
