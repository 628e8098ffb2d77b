// HTML by the HTML5 parsing algorithm: the character references, implied end tags and declared
// charsets that a tag scanner got wrong.

#include <cstdint>
#include <string>

#include <gtest/gtest.h>

#include <referat/ingest/parse.hpp>
#include <referat/ingest/reader.hpp>

#include "read/formats.hpp"
#include "read_test_support.hpp"
#include "referat/ingest/utf8.hpp"

namespace referat::ingest::read {
namespace {

TEST(HtmlReferences, AllHtml5NamedReferencesDecode) {
    EXPECT_EQ(html_to_text("<p>Sag 1 &rarr; Sag 2 &hearts; &frac78; &check; &NotEqualTilde;</p>"),
              "Sag 1 → Sag 2 ♥ ⅞ ✓ \u2242\u0338\n");
}

TEST(HtmlReferences, LegacyReferencesWithoutSemicolonDecodeAsBrowsersDo) {
    // The HTML5 standard's own example: "&notit;" is "¬it;" (no such reference as "notit").
    EXPECT_EQ(html_to_text("<p>&aring;ben &copy 2025 &amp &ukendt; &notit;</p>"),
              "åben © 2025 & &ukendt; ¬it;\n");
}

struct C1Case {
    int reference;
    char32_t code_point;
};

/// The HTML5 table for numeric references 0x80-0x9F (the windows-1252 reading of those bytes).
constexpr C1Case kWindows1252[] = {
    {0x80, 0x20AC}, {0x82, 0x201A}, {0x83, 0x0192}, {0x84, 0x201E}, {0x85, 0x2026}, {0x86, 0x2020},
    {0x87, 0x2021}, {0x88, 0x02C6}, {0x89, 0x2030}, {0x8A, 0x0160}, {0x8B, 0x2039}, {0x8C, 0x0152},
    {0x8E, 0x017D}, {0x91, 0x2018}, {0x92, 0x2019}, {0x93, 0x201C}, {0x94, 0x201D}, {0x95, 0x2022},
    {0x96, 0x2013}, {0x97, 0x2014}, {0x98, 0x02DC}, {0x99, 0x2122}, {0x9A, 0x0161}, {0x9B, 0x203A},
    {0x9C, 0x0153}, {0x9E, 0x017E}, {0x9F, 0x0178}};

std::string utf8_of(char32_t cp) {
    std::string out;
    referat::utf8::append(out, cp);
    return out;
}

TEST(HtmlReferences, NumericReferencesInTheC1RangeMapLikeWindows1252) {
    ASSERT_EQ(std::size(kWindows1252), 27u);
    for (const auto& [reference, code_point] : kWindows1252) {
        SCOPED_TRACE(reference);
        const std::string expected = "x" + utf8_of(code_point) + "y\n";
        EXPECT_EQ(html_to_text("<p>x&#" + std::to_string(reference) + ";y</p>"), expected);
        char hex[16];
        std::snprintf(hex, sizeof hex, "&#x%X;", static_cast<unsigned>(reference));
        EXPECT_EQ(html_to_text(std::string("<p>x") + hex + "y</p>"), expected);
    }
    EXPECT_EQ(html_to_text("<p>Han sagde &#147;ja&#148; &#150; vedtaget</p>"),
              "Han sagde “ja” – vedtaget\n");
}

TEST(HtmlStructure, UnclosedParagraphEndsAtTheNextBlock) {
    // Valid HTML: a <p> needs no end tag. A hidden one must not hide what follows it.
    EXPECT_EQ(html_to_text("<body><p class=\"sr-only\">Gå til indhold"
                           "<h2>1. Godkendelse af dagsorden</h2><p>Godkendt.<p>Bemærkning</body>"),
              "1. Godkendelse af dagsorden\nGodkendt.\nBemærkning\n");
    EXPECT_EQ(html_to_text("<ul><li>en<li>to</ul><table><tr><td>a<td>b<tr><td>c</table>"),
              "en\nto\na\tb\nc\n");
}

TEST(HtmlStructure, RealPageWithAnUnclosedScreenReaderParagraphKeepsItsItems) {
    const std::string page =
        test::slurp(test::data_path("real/aarhus/teknisk-udvalg-2025-10-01-referat.html"));
    const auto body = page.find("<body");
    ASSERT_NE(body, std::string::npos);
    const auto div = page.find("<div", body);
    ASSERT_NE(div, std::string::npos);
    std::string damaged = page;
    damaged.insert(div, "<p class=\"sr-only\">Spring til hovedindhold");

    const std::string text = html_to_text(damaged);
    EXPECT_EQ(text, html_to_text(page));
    const Document doc = parse_text(text, "teknisk-udvalg.html");
    ASSERT_EQ(doc.meetings.size(), 1u);
    EXPECT_GT(doc.meetings[0].items.size(), 3u);
}

TEST(HtmlStructure, VeryDeepMarkupKeepsItsText) {
    // Deep nesting is flattened before parsing (the parser's time grows with depth squared);
    // the text and the structure near the top stay.
    const std::size_t depth = 100000;
    std::string divs;
    for (std::size_t i = 0; i < depth; ++i) divs += "<div class=\"x\">";
    EXPECT_EQ(html_to_text("<body>" + divs + "Punkt 1<p>Godkendt</p>" + "<b>" + divs + "dybt</b>"),
              "Punkt 1\nGodkendt\ndybt\n");
    std::string formatting;
    for (std::size_t i = 0; i < depth; ++i) formatting += "<b><i>";
    EXPECT_EQ(html_to_text("<p>" + formatting + "fed</p><p>næste"), "fed\nnæste\n");
    std::string shallow;
    for (int i = 0; i < 1500; ++i) shallow += "<div>";
    EXPECT_EQ(html_to_text(shallow + "a<nav>menu</nav><p>b"), "a\nb\n");
}

TEST(HtmlCharset, MetaDeclarationsAreFound) {
    EXPECT_EQ(declared_charset("<html><head><meta charset=\" Windows-1252 \">"), "windows-1252");
    EXPECT_EQ(declared_charset("<META HTTP-EQUIV=\"Content-Type\" "
                               "CONTENT=\"text/html; charset=iso-8859-1\"><p>x"),
              "iso-8859-1");
    EXPECT_EQ(
        declared_charset("<meta http-equiv=Content-Type content='text/html;charset=\"utf-8\"'>"),
        "utf-8");
    EXPECT_EQ(declared_charset("<meta name=\"viewport\" content=\"charset=latin1\"><p>x"),
              std::nullopt);
    EXPECT_EQ(declared_charset("<p>Se <meta> i teksten</p>"), std::nullopt);
    // Only the first 1024 bytes are looked at, as in the HTML5 prescan.
    EXPECT_EQ(declared_charset(std::string(1024, ' ') + "<meta charset=\"windows-1252\">"),
              std::nullopt);
}

/// A page in windows-1252 the way Word saves one: declared, with literal no-break spaces.
std::string windows_1252_page(std::string_view meta) {
    return "<html><head>" + std::string(meta) +
           "</head><body><h1>Referat</h1>"
           "<p>M\xF8"
           "det blev holdt P\xC5\xA0R\xC5"
           "DHUSET \x93\xE5"
           "bent\x94 \x96 "
           "\xD8konomiudvalget</p></body></html>";
}

TEST(HtmlCharset, DeclaredWindows1252PageDecodes) {
    for (std::string_view meta :
         {"<meta charset=\"windows-1252\">",
          "<meta http-equiv=Content-Type content=\"text/html; charset=windows-1252\">"}) {
        SCOPED_TRACE(meta);
        auto src = read_bytes(windows_1252_page(meta), "referat.html", ReadLimits{});
        ASSERT_TRUE(src) << src.error().message();
        EXPECT_EQ(src->type, "html");
        EXPECT_EQ(src->encoding, "windows-1252");
        EXPECT_EQ(src->text, "Referat\nMødet blev holdt PÅ RÅDHUSET “åbent” – Økonomiudvalget\n");
    }
}

TEST(HtmlCharset, DeclaredLatin9IsNotReadAsWindows1252) {
    const std::string page =
        "<html><head><meta charset=\"iso-8859-15\"></head><body>"
        "<p>Gebyr 100 \xA4 for b\xF8ger</p></body></html>";
    auto src = read_bytes(page, "gebyr.html", ReadLimits{});
    ASSERT_TRUE(src) << src.error().message();
    EXPECT_EQ(src->encoding, "ISO-8859-15");
    EXPECT_EQ(src->text, "Gebyr 100 € for bøger\n");
}

TEST(HtmlCharset, UnknownLabelFallsBackToDetection) {
    auto src = read_bytes(
        "<html><head><meta charset=\"x-no-such-charset\"></head>"
        "<body><p>R\xE5"
        "dhuset, \xF8st</p></body></html>",
        "referat.html", ReadLimits{});
    ASSERT_TRUE(src) << src.error().message();
    EXPECT_EQ(src->encoding, "windows-1252");
    EXPECT_EQ(src->text, "Rådhuset, øst\n");
}

}  // namespace
}  // namespace referat::ingest::read
