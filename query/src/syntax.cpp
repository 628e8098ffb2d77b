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

}  // namespace referat::query
