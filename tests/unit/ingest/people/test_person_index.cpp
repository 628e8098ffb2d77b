// One person, many spellings: person_key() and PersonIndex.

#include <gtest/gtest.h>

#include <referat/ingest/people.hpp>

namespace {

using referat::ingest::person_display;
using referat::ingest::person_key;
using referat::ingest::PersonIndex;

TEST(PersonKey, VariantsShareOneKey) {
    EXPECT_EQ(person_key("Mogens B. Hansen"), person_key("Mogens Bak Hansen"));
    EXPECT_EQ(person_key("Irene Rossavik"), person_key("Irene Ravn Rossavik"));
    EXPECT_EQ(person_key("Ditte Askerod"), person_key("Ditte K.K. Askerod"));
    EXPECT_EQ(person_key("Hans Chr. Mariegaards"), person_key("Hans Chr. Mariegaard"));
    EXPECT_EQ(person_key("Jens Nielsen"), "jens nielsen");
    EXPECT_NE(person_key("Tim Hansen"), person_key("Mogens Bak Hansen"));
    EXPECT_NE(person_key("Peter Jens"), person_key("Peter Jen"));
}

TEST(PersonIndex, MergesInitialsDroppedMiddleNamesAndGenitive) {
    PersonIndex index;
    const auto mogens = index.add("Mogens Bak Hansen");
    EXPECT_EQ(index.add("Mogens B. Hansen"), mogens);
    const auto irene = index.add("Irene Ravn Rossavik");
    EXPECT_EQ(index.add("Irene Rossavik"), irene);
    const auto hans = index.add("Hans Chr. Mariegaard");
    EXPECT_EQ(index.add("Hans Chr. Mariegaards"), hans);
    EXPECT_EQ(index.ids().size(), 3u);
    EXPECT_EQ(index.forms(mogens),
              (std::vector<std::string>{"Mogens Bak Hansen", "Mogens B. Hansen"}));
}

TEST(PersonIndex, CloseSpellingOnlyWhenTheFirstNameAndContextAgree) {
    PersonIndex index;
    const auto dorte = index.add("Dorte Juul Hansen");
    index.add("Leif Serup");
    EXPECT_EQ(index.add("Dorte Juhl"), dorte);
    // Another first name with the same close spelling is someone else.
    EXPECT_NE(index.add("Hanne Juhl"), dorte);
    // Two Dortes who could both be meant: no merge.
    PersonIndex two;
    two.add("Dorte Juul Hansen");
    two.add("Dorte Juel Madsen");
    EXPECT_EQ(two.find("Dorte Juhl"), std::nullopt);
}

TEST(PersonIndex, NeverMergesDifferentPeopleSharingASurname) {
    PersonIndex index;
    const auto tim = index.add("Tim Hansen");
    const auto mogens = index.add("Mogens Bak Hansen");
    const auto ib = index.add("Ib Dam Schultz");
    EXPECT_NE(tim, mogens);
    EXPECT_NE(index.add("Mogens Ole Hansen"), mogens);  // conflicting middle names
    EXPECT_NE(index.add("Lars Rasmussen"), index.add("Marianne Rasmussen"));
    EXPECT_NE(index.add("Jens Kjer Nielsen"), index.add("Jan Nielsen"));
    EXPECT_EQ(index.find("Ib Schultz"), ib);
    EXPECT_EQ(index.find("Peter Schultz"), std::nullopt);
}

}  // namespace

TEST(PersonDisplay, KeysOfRealNamesShowAsTheDocumentsWriteThem) {
    // Names of the bundled minutes (data/real, data/samples), as written there.
    for (std::string_view name : {"Jesper Kjeldsen", "Anne-Mette Dalgaard", "Bünyamin Simsek",
                                  "Rabih Azad-Ahmad", "Tove Tørnæs", "Niels Viderø"}) {
        EXPECT_EQ(person_display(person_key(name)), name);
    }
    // The key is first and last name: middle names and initials are not part of it.
    EXPECT_EQ(person_display(person_key("Mogens B. Hansen")), "Mogens Hansen");
    EXPECT_EQ(person_display(person_key("Hans Chr. Mariegaards")), "Hans Mariegaard");
}

TEST(PersonDisplay, ParticlesStayLowerCaseInsideAName) {
    EXPECT_EQ(person_display("lars von trier"), "Lars von Trier");
    EXPECT_EQ(person_display("karen de la cour"), "Karen de la Cour");
    EXPECT_EQ(person_display("von"), "Von") << "a word alone is a name";
    EXPECT_EQ(person_display("ida af"), "Ida Af") << "the last word is the surname";
    EXPECT_EQ(person_display(""), "");
    EXPECT_EQ(person_display("ålborg  ærø"), "Ålborg  Ærø");
}
