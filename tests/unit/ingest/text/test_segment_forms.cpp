// Table-driven segmenter tests: Danish dates, item header forms, headings, false item headers.

#include <optional>
#include <string>

#include <gtest/gtest.h>

#include <referat/ingest/normalise.hpp>
#include <referat/ingest/segment.hpp>

namespace {

using referat::ingest::Meeting;

Meeting one_meeting(const std::string& text) {
    auto meetings = referat::ingest::segment(referat::ingest::normalise_text(text));
    EXPECT_EQ(meetings.size(), 1u);
    return meetings.empty() ? Meeting{} : meetings.front();
}

// ---- Dates and header fields ----

struct DateCase {
    const char* name;
    std::string header;
    std::string date;
    std::optional<std::string> start;
    std::optional<std::string> end;
};

class HeaderDate : public ::testing::TestWithParam<DateCase> {};

TEST_P(HeaderDate, IsRead) {
    const DateCase& c = GetParam();
    Meeting m =
        one_meeting(c.header + "\n\n1. Godkendelse af dagsorden\n\nBeslutning\nGodkendt.\n");
    EXPECT_EQ(m.date.value_or("-"), c.date);
    EXPECT_EQ(m.start, c.start);
    EXPECT_EQ(m.end, c.end);
}

INSTANTIATE_TEST_SUITE_P(
    Danish, HeaderDate,
    ::testing::Values(
        DateCase{"iso", "Referat\n\nMødedato: 2019-10-09 09:00", "2019-10-09", "2019-10-09T09:00",
                 std::nullopt},
        DateCase{"seconds", "Referat\n\nMødedato: 04-06-2020 09:00:00", "2020-06-04",
                 "2020-06-04T09:00", std::nullopt},
        DateCase{"english_month", "Byrådet\n\nOnsdag, April 3, 2019 - 18:00", "2019-04-03",
                 "2019-04-03T18:00", std::nullopt},
        DateCase{"day_month_comma_year", "Byrådet\n\nMandag, 11 januar, 2021 - 19:00", "2021-01-11",
                 "2021-01-11T19:00", std::nullopt},
        DateCase{"den_kl", "Referat\n\ntirsdag den 4. december 2012, kl. 13:00", "2012-12-04",
                 "2012-12-04T13:00", std::nullopt},
        DateCase{"glued_month", "Referat fra mødet i Socialdirektørforum den 16.august 2011",
                 "2011-08-16", std::nullopt, std::nullopt},
        DateCase{"den_dotted_kl", "Referat\n\nDen 12.03.2019 kl. 15:30 i Mødelokale 1",
                 "2019-03-12", "2019-03-12T15:30", std::nullopt},
        DateCase{"time_range", "Referat\n\nDato: 14.05.2018\nTidspunkt: 16:00 - 18:00",
                 "2018-05-14", "2018-05-14T16:00", "2018-05-14T18:00"},
        DateCase{"dash_title", "Økonomiudvalget - Referat fra mødet den 04-06-2020", "2020-06-04",
                 std::nullopt, std::nullopt},
        DateCase{"range_line",
                 "DAS Social (DAS Social 28-01-2022 11:00:00)\n\n28-01-2022 11:00 - 12:20\n\nTeams",
                 "2022-01-28", "2022-01-28T11:00", "2022-01-28T12:20"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(HeaderFields, CommitteeAndPlaceFromFreeForms) {
    Meeting a =
        one_meeting("Økonomiudvalget - Referat fra mødet den 04-06-2020\n\n1. Sag\n\nTekst.\n");
    EXPECT_EQ(a.committee, "Økonomiudvalget");
    Meeting b =
        one_meeting("Referat\n\nDen 12.03.2019 kl. 15:30 i Mødelokale 1\n\n1. Sag\n\nTekst.\n");
    EXPECT_EQ(b.location.value_or("-"), "Mødelokale 1");
    Meeting c =
        one_meeting("Referat\n\nUdvalg: Teknik og Miljø\nMødested: Rådhuset\n\n1. Sag\n\nTekst.\n");
    EXPECT_EQ(c.committee, "Teknik og Miljø");
    EXPECT_EQ(c.location.value_or("-"), "Rådhuset");
}

// ---- Item header forms ----

struct ItemCase {
    const char* name;
    std::string header;
    int number;
    std::string title;
    bool closed;
    std::optional<std::string> case_number;
};

class ItemHeaderForm : public ::testing::TestWithParam<ItemCase> {};

TEST_P(ItemHeaderForm, GivesNumberTitleAndMarks) {
    const ItemCase& c = GetParam();
    Meeting m =
        one_meeting("Referat\n\nDato: 01.02.2020\n\n" + c.header + "\n\nBeslutning\nGodkendt.\n");
    ASSERT_EQ(m.items.size(), 1u);
    EXPECT_EQ(m.items[0].number, c.number);
    EXPECT_EQ(m.items[0].title, c.title);
    EXPECT_EQ(m.items[0].closed, c.closed);
    EXPECT_EQ(m.items[0].case_number, c.case_number);
    EXPECT_EQ(m.items[0].decision.value_or("-"), "Godkendt.");
}

INSTANTIATE_TEST_SUITE_P(
    Danish, ItemHeaderForm,
    ::testing::Values(
        ItemCase{"dot", "1. Godkendelse af dagsorden", 1, "Godkendelse af dagsorden", false,
                 std::nullopt},
        ItemCase{"dot_spaces", "1.   Godkendelse af dagsorden", 1, "Godkendelse af dagsorden",
                 false, std::nullopt},
        ItemCase{"punkt_colon", "Punkt 1: Godkendelse af dagsorden", 1, "Godkendelse af dagsorden",
                 false, std::nullopt},
        ItemCase{"punkt_alone", "Punkt 1.\n\nGodkendelse af dagsorden", 1,
                 "Godkendelse af dagsorden", false, std::nullopt},
        ItemCase{"pkt", "Pkt. 42 Godkendelse af dagsorden", 42, "Godkendelse af dagsorden", false,
                 std::nullopt},
        ItemCase{"sag_nr", "Sag nr. 24\n\nGodkendelse af dagsorden", 24, "Godkendelse af dagsorden",
                 false, std::nullopt},
        ItemCase{"nr_dash", "Nr.60 - Godkendelse af dagsorden", 60, "Godkendelse af dagsorden",
                 false, std::nullopt},
        ItemCase{"year_continued", "172. Godkendelse af dagsorden", 172, "Godkendelse af dagsorden",
                 false, std::nullopt},
        ItemCase{"glued", "38Godkendelse af dagsorden", 38, "Godkendelse af dagsorden", false,
                 std::nullopt},
        ItemCase{"open_mark", "1. Godkendelse af dagsorden (Åben)", 1, "Godkendelse af dagsorden",
                 false, std::nullopt},
        ItemCase{"closed_mark", "3. Personalesag (Lukket punkt)", 3, "Personalesag", true,
                 std::nullopt},
        ItemCase{"closed_prefix", "Punkt 5: Lukket: Køb af ejendom", 5, "Køb af ejendom", true,
                 std::nullopt},
        ItemCase{"sagsnr", "1. Budget 2024 Sagsnr.: 330-2018-3619", 1, "Budget 2024", false,
                 "330-2018-3619"},
        ItemCase{"emn", "Punkt 2: Budget 2024 EMN-2023-009832", 2, "Budget 2024", false,
                 "EMN-2023-009832"},
        ItemCase{"sag_code", "4. Lokalplan Sag 306-2009-600", 4, "Lokalplan", false,
                 "306-2009-600"},
        ItemCase{"wrapped_paren",
                 "11. Budget 2012 (flyttet fra det udvidede møde i\n\nForretningsudvalget)", 11,
                 "Budget 2012 (flyttet fra det udvidede møde i Forretningsudvalget)", false,
                 std::nullopt}),
    [](const auto& info) { return std::string(info.param.name); });

// ---- Headings ----

struct HeadingCase {
    const char* name;
    std::string line;
    std::string heading;
    std::string kind;
};

class SectionHeading : public ::testing::TestWithParam<HeadingCase> {};

TEST_P(SectionHeading, IsASectionOfItsKind) {
    const HeadingCase& c = GetParam();
    Meeting m =
        one_meeting("Referat\n\n1. Sag om noget\n\n" + c.line + "\nTeksten under overskriften.\n");
    ASSERT_EQ(m.items.size(), 1u);
    ASSERT_EQ(m.items[0].sections.size(), 1u) << c.line;
    EXPECT_EQ(m.items[0].sections[0].heading, c.heading);
    EXPECT_EQ(m.items[0].sections[0].kind, c.kind);
}

INSTANTIATE_TEST_SUITE_P(
    Danish, SectionHeading,
    ::testing::Values(
        HeadingCase{"beslutning_colon", "Beslutning:", "Beslutning:", "beslutning"},
        HeadingCase{"beslutninger", "Beslutninger", "Beslutninger", "beslutning"},
        HeadingCase{"competence_phrase", "Beslutningen træffes af", "Beslutningen træffes af",
                    "kompetence"},
        HeadingCase{"resume_capitals", "RESUMÉ", "RESUMÉ", "resume"},
        HeadingCase{"resume", "Resume", "Resume", "resume"},
        HeadingCase{"sagsfremstilling", "Sagsfremstilling", "Sagsfremstilling", "sagsfremstilling"},
        HeadingCase{"supplerende", "Supplerende sagsfremstilling", "Supplerende sagsfremstilling",
                    "sagsfremstilling"},
        HeadingCase{"beslutningstema", "Beslutningstema", "Beslutningstema", "resume"},
        HeadingCase{"sagens_kerne", "Sagens kerne", "Sagens kerne", "resume"},
        HeadingCase{"retligt", "Retligt grundlag", "Retligt grundlag", "lovgrundlag"},
        HeadingCase{"oekonomi_capitals", "ØKONOMI", "ØKONOMI", "økonomi"},
        HeadingCase{"kompetence", "Beslutningskompetence", "Beslutningskompetence", "kompetence"},
        HeadingCase{"hoering", "Høring", "Høring", "høring"},
        HeadingCase{"indstilling_nbsp", "Indstilling\xC2\xA0", "Indstilling", "indstilling"},
        HeadingCase{"orientering", "Orientering", "Orientering", "orientering"},
        HeadingCase{"beslutning_i", "Beslutning i Økonomiudvalget den 04-06-2020",
                    "Beslutning i Økonomiudvalget den 04-06-2020", "beslutning"},
        HeadingCase{
            "genitive", "Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt 1",
            "Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt 1", "beslutning"},
        HeadingCase{"behandling_i", "Behandling i Økonomiudvalget den 04-06-2020, pkt. 1",
                    "Behandling i Økonomiudvalget den 04-06-2020, pkt. 1", "beslutning"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(DecisionHeading, KeepsBodyAndDateOfEachDecision) {
    Meeting m = one_meeting(
        "Referat\n\n1. Budget\n\nBeslutning i Økonomiudvalget den 04-06-2020\nAnbefales.\n\n"
        "Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt 1\nGodkendt.\n\n"
        "Beslutning: Taget til efterretning\n");
    ASSERT_EQ(m.items.size(), 1u);
    const auto& d = m.items[0].decisions;
    ASSERT_EQ(d.size(), 3u);
    EXPECT_EQ(d[0].body.value_or("-"), "Økonomiudvalget");
    EXPECT_EQ(d[0].date.value_or("-"), "2020-06-04");
    EXPECT_EQ(d[0].text, "Anbefales.");
    EXPECT_EQ(d[1].body.value_or("-"), "Sundheds- og Forebyggelsesudvalget");
    EXPECT_EQ(d[1].date.value_or("-"), "2012-12-04");
    EXPECT_EQ(d[2].text, "Taget til efterretning");
    EXPECT_EQ(m.items[0].decision.value_or("-"), "Anbefales. Godkendt. Taget til efterretning");
    EXPECT_EQ(m.items[0].sections[2].heading, "Beslutning:");
}

// ---- Lines that look like item headers but are not ----

struct FalseCase {
    const char* name;
    std::string body_line;
};

class FalseItemHeader : public ::testing::TestWithParam<FalseCase> {};

TEST_P(FalseItemHeader, IsBodyText) {
    Meeting m = one_meeting("Referat\n\n1. Første sag\n\nSagsfremstilling\nTekst.\n" +
                            GetParam().body_line +
                            "\nMere tekst.\n\n2. Anden sag\n\nBeslutning\nGodkendt.\n");
    ASSERT_EQ(m.items.size(), 2u) << GetParam().body_line;
    EXPECT_EQ(m.items[0].title, "Første sag");
    EXPECT_EQ(m.items[1].title, "Anden sag");
    EXPECT_EQ(m.items[1].number, 2);
}

INSTANTIATE_TEST_SUITE_P(
    Danish, FalseItemHeader,
    ::testing::Values(FalseCase{"indented_list", "  1. lukning af tilbuddet i Kolding"},
                      FalseCase{"indented_list_upper",
                                "  2. Assens Kommune, der udvider antallet af pladser"},
                      FalseCase{"table_numbers", "8.020 8.020 9.461 Taksten for 2025"},
                      FalseCase{"date_row", "28. Januar 9.30-12.30 Temamøde"},
                      FalseCase{"lower_month_row", "1. marts 2021\tDAS\tDAS drøfter"},
                      FalseCase{"bare_year", "2015"}, FalseCase{"bare_number", "3"},
                      FalseCase{"half_year", "2. halvår 2023 blev belægningen lav."},
                      FalseCase{"jump_ahead", "9. Dette er et punkt i en anden liste"},
                      FalseCase{"toc_entry", "Punkt 2: Anden sag.....\t2"},
                      FalseCase{"page_footer", "Side 2 af 17"}),
    [](const auto& info) { return std::string(info.param.name); });

}  // namespace

namespace {

// ---- Attendance lists ----

struct AttendanceCase {
    const char* name;
    std::string header;
    std::vector<std::string> present;  ///< "name|organisation|role|party", empty parts for none
    std::vector<std::string> absent;   ///< "name|organisation"
};

std::string describe(const referat::ingest::Person& p, bool full) {
    std::string s = p.name + "|" + p.organisation.value_or("");
    if (full) s += "|" + p.role.value_or("") + "|" + p.party.value_or("");
    return s;
}

class AttendanceList : public ::testing::TestWithParam<AttendanceCase> {};

TEST_P(AttendanceList, SplitsPresentAndAbsent) {
    const AttendanceCase& c = GetParam();
    Meeting m =
        one_meeting("Referat\n\nDato: 01.02.2020\n\n" + c.header + "\n\n1. Sag\n\nTekst.\n");
    std::vector<std::string> present, absent;
    for (const auto& p : m.participants) present.push_back(describe(p, true));
    for (const auto& p : m.absent) absent.push_back(describe(p, false));
    EXPECT_EQ(present, c.present);
    EXPECT_EQ(absent, c.absent);
}

INSTANTIATE_TEST_SUITE_P(
    Danish, AttendanceList,
    ::testing::Values(
        AttendanceCase{
            "name_organisation_pairs",
            "Deltagere: Jim H. Staffensen, Assens Kommune, Filip Dalengaard, KKR, "
            "Lene K. Kamp, Socialekretariatet (referent).\nAfbud: Jørgen Friis, Ærø Kommune",
            {"Jim H. Staffensen|Assens Kommune||", "Filip Dalengaard|KKR||",
             "Lene K. Kamp|Socialekretariatet|referent|"},
            {"Jørgen Friis|Ærø Kommune"}},
        AttendanceCase{
            "absent_marks_and_externals",
            "Mødedeltagere : Søren Aalund, Vibeke Stoustrup (*Fraværende*), Lotte Keller, "
            "Eksterne deltagere: csni@rebuild.dk, Anette Bilde Toft",
            {"Søren Aalund|||", "Lotte Keller|||", "csni@rebuild.dk||ekstern deltager|",
             "Anette Bilde Toft||ekstern deltager|"},
            {"Vibeke Stoustrup|"}},
        AttendanceCase{
            "party_and_role_block",
            "Tilstede\nLolan Ottesen (A) - formand\nBirte Kramhøft (F)\nPer Hansen (V) - afbud\n\n"
            "Fraværende med afbud\nKarl Nielsen (V)\n\nSekretær\nMie Helene Andresen",
            {"Lolan Ottesen||formand|A", "Birte Kramhøft|||F", "Mie Helene Andresen||sekretær|"},
            {"Per Hansen|", "Karl Nielsen|"}},
        AttendanceCase{
            "tab_columns",
            "Medlemmer\nJesper Mathiesen (A)\tOle Bjerregaard (V)\nNiels Viderø (A)\n\nFraværende\n"
            "Indholdsfortegnelse",
            {"Jesper Mathiesen|||A", "Ole Bjerregaard|||V", "Niels Viderø|||A"},
            {}},
        AttendanceCase{"block_stops_at_table", "Mødedeltagere:\nPunkt\tTitel", {}, {}},
        AttendanceCase{"comma_role_and_numbered_role",
                       "Tilstede:\nJens Hansen (A), formand\nOle Berg - 1. næstformand\n"
                       "Karen Lund (V)\n\nForfald: Bo Holm (C)",
                       {"Jens Hansen||formand|A", "Ole Berg||1. næstformand|", "Karen Lund|||V"},
                       {"Bo Holm|"}},
        AttendanceCase{"prose_absence_and_substitute",
                       "Alle var mødt, undtagen Lars Winther og Pia Dam, som havde meldt afbud.\n"
                       "Søren Krogh (A) mødte som stedfortræder for Lars Winther.",
                       {"Søren Krogh||stedfortræder|A"},
                       {"Lars Winther|", "Pia Dam|"}}),
    [](const auto& info) { return std::string(info.param.name); });

}  // namespace
