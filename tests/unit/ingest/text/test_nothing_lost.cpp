// Nothing lost: every word of an item's text lands in the item's title, sections, attachments
// or decision, on every real document (PDF, HTML, DOCX) and every sample. A word that lands
// nowhere is not indexed and cannot be found.

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include <referat/ingest/parse.hpp>

#include "referat/ingest/utf8.hpp"
#include "text/lines.hpp"
#include "text/profiles.hpp"

namespace {

namespace fs = std::filesystem;
using referat::ingest::Item;

const std::string kData = REFERAT_TEST_DATA;

/// Words shorter than this are not checked (numbers, "og", "af", label abbreviations).
constexpr std::size_t kMinLetters = 4;

/// Lower-cased words of at least kMinLetters letters. Every byte of a multi-byte UTF-8 sequence
/// counts as a letter ("æ", "ø", "å"); both sides of the comparison split the same way.
void add_words(std::string_view text, std::set<std::string>& out) {
    const std::string lowered = referat::utf8::lower(text);
    std::string word;
    std::size_t letters = 0;
    auto flush = [&] {
        if (letters >= kMinLetters) out.insert(word);
        word.clear();
        letters = 0;
    };
    for (std::size_t i = 0; i <= lowered.size(); ++i) {
        const unsigned char c = i < lowered.size() ? static_cast<unsigned char>(lowered[i]) : ' ';
        if (std::isalpha(c) || c >= 0x80) {
            word += static_cast<char>(c);
            if (c < 0x80 || (c & 0xC0) == 0xC0) ++letters;  // a lead byte starts a letter
        } else {
            flush();
        }
    }
}

std::set<std::string> item_words(const Item& item) {
    std::set<std::string> out;
    add_words(item.title, out);
    for (const auto& s : item.sections) {
        add_words(s.heading, out);
        // A Bilag section is indexed through the attachment names read from it ("Ingen" under
        // it names none).
        if (s.kind != "bilag" || item.attachments.empty()) add_words(s.text, out);
    }
    for (const auto& a : item.attachments) add_words(a, out);
    for (const auto& a : item.inline_attachments) add_words(a, out);
    if (item.decision) add_words(*item.decision, out);
    for (const auto& d : item.decisions) add_words(d.text, out);
    return out;
}

std::vector<std::string> documents() {
    std::vector<std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(kData + "/real")) {
        const std::string ext = e.path().extension().string();
        if (ext == ".pdf" || ext == ".html" || ext == ".docx")
            out.push_back(fs::relative(e.path(), kData).string());
    }
    for (const auto& e : fs::directory_iterator(kData + "/samples"))
        if (e.path().extension() == ".txt") out.push_back(fs::relative(e.path(), kData).string());
    for (const auto& e : fs::directory_iterator(kData + "/fixtures/layouts"))
        if (e.path().extension() == ".txt") out.push_back(fs::relative(e.path(), kData).string());
    // Other bodies' minutes with a text layer (scans are refused before segmentation).
    for (const auto& e : fs::recursive_directory_iterator(kData + "/other")) {
        const std::string name = e.path().filename().string();
        const std::string ext = e.path().extension().string();
        if ((ext == ".pdf" || ext == ".md") && name.find("-scan") == std::string::npos &&
            name != "README.md")
            out.push_back(fs::relative(e.path(), kData).string());
    }
    std::sort(out.begin(), out.end());
    return out;
}

class NothingLost : public ::testing::TestWithParam<std::string> {};

TEST_P(NothingLost, EveryWordOfAnItemLandsInTheItem) {
    auto doc = referat::ingest::parse_file(kData + "/" + GetParam());
    ASSERT_TRUE(doc.has_value()) << doc.error().message();
    const std::string_view text = doc->text;
    std::size_t checked = 0;
    for (const auto& m : doc->meetings) {
        for (std::size_t k = 0; k < m.items.size(); ++k) {
            const Item& item = m.items[k];
            // An item only the table of contents lists has no text of its own.
            if (item.listed_only) continue;
            // From the item's header to the next item's in the text (the last: the meeting's end).
            const std::size_t from = item.span_begin;
            std::size_t to = std::max(m.span_end, from);
            for (const Item& next : m.items)
                if (!next.listed_only && next.span_begin > from) to = std::min(to, next.span_begin);
            ASSERT_LE(from, to);
            ASSERT_LE(to, text.size());
            std::string_view body = text.substr(from, to - from);
            // The header line itself ("Punkt 4:", "4.") is the item's number; its title words
            // are checked through the title.
            // Heading lines are structure (a portal's "Beslutning" tab label is no section):
            // only text is checked.
            // Page furniture ("Side 2 af 17", "Til toppen") is no text of the item.
            std::set<std::string> want;
            for (const auto& l : referat::ingest::text::split_lines(body)) {
                if (l.blank) continue;
                referat::ingest::text::HeadingMatch heading;
                if (!referat::ingest::text::match_heading(l.trimmed, heading) ||
                    !heading.inline_text.empty())
                    add_words(l.trimmed, want);
            }
            std::set<std::string> have = item_words(item);
            // "Lukket: Title" is the closed flag.
            if (item.closed) have.insert("lukket");
            std::vector<std::string> lost;
            std::set<std::string> header;
            add_words(body.substr(0, body.find('\n')), header);
            for (const auto& w : want)
                if (!have.contains(w) && !header.contains(w)) lost.push_back(w);
            checked += want.size();
            std::string list;
            for (const auto& w : lost) list += " " + w;
            EXPECT_TRUE(lost.empty()) << GetParam() << " item " << item.number << ": "
                                      << lost.size() << " words lost:" << list;
        }
    }
    const bool overview =
        std::all_of(doc->meetings.begin(), doc->meetings.end(), [](const auto& m) {
            return std::all_of(m.items.begin(), m.items.end(),
                               [](const Item& i) { return i.listed_only; });
        });
    if (!overview) {
        EXPECT_GT(checked, 0u) << "no item text checked";
    }
}

INSTANTIATE_TEST_SUITE_P(EveryDocument, NothingLost, ::testing::ValuesIn(documents()),
                         [](const auto& info) {
                             std::string n = info.param;
                             for (char& c : n)
                                 if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                             return n;
                         });

}  // namespace
