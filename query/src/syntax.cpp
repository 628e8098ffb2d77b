#include "referat/query/syntax.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include <referat/index/schema.hpp>
#include <referat/ingest/utf8.hpp>

namespace referat::query {

namespace {

struct FieldAlias {
    std::string_view typed;
    FieldInfo field;
};

// Danish and English names (and ASCII spellings of the Danish ones) for every field.
constexpr std::array<FieldAlias, 35> kFields{{
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
    {"stemme", {"vote", FieldKind::kVote}},
    {"stemmer", {"vote", FieldKind::kVote}},
    {"vote", {"vote", FieldKind::kVote}},
    {"afstemning", {"vote", FieldKind::kVote}},
    {"afviger", {"vote", FieldKind::kVote}},
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

}  // namespace

std::optional<FieldInfo> find_field(std::string_view typed) {
    const std::string lower = utf8::lower(typed);
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

}  // namespace referat::query
