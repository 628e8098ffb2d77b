#include "people/lexicon.hpp"

#include "referat/ingest/utf8.hpp"

namespace referat::ingest::people {

namespace {

// One entry per line; blank lines and '#' comments skipped.
WordSet read_words(std::string_view data) {
    WordSet words;
    while (!data.empty()) {
        const auto eol = data.find('\n');
        std::string_view line = data.substr(0, eol);
        data = eol == std::string_view::npos ? std::string_view{} : data.substr(eol + 1);
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
        if (line.empty() || line.front() == '#') continue;
        words.emplace(line);
    }
    return words;
}

std::vector<std::string_view> split_tabs(std::string_view line) {
    std::vector<std::string_view> cells;
    while (true) {
        const auto tab = line.find('\t');
        cells.push_back(line.substr(0, tab));
        if (tab == std::string_view::npos) break;
        line.remove_prefix(tab + 1);
    }
    return cells;
}

// Tab-separated table with a header row; calls add(cells) per data row.
template <class F>
void read_table(std::string_view data, F add) {
    bool header = true;
    while (!data.empty()) {
        const auto eol = data.find('\n');
        std::string_view line = data.substr(0, eol);
        data = eol == std::string_view::npos ? std::string_view{} : data.substr(eol + 1);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty()) continue;
        if (header) {
            header = false;
            continue;
        }
        add(split_tabs(line));
    }
}

Lexicon build() {
    Lexicon lex;
    lex.first_names = read_words(kFirstNamesData);
    lex.last_names = read_words(kLastNamesData);
    lex.not_first_names = read_words(kNotFirstNamesData);
    lex.not_name_words = read_words(kNotNameWordsData);
    // dk_kommuner.tsv: kommunekode navn kort_navn region_iso regionskode region
    read_table(kMunicipalitiesData, [&](const std::vector<std::string_view>& cells) {
        if (cells.size() < 3) return;
        lex.places.push_back(Place{std::string(cells[1]), std::string(cells[2]), false});
    });
    // dk_regions_iso3166-2.tsv: code name type official_name
    read_table(kRegionsData, [&](const std::vector<std::string_view>& cells) {
        if (cells.size() < 4) return;
        lex.places.push_back(Place{std::string(cells[3]), std::string(cells[1]), true});
    });
    for (std::size_t i = 0; i < lex.places.size(); ++i) {
        lex.place_by_key.emplace(fold_place(lex.places[i].short_name), i);
    }
    return lex;
}

}  // namespace

std::string fold_place(std::string_view name) {
    std::string out;
    out.reserve(name.size());
    for (std::size_t i = 0; i < name.size();) {
        const char32_t c = utf8::to_lower(utf8::next(name, i));
        if (c == 0xE5) {  // å
            out += "aa";
        } else if (c == '-' || c == ' ' || c == 0xA0) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            utf8::append(out, c);
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

const Lexicon& lexicon() {
    static const Lexicon kLexicon = build();
    return kLexicon;
}

}  // namespace referat::ingest::people
