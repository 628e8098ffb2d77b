// The one HTML escaping function, URL encoding and snippet marking of the web server.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "html.hpp"
#include "layout.hpp"

namespace {

using namespace referat::web;

TEST(Html, EscapeCoversContentAndQuotedAttributes) {
    EXPECT_EQ(escape("<script>alert('x')</script> & \"q\""),
              "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
    EXPECT_EQ(escape("Økonomiudvalget æøå"), "Økonomiudvalget æøå");
    EXPECT_EQ(escape("&amp;"), "&amp;amp;")
        << "escaping is never skipped for text that looks escaped";
    EXPECT_EQ(escape("m\xF8"
                     "de <b>"),
              "m\uFFFD"
              "de &lt;b&gt;")
        << "bytes that are not UTF-8 (a Latin-1 query in the URL) never reach the page";
}

TEST(Html, UrlEncodeKeepsOnlyUnreservedCharacters) {
    EXPECT_EQ(url_encode("a b/c?d=e&f#g"), "a%20b%2Fc%3Fd%3De%26f%23g");
    EXPECT_EQ(url_encode("../etc"), "..%2Fetc");
    EXPECT_EQ(url_encode("Social-direktør_forum.~"), "Social-direkt%C3%B8r_forum.~");
    EXPECT_EQ(query_string({{"q", "år:2021"}, {"committee", "DAS Social"}}),
              "?q=%C3%A5r%3A2021&committee=DAS%20Social");
    EXPECT_EQ(query_string({}), "");
}

TEST(Html, SnippetIsEscapedBeforeItsMarksBecomeTags) {
    const std::string start = "\xee\x80\x80", end = "\xee\x80\x81";
    EXPECT_EQ(marked_snippet("a " + start + "<b>" + end + " & " + start + "x" + end, start, end),
              "a <mark>&lt;b&gt;</mark> &amp; <mark>x</mark>");
    EXPECT_EQ(marked_snippet("no marks <i>", start, end), "no marks &lt;i&gt;");
}

TEST(Html, ParamsKeepOrderAndRepeats) {
    const Params p{{"year", "2021"}, {"q", "x"}, {"year", "2023"}};
    EXPECT_EQ(param(p, "year"), "2021");
    EXPECT_EQ(param(p, "none"), "");
    EXPECT_EQ(params_named(p, "year"), (std::vector<std::string>{"2021", "2023"}));
}

TEST(Html, ShortenCutsOnACharacterBoundary) {
    EXPECT_EQ(shorten("æøå", 10), "æøå");
    EXPECT_EQ(shorten("æøå", 3), "æ…");  // byte 3 is inside "ø": back to its start
    EXPECT_EQ(shorten("abcdef", 3), "abc…");
}

TEST(Html, ErrorPagesEscapeTheReasonAndCarryTheStatus) {
    const Reply page = error_page(400, "bad <query>");
    EXPECT_EQ(page.status, 400);
    EXPECT_THAT(page.body, ::testing::HasSubstr("bad &lt;query&gt;"));
    EXPECT_THAT(page.body, ::testing::Not(::testing::HasSubstr("<query>")));
    const Reply api = api_error(404, "no \"item\"");
    EXPECT_EQ(api.status, 404);
    EXPECT_EQ(api.content_type, "application/json; charset=utf-8");
    EXPECT_EQ(api.body, "{\"error\":\"no \\\"item\\\"\",\"status\":404}\n");
}

TEST(Html, HelpPageRendersTheQueryLanguageEscaped) {
    const Reply help = help_page();
    EXPECT_THAT(help.body, ::testing::HasSubstr("<h1>Query syntax</h1>"));
    EXPECT_THAT(help.body, ::testing::HasSubstr("<code>udvalg:</code>"));
    EXPECT_THAT(help.body, ::testing::HasSubstr("<pre>"));
}

}  // namespace
