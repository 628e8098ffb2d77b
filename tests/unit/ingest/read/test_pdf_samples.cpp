// The five sample minutes as PDFs, made from data/samples with LibreOffice (see
// data/fixtures/README.md): the PDF path must give the same text and the same segmentation as
// the text files. Segmentation is compared PDF against text, not against gold.

#include <gtest/gtest.h>

#include <referat/ingest/parse.hpp>
#include <referat/ingest/reader.hpp>

#include "read_test_support.hpp"

namespace referat::ingest {
namespace {

/// Whitespace (including U+00A0) collapsed to single spaces, trimmed; a dot leader gets the
/// one space before it that the PDF reader writes ("Titel ..... 3").
std::string squeeze(std::string_view s) {
    std::string out;
    bool space = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const bool nbsp = s[i] == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0';
        if (nbsp || s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
            if (nbsp) ++i;
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        if (s.substr(i).starts_with(".....") && !out.empty() && out.back() != ' ' &&
            out.back() != '.')
            out += ' ';
        out += s[i];
    }
    return out;
}

class SamplePdf : public ::testing::TestWithParam<std::string> {
  protected:
    std::filesystem::path pdf() const {
        return test::data_path("fixtures/pdf/" + GetParam() + ".pdf");
    }
    std::filesystem::path txt() const { return test::data_path("samples/" + GetParam() + ".txt"); }
};

TEST_P(SamplePdf, TextMatchesTheTextVersionUpToWhitespace) {
    auto from_txt = read_source(txt());
    ASSERT_TRUE(from_txt) << from_txt.error().message();
    // Landscape pages (titles fit on a line) and A4 pages (far more wrapped lines to join).
    for (const auto& path : {pdf(), test::data_path("fixtures/pdf-a4/" + GetParam() + ".pdf")}) {
        SCOPED_TRACE(path.string());
        auto from_pdf = read_source(path);
        ASSERT_TRUE(from_pdf) << from_pdf.error().message();
        EXPECT_EQ(from_pdf->type, "pdf");
        EXPECT_GE(from_pdf->page_starts.size(), 4u);
        EXPECT_EQ(squeeze(from_pdf->text), squeeze(from_txt->text));
    }
}

TEST_P(SamplePdf, SegmentationMatchesTheTextVersion) {
    auto from_pdf = parse_file(pdf());
    ASSERT_TRUE(from_pdf) << from_pdf.error().message();
    const Document from_txt = parse_text(test::slurp(txt()), txt().string());
    ASSERT_EQ(from_pdf->meetings.size(), from_txt.meetings.size());
    for (std::size_t m = 0; m < from_txt.meetings.size(); ++m) {
        const Meeting& a = from_pdf->meetings[m];
        const Meeting& b = from_txt.meetings[m];
        SCOPED_TRACE("meeting " + std::to_string(m));
        EXPECT_EQ(squeeze(a.title), squeeze(b.title));
        EXPECT_EQ(squeeze(a.committee), squeeze(b.committee));
        EXPECT_EQ(a.date, b.date);
        EXPECT_EQ(a.start, b.start);
        EXPECT_EQ(a.end, b.end);
        EXPECT_EQ(a.location.has_value(), b.location.has_value());
        ASSERT_EQ(a.items.size(), b.items.size());
        for (std::size_t i = 0; i < b.items.size(); ++i) {
            const Item& x = a.items[i];
            const Item& y = b.items[i];
            SCOPED_TRACE("item " + std::to_string(y.number));
            EXPECT_EQ(x.number, y.number);
            EXPECT_EQ(squeeze(x.title), squeeze(y.title));
            ASSERT_EQ(x.sections.size(), y.sections.size());
            for (std::size_t s = 0; s < y.sections.size(); ++s) {
                EXPECT_EQ(x.sections[s].kind, y.sections[s].kind);
                EXPECT_EQ(squeeze(x.sections[s].heading), squeeze(y.sections[s].heading));
                EXPECT_EQ(squeeze(x.sections[s].text), squeeze(y.sections[s].text));
            }
            EXPECT_EQ(squeeze(x.decision.value_or("")), squeeze(y.decision.value_or("")));
            ASSERT_EQ(x.attachments.size(), y.attachments.size());
            for (std::size_t k = 0; k < y.attachments.size(); ++k)
                EXPECT_EQ(squeeze(x.attachments[k]), squeeze(y.attachments[k]));
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Samples, SamplePdf,
                         ::testing::Values("000_92d3c2ccd0431f34", "001_974898943bafb24e",
                                           "002_539ca0b311f4efd1", "003_bb815edab3661743",
                                           "004_9e302ba8565f4e48"));

}  // namespace
}  // namespace referat::ingest
