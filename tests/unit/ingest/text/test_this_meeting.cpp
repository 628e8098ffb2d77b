// The meeting's own facts: decisions, outcome and attendance of this meeting, not of the earlier
// treatments printed with a case; and whether the document is minutes or an agenda.

#include <string>

#include <gtest/gtest.h>

#include <referat/ingest/parse.hpp>

namespace {

using referat::ingest::Meeting;
using referat::ingest::Outcome;

Meeting parse(const std::string& text) {
    auto doc = referat::ingest::parse_text(text, "test.txt");
    EXPECT_EQ(doc.meetings.size(), 1u);
    return doc.meetings.empty() ? Meeting{} : doc.meetings.front();
}

const std::string kHistory =
    "Punkt 1: Lokalplan 1221\n"
    "\n"
    "Beslutninger\n"
    "Fremsendes til Teknisk Udvalg til behandling.\n"
    "\n"
    "Sagsforløb\n"
    "Udvalg: Magistraten\n"
    "Dato: 19-08-2025\n"
    "Punktnummer: 7\n"
    "Fremsendes til Aarhus Byråd med bemærkning, at Magistraten anbefaler indstillingen.\n"
    "Jesper Kjeldsen deltog ikke i sagens behandling.\n";

TEST(ThisMeeting, AbsenceUnderAnEarlierTreatmentIsNotThisMeetings) {
    const Meeting m = parse("Referat\nAarhus Byråd\nMødedato: 27-08-2025\n\n" + kHistory);
    ASSERT_EQ(m.items.size(), 1u);
    EXPECT_EQ(m.kind, "minutes");
    EXPECT_TRUE(m.items[0].attendance.empty());
    EXPECT_EQ(m.items[0].decision.value_or("-"), "Fremsendes til Teknisk Udvalg til behandling.");
    ASSERT_GE(m.items[0].decisions.size(), 1u);
    EXPECT_EQ(m.items[0].decisions[0].body.value_or("-"), "Magistraten");
    EXPECT_EQ(m.items[0].decisions[0].date.value_or("-"), "2025-08-19");
}

TEST(ThisMeeting, TreatmentBlockWithoutHeadingIsAnEarlierTreatment) {
    std::string text = kHistory;
    text.erase(text.find("Sagsforløb\n"), std::string("Sagsforløb\n").size());
    const Meeting m = parse("Referat\nAarhus Byråd\nMødedato: 27-08-2025\n\n" + text);
    ASSERT_EQ(m.items.size(), 1u);
    EXPECT_TRUE(m.items[0].attendance.empty());
    EXPECT_EQ(m.items[0].decision.value_or("-"), "Fremsendes til Teknisk Udvalg til behandling.");
    ASSERT_GE(m.items[0].decisions.size(), 1u);
    EXPECT_EQ(m.items[0].decisions[0].date.value_or("-"), "2025-08-19");
}

TEST(ThisMeeting, AbsenceInThisMeetingsDecisionIsFound) {
    const Meeting m = parse(
        "Referat\nTeknisk Udvalg\nMødedato: 01-10-2025\n\nPunkt 1: Udviklingsplan\n\nBeslutninger\n"
        "Et flertal kunne tiltræde indstillingen.\nLiv Gro Jensen var forhindret i at deltage i "
        "udvalgets behandling af sagen.\n");
    ASSERT_EQ(m.items.size(), 1u);
    ASSERT_EQ(m.items[0].attendance.size(), 1u);
    EXPECT_EQ(m.items[0].attendance[0].person, "Liv Gro Jensen");
    EXPECT_EQ(m.items[0].attendance[0].kind, "absent");
}

TEST(ThisMeeting, DecisionsDatedAnotherDayStayWithTheirDates) {
    const Meeting m = parse(
        "Referat\nUdvalget for plan\nMødedato: 20-06-2013\n\n715. Kulturkommune 2017\n\n"
        "Beslutning i Udvalget for plan den 24-04-2013\nPunktet genoptages.\n"
        "Jens Hansen (A) deltog ikke i behandlingen.\n\n"
        "Beslutning i Udvalget for plan den 20-06-2013\nPunktet blev drøftet.\n\n"
        "Sagen genoptages på det kommende møde.\n");
    ASSERT_EQ(m.items.size(), 1u);
    const auto& item = m.items[0];
    EXPECT_EQ(item.decision.value_or("-"),
              "Punktet blev drøftet. Sagen genoptages på det kommende møde.");
    EXPECT_EQ(item.outcome, Outcome::kDiscussed);
    ASSERT_EQ(item.decisions.size(), 2u);
    EXPECT_EQ(item.decisions[0].date.value_or("-"), "2013-04-24");
    EXPECT_EQ(item.decisions[0].text,
              "Punktet genoptages. Jens Hansen (A) deltog ikke i behandlingen.");
    EXPECT_TRUE(item.attendance.empty());
}

TEST(ThisMeeting, TrailingLabelIsNoDecisionText) {
    const Meeting m = parse(
        "Referat\nSundhedsudvalget\nMødedato: 04-12-2012\n\n1. Meddelelser\n\n"
        "Sundhedsudvalgets beslutning den 04.12.2012 Punkt 1\nTaget til efterretning\n\n"
        "Følgende deltog ikke i behandlingen af punktet:\n");
    ASSERT_EQ(m.items.size(), 1u);
    EXPECT_EQ(m.items[0].decision.value_or("-"), "Taget til efterretning");
    EXPECT_EQ(m.items[0].outcome, Outcome::kNoted);
    EXPECT_TRUE(m.items[0].attendance.empty());
}

TEST(ThisMeeting, FirstAgendaLeadBeforeResumeIsNoDecisionText) {
    const Meeting m = parse(
        "REFERAT Aarhus Byråd d. 27-08-2025\n\nMødedato Onsdag d. 27. august 2025 kl. 16:00\n\n"
        "Punkt 1: Lokalplan 1221\nEMN-2025-008468\nBeslutninger\n"
        "Fremsendes til Teknisk Udvalg til behandling.\nEndelig vedtagelse af lokalplan 1221.\n"
        "Resume\nFormålet er at fjerne et krav.\n");
    EXPECT_EQ(m.layout, "firstagenda");
    ASSERT_EQ(m.items.size(), 1u);
    EXPECT_EQ(m.items[0].decision.value_or("-"), "Fremsendes til Teknisk Udvalg til behandling.");
    ASSERT_FALSE(m.items[0].sections.empty());
    EXPECT_EQ(m.items[0].sections.back().kind, "resume");
    EXPECT_EQ(m.items[0].sections.back().text,
              "Endelig vedtagelse af lokalplan 1221.\nFormålet er at fjerne et krav.");
}

struct KindCase {
    const char* name;
    std::string header;
    std::string kind;
};

class DocumentKind : public ::testing::TestWithParam<KindCase> {};

TEST_P(DocumentKind, IsReadFromTheDocumentsWords) {
    const Meeting m = parse(GetParam().header + "\n\n1. Budget\n\nBeslutning\nGodkendt.\n");
    EXPECT_EQ(m.kind, GetParam().kind);
    if (m.kind == "agenda") {
        // An agenda records no decision of its own meeting.
        EXPECT_EQ(m.items.at(0).outcome, Outcome::kNone);
        EXPECT_FALSE(m.items.at(0).decision.has_value());
    }
}

INSTANTIATE_TEST_SUITE_P(
    Nordic, DocumentKind,
    ::testing::Values(KindCase{"danish_agenda", "Dagsorden 8. oktober 2025 kl. 16.00", "agenda"},
                      KindCase{"danish_minutes", "Referat\nØkonomiudvalget", "minutes"},
                      KindCase{"protokol", "Beslutningsprotokol\nByrådet", "minutes"},
                      KindCase{"norwegian_agenda", "Møteinnkalling\nFormannskapet", "agenda"},
                      KindCase{"norwegian_minutes", "Møteprotokoll\nFormannskapet", "minutes"},
                      KindCase{"swedish_agenda", "Kallelse\nKommunstyrelsen", "agenda"},
                      KindCase{"swedish_minutes", "Protokoll\nKommunstyrelsen", "minutes"},
                      // A bare "Dagsorden" heads a table of contents in minutes too.
                      KindCase{"toc_word_with_decisions", "Økonomiudvalget\nDagsorden", "minutes"},
                      KindCase{"no_words", "Økonomiudvalget", "minutes"}),
    [](const auto& info) { return std::string(info.param.name); });


// ---- Decisions that depart from the recommendation ----

struct DepartureCase {
    const char* name;
    const char* decision;
    bool departs;
};

class Departure : public ::testing::TestWithParam<DepartureCase> {};

TEST_P(Departure, IsFlaggedOnlyWhenTheDecisionAsAWholeDeparts) {
    const auto& c = GetParam();
    const Meeting m = parse(std::string("Referat\nTeknisk Udvalg\nMødedato: 01-10-2025\n\n") +
                            "1. Lokalplan 12\n\nIndstilling\nForvaltningen indstiller, at "
                            "lokalplanen vedtages.\n\nBeslutning\n" +
                            c.decision + "\n");
    ASSERT_EQ(m.items.size(), 1u);
    EXPECT_EQ(m.items[0].diverges, c.departs) << c.decision;
}

INSTANTIATE_TEST_SUITE_P(
    Decisions, Departure,
    ::testing::Values(
        DepartureCase{"approved", "Godkendt.", false},
        DepartureCase{"one_dissent",
                      "Et flertal kunne tiltræde indstillingen. Solveig Munk kunne ikke tiltræde "
                      "indstillingen.",
                      false},
        DepartureCase{"postponed", "Udvalget besluttede at udsætte sagen.", true},
        DepartureCase{"rejected", "Indstillingen blev ikke godkendt.", true},
        DepartureCase{"changed", "Godkendt med følgende ændring: byggehøjden sænkes til 12 m.",
                      true},
        DepartureCase{"amendment", "Ændringsforslaget fra V blev vedtaget.", true}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(ThisMeeting, NoRecommendationNoDeparture) {
    const Meeting m = parse("Referat\nTeknisk Udvalg\nMødedato: 01-10-2025\n\n1. Orientering\n\n"
                            "Beslutning\nSagen blev udsat.\n");
    ASSERT_EQ(m.items.size(), 1u);
    EXPECT_FALSE(m.items[0].diverges);
}

}  // namespace
