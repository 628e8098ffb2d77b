#pragma once
// Word lists embedded at build time: Danish first and last names, words that are never names,
// and the municipality and region gazetteer.

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace referat::ingest::people {

extern const char kFirstNamesData[];
extern const char kLastNamesData[];
extern const char kNotFirstNamesData[];
extern const char kNotNameWordsData[];
extern const char kMunicipalitiesData[];
extern const char kRegionsData[];

/// Hash of std::string that also accepts string_view, for lookups without copies.
struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept {
        return std::hash<std::string_view>{}(s);
    }
};

/// A set of words with lookups by string_view.
using WordSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

/// One municipality or region: its canonical name and the written forms that refer to it.
struct Place {
    std::string name;        ///< "Faaborg-Midtfyn Kommune", "Region Syddanmark"
    std::string short_name;  ///< "Faaborg-Midtfyn", "Syddanmark"
    bool region = false;
};

/// All embedded lists, parsed once on first use.
struct Lexicon {
    WordSet first_names;      ///< as written in the list, Titlecase
    WordSet last_names;       ///< as written in the list, Titlecase
    WordSet not_first_names;  ///< capitalised words that are in the first-name list but words
    WordSet not_name_words;   ///< capitalised words never inside a name
    std::vector<Place> places;
    /// Folded short name ("faaborg midtfyn", "aabenraa") to index in places.
    std::unordered_map<std::string, std::size_t, StringHash, std::equal_to<>> place_by_key;
};

/// The process-wide lexicon (thread-safe lazy initialisation).
[[nodiscard]] const Lexicon& lexicon();

/// Fold a place name for lookup: lower case, "å" as "aa", hyphens as spaces.
[[nodiscard]] std::string fold_place(std::string_view name);

}  // namespace referat::ingest::people
