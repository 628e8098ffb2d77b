#include "referat/index/schema.hpp"

#include <utility>

#include <xapian.h>

#include <referat/ingest/utf8.hpp>

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
        {"baggrund", kBackground},
        {"resume", kBackground},
        {"resumé", kBackground},
        {"sagsfremstilling", kBackground},
        {"sagsbeskrivelse", kBackground},
        {"redegørelse", kBackground},
        {"begrundelse", kBackground},
        {"sagen", kBackground},
        {"bilag", kAttachment},
    };
    for (const auto& [name, prefix] : kTable)
        if (kind == name) return prefix;
    return kOtherText;
}

}  // namespace referat::index::schema
