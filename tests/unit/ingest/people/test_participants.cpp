// Participant lists: organisation, role and party as written, and completion by extract_people.

#include <gtest/gtest.h>

#include <referat/ingest/people.hpp>

#include "sample_items.hpp"

namespace {

using referat::ingest::parse_person_list;

TEST(ParticipantList, PartyLettersAndRoles) {
    const auto list = parse_person_list(
        "Deltagere: Jens Hansen (A) (formand), Mette Olsen, V, Karen Heebøll, Frederica Kommune, "
        "Ole Sørensen (Ø), Lene K. Kamp, Socialekretariatet (referent).");
    ASSERT_EQ(list.present.size(), 5u);
    EXPECT_EQ(list.present[0].name, "Jens Hansen");
    EXPECT_EQ(list.present[0].party, "A");
    EXPECT_EQ(list.present[0].role, "formand");
    EXPECT_EQ(list.present[1].name, "Mette Olsen");
    EXPECT_EQ(list.present[1].party, "V");
    EXPECT_EQ(list.present[1].organisation, std::nullopt);
    EXPECT_EQ(list.present[2].organisation, "Frederica Kommune");
    EXPECT_EQ(list.present[3].party, "Ø");
    EXPECT_EQ(list.present[4].organisation, "Socialekretariatet");
    EXPECT_EQ(list.present[4].role, "referent");
    EXPECT_TRUE(list.absent.empty());
}

// A bracket note standing alone between commas belongs to the person before it (found by
// fuzzing: the empty entry left after taking the note away was read past its end).
TEST(ParticipantList, NoteWithoutNameBelongsToThePersonBefore) {
    const auto list = parse_person_list("Deltagere: Jens Hansen, (referent), Mette Olsen, ()");
    ASSERT_EQ(list.present.size(), 2u);
    EXPECT_EQ(list.present[0].name, "Jens Hansen");
    EXPECT_EQ(list.present[0].role, "referent");
    EXPECT_EQ(list.present[1].name, "Mette Olsen");
}

TEST(ParticipantList, AbsentMarksAndExternalGuests) {
    const auto list = parse_person_list(
        "Mødedeltagere : Søren Aalund, Vibeke Stoustrup (*Fraværende*), Tue Von Pålman, "
        "Eksterne deltagere: csni@rebuild.dk, Anette Bilde Toft");
    ASSERT_EQ(list.present.size(), 4u);
    ASSERT_EQ(list.absent.size(), 1u);
    EXPECT_EQ(list.absent[0].name, "Vibeke Stoustrup");
    EXPECT_EQ(list.present[1].name, "Tue Von Pålman");
    EXPECT_EQ(list.present[1].role, std::nullopt);
    EXPECT_EQ(list.present[2].name, "csni@rebuild.dk");
    EXPECT_EQ(list.present[3].role, "ekstern deltager");
}

// Capitals outside Latin-1 (Ł, Ż, Ž) start a name as Æ, Ø and Å do.
TEST(ParticipantList, NamesWithCentralEuropeanCapitals) {
    const auto list =
        parse_person_list("Deltagere: Lukasz Żak (A), Mette Olsen, Zofia Łukaszewska (formand)");
    ASSERT_EQ(list.present.size(), 3u);
    EXPECT_EQ(list.present[0].name, "Lukasz Żak");
    EXPECT_EQ(list.present[0].party, "A");
    EXPECT_EQ(list.present[1].name, "Mette Olsen");
    EXPECT_EQ(list.present[2].name, "Zofia Łukaszewska");
    EXPECT_EQ(list.present[2].role, "formand");
    const auto absent = parse_person_list("Afbud: Jana Žáková");
    ASSERT_EQ(absent.absent.size(), 1u);
    EXPECT_EQ(absent.absent[0].name, "Jana Žáková");
}

TEST(ParticipantList, NoPeopleInAListOfBodies) {
    const auto list = parse_person_list("Deltagere: Region Syddanmark, KKR, Socialstyrelsen");
    EXPECT_TRUE(list.present.empty());
}

// When the segmenter leaves the lists empty, extract_people reads them from the meeting header.
TEST(ParticipantList, ExtractPeopleCompletesEmptyListsFromTheHeader) {
    for (auto& s : referat::test::load_samples()) {
        const auto gold_present = s.gold["participants"].size();
        const auto gold_absent = s.gold["absent"].size();
        s.meeting.participants.clear();
        s.meeting.absent.clear();
        referat::ingest::extract_people(s.meeting, s.text);
        EXPECT_EQ(s.meeting.participants.size(), gold_present) << s.stem;
        EXPECT_EQ(s.meeting.absent.size(), gold_absent) << s.stem;
        for (std::size_t k = 0; k < s.meeting.participants.size() && k < gold_present; ++k) {
            const auto& g = s.gold["participants"].as_array()[k];
            EXPECT_EQ(s.meeting.participants[k].name, g["name"].as_string()) << s.stem;
            EXPECT_EQ(s.meeting.participants[k].organisation,
                      referat::test::gold_string(g["organisation"]));
            EXPECT_EQ(s.meeting.participants[k].role, referat::test::gold_string(g["role"]));
        }
    }
}

TEST(ParticipantList, ExtractPeopleOnlyFillsEmptyFields) {
    referat::ingest::Meeting m;
    m.participants.push_back(
        {"Jens Hansen (A)", std::nullopt, std::string("formand"), std::nullopt});
    referat::ingest::extract_people(m);
    EXPECT_EQ(m.participants[0].name, "Jens Hansen");
    EXPECT_EQ(m.participants[0].party, "A");
    EXPECT_EQ(m.participants[0].role, "formand");
}

}  // namespace
