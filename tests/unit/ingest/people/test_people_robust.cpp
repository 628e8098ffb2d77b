// Untrusted text never crashes extraction and gives no invented facts.

#include <random>

#include <gtest/gtest.h>

#include <referat/ingest/people.hpp>

namespace {

using namespace referat::ingest;

Meeting meeting_over(const std::string& text) {
    Meeting m;
    Item item;
    item.number = 1;
    item.title = "Punkt";
    item.span_begin = 0;
    item.span_end = text.size();
    item.decision = text.substr(0, text.size() / 2);
    m.items.push_back(item);
    // A span past the end of the text must fall back to the sections, not read out of bounds.
    Item bad = item;
    bad.span_begin = text.size() + 10;
    bad.span_end = text.size() + 100;
    m.items.push_back(bad);
    return m;
}

TEST(PeopleRobustness, RandomBytesAndBrokenUtf8) {
    std::mt19937 rng(1234);
    std::uniform_int_distribution<int> byte(0, 255);
    for (int round = 0; round < 50; ++round) {
        std::string text;
        for (int k = 0; k < 2000; ++k) text += static_cast<char>(byte(rng));
        Meeting m = meeting_over(text);
        extract_people(m, text);
        for (const Item& item : m.items) {
            for (const auto& name : item.persons_mentioned) EXPECT_FALSE(name.empty());
        }
    }
}

TEST(PeopleRobustness, HostileShapes) {
    const std::string long_caps(100000, 'A');
    std::string many_names;
    for (int k = 0; k < 2000; ++k) many_names += "Jens Hansen, Odense Kommune • ";
    std::string dots(50000, '.');
    std::string bullets;
    for (int k = 0; k < 5000; ++k) bullets += "Til gruppen udpeges: • ";
    for (const std::string& text :
         {long_caps, many_names, dots, bullets, std::string("Ø"), std::string("\xC3"),
          std::string("Region"), std::string("For stemte:"),
          std::string("1.000.000.000.000.000 kr.")}) {
        Meeting m = meeting_over(text);
        extract_people(m, text);
        SUCCEED();
    }
    Meeting m = meeting_over(many_names);
    extract_people(m, many_names);
    EXPECT_EQ(m.items[0].persons_mentioned, std::vector<std::string>{"Jens Hansen"});
    EXPECT_EQ(m.items[0].municipalities, std::vector<std::string>{"Odense Kommune"});
}

TEST(PeopleRobustness, LongAppointmentListGivesOneAppointmentPerBullet) {
    const char* first[] = {"Jens", "Anne", "Peter", "Mette", "Lars"};
    const char* last[] = {"Hansen", "Nielsen", "Jensen", "Pedersen"};
    std::string text = "Til referencegruppen udpeges:\n";
    std::size_t expected = 0;
    for (char initial = 'A'; initial <= 'Z'; ++initial) {
        for (const char* f : first) {
            for (const char* l : last) {
                text +=
                    std::string(" • Leder ") + f + " " + initial + ". " + l + ", Odense Kommune\n";
                ++expected;
            }
        }
    }
    Meeting m = meeting_over(text);
    m.items[0].decision = text;
    extract_people(m, text);
    EXPECT_EQ(m.items[0].appointments.size(), expected);
    EXPECT_EQ(m.items[0].persons_mentioned.size(), expected);
    EXPECT_EQ(m.items[0].appointments.front().to, "referencegruppen");
    EXPECT_EQ(m.items[0].appointments.front().organisation, "Odense Kommune");
}

}  // namespace
