// Decision outcomes from the one phrase table: precedence and typo tolerance.

#include <string>

#include <gtest/gtest.h>

#include <referat/ingest/outcome.hpp>

namespace {

using referat::ingest::classify_outcome;
using referat::ingest::Outcome;

struct OutcomeCase {
    const char* name;
    const char* text;
    Outcome expected;
};

class OutcomePhrase : public ::testing::TestWithParam<OutcomeCase> {};

TEST_P(OutcomePhrase, IsClassified) {
    EXPECT_EQ(classify_outcome(GetParam().text), GetParam().expected) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Danish, OutcomePhrase,
    ::testing::Values(
        OutcomeCase{"empty", "", Outcome::kNone},
        OutcomeCase{"discussed_then_resumed",
                    "Punktet blev drøftet. Sagen genoptages på det kommende ordinære møde.",
                    Outcome::kDiscussed},
        OutcomeCase{"resumed_only", "Punktet genoptages.", Outcome::kPostponed},
        OutcomeCase{"godkendt", "Indstillingen blev godkendt.", Outcome::kApproved},
        OutcomeCase{"godkendes", "Dagsordenen godkendes", Outcome::kApproved},
        OutcomeCase{"typo_godkedt", "Mogens blev godkedt som medlem.", Outcome::kApproved},
        OutcomeCase{"typo_godkendet", "Kommissoriet blev godkendet.", Outcome::kApproved},
        OutcomeCase{"opbakning", "Der var opbakning til forslaget.", Outcome::kApproved},
        OutcomeCase{"bakker_op", "Udvalget bakker op om indstillingen.", Outcome::kApproved},
        OutcomeCase{"anbefalet", "Aftalen er anbefalet til videre godkendelsesproces.",
                    Outcome::kApproved},
        OutcomeCase{"noted", "Orienteringen blev taget til efterretning.", Outcome::kNoted},
        OutcomeCase{"typo_eftreretning", "Orienteringen blev taget til eftreretning.",
                    Outcome::kNoted},
        OutcomeCase{"typo_oreinteringen", "Oreinteringen blev taget til efterretning.",
                    Outcome::kNoted},
        OutcomeCase{"orienterer", "Formanden orienterer om, at der er ansat en ny konsulent.",
                    Outcome::kNoted},
        OutcomeCase{"no_remarks", "Der er ingen bemærkninger til ændringerne.", Outcome::kNoted},
        OutcomeCase{"discussed", "Punktet blev drøftet. Der var enighed om en ny plan.",
                    Outcome::kDiscussed},
        OutcomeCase{"postponed", "Punktet flyttes til næste møde", Outcome::kPostponed},
        OutcomeCase{"postponed_beats_approved", "Godkendt, men udsættes til næste møde.",
                    Outcome::kPostponed},
        OutcomeCase{"approved_beats_noted",
                    "Orienteringen blev taget til efterretning og planen godkendt.",
                    Outcome::kApproved},
        OutcomeCase{"explicit_decision_beats_noted",
                    "Orientering om taksten blev taget til efterretning. Det blev besluttet at "
                    "et underskud finansieres efter rammeaftalen.",
                    Outcome::kDecided},
        OutcomeCase{"noted_beats_discussed", "Sagen blev drøftet og taget til efterretning.",
                    Outcome::kNoted},
        OutcomeCase{"infinitive_is_not_approval",
                    "Peter orienterede: kredsen anbefaler kommunerne at godkende aftalen.",
                    Outcome::kNoted},
        OutcomeCase{"reported_support_is_not_approval", "Kredsen bakkede op om forslaget.",
                    Outcome::kDecided},
        OutcomeCase{"vulnerable_is_not_postponed", "Indsatsen for udsatte gravide fortsætter.",
                    Outcome::kDecided},
        OutcomeCase{"plain_action", "Der nedsættes en arbejdsgruppe.", Outcome::kDecided},
        OutcomeCase{"next_meeting_is_not_postponed", "Næste møde afholdes den 2. marts kl. 13-16",
                    Outcome::kDecided}),
    [](const auto& info) { return std::string(info.param.name); });

}  // namespace
