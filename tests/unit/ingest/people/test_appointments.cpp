// Appointment patterns on Danish sentences: made by the meeting, reported, or not at all.

#include <gtest/gtest.h>

#include <referat/ingest/people.hpp>

namespace {

using referat::ingest::Appointment;
using referat::ingest::find_appointments;

struct AppointmentCase {
    const char* decision;
    const char* body;                   ///< other item text (Baggrund, Orientering, ...)
    std::vector<std::string> made;      ///< "person | organisation | to"
    std::vector<std::string> reported;  ///< "person | to | by"
};

std::vector<std::string> describe_made(const std::vector<Appointment>& list) {
    std::vector<std::string> out;
    for (const auto& a : list) {
        out.push_back(a.person.value_or("-") + " | " + a.organisation.value_or("-") + " | " + a.to);
    }
    return out;
}

std::vector<std::string> describe_reported(const std::vector<Appointment>& list) {
    std::vector<std::string> out;
    for (const auto& a : list) {
        out.push_back(a.person.value_or("-") + " | " + a.to + " | " + a.by.value_or("-"));
    }
    return out;
}

class Appointments : public ::testing::TestWithParam<AppointmentCase> {};

TEST_P(Appointments, MadeAndReported) {
    const auto& c = GetParam();
    const std::string body = std::string(c.decision) + "\n\n" + c.body;
    const auto found = find_appointments(c.decision, body);
    EXPECT_EQ(describe_made(found.made), c.made) << c.decision;
    EXPECT_EQ(describe_reported(found.reported), c.reported) << c.body;
}

INSTANTIATE_TEST_SUITE_P(
    Danish, Appointments,
    ::testing::Values(
        AppointmentCase{"Jens Hansen (A) udpeges til bestyrelsen for Aarhus Havn.",
                        "",
                        {"Jens Hansen | - | bestyrelsen for Aarhus Havn"},
                        {}},
        AppointmentCase{"Udvalget vælger Mette Olsen som formand for styregruppen.",
                        "",
                        {"Mette Olsen | - | formand for styregruppen"},
                        {}},
        AppointmentCase{"Lars Nielsen, Vejle Kommune indtræder i Forretningsudvalget.",
                        "",
                        {"Lars Nielsen | Vejle Kommune | Forretningsudvalget"},
                        {}},
        AppointmentCase{"Karen Holm blev valgt som ny næstformand.",
                        "",
                        {"Karen Holm | - | ny næstformand"},
                        {}},
        AppointmentCase{
            "Til styregruppen udpeges:\n - Direktør Ole Bak, Skive Kommune\n - Anne "
            "Lund, Viborg Kommune",
            "",
            {"Ole Bak | Skive Kommune | styregruppen", "Anne Lund | Viborg Kommune | styregruppen"},
            {}},
        // Leaving a body is not an appointment.
        AppointmentCase{"Orienteringen blev taget til efterretning.",
                        "Rolf Dalsgaard Johansen, Haderslev Kommune, udtræder af "
                        "Forretningsudvalget.",
                        {},
                        {}},
        // A proposal in the Indstilling is not an appointment either.
        AppointmentCase{"Sagen blev udsat.",
                        "Forretningsudvalget indstiller, at\n • godkende Mogens B. Hansen som nyt "
                        "medlem af Forretningsudvalget.",
                        {},
                        {}},
        // Reported: another body appointed, this meeting only hears about it.
        AppointmentCase{"Orienteringen blev taget til efterretning.",
                        "Byrådet har udpeget Karen Jensen som medlem af Ældrerådet.",
                        {},
                        {"Karen Jensen | Ældrerådet | Byrådet"}},
        AppointmentCase{
            "Der blev ikke udpeget nogen.", "Der er ikke udpeget et nyt medlem.", {}, {}}));

}  // namespace
