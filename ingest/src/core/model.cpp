#include "referat/ingest/model.hpp"

#include <array>
#include <utility>

namespace referat::ingest {

namespace {
constexpr std::array<std::pair<Outcome, std::string_view>, 6> kOutcomeNames{{
    {Outcome::kNone, "none"},
    {Outcome::kApproved, "approved"},
    {Outcome::kNoted, "noted"},
    {Outcome::kDiscussed, "discussed"},
    {Outcome::kPostponed, "postponed"},
    {Outcome::kDecided, "decided"},
}};
}  // namespace

std::string_view outcome_name(Outcome outcome) {
    for (const auto& [o, name] : kOutcomeNames)
        if (o == outcome) return name;
    return "none";
}

std::optional<Outcome> outcome_from_name(std::string_view name) {
    for (const auto& [o, n] : kOutcomeNames)
        if (n == name) return o;
    return std::nullopt;
}

}  // namespace referat::ingest
