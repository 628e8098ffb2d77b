// The search page's URL state: bounds, filters toggled on and off, and the request it makes.

#include <gtest/gtest.h>

#include "reply.hpp"
#include "search_state.hpp"

namespace {

using namespace referat::web;

int status_of(const Params& params) {
    try {
        (void)SearchState::from(params);
        return 200;
    } catch (const HttpError& e) {
        return e.status();
    }
}

TEST(SearchState, DefaultsAndRoundTrip) {
    const SearchState s = SearchState::from(
        {{"q", "budget"}, {"committee", "DAS Social"}, {"sort", "-date"}, {"offset", "40"}});
    EXPECT_EQ(s.limit, kDefaultLimit);
    EXPECT_EQ(
        s.to_params(),
        (Params{
            {"q", "budget"}, {"committee", "DAS Social"}, {"sort", "-date"}, {"offset", "40"}}));
    EXPECT_EQ(s.to_params(false),
              (Params{{"q", "budget"}, {"committee", "DAS Social"}, {"sort", "-date"}}));
    EXPECT_TRUE(SearchState::from({}).to_params().empty());
}

TEST(SearchState, BoundsAreEnforcedWith400) {
    EXPECT_EQ(status_of({{"q", std::string(kMaxQueryBytes, 'a')}}), 200);
    EXPECT_EQ(status_of({{"q", std::string(kMaxQueryBytes + 1, 'a')}}), 400);
    EXPECT_EQ(status_of({{"limit", "100"}}), 200);
    EXPECT_EQ(status_of({{"limit", "101"}}), 400);
    EXPECT_EQ(status_of({{"limit", "0"}}), 400);
    EXPECT_EQ(status_of({{"offset", "10000"}}), 200);
    EXPECT_EQ(status_of({{"offset", "10001"}}), 400);
    EXPECT_EQ(status_of({{"offset", "-5"}}), 400);
    EXPECT_EQ(status_of({{"offset", "99999999999999999999"}}), 400);
    EXPECT_EQ(status_of({{"offset", "1e3"}}), 400);
    EXPECT_EQ(status_of({{"sort", "random"}}), 400);
    EXPECT_EQ(status_of({{"person", std::string(201, 'x')}}), 400);
    Params many;
    for (int i = 0; i <= static_cast<int>(kMaxFilters); ++i)
        many.emplace_back("year", std::to_string(2000 + i));
    EXPECT_EQ(status_of(many), 400);
}

TEST(SearchState, ToggleAddsThenDropsAndResetsPaging) {
    const SearchState s = SearchState::from({{"q", "x"}, {"offset", "20"}});
    const SearchState on = s.toggled("year", "2021");
    EXPECT_TRUE(on.has_filter("year", "2021"));
    EXPECT_EQ(on.offset, 0u);
    const SearchState off = on.toggled("year", "2021");
    EXPECT_FALSE(off.has_filter("year", "2021"));
    EXPECT_EQ(off.to_params(), (Params{{"q", "x"}}));
    // A filter given twice counts once.
    EXPECT_EQ(SearchState::from({{"year", "2021"}, {"year", "2021"}}).filters.size(), 1u);
}

TEST(SearchState, FiltersBecomeQueryFiltersOrFieldClauses) {
    const SearchState s = SearchState::from({{"q", "budget OR regnskab"},
                                             {"committee", "DAS Social"},
                                             {"year", "2021"},
                                             {"outcome", "approved"},
                                             {"kind", "minutes"},
                                             {"person", "mogens (b) \"hansen\""},
                                             {"municipality", "Aabenraa Kommune"}});
    const auto r = s.request();
    EXPECT_EQ(r.filters.committees, (std::vector<std::string>{"DAS Social"}));
    EXPECT_EQ(r.filters.years, (std::vector<std::string>{"2021"}));
    EXPECT_EQ(r.filters.outcomes, (std::vector<std::string>{"approved"}));
    EXPECT_EQ(r.text,
              "(budget OR regnskab) art:\"minutes\" person:(mogens  b   hansen ) "
              "kommune:\"Aabenraa Kommune\"");
    EXPECT_EQ(SearchState::from({{"kind", "agenda"}}).request().text, "art:\"agenda\"");
    EXPECT_EQ(SearchState::from({{"q", "x"}}).request().text, "x");
}

}  // namespace
