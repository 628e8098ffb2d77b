// HTML and DOCX into the text model: entities, block structure, dropped chrome, real pages.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <referat/ingest/reader.hpp>

#include "read/formats.hpp"
#include "read_test_support.hpp"
#include "referat/ingest/utf8.hpp"

namespace referat::ingest::read {
namespace {

struct EntityCase {
    std::string_view html;
    std::string_view text;
};

class Entities : public ::testing::TestWithParam<EntityCase> {};

TEST_P(Entities, DecodeToUtf8) { EXPECT_EQ(html_to_text(GetParam().html), GetParam().text); }

INSTANTIATE_TEST_SUITE_P(
    Danish, Entities,
    ::testing::Values(EntityCase{"<p>K&oslash;benhavn</p>", "København\n"},
                      EntityCase{"<p>&AElig;r&oslash; og &aring;en</p>", "Ærø og åen\n"},
                      EntityCase{"<p>&aelig;ble&nbsp;&amp;&nbsp;p&aelig;re</p>", "æble & pære\n"},
                      EntityCase{"<p>&#248;l &#xE5;r &#X00C6;</p>", "øl år Æ\n"},
                      EntityCase{"<p>kl. 10&#150;12</p>", "kl. 10–12\n"},
                      EntityCase{"<p>&lt;b&gt; &quot;x&quot;</p>", "<b> \"x\"\n"},
                      EntityCase{"<p>&ukendt; &amp &#;</p>", "&ukendt; & &#;\n"},
                      EntityCase{"<p>&#0; &#x110000;</p>", "\xEF\xBF\xBD \xEF\xBF\xBD\n"}));

TEST(Html, BlocksBecomeLinesAndCellsTabs) {
    const auto text = html_to_text(
        "<html><body><h1>Referat</h1><div>Punkt 1<br>Godkendt</div>"
        "<ul><li>en</li><li>to</li></ul>"
        "<table><tr><td>Udvalg:</td><td>Teknisk Udvalg</td></tr>"
        "<tr><th>Dato</th><td> 1. oktober </td></tr></table></body></html>");
    EXPECT_EQ(text,
              "Referat\nPunkt 1\nGodkendt\nen\nto\nUdvalg:\tTeknisk Udvalg\nDato\t1. oktober\n");
}

TEST(Html, ScriptStyleNavHeaderFooterAndChromeAreDropped) {
    const auto text = html_to_text(
        "<!DOCTYPE html><html><head><title>T</title><style>p{}</style></head><body>"
        "<header><nav><a>Forside</a><div>Menu <nav>indre</nav> mere</div></nav></header>"
        "<script>if (a < b) { document.write('<p>nej</p>'); }</script>"
        "<!-- <p>kommentar</p> --><p>Beslutning</p><p>Til toppen</p><p>Hent som PDF</p>"
        "<button>Fold dette punkt "
        "ind</button><p>Godkendt.</p><footer>Kontakt</footer></body></html>");
    EXPECT_EQ(text, "Beslutning\nGodkendt.\n");
}

TEST(Html, WhitespaceCollapsesButPreKeepsLines) {
    EXPECT_EQ(html_to_text("<p>  a \n\t b  </p><pre>x\ny</pre>"), "a b\nx\ny\n");
}

TEST(Html, SniffingNeedsMarkupAtTheStart) {
    EXPECT_TRUE(looks_like_html("  <!DOCTYPE html><html>"));
    EXPECT_TRUE(looks_like_html("<div class=\"x\">Referat</div>"));
    EXPECT_FALSE(looks_like_html("Referat\nSe <div> i teksten"));
    EXPECT_FALSE(looks_like_html("<?xml version=\"1.0\"?><meeting/>"));
}

TEST(Html, RealAarhusMinutesPage) {
    auto src = read_source(test::data_path("real/aarhus/teknisk-udvalg-2025-10-01-referat.html"));
    ASSERT_TRUE(src) << src.error().message();
    EXPECT_EQ(src->type, "html");
    EXPECT_EQ(src->encoding, "UTF-8");
    const auto& t = src->text;
    EXPECT_THAT(t, ::testing::HasSubstr("\nUdviklingsplan Aarhus Ø - endelig vedtagelse\n"));
    EXPECT_THAT(t, ::testing::HasSubstr("\nBeslutninger\n"));
    EXPECT_THAT(t, ::testing::HasSubstr("Liv Gro Jensen var forhindret i at deltage"));
    EXPECT_THAT(t, ::testing::Not(::testing::HasSubstr("Hent som PDF")));
    EXPECT_THAT(t, ::testing::Not(::testing::HasSubstr("Tilbage til forsiden")));
    EXPECT_THAT(t, ::testing::Not(::testing::HasSubstr("<")));
    EXPECT_THAT(t, ::testing::Not(::testing::HasSubstr("&amp;")));
    EXPECT_THAT(t, ::testing::Not(::testing::HasSubstr("function(")));
}

TEST(Html, RealAarhusAgendaPageReadsWithoutScripts) {
    auto src = read_source(test::data_path("real/aarhus/byraad-2025-10-08-dagsorden.html"));
    ASSERT_TRUE(src) << src.error().message();
    EXPECT_EQ(src->type, "html");
    EXPECT_GT(src->text.size(), 10000u);
    EXPECT_THAT(src->text, ::testing::Not(::testing::HasSubstr("<script")));
    EXPECT_TRUE(referat::utf8::is_valid(src->text));
}

TEST(Docx, ParagraphsTabsBreaksAndTables) {
    const auto text = docx_xml_to_text(
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
        "<w:body><w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr>"
        "<w:r><w:t>Punkt 1</w:t></w:r><w:r><w:tab/><w:t xml:space=\"preserve\">Godkendelse </w:t>"
        "<w:t>&amp; b&#248;rn</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>linje</w:t><w:br/><w:t>to</w:t><w:delText>slettet</w:delText></w:r></w:p>"
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Sagsnr.:</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>12/27845</w:t></w:r></w:p></w:tc></w:tr>"
        "<w:tr><w:tc><w:p><w:r><w:t>a</w:t></w:r></w:p><w:p><w:r><w:t>b</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p/></w:tc></w:tr></w:tbl>"
        "</w:body></w:document>");
    EXPECT_EQ(text, "Punkt 1\tGodkendelse & børn\nlinje\nto\nSagsnr.:\t12/27845\na b\n");
}

TEST(Docx, ElementsAreMatchedOnTheirNamespaceNotTheirPrefix) {
    // The same paragraph with the default namespace, another prefix, and the right prefix bound
    // to a foreign namespace (which is not Word text).
    const auto text = docx_xml_to_text(
        "<document xmlns=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
        "xmlns:x=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
        "xmlns:w=\"urn:example:not-word\"><body>"
        "<p><r><t>Standard</t><tab/><t><![CDATA[Fisk & <chips>]]></t></r></p>"
        "<x:p><x:r><x:t>Andet prefiks</x:t></x:r></x:p>"
        "<w:p><w:r><w:t>fremmed</w:t></w:r></w:p>"
        "</body></document>");
    EXPECT_EQ(text, "Standard\tFisk & <chips>\nAndet prefiks\n");
}

TEST(Docx, MainPartIsFoundThroughThePackageRelationships) {
    const std::string ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    const std::string docx = test::stored_zip({
        {"[Content_Types].xml",
         "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
         "<Override PartName=\"/tekst/hoved.xml\" ContentType=\"application/"
         "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"},
        {"_rels/.rels",
         "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
         "<Relationship Id=\"rId1\" Target=\"tekst/hoved.xml\" Type=\"http://schemas."
         "openxmlformats.org/officeDocument/2006/relationships/officeDocument\"/>"
         "</Relationships>"},
        {"tekst/hoved.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><document xmlns=\"" + ns +
                                "\"><body><p><r><t>Referat</t></r></p><p><r><t>1. "
                                "Godkendelse af dagsorden</t></r></p></body></document>"},
    });
    auto src = read_bytes(docx, "default-namespace.docx");
    ASSERT_TRUE(src) << src.error().message();
    EXPECT_EQ(src->type, "docx");
    EXPECT_EQ(src->text, "Referat\n1. Godkendelse af dagsorden\n");
}

TEST(Docx, RealSyddjursMinutes) {
    auto src = read_source(test::data_path("real/syddjurs/puk-2013-06-20-referat.docx"));
    ASSERT_TRUE(src) << src.error().message();
    EXPECT_EQ(src->type, "docx");
    const auto& t = src->text;
    EXPECT_THAT(t, ::testing::HasSubstr("\n715. Kulturkommune 2017. Politiske fokusområder\n"));
    EXPECT_THAT(t, ::testing::HasSubstr("\nSagsnr.:\t12/27845\n"));
    EXPECT_NE(t.find("\nBeslutning i Udvalget for plan, udvikling og kultur (PUK) den 20-06-2013\n"
                     "Punktet blev drøftet.\n"),
              std::string::npos);
    EXPECT_THAT(
        t, ::testing::HasSubstr("\n1\tÅben\tOpsamlingsnotat. Temamøde 20.09.2012\t222359/12\n"));
    EXPECT_TRUE(src->page_starts.empty());
}

TEST(Docx, PdfAndWordVersionsOfTheSameMeetingAgree) {
    auto docx = read_source(test::data_path("real/syddjurs/puk-2013-06-20-referat.docx"));
    auto pdf = read_source(test::data_path("real/syddjurs/puk-2013-06-20-referat.pdf"));
    ASSERT_TRUE(docx && pdf);
    for (std::string_view line :
         {"Sagen afgøres i:\tUdvalget for plan, udvikling og kultur (PUK)",
          "Beslutning i Udvalget for plan, udvikling og kultur (PUK) den 24-04-2013",
          "Tidsplanens punkter markeret med kursiv er ikke realiseret pt."}) {
        EXPECT_THAT(docx->text, ::testing::HasSubstr(line)) << line;
        EXPECT_THAT(pdf->text, ::testing::HasSubstr(line)) << line;
    }
}

}  // namespace
}  // namespace referat::ingest::read
