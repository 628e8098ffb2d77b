// Places, amounts, votes and attendance: table-driven on Danish sentences.

#include <gtest/gtest.h>

#include <referat/ingest/people.hpp>

namespace {

using namespace referat::ingest;

struct PlaceCase {
    const char* text;
    std::vector<std::string> expected;
};

class Municipalities : public ::testing::TestWithParam<PlaceCase> {};

TEST_P(Municipalities, CanonicalNames) {
    EXPECT_EQ(find_municipalities(GetParam().text), GetParam().expected) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Variants, Municipalities,
    ::testing::Values(PlaceCase{"Nina Dam, Faaborg-Midtfyn Kommune", {"Faaborg-Midtfyn Kommune"}},
                      PlaceCase{"Jørgen Kyed, Faaborg Midtfyn Kommune",
                                {"Faaborg-Midtfyn Kommune"}},
                      PlaceCase{"Borgere fra Åbenrå og Aabenraa Kommune", {"Aabenraa Kommune"}},
                      PlaceCase{"Ulla Andersen, Nordfyns Kommune", {"Nordfyns Kommune"}},
                      PlaceCase{"Karen Heebøll, Frederica Kommune", {"Fredericia Kommune"}},
                      PlaceCase{"Esbjerg Kommunes nye masterplan", {"Esbjerg Kommune"}},
                      PlaceCase{"Borgerne kommer fra Varde, Esbjerg og Ringkøbing-Skjern kommuner.",
                                {"Varde Kommune", "Esbjerg Kommune", "Ringkøbing-Skjern Kommune"}},
                      PlaceCase{"Region Syddanmark og Region Nordjyllands psykiatri",
                                {"Region Syddanmark", "Region Nordjylland"}},
                      PlaceCase{"Bornholms Regionskommune", {"Bornholms Regionskommune"}},
                      PlaceCase{"Vejen til målet er lang.", {}},
                      PlaceCase{"Der er ingen steder nævnt her.", {}}));

struct AmountCase {
    const char* text;
    double kroner;
};

class Amounts : public ::testing::TestWithParam<AmountCase> {};

TEST_P(Amounts, InKroner) {
    const auto v = parse_amount(GetParam().text);
    ASSERT_TRUE(v.has_value()) << GetParam().text;
    EXPECT_DOUBLE_EQ(*v, GetParam().kroner) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Danish, Amounts,
    ::testing::Values(AmountCase{"813.000 kr.", 813000.0}, AmountCase{"251,6 mio. kr.", 251.6e6},
                      AmountCase{"1,2 mia. kr.", 1.2e9}, AmountCase{"0,91 kr. pr. indbygger", 0.91},
                      AmountCase{"25.000 kroner", 25000.0}, AmountCase{"3 mio. kr", 3e6}));

TEST(Amounts, LargestAmountInText) {
    EXPECT_EQ(
        max_amount("Besparelse på 60.000 kr. (1,36%), heraf 33.985 kr. og 1,2 mio. kr. i alt"),
        1.2e6);
    EXPECT_EQ(max_amount("1,36% og 2.498.901 uden valuta, 2023"), std::nullopt);
}

struct VoteCase {
    const char* text;
    std::vector<Vote> expected;
};

// "for: V I" per vote, for readable comparisons.
std::vector<std::string> describe(const std::vector<Vote>& votes) {
    std::vector<std::string> out;
    for (const Vote& v : votes) {
        std::string s = v.side + ":";
        for (const auto& p : v.parties_or_names) s += " " + p;
        out.push_back(s);
    }
    return out;
}

class Votes : public ::testing::TestWithParam<VoteCase> {};

TEST_P(Votes, SidesAndParties) {
    EXPECT_EQ(describe(find_votes(GetParam().text)), describe(GetParam().expected))
        << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Danish, Votes,
    ::testing::Values(
        VoteCase{"For stemte: V og I", {Vote{"for", {"V", "I"}}}},
        VoteCase{"Indstillingen blev godkendt. (Ø) stemte imod.", {Vote{"against", {"Ø"}}}},
        VoteCase{"For stemte A, F og Ø. Imod stemte V og C.",
                 {Vote{"for", {"A", "F", "Ø"}}, Vote{"against", {"V", "C"}}}},
        VoteCase{"Godkendt, idet (O) undlod at stemme.", {Vote{"abstain", {"O"}}}},
        VoteCase{"Jens Hansen (A) stemte imod.", {Vote{"against", {"Jens Hansen", "A"}}}},
        VoteCase{"Gert Bjerregaard og Metin Lindved Aydin kunne tiltræde indstillingen.",
                 {Vote{"for", {"Gert Bjerregaard", "Metin Lindved Aydin"}}}},
        VoteCase{"Solveig Munk kunne ikke tiltræde indstillingen.",
                 {Vote{"against", {"Solveig Munk"}}}},
        VoteCase{"Radikale Venstre og Enhedslisten stemte imod.",
                 {Vote{"against", {"Radikale Venstre", "Enhedslisten"}}}},
        VoteCase{"Forslaget blev godkendt med 5 stemmer for (A, F) og 2 imod (V), 1 undlod (Ø).",
                 {Vote{"for", {"A", "F"}}, Vote{"against", {"V"}}, Vote{"abstain", {"Ø"}}}},
        VoteCase{"Indstillingen blev godkendt.", {}}));

struct AttendanceCase {
    const char* text;
    std::string person;
    std::string kind;
};

class Attendance : public ::testing::TestWithParam<AttendanceCase> {};

TEST_P(Attendance, PersonAndKind) {
    const auto events = find_attendance(GetParam().text);
    if (GetParam().kind.empty()) {
        EXPECT_TRUE(events.empty()) << GetParam().text;
        return;
    }
    ASSERT_EQ(events.size(), 1u) << GetParam().text;
    EXPECT_EQ(events[0].person, GetParam().person);
    EXPECT_EQ(events[0].kind, GetParam().kind);
    EXPECT_FALSE(events[0].text.empty());
}

INSTANTIATE_TEST_SUITE_P(
    Danish, Attendance,
    ::testing::Values(
        AttendanceCase{"Lise Willer deltog ikke i behandlingen af punkt 4.", "Lise Willer",
                       "absent"},
        AttendanceCase{"Peter Pietras erklærede sig inhabil og forlod mødet under punktet.",
                       "Peter Pietras", "conflict"},
        AttendanceCase{"Karen Heebøll forlod mødet kl. 15.30.", "Karen Heebøll", "left"},
        AttendanceCase{"Jens Hansen (A) deltog som stedfortræder for Ole Olsen (A).", "Jens Hansen",
                       "substitute"},
        AttendanceCase{
            "Stedfortræder for social- og psykiatricheen Tove Tørnæs, Middelfart Kommune", "", ""},
        AttendanceCase{
            "Liv Gro Jensen var forhindret i at deltage i udvalgets behandling af sagen.",
            "Liv Gro Jensen", "absent"},
        AttendanceCase{"Formanden bød velkommen.", "", ""}));

// "Følgende deltog ikke i behandlingen af punktet:" and the names on the lines after it.
struct LabelCase {
    const char* name;
    const char* text;
    std::vector<std::string> absent;
};

class AbsenceLabel : public ::testing::TestWithParam<LabelCase> {};

TEST_P(AbsenceLabel, NamesOnTheLinesAfterIt) {
    std::vector<std::string> absent;
    for (const auto& e : find_attendance(GetParam().text))
        if (e.kind == "absent") absent.push_back(e.person);
    EXPECT_EQ(absent, GetParam().absent);
}

INSTANTIATE_TEST_SUITE_P(
    Danish, AbsenceLabel,
    ::testing::Values(
        LabelCase{"two_names",
                  "Indstillingen godkendt\nFølgende deltog ikke i behandlingen af punktet:\n"
                  "Jens Hansen (A)\nOle Olsen (V)\n",
                  {"Jens Hansen", "Ole Olsen"}},
        LabelCase{"nothing_after", "Taget til efterretning\nFølgende deltog ikke i behandlingen af "
                                   "punktet:\n",
                  {}},
        // A sentence after the label is not a list of names.
        LabelCase{"sentence_after",
                  "Følgende deltog ikke i behandlingen af punktet:\nBorgmester Jens Hansen "
                  "orienterede om sagen.\n",
                  {}}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(Attendance, RepeatedSentenceIsOneEvent) {
    const auto events = find_attendance(
        "Thure Hastrup deltog ikke i sagens behandling.\nDato: 10-09-2025\nThure Hastrup deltog "
        "ikke i sagens behandling.");
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].person, "Thure Hastrup");
}

}  // namespace
