// Person names in running text: lexicon-anchored runs of capitalised words.

#include <array>
#include <unordered_map>

#include <re2/re2.h>

#include "people/known_names.hpp"
#include "people/lexicon.hpp"
#include "people/tokens.hpp"
#include "referat/ingest/people.hpp"
#include "referat/ingest/utf8.hpp"

namespace referat::ingest {

namespace {

using people::Token;
using people::TokenKind;

constexpr std::size_t kMaxNameTokens = 5;

// Particles inside names: "Tue von Pålman", "Anne de la Cour".
constexpr std::array<std::string_view, 8> kParticles = {"von", "van", "de",  "du",
                                                        "la",  "af",  "Von", "Van"};

// Endings of common nouns that name bodies and places, not people ("Socialsekretariat").
constexpr std::array<std::string_view, 24> kBodySuffixes = {
    "sekretariat", "sekretariatet", "udvalg",    "udvalget", "forum", "gruppe",
    "gruppen",     "center",        "centret",   "hus",      "huset", "tilbud",
    "tilbuddet",   "styrelse",      "styrelsen", "råd",      "rådet", "område",
    "området",     "afdeling",      "ledelse",   "tion",     "skab",  "kommunalt"};

// Endings of job titles written capitalised before a name ("Sundhedschef", "Rådmand").
constexpr std::array<std::string_view, 12> kTitleSuffixes = {
    "chef",     "direktør", "leder",     "konsulent",   "mand", "sekretær",
    "rådgiver", "jurist",   "ansvarlig", "koordinator", "ør",   "formand"};

bool is_title(std::string_view w) {
    const std::string low = utf8::lower(w);
    for (auto s : kTitleSuffixes) {
        if (low.ends_with(s)) return true;
    }
    return false;
}

bool is_particle(std::string_view w) {
    for (auto p : kParticles) {
        if (p == w) return true;
    }
    return false;
}

bool has_body_suffix(std::string_view w) {
    const std::string low = utf8::lower(w);
    for (auto s : kBodySuffixes) {
        if (low.size() > s.size() && low.ends_with(s)) return true;
    }
    return false;
}

struct Context {
    std::string_view text;
    const std::vector<Token>& tokens;
    const people::Lexicon& lex;
    const people::KnownNames& known;

    std::string_view word(std::size_t i) const {
        return text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
    }
    bool is_word(std::size_t i) const {
        return i < tokens.size() && tokens[i].kind == TokenKind::kWord;
    }
    // Joined to the previous token by plain spaces only.
    bool joined(std::size_t i) const { return i < tokens.size() && tokens[i].space_before; }

    bool is_first_name(std::string_view w) const {
        if (lex.not_first_names.contains(w) || lex.not_name_words.contains(w)) return false;
        if (lex.first_names.contains(w)) return true;
        // "Anne-Mette" style doubles not in the list: both halves first names.
        const auto dash = w.find('-');
        if (dash == std::string_view::npos) return false;
        return lex.first_names.contains(w.substr(0, dash)) &&
               lex.first_names.contains(w.substr(dash + 1));
    }
    bool is_name_part(std::size_t i) const {
        if (i >= tokens.size()) return false;
        if (tokens[i].kind == TokenKind::kInitial) return true;
        if (tokens[i].kind != TokenKind::kWord) return false;
        const std::string_view w = word(i);
        return people::is_name_shaped(w) && !lex.not_name_words.contains(w);
    }
    bool is_place_word(std::string_view w) const {
        return lex.place_by_key.contains(people::fold_place(w));
    }
};

// Organisation written right after a name: ", Odense Kommune", " (Aalborg Kommune)",
// "(forkortet til Sri), fra Odense Kommune", ", Region Syddanmark", " (KKR)".
std::optional<std::string> organisation_after(std::string_view text, std::size_t pos) {
    static const RE2 kOrg(
        R"(^(?:,\s*|\s*\(\s*|\s*\([^()\n]{0,40}\),\s*)(?:fra\s+)?)"
        R"(((?:Region\s+\p{Lu}[\p{L}]+)|(?:\p{Lu}[\p{L}]*(?:[- ]\p{Lu}[\p{L}]*)?\s+)"
        R"((?:Kommune|Regionskommune))|KKR|KL))");
    re2::StringPiece input(text.data() + pos, text.size() - pos);
    std::string org;
    if (RE2::PartialMatch(input, kOrg, &org)) return org;
    return std::nullopt;
}

std::string collapse_spaces(std::string_view s) {
    std::string out;
    bool space = false;
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t at = i;
        const char32_t c = utf8::next(s, i);
        if (c == ' ' || c == 0xA0 || c == '\t' || c == '\n' || c == '\r') {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out.append(s.substr(at, i - at));
    }
    return out;
}

// Tokens of a known name starting at i, longest match; 0 when none.
std::size_t match_known(const Context& ctx, std::size_t i) {
    if (!ctx.is_word(i) || i + 1 >= ctx.tokens.size() || !ctx.joined(i + 1)) return 0;
    const Token& second = ctx.tokens[i + 1];
    if (second.kind != TokenKind::kWord && second.kind != TokenKind::kInitial) return 0;
    const auto* candidates = ctx.known.starting_with(ctx.word(i), ctx.word(i + 1));
    if (candidates == nullptr) return 0;
    std::size_t best = 0;
    for (const auto& words : *candidates) {
        std::size_t k = 2;
        for (; k < words.size(); ++k) {
            const std::size_t t = i + k;
            if (t >= ctx.tokens.size() || !ctx.joined(t)) break;
            if (ctx.tokens[t].kind != TokenKind::kWord &&
                ctx.tokens[t].kind != TokenKind::kInitial) {
                break;
            }
            std::string_view w = ctx.word(t);
            if (w != words[k] && !(k + 1 == words.size() && w.size() == words[k].size() + 1 &&
                                   w.starts_with(words[k]) && w.back() == 's')) {
                break;
            }
        }
        if (k == words.size() && k > best) best = k;
    }
    return best;
}

}  // namespace

std::vector<NameMention> find_person_names(std::string_view text,
                                           const std::vector<std::string>& known) {
    return people::find_names(text, people::KnownNames(known));
}

namespace people {

namespace {

std::vector<std::string> split_words(std::string_view name) {
    std::vector<std::string> words;
    for (const Token& t : people::tokenize(name)) {
        if (t.kind == TokenKind::kWord || t.kind == TokenKind::kInitial) {
            words.emplace_back(name.substr(t.begin, t.end - t.begin));
        }
    }
    return words;
}

}  // namespace

KnownNames::KnownNames(const std::vector<std::string>& names) {
    for (const std::string& name : names) add(name);
}

void KnownNames::add(std::string_view name) {
    if (m_names.contains(name)) return;
    auto words = split_words(name);
    if (words.size() < 2) return;
    m_names.emplace(name);
    m_surnames.insert(words.back());
    std::string key = words[0] + " " + words[1];
    m_by_start[key].push_back(std::move(words));
}

const std::vector<std::vector<std::string>>* KnownNames::starting_with(std::string_view a,
                                                                       std::string_view b) const {
    std::string key;
    key.reserve(a.size() + b.size() + 1);
    key.append(a).append(" ").append(b);
    const auto it = m_by_start.find(key);
    return it == m_by_start.end() ? nullptr : &it->second;
}

std::vector<NameMention> find_names(std::string_view text, const KnownNames& known) {
    const std::vector<Token> tokens = people::tokenize(text);
    Context ctx{text, tokens, people::lexicon(), known};

    std::vector<NameMention> found;
    std::size_t i = 0;
    while (i < tokens.size()) {
        if (!ctx.is_word(i) || !people::is_name_shaped(ctx.word(i)) ||
            ctx.lex.not_name_words.contains(ctx.word(i))) {
            ++i;
            continue;
        }
        std::size_t n = match_known(ctx, i);
        bool lexical = n == 0 && ctx.is_first_name(ctx.word(i));
        if (n == 0) {
            // Extend over name parts joined by spaces on the same line.
            std::size_t j = i + 1;
            while (j < tokens.size() && j - i < kMaxNameTokens && ctx.joined(j)) {
                if (ctx.is_name_part(j)) {
                    ++j;
                } else if (ctx.is_word(j) && is_particle(ctx.word(j)) && ctx.is_name_part(j + 1) &&
                           ctx.joined(j + 1)) {
                    j += 2;
                } else {
                    break;
                }
            }
            // No trailing initials or particles: "Mogens B." is not a full name.
            while (j > i + 1 &&
                   (tokens[j - 1].kind == TokenKind::kInitial || is_particle(ctx.word(j - 1)))) {
                --j;
            }
            // "Tim Hansen Sønderborg Kommune" on a glued list: the place is not part of the name.
            if (j > i + 2 && ctx.is_word(j) && ctx.joined(j) &&
                ctx.word(j).starts_with("Kommune") && ctx.is_place_word(ctx.word(j - 1))) {
                --j;
            }
            n = j - i;
        }
        if (n < 2) {
            ++i;
            continue;
        }
        // "om Østjysk Marin Naturnationalpark": a first name inside a capitalised phrase that
        // starts mid-sentence is part of that phrase, unless the word before is a job title or
        // the run ends in a known surname ("og Udsatte Jens Kjer Nielsen").
        if (lexical && i >= 2 && !ctx.lex.last_names.contains(ctx.word(i + n - 1)) &&
            ctx.joined(i) && ctx.is_word(i - 1) && people::is_name_shaped(ctx.word(i - 1)) &&
            !is_title(ctx.word(i - 1)) && ctx.joined(i - 1) && ctx.is_word(i - 2) &&
            utf8::is_lower(utf8::first(ctx.word(i - 2)))) {
            i += n;
            continue;
        }
        const std::size_t last = i + n - 1;
        // "Indre Aarhus": a first name before a town is a place, unless the town is a surname.
        if (ctx.is_word(last) && ctx.is_place_word(ctx.word(last)) &&
            !ctx.lex.last_names.contains(ctx.word(last)) && match_known(ctx, i) == 0) {
            i += n;
            continue;
        }
        const std::size_t begin = tokens[i].begin;
        std::size_t end = tokens[last].end;
        auto org = organisation_after(text, end);
        if (!lexical && match_known(ctx, i) == 0) {
            // Not a known first name: accept only "Two Words, X Kommune" with no body words.
            bool ok = org.has_value() && n <= 4;
            for (std::size_t k = i; ok && k <= last; ++k) {
                const std::string_view w = ctx.word(k);
                ok = tokens[k].kind == TokenKind::kWord && !ctx.lex.not_first_names.contains(w) &&
                     !ctx.is_place_word(w) && !has_body_suffix(w);
            }
            // A first name further on means the words before it are a job title.
            for (std::size_t k = i + 1; ok && k <= last; ++k) ok = !ctx.is_first_name(ctx.word(k));
            // Preceded by a capitalised word on the same phrase: part of a longer title.
            if (ok && i > 0 && ctx.joined(i) && ctx.is_word(i - 1) &&
                people::is_name_shaped(ctx.word(i - 1))) {
                ok = false;
            }
            if (!ok) {
                ++i;
                continue;
            }
        }
        std::string name = collapse_spaces(text.substr(begin, end - begin));
        // Genitive "Hans Chr. Mariegaards": drop the -s when the stem is the known surname.
        const std::string_view tail = ctx.word(last);
        if (tail.size() > 3 && tail.back() == 's' && !ctx.lex.last_names.contains(tail) &&
            !ctx.lex.first_names.contains(tail)) {
            const std::string_view stem = tail.substr(0, tail.size() - 1);
            if (ctx.lex.last_names.contains(stem) || known.has_surname(stem)) name.pop_back();
        }
        found.push_back(NameMention{std::move(name), begin, end, std::move(org)});
        i = last + 1;
    }
    return found;
}

}  // namespace people

}  // namespace referat::ingest
