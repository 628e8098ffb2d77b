// Person names in running text: what is and what is not a person.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <referat/ingest/people.hpp>

namespace {

using referat::ingest::find_person_names;

std::vector<std::string> names(std::string_view text, const std::vector<std::string>& known = {}) {
    std::vector<std::string> out;
    for (const auto& m : find_person_names(text, known)) out.push_back(m.name);
    return out;
}

struct NameCase {
    const char* text;
    std::vector<std::string> expected;
};

class PersonNames : public ::testing::TestWithParam<NameCase> {};

TEST_P(PersonNames, FindsExactlyTheNamesWritten) {
    EXPECT_EQ(names(GetParam().text), GetParam().expected) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Danish, PersonNames,
    ::testing::Values(
        NameCase{"Sundhedschef Michael Metzsch, Aabenraa Kommune", {"Michael Metzsch"}},
        NameCase{"Chef for visitation og socialpsykiatri Dorte Højmark Andreassen, Fredericia "
                 "Kommune",
                 {"Dorte Højmark Andreassen"}},
        NameCase{"Peter Pietras og Filip Dalengaard orienterede fra mødet.",
                 {"Peter Pietras", "Filip Dalengaard"}},
        NameCase{"Annie T. Jørgensen, Centerchef, og Ditte K.K. Askerod, leder.",
                 {"Annie T. Jørgensen", "Ditte K.K. Askerod"}},
        NameCase{"FU godkendte at Arne Lund Kristensen (Aalborg Kommune) overtager Hans Chr. "
                 "Mariegaards (Aalborg Kommune), plads i FU Social.",
                 {"Arne Lund Kristensen", "Hans Chr. Mariegaard"}},
        NameCase{"Uthayasri Sundarampillai, Odense Kommune blev godkendt.",
                 {"Uthayasri Sundarampillai"}},
        NameCase{"Mødet blev ledet af Tue Von Pålman.", {"Tue Von Pålman"}},
        NameCase{"Jens Kjer\u00a0 Nielsen, Esbjerg Kommune", {"Jens Kjer Nielsen"}},
        NameCase{"Region Syddanmark og Social- og Boligstyrelsen har drøftet sagen.", {}},
        NameCase{"Børnehus Syd, Odense Kommune har flest sager.", {}},
        NameCase{"Socialstyrelsen forventer at drøftelserne i Det Faglige Råd fortsætter.", {}},
        NameCase{"Fælleskommunalt Socialsekretariat, Middelfart Kommune sender referatet.", {}},
        NameCase{"Mogens B. holder oplæg.", {}},
        NameCase{"Sekretariatet sørger for at Sri meldes ind.", {}},
        NameCase{"Den Sikrede Biform Kofoedsminde i Region Sjælland.", {}},
        NameCase{"Der er ansat en ny konsulent pr. 1. februar.", {}},
        NameCase{"Forslag fra SF og ALT om Østjysk Marin Naturnationalpark", {}},
        NameCase{"Planen for Indre Aarhus og Lise Varde", {"Lise Varde"}},
        NameCase{"Centerchef for misbrug og Udsatte Jens Kjer Nielsen, Esbjerg Kommune",
                 {"Jens Kjer Nielsen"}},
        NameCase{"Rådmand Nicolaj Bang og Jesper Kjeldsen deltog ikke.",
                 {"Nicolaj Bang", "Jesper Kjeldsen"}},
        NameCase{"Mødet blev ledet af Lukasz Żak.", {"Lukasz Żak"}},
        NameCase{"Zofia Łukaszewska og Mette Olsen orienterede.",
                 {"Zofia Łukaszewska", "Mette Olsen"}}));

TEST(PersonNamesFalsePositives, NothingInTextWithoutNames) {
    EXPECT_TRUE(names("Orienteringen blev taget til efterretning. Punktet flyttes til næste "
                      "møde. Der var opbakning til en permanent placering i Middelfart Kommune.")
                    .empty());
}

TEST(PersonNamesFalsePositives, NothingFromAllCapsLines) {
    EXPECT_TRUE(
        names("UDVALG\nSOCIALDIREKTØRFORUM\nMØDE\nJENS HANSEN OG PETER OLSEN DELTOG").empty());
}

TEST(PersonNamesFalsePositives, NothingFromEmailAddressesAlone) {
    EXPECT_TRUE(names("E-mail: ikk@vejenkom.dk\ncfm@vejenkom.dk csni@rebuild.dk "
                      "Jens.Hansen@odense.dk Mette.Frederiksen@stm.dk")
                    .empty());
}

TEST(PersonNamesFalsePositives, NameNextToAnAddressIsTheNameOnly) {
    EXPECT_EQ(names("Kontakt: Jens Hansen, jeha@odense.dk, tlf. 2133 9211"),
              std::vector<std::string>{"Jens Hansen"});
    EXPECT_EQ(names("Lene Kristin Kamp (lkk@vejen.dk) og Mette.Olsen@vejen.dk"),
              std::vector<std::string>{"Lene Kristin Kamp"});
}

TEST(PersonNamesFalsePositives, GluedListsGiveNoInventedNames) {
    // A list whose separators were lost: no person made of two half names.
    const auto found = names("DeltagereJens HansenPeter OlsenMette Frederiksen");
    for (const auto& n : found) {
        EXPECT_THAT(n, ::testing::Not(::testing::HasSubstr("Hansen Peter"))) << n;
        EXPECT_THAT(n, ::testing::Not(::testing::HasSubstr("HansenPeter"))) << n;
        EXPECT_THAT(n, ::testing::Not(::testing::HasSubstr("OlsenMette"))) << n;
    }
}

TEST(PersonNames, OrganisationWrittenAfterTheName) {
    const auto found = find_person_names(
        "Mogens Bak Hansen, Nordfyns Kommune blev godkendt. Arne Lund Kristensen (Aalborg "
        "Kommune) overtager. Klaus Liestmann blev godkendt.");
    ASSERT_EQ(found.size(), 3u);
    EXPECT_EQ(found[0].organisation, "Nordfyns Kommune");
    EXPECT_EQ(found[1].organisation, "Aalborg Kommune");
    EXPECT_EQ(found[2].organisation, std::nullopt);
}

TEST(PersonNames, KnownNamesAreFoundWithoutAFirstNameHit) {
    EXPECT_EQ(names("Forretningsudvalget indstiller Uthayasri Sundarampillai (forkortet til Sri)",
                    {"Uthayasri Sundarampillai"}),
              std::vector<std::string>{"Uthayasri Sundarampillai"});
}

}  // namespace
