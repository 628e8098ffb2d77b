// PDF reading: real minutes from three publishing systems, page cleaning rules, limits.

#include <algorithm>
#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <referat/ingest/reader.hpp>

#include "read/formats.hpp"
#include "read_test_support.hpp"
#include "referat/ingest/utf8.hpp"

namespace referat::ingest::read {
namespace {

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

bool has_line(const std::string& text, std::string_view wanted) {
    const auto lines = lines_of(text);
    return std::find(lines.begin(), lines.end(), wanted) != lines.end();
}

void expect_sane_pages(const SourceText& src, std::size_t pages) {
    ASSERT_EQ(src.page_starts.size(), pages);
    EXPECT_EQ(src.page_starts.front(), 0u);
    EXPECT_TRUE(std::is_sorted(src.page_starts.begin(), src.page_starts.end()));
    EXPECT_LE(src.page_starts.back(), src.text.size());
    for (const auto start : src.page_starts)
        EXPECT_TRUE(start == 0 || start == src.text.size() || src.text[start - 1] == '\n');
    EXPECT_TRUE(referat::utf8::is_valid(src.text));
}

struct RealPdf {
    std::string_view path;
    std::size_t pages;
    std::string_view must_have_line;
};

class RealPdfs : public ::testing::TestWithParam<RealPdf> {};

TEST_P(RealPdfs, ReadWithPagesAndWithoutPopplerNoise) {
    ::testing::internal::CaptureStderr();
    auto src = read_source(test::data_path(GetParam().path));
    const std::string stderr_text = ::testing::internal::GetCapturedStderr();
    ASSERT_TRUE(src) << src.error().message();
    EXPECT_EQ(src->type, "pdf");
    expect_sane_pages(*src, GetParam().pages);
    EXPECT_TRUE(has_line(src->text, GetParam().must_have_line)) << GetParam().must_have_line;
    EXPECT_EQ(stderr_text, "");
}

INSTANTIATE_TEST_SUITE_P(
    Municipalities, RealPdfs,
    ::testing::Values(RealPdf{"real/aarhus/byraad-2025-08-27-referat.pdf", 28,
                              "Punkt 1: Godkendelse af dagsorden"},
                      RealPdf{
                          "real/ballerup/sundhed-forebyggelse-2012-12-04-referat.pdf", 15,
                          "Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt 1"},
                      RealPdf{"real/syddjurs/puk-2013-06-20-referat.pdf", 5,
                              "715. Kulturkommune 2017. Politiske fokusområder"}));

TEST(Pdf, AarhusItemsStartTheirPagesAndTheTocKeepsPageNumbers) {
    auto src = read_source(test::data_path("real/aarhus/byraad-2025-08-27-referat.pdf"));
    ASSERT_TRUE(src) << src.error().message();
    EXPECT_TRUE(std::string_view(src->text)
                    .substr(src->page_starts[2])
                    .starts_with("Punkt 1: Godkendelse af dagsorden\n"));
    EXPECT_TRUE(has_line(src->text, "Godkendelse af dagsorden ..... 3"));
    EXPECT_TRUE(has_line(src->text, "Lukket: Køb af landbrugsejendom ..... 28"));
    EXPECT_TRUE(has_line(src->text, "Mødedato Onsdag d. 27. august 2025 kl. 16:00"));
}

TEST(Pdf, BallerupRunningHeaderAndPageNumbersAreGone) {
    auto src =
        read_source(test::data_path("real/ballerup/sundhed-forebyggelse-2012-12-04-referat.pdf"));
    ASSERT_TRUE(src) << src.error().message();
    for (const auto& line : lines_of(src->text)) {
        EXPECT_NE(line, "Dato: 04.12.2012");
        EXPECT_NE(line, "Åbent referat\tDato: 04.12.2012");
        EXPECT_FALSE(line.starts_with("Side ")) << line;
    }
    // The committee name was the first line of every page's running header.
    for (std::size_t p = 1; p < src->page_starts.size(); ++p) {
        EXPECT_FALSE(std::string_view(src->text)
                         .substr(src->page_starts[p])
                         .starts_with("Sundheds- og Forebyggelsesudvalget\n"))
            << "page " << p + 1;
    }
    // Poppler's complaints about this file are kept as warnings.
    EXPECT_TRUE(std::any_of(src->warnings.begin(), src->warnings.end(),
                            [](const std::string& w) { return w.starts_with("PDF: "); }));
}

TEST(Pdf, SyddjursPageCountersAreGone) {
    auto src = read_source(test::data_path("real/syddjurs/puk-2013-06-20-referat.pdf"));
    ASSERT_TRUE(src) << src.error().message();
    EXPECT_THAT(src->text, ::testing::Not(::testing::HasSubstr(" of 5")));
    EXPECT_THAT(src->text, ::testing::Not(::testing::HasSubstr("20. juni 2013 - kl. 10:30")));
    EXPECT_TRUE(has_line(src->text, "715. Kulturkommune 2017. Politiske fokusområder ..... 2"));
    EXPECT_TRUE(has_line(src->text, "Jesper Mathiesen (A)\tOle Bjerregaard (V)"));
}

TEST(PdfClean, HeadersPageNumbersHyphenationAndLeaders) {
    const std::string wide = "                                                            ";
    std::vector<std::string> pages = {
        "  Referat for Teknisk Udvalg\n" + wide +
            "Side 1 af 3\n\n"
            "Indholdsfortegnelse\n"
            "Punkt 1: Godkendelse af dagsorden ..................... 2\n"
            "Punkt 2: Budget for Børne- og Ungeudvalget . . . . . . . 3\n",
        "  Referat for Teknisk Udvalg\n" + wide +
            "Side 2 af 3\n\n"
            "Punkt 1: Godkendelse af dagsorden\n"
            "Udvalget drøftede den fremlagte sag og traf den endelige be-\n"
            "slutning om at godkende dagsordenen for mødet uden ændringer.\n"
            "Sagen sendes videre til behandling i det kommende møde i Børne-\n"
            "og Ungeudvalget samt til Økonomiudvalget i næste måned igen.\n",
        "  Referat for Teknisk Udvalg\n" + wide +
            "Side 3 af 3\n\n"
            "Punkt 2: Budget for Børne- og Ungeudvalget\n"
            "Beslutning:\n"
            "Godkendt.\n\n"
            "                        - 3 -\n"};
    std::vector<std::size_t> starts;
    const std::string text = clean_pdf_pages(pages, starts);
    EXPECT_THAT(text, ::testing::Not(::testing::HasSubstr("Referat for Teknisk Udvalg"))) << text;
    EXPECT_THAT(text, ::testing::Not(::testing::HasSubstr("Side "))) << text;
    EXPECT_THAT(text, ::testing::Not(::testing::HasSubstr("- 3 -"))) << text;
    EXPECT_TRUE(has_line(text, "Punkt 1: Godkendelse af dagsorden ..... 2")) << text;
    EXPECT_TRUE(has_line(text, "Punkt 2: Budget for Børne- og Ungeudvalget ..... 3")) << text;
    EXPECT_THAT(text, ::testing::HasSubstr("den endelige beslutning om at godkende")) << text;
    EXPECT_THAT(text, ::testing::HasSubstr("Børne- og Ungeudvalget samt")) << text;
    EXPECT_TRUE(has_line(text, "Beslutning:")) << text;
    EXPECT_TRUE(has_line(text, "Godkendt.")) << text;
    ASSERT_EQ(starts.size(), 3u);
    EXPECT_TRUE(std::string_view(text).substr(starts[1]).starts_with("Punkt 1: Godkendelse"));
    EXPECT_TRUE(std::string_view(text).substr(starts[2]).starts_with("Punkt 2: Budget"));
}

TEST(PdfLimits, TooManyPagesNamesTheLimit) {
    ReadLimits limits;
    limits.max_pages = 10;
    auto src = read_source(test::data_path("real/aarhus/byraad-2025-08-27-referat.pdf"), limits);
    ASSERT_FALSE(src);
    EXPECT_EQ(src.error().reason, "too many pages: 28 > limit 10");
}

TEST(PdfLimits, TimeLimitNamesThePage) {
    ReadLimits limits;
    limits.max_seconds = 1e-9;
    auto src = read_source(test::data_path("real/aarhus/byraad-2025-08-27-referat.pdf"), limits);
    ASSERT_FALSE(src);
    EXPECT_TRUE(src.error().reason.starts_with("time limit exceeded: ")) << src.error().reason;
    EXPECT_THAT(src.error().reason, ::testing::HasSubstr("of 28")) << src.error().reason;
}

}  // namespace
}  // namespace referat::ingest::read
