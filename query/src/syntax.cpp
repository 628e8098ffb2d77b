#include "referat/query/syntax.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include <referat/index/schema.hpp>

namespace referat::query {

namespace {

struct FieldAlias {
    std::string_view typed;
    FieldInfo field;
};

// Danish and English names (and ASCII spellings of the Danish ones) for every field.
constexpr std::array<FieldAlias, 30> kFields{{
    {"titel", {"title", FieldKind::kText}},
    {"title", {"title", FieldKind::kText}},
    {"beslutning", {"decision", FieldKind::kText}},
    {"decision", {"decision", FieldKind::kText}},
    {"indstilling", {"recommendation", FieldKind::kText}},
    {"recommendation", {"recommendation", FieldKind::kText}},
    {"udvalg", {"committee", FieldKind::kText}},
    {"committee", {"committee", FieldKind::kText}},
    {"bilag", {"attachment", FieldKind::kText}},
    {"attachment", {"attachment", FieldKind::kText}},
    {"person", {"person", FieldKind::kText}},
    {"år", {"year", FieldKind::kYear}},
    {"aar", {"year", FieldKind::kYear}},
    {"year", {"year", FieldKind::kYear}},
    {"udfald", {"outcome", FieldKind::kOutcome}},
    {"outcome", {"outcome", FieldKind::kOutcome}},
    {"dato", {"date", FieldKind::kDate}},
    {"date", {"date", FieldKind::kDate}},
    {"kommune", {"municipality", FieldKind::kMunicipality}},
    {"municipality", {"municipality", FieldKind::kMunicipality}},
    {"beløb", {"amount", FieldKind::kAmount}},
    {"beloeb", {"amount", FieldKind::kAmount}},
    {"belob", {"amount", FieldKind::kAmount}},
    {"amount", {"amount", FieldKind::kAmount}},
    {"personer", {"person", FieldKind::kText}},
    {"persons", {"person", FieldKind::kText}},
    {"kind", {"kind", FieldKind::kKind}},
    {"type", {"kind", FieldKind::kKind}},
    {"art", {"kind", FieldKind::kKind}},
    {"dokumenttype", {"kind", FieldKind::kKind}},
}};

constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kOperators{{
    {"AND", "AND"},
    {"OR", "OR"},
    {"NOT", "NOT"},
    {"XOR", "XOR"},
    {"NEAR", "NEAR"},
    {"OG", "AND"},
    {"ELLER", "OR"},
    {"IKKE", "NOT"},
}};

// One spelling site: bytes [pos, pos + length) may be written as replacement.
struct Site {
    std::size_t pos;
    std::size_t length;
    std::string_view replacement;
};

std::vector<Site> find_sites(std::string_view s) {
    // Two-byte sequences both ways: the UTF-8 letters are two bytes long as well.
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 15> kPairs{{
        {"aa", "å"},
        {"Aa", "Å"},
        {"AA", "Å"},
        {"ae", "æ"},
        {"Ae", "Æ"},
        {"AE", "Æ"},
        {"oe", "ø"},
        {"Oe", "Ø"},
        {"OE", "Ø"},
        {"å", "aa"},
        {"Å", "Aa"},
        {"æ", "ae"},
        {"Æ", "Ae"},
        {"ø", "oe"},
        {"Ø", "Oe"},
    }};
    std::vector<Site> sites;
    for (std::size_t i = 0; i + 1 < s.size();) {
        bool found = false;
        for (const auto& [from, to] : kPairs) {
            if (s.compare(i, from.size(), from) == 0) {
                sites.push_back({i, from.size(), to});
                i += from.size();
                found = true;
                break;
            }
        }
        if (!found) ++i;
    }
    return sites;
}

// Replace the sites whose bit is set in mask (only the first few sites have bits), or all.
std::string apply_sites(std::string_view s, const std::vector<Site>& sites, unsigned mask,
                        bool all = false) {
    std::string out;
    std::size_t at = 0;
    for (std::size_t k = 0; k < sites.size(); ++k) {
        bool chosen = all || (k < 32 && (mask >> k) & 1u);
        if (!chosen) continue;
        out.append(s.substr(at, sites[k].pos - at));
        out.append(sites[k].replacement);
        at = sites[k].pos + sites[k].length;
    }
    out.append(s.substr(at));
    return out;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Field names are letters only: ASCII letters or any UTF-8 multi-byte sequence (æ, ø, å).
bool is_field_name(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s) {
        auto u = static_cast<unsigned char>(c);
        if (!((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u >= 0x80)) return false;
    }
    return true;
}

std::optional<std::string_view> operator_for(std::string_view word) {
    for (const auto& [typed, op] : kOperators)
        if (word == typed) return op;
    return std::nullopt;
}

// "(p:v1 OR p:v2)" for the variants of one word or quoted phrase; sign '-' excludes them all.
std::string expand(std::string_view sign, std::string_view field, std::string_view value,
                   bool quoted) {
    auto piece = [&](std::string_view v) {
        std::string s;
        if (!field.empty()) s.append(field).append(":");
        if (quoted)
            s.append("\"").append(v).append("\"");
        else
            s.append(v);
        return s;
    };
    std::vector<std::string> variants = spelling_variants(value);
    // A required word keeps its spelling: "+(a OR b)" is not part of Xapian's syntax.
    if (variants.size() == 1 || sign == "+") return std::string(sign) + piece(value);
    std::string out;
    if (sign == "-") {
        for (const auto& v : variants) {
            if (!out.empty()) out += ' ';
            out.append("-").append(piece(v));
        }
        return out;
    }
    out = "(";
    for (std::size_t i = 0; i < variants.size(); ++i) {
        if (i > 0) out += " OR ";
        out += piece(variants[i]);
    }
    out += ")";
    return out;
}

std::string without_stop_words(std::string_view phrase) {
    std::string out;
    std::size_t p = 0;
    while (p < phrase.size()) {
        while (p < phrase.size() && is_space(phrase[p])) ++p;
        std::size_t q = p;
        while (q < phrase.size() && !is_space(phrase[q])) ++q;
        std::string_view word = phrase.substr(p, q - p);
        const auto& stops = index::schema::danish_stopwords();
        if (!word.empty() &&
            std::find(stops.begin(), stops.end(), lower_danish(word)) == stops.end()) {
            if (!out.empty()) out += ' ';
            out.append(word);
        }
        p = q;
    }
    return out;
}

}  // namespace

std::string lower_danish(std::string_view text) {
    std::string out(text);
    for (std::size_t i = 0; i < out.size(); ++i) {
        auto u = static_cast<unsigned char>(out[i]);
        if (u >= 'A' && u <= 'Z') {
            out[i] = static_cast<char>(u - 'A' + 'a');
        } else if (u == 0xC3 && i + 1 < out.size()) {
            auto next = static_cast<unsigned char>(out[i + 1]);
            // Æ Ø Å (U+00C6, U+00D8, U+00C5) and the rest of Latin-1 upper case.
            if (next >= 0x80 && next <= 0x9E && next != 0x97)
                out[i + 1] = static_cast<char>(next + 0x20);
            ++i;
        }
    }
    return out;
}

std::optional<FieldInfo> find_field(std::string_view typed) {
    std::string lower = lower_danish(typed);
    for (const auto& alias : kFields)
        if (alias.typed == lower) return alias.field;
    return std::nullopt;
}

std::string field_names() {
    std::string out;
    for (const auto& alias : kFields) {
        if (!out.empty()) out += ", ";
        out += alias.typed;
    }
    return out;
}

std::vector<std::string> spelling_variants(std::string_view text) {
    std::vector<Site> sites = find_sites(text);
    std::vector<std::string> out{std::string(text)};
    auto add = [&](std::string v) {
        for (const auto& have : out)
            if (have == v) return;
        if (out.size() < kMaxVariants) out.push_back(std::move(v));
    };
    if (sites.size() <= 4) {
        for (unsigned mask = 1; mask < (1u << sites.size()); ++mask)
            add(apply_sites(text, sites, mask));
    } else {
        // Too many sites for every combination: the all-folded spelling covers typed ASCII.
        add(apply_sites(text, sites, 0, true));
    }
    return out;
}

std::expected<RewrittenQuery, QueryError> rewrite_query(std::string_view text) {
    if (text.size() > kMaxQueryBytes)
        return std::unexpected(QueryError{"query too long (" + std::to_string(text.size()) +
                                          " bytes; at most " + std::to_string(kMaxQueryBytes) +
                                          ")"});
    RewrittenQuery result;
    std::vector<std::string> parts;
    int depth = 0;
    std::size_t i = 0;
    const std::size_t n = text.size();
    auto stops = [&](std::size_t at) {
        return at >= n || is_space(text[at]) || text[at] == '(' || text[at] == ')' ||
               text[at] == '"';
    };
    while (i < n) {
        char c = text[i];
        if (is_space(c)) {
            ++i;
            continue;
        }
        if (c == '(') {
            ++depth;
            parts.emplace_back("(");
            ++i;
            continue;
        }
        if (c == ')') {
            if (depth == 0)
                return std::unexpected(
                    QueryError{"unbalanced ')' at position " + std::to_string(i + 1)});
            --depth;
            parts.emplace_back(")");
            ++i;
            continue;
        }
        std::string sign;
        if ((c == '+' || c == '-') && !stops(i + 1)) {
            sign = std::string(1, c);
            ++i;
        } else if ((c == '+' || c == '-') && i + 1 < n && text[i + 1] == '"') {
            sign = std::string(1, c);
            ++i;
        }
        // The word run up to whitespace, a bracket or a quote.
        std::size_t start = i;
        while (!stops(i)) ++i;
        std::string_view run = text.substr(start, i - start);
        std::string field;
        FieldKind kind = FieldKind::kText;
        std::string_view value = run;
        if (auto colon = run.find(':');
            colon != std::string_view::npos && is_field_name(run.substr(0, colon))) {
            std::string_view name = run.substr(0, colon);
            std::string_view rest = run.substr(colon + 1);
            bool has_value = !rest.empty() || (rest.empty() && i < n && text[i] == '"');
            bool url = rest.starts_with("//");
            if (has_value && !url) {
                auto info = find_field(name);
                if (!info)
                    return std::unexpected(QueryError{"unknown field '" + std::string(name) +
                                                      ":' (fields: " + field_names() + ")"});
                field = std::string(info->name);
                kind = info->kind;
                value = rest;
            }
        }
        bool quoted = false;
        std::string phrase;
        if (value.empty() && i < n && text[i] == '"') {
            std::size_t close = text.find('"', i + 1);
            if (close == std::string_view::npos)
                return std::unexpected(
                    QueryError{"unbalanced quote at position " + std::to_string(i + 1)});
            phrase = std::string(text.substr(i + 1, close - i - 1));
            value = phrase;
            quoted = true;
            i = close + 1;
        }
        if (value.empty() && !quoted) continue;
        if (!quoted && field.empty() && sign.empty()) {
            if (auto op = operator_for(value)) {
                parts.emplace_back(*op);
                continue;
            }
        }
        if (kind != FieldKind::kText) {
            std::string piece = sign + field + ":";
            if (quoted)
                piece.append("\"").append(value).append("\"");
            else
                piece.append(value);
            parts.push_back(std::move(piece));
            continue;
        }
        if (quoted) {
            // Stop words are not indexed and take no position, so a phrase matches without them.
            phrase = without_stop_words(phrase);
            value = phrase;
            std::string_view words = value;
            // Words of a phrase are suggestions too: a misspelt phrase is still a typo.
            std::size_t p = 0;
            while (p < words.size()) {
                while (p < words.size() && is_space(words[p])) ++p;
                std::size_t q = p;
                while (q < words.size() && !is_space(words[q])) ++q;
                if (q > p && sign != "-") result.words.emplace_back(words.substr(p, q - p));
                p = q;
            }
            if (words.find_first_not_of(" \t\r\n\f") == std::string_view::npos) continue;
        } else if (sign != "-" && !value.ends_with('*')) {
            result.words.emplace_back(value);
        }
        parts.push_back(expand(sign, field, value, quoted));
    }
    if (depth > 0) return std::unexpected(QueryError{"unbalanced '(': missing ')'"});
    for (const auto& p : parts) {
        if (!result.text.empty()) result.text += ' ';
        result.text += p;
    }
    return result;
}

}  // namespace referat::query
