#include "text/pattern_set.hpp"

#include <algorithm>

namespace referat::ingest::text {

namespace {

RE2::Options set_options() {
    RE2::Options options;
    options.set_log_errors(false);
    // Room for the combined DFA of a few dozen line patterns; past it, match() falls back.
    options.set_max_mem(32 << 20);
    return options;
}

}  // namespace

PatternSet::PatternSet(const std::vector<std::string>& patterns, RE2::Anchor anchor)
    : m_anchor(anchor) {
    for (const auto& p : patterns) m_regexes.push_back(std::make_unique<RE2>(p));
    auto set = std::make_unique<RE2::Set>(set_options(), anchor);
    for (const auto& p : patterns) {
        if (set->Add(p, nullptr) < 0) return;  // m_set stays null: one by one
    }
    if (set->Compile()) m_set = std::move(set);
}

bool PatternSet::one(std::size_t i, std::string_view text) const {
    const RE2& re = *m_regexes[i];
    return m_anchor == RE2::ANCHOR_BOTH ? RE2::FullMatch(text, re) : RE2::PartialMatch(text, re);
}

void PatternSet::matches(std::string_view text, std::vector<int>& out) const {
    out.clear();
    if (m_set) {
        RE2::Set::ErrorInfo error{};
        if (m_set->Match(re2::StringPiece(text.data(), text.size()), &out, &error)) {
            std::sort(out.begin(), out.end());
            return;
        }
        if (error.kind == RE2::Set::kNoError) return;  // nothing matched
        out.clear();
    }
    for (std::size_t i = 0; i < m_regexes.size(); ++i)
        if (one(i, text)) out.push_back(static_cast<int>(i));
}

int PatternSet::first_match(std::string_view text) const {
    std::vector<int> found;
    matches(text, found);
    return found.empty() ? -1 : found.front();
}

}  // namespace referat::ingest::text
