// `referat serve` and `referat meetings`: the real binary serving the sample index on a free
// loopback port, checked over raw HTTP (pages, API, exports, errors, escaping, headers, the
// source-file route and attempts to fetch files outside the index).

#include <cctype>
#include <chrono>
#include <fstream>
#include <memory>
#include <regex>
#include <thread>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "cli_fixture.hpp"
#include "http_client.hpp"
#include "loopback.hpp"

namespace {

using namespace referat::testing;
namespace fs = std::filesystem;
namespace json = referat::json;
using namespace std::chrono_literals;

// A title and a decision that would run script if a page forgot to escape them.
constexpr const char* kScriptMinutes =
    "Referat fra mødet i Økonomiudvalget den 5. marts 2024\n\n"
    "Punkt 1: <script>alert('xss')</script> Budget & \"regnskab\"\n\n"
    "Sagsfremstilling\nBudgettet for <b>2024</b> forelægges. Zyxwquux.\n\n"
    "Beslutning\nGodkendt <img src=x onerror=alert(2)>.\n\n"
    "Punkt 2: Orientering om skoler\n\nBeslutning\nTaget til efterretning.\n";

// What an escaping slip or a path traversal would reveal.
constexpr const char* kSecretMarker = "SECRET-MARKER-7d1f0c";

void write_file(const fs::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

std::string url_encode(const std::string& text) {
    static const char* kHex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return out;
}

/// A `referat serve` process on a free loopback port, stopped with SIGTERM at the end.
class Server {
  public:
    Server(const std::vector<std::string>& dbs, const fs::path& scratch) {
        std::vector<std::string> args{"serve"};
        for (const auto& db : dbs) args.insert(args.end(), {"--db", db});
        for (int attempt = 0; attempt < 3 && m_port < 0; ++attempt) {
            const int port = free_port();
            auto all = args;
            all.insert(all.end(), {"--port", std::to_string(port)});
            m_process = std::make_unique<Process>(all, scratch);
            for (int i = 0; i < 1000 && m_process->running() && !accepts(port); ++i)
                std::this_thread::sleep_for(10ms);
            if (m_process->running() && accepts(port)) m_port = port;
        }
    }
    ~Server() { (void)stop(); }
    [[nodiscard]] int port() const { return m_port; }
    [[nodiscard]] std::string failure() {
        return m_process->running() ? "" : m_process->wait().err;
    }
    HttpResponse get(const std::string& target) { return http_request(m_port, target); }
    RunResult stop() {
        m_process->signal(SIGTERM);
        return m_process->wait();
    }

  private:
    std::unique_ptr<Process> m_process;
    int m_port = -1;
};

/// The sample minutes, one PDF and the script fixture, indexed once and served for every test.
class Serve : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        s_dir = new TempDir;
        const fs::path minutes = s_dir->path() / "minutes";
        fs::create_directories(minutes);
        for (const auto& f : sample_files()) fs::copy_file(f, minutes / f.filename());
        fs::copy_file(REFERAT_TEST_DATA "/fixtures/pdf/001_974898943bafb24e.pdf",
                      minutes / "sample.pdf");
        write_file(minutes / "script.txt", kScriptMinutes);
        write_file(s_dir->path() / "secret.txt", kSecretMarker);
        s_db = (s_dir->path() / "referat.db").string();
        const auto r = run({"ingest", "--db", s_db, minutes.string()}, s_dir->path());
        ASSERT_EQ(r.status, 0) << r.err;
        s_server = new Server({s_db}, s_dir->path());
    }
    static void TearDownTestSuite() {
        delete s_server;
        delete s_dir;
    }
    void SetUp() override { ASSERT_GT(s_server->port(), 0) << s_server->failure(); }

    static HttpResponse get(const std::string& target) { return s_server->get(target); }
    static json::Value get_json(const std::string& target) {
        const auto r = get(target);
        EXPECT_EQ(r.status, 200) << target << "\n" << r.body.substr(0, 500);
        return parse_json(r.body);
    }
    static RunResult referat(const std::vector<std::string>& args) {
        return run(args, s_dir->path());
    }
    /// Id of the first hit of a query.
    static std::string first_id(const std::string& query) {
        const auto v = get_json("/api/search?q=" + url_encode(query));
        if (v["hits"].size() == 0) return "";
        return v["hits"].as_array().front()["id"].as_string();
    }

    static inline TempDir* s_dir = nullptr;
    static inline Server* s_server = nullptr;
    static inline std::string s_db;
};

TEST_F(Serve, SearchPageHasQueryBoxFacetsHistogramAndHits) {
    const auto r = get("/search?q=efterretning");
    ASSERT_EQ(r.status, 200);
    EXPECT_EQ(r.header("content-type"), "text/html; charset=utf-8");
    EXPECT_THAT(r.body,
                ::testing::HasSubstr("<input type=\"search\" name=\"q\" value=\"efterretning\""));
    EXPECT_THAT(r.body, ::testing::HasSubstr("href=\"/help\""));
    for (const char* facet : {"committee", "year", "outcome", "kind", "person", "municipality"})
        EXPECT_NE(r.body.find(std::string("data-facet=\"") + facet + "\""), std::string::npos)
            << facet;
    EXPECT_THAT(r.body, ::testing::HasSubstr("<svg class=\"histogram\""));
    EXPECT_THAT(r.body, ::testing::HasSubstr("<li class=\"hit\">"));
    EXPECT_THAT(r.body, ::testing::HasSubstr("<mark>")) << "matched words are highlighted";
    EXPECT_THAT(r.body, ::testing::HasSubstr("type=\"application/atom+xml\""));
    // The sentinels used for marking never reach the page.
    EXPECT_THAT(r.body, ::testing::Not(::testing::HasSubstr("\xee\x80\x80")));
    // The count on the page is the exact total of the API.
    const auto total = get_json("/api/search?q=efterretning")["total"].as_int();
    EXPECT_NE(r.body.find(std::to_string(total) + " items match"), std::string::npos);
}

TEST_F(Serve, FacetValueLinkAddsAFilterAndTheFilterLinkDropsIt) {
    const auto all = get_json("/api/search?facets=committee");
    const auto& committee = all["facets"]["committee"].as_object().front();
    const std::string name = committee.first;
    const auto count = committee.second.as_int();
    ASSERT_LT(count, all["total"].as_int()) << "the samples hold several committees";

    const auto page = get("/");
    const std::string link = "/search?committee=" + url_encode(name);
    ASSERT_NE(page.body.find("href=\"" + link + "\""), std::string::npos) << link;
    const auto filtered = get(link);
    ASSERT_EQ(filtered.status, 200);
    EXPECT_NE(filtered.body.find(std::to_string(count) + " item"), std::string::npos);
    EXPECT_THAT(filtered.body, ::testing::HasSubstr("class=\"on\" href=\"/search\""))
        << "clicking the active value again drops it";
}

TEST_F(Serve, EveryResponseCarriesTheSecurityHeaders) {
    for (const char* target :
         {"/", "/help", "/item/ffffffffffff-m1-i1", "/api/search", "/nothing"}) {
        const auto r = get(target);
        const std::string csp = r.header("content-security-policy");
        EXPECT_THAT(csp, ::testing::HasSubstr("default-src 'self'")) << target;
        EXPECT_THAT(csp, ::testing::Not(::testing::HasSubstr("unsafe-inline"))) << target;
        EXPECT_EQ(r.header("x-content-type-options"), "nosniff") << target;
    }
    const auto css = get("/static/style.css");
    EXPECT_EQ(css.status, 200);
    EXPECT_EQ(css.header("content-type"), "text/css; charset=utf-8");
    const auto page = get("/");
    EXPECT_THAT(page.body, ::testing::Not(::testing::HasSubstr("<style")))
        << "no inline style under the CSP";
    EXPECT_EQ(std::regex_search(page.body, std::regex("<script>|<script [^s]")), false)
        << "no inline script under the CSP";
}

TEST_F(Serve, TextFromTheMinutesIsEscapedEverywhere) {
    const std::string id = first_id("zyxwquux");
    ASSERT_FALSE(id.empty());
    const auto search = get("/search?q=zyxwquux");
    const auto item = get("/item/" + id);
    ASSERT_EQ(item.status, 200);
    for (const auto* r : {&search, &item}) {
        EXPECT_THAT(r->body, ::testing::Not(::testing::HasSubstr("<script>alert")));
        EXPECT_THAT(r->body, ::testing::Not(::testing::HasSubstr("<img src=x")));
        EXPECT_THAT(r->body,
                    ::testing::HasSubstr("&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;"));
    }
    EXPECT_THAT(item.body, ::testing::HasSubstr("&lt;img src=x onerror=alert(2)&gt;"));
    // What the user typed is escaped too, in the box and in the error message.
    const auto typed = get("/search?q=" + url_encode("\"><script>alert(3)</script>"));
    EXPECT_THAT(typed.body, ::testing::Not(::testing::HasSubstr("<script>alert(3)")));
    EXPECT_THAT(typed.body, ::testing::HasSubstr("&quot;&gt;&lt;script&gt;alert(3)"));
}

TEST_F(Serve, BadRequestsGetAClearPageWithStatus400) {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"/search?q=" + std::string(1001, 'a'), "at most 1000"},
        {"/search?q=x&limit=101", "must be between 1 and 100"},
        {"/search?q=x&limit=0", "must be between 1 and 100"},
        {"/search?q=x&offset=10001", "must be between 0 and 10000"},
        {"/search?q=x&offset=-1", "must be a whole number"},
        {"/search?sort=sideways", "unknown sort order"},
        {"/search?q=" + url_encode("titel:(budget"), "invalid query"},
        {"/search?q=" + url_encode("foo:bar"), "foo"},
        {"/appointments?from=2023-13-45", "2023-13-45"},
        {"/export.csv?q=" + url_encode("(("), "invalid query"},
    };
    for (const auto& [target, reason] : cases) {
        const auto r = get(target);
        EXPECT_EQ(r.status, 400) << target;
        EXPECT_EQ(r.header("content-type"), "text/html; charset=utf-8") << target;
        EXPECT_THAT(r.body, ::testing::HasSubstr(reason)) << target << "\n"
                                                          << r.body.substr(0, 3000);
    }
    const auto api = get("/api/search?q=" + url_encode("titel:(budget"));
    EXPECT_EQ(api.status, 400);
    EXPECT_EQ(api.header("content-type"), "application/json; charset=utf-8");
    const auto v = parse_json(api.body);
    EXPECT_THAT(v["error"].as_string(), ::testing::HasSubstr("invalid query"));
    EXPECT_EQ(v["status"].as_int(), 400);
    EXPECT_EQ(get("/api/search?facets=colour").status, 400);
}

TEST_F(Serve, OnlyGetAndHeadAreServed) {
    for (const char* method : {"POST", "PUT", "DELETE", "PATCH"}) {
        const auto r = http_request(s_server->port(), "/search?q=x", method);
        EXPECT_EQ(r.status, 405) << method;
        EXPECT_EQ(r.header("allow"), "GET, HEAD") << method;
    }
    const auto head = http_request(s_server->port(), "/", "HEAD");
    EXPECT_EQ(head.status, 200);
    EXPECT_TRUE(head.body.empty());
}

TEST_F(Serve, UnknownIdsAndPathsAre404) {
    for (const char* target :
         {"/item/ffffffffffff-m1-i1", "/meeting/ffffffffffff-m1", "/source/ffffffffffff-m1-i1",
          "/person/Nobody%20Nowhere%20Qqq", "/committee/No%20Such%20Committee", "/no/such/page",
          "/api/item/ffffffffffff-m1-i1", "/api/meeting/ffffffffffff-m1",
          "/api/person/Nobody%20Qqq", "/static/none.css"}) {
        const auto r = get(target);
        EXPECT_EQ(r.status, 404) << target;
        EXPECT_FALSE(r.body.empty()) << target;
    }
    EXPECT_EQ(get("/api/nothing").header("content-type"), "application/json; charset=utf-8");
    // An item id is not a meeting, and the other way round.
    const std::string item = first_id("efterretning");
    const std::string meeting = item.substr(0, item.find("-i"));
    EXPECT_EQ(get("/meeting/" + item).status, 404);
    EXPECT_EQ(get("/item/" + meeting).status, 404);
    EXPECT_EQ(get("/meeting/" + meeting).status, 200);
}

TEST_F(Serve, ItemPageShowsSectionsDecisionAndProvenance) {
    const std::string id = first_id("zyxwquux");
    ASSERT_FALSE(id.empty());
    const auto record = get_json("/api/item/" + id);
    const auto r = get("/item/" + id);
    ASSERT_EQ(r.status, 200);
    for (const std::string& part : std::vector<std::string>{
             "Decision", "Sections", "Sagsfremstilling", "Provenance", "Source file",
             record["sha256"].as_string(), "href=\"/source/" + id + "\"",
             "href=\"/meeting/" + record["meeting_id"].as_string() + "\"", "approved"})
        EXPECT_THAT(r.body, ::testing::HasSubstr(part)) << part;
}

TEST_F(Serve, SourceRouteServesTheIndexedFileByIdOnly) {
    const std::string id = first_id("zyxwquux");
    const auto r = get("/source/" + id);
    ASSERT_EQ(r.status, 200);
    EXPECT_EQ(r.body, kScriptMinutes);
    EXPECT_EQ(r.header("content-type"), "text/plain") << "sources never render as HTML";
    EXPECT_THAT(r.header("content-security-policy"), ::testing::HasSubstr("sandbox"));

    // A PDF opens at the item's page.
    const auto pdf_hits = get_json("/api/search?limit=100&q=" + url_encode("efterretning"));
    std::string pdf_id;
    std::int64_t page = 0;
    // The PDF may publish the same items as another sample file: then it is one of the hit's
    // sources (also_in), and its own record gives the page.
    for (const auto& h : pdf_hits["hits"].as_array()) {
        std::vector<std::string> ids{h["id"].as_string()};
        for (const auto& other : h["also_in"].as_array())
            if (other["source"].as_string().ends_with("sample.pdf"))
                ids.push_back(other["id"].as_string());
        for (const auto& candidate : ids) {
            const auto record = get_json("/api/item/" + candidate);
            if (record["source"].as_string().ends_with("sample.pdf") &&
                record["page"].as_int() > 0) {
                pdf_id = candidate;
                page = record["page"].as_int();
                break;
            }
        }
        if (!pdf_id.empty()) break;
    }
    ASSERT_FALSE(pdf_id.empty()) << "the PDF sample has an item about efterretning";
    const auto item = get("/item/" + pdf_id);
    EXPECT_NE(item.body.find("/source/" + pdf_id + "#page=" + std::to_string(page)),
              std::string::npos);
    const auto file = get("/source/" + pdf_id);
    EXPECT_EQ(file.status, 200);
    EXPECT_EQ(file.header("content-type"), "application/pdf");
    EXPECT_TRUE(file.body.starts_with("%PDF"));
}

TEST_F(Serve, NoFileOutsideTheIndexCanBeFetched) {
    const std::string secret = (s_dir->path() / "secret.txt").string();
    const std::string id = first_id("zyxwquux");
    const std::vector<std::string> targets{
        "/source/../secret.txt",
        "/source/../../../../../../etc/passwd",
        "/source/..%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
        "/source/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/source/%2E%2E/%2E%2E/etc/passwd",
        "/source/%252e%252e%252fetc%252fpasswd",
        "/source/..%5c..%5cetc%5cpasswd",
        "/source/%2fetc%2fpasswd",
        "/source//etc/passwd",
        "/source/" + url_encode(secret),
        "/source/" + secret,
        "/source/" + id + "/../../secret.txt",
        "/source/" + id + "%2f..%2f..%2fsecret.txt",
        "/source/" + id + "%00../secret.txt",
        "/source/file:" + url_encode(secret),
        "/static/../../../../etc/passwd",
        "/static/%2e%2e%2f%2e%2e%2fCMakeLists.txt",
        "/static/..%2fsecret.txt",
        "/../../../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/item/..%2f..%2fsecret.txt",
        "/api/item/..%2f..%2fetc%2fpasswd",
        "/help/../../etc/passwd",
    };
    for (const auto& target : targets) {
        const auto r = get(target);
        EXPECT_NE(r.status, 200) << target;
        EXPECT_EQ(r.body.find(kSecretMarker), std::string::npos) << target;
        EXPECT_THAT(r.body, ::testing::Not(::testing::HasSubstr("root:x:0:0"))) << target;
    }
    // The indexed file itself stays reachable by its id.
    EXPECT_EQ(get("/source/" + id).status, 200);
}

TEST_F(Serve, ApiReturnsTheCliJson) {
    auto cli = referat({"search", "--db", s_db, "--format", "json", "--facets", "committee,year",
                        "--limit", "5", "efterretning"});
    ASSERT_EQ(cli.status, 0) << cli.err;
    const auto expected = parse_json(cli.out);
    const auto api = get_json("/api/search?q=efterretning&facets=committee,year&limit=5");
    EXPECT_EQ(api.dump(), expected.dump());

    const std::string id = expected["hits"].as_array().front()["id"].as_string();
    cli = referat({"show", "--db", s_db, "--format", "json", id});
    ASSERT_EQ(cli.status, 0);
    EXPECT_EQ(get_json("/api/item/" + id).dump(), parse_json(cli.out).dump());
    const std::string meeting = expected["hits"].as_array().front()["meeting_id"].as_string();
    cli = referat({"show", "--db", s_db, "--format", "json", meeting});
    EXPECT_EQ(get_json("/api/meeting/" + meeting).dump(), parse_json(cli.out).dump());
}

TEST_F(Serve, ExportsAreTheCliWritersWithDanishSpreadsheetSettings) {
    const auto total = get_json("/api/search?q=efterretning")["total"].as_int();
    ASSERT_GT(total, 0);
    const auto csv = get("/export.csv?q=efterretning");
    ASSERT_EQ(csv.status, 200);
    EXPECT_EQ(csv.header("content-type"), "text/csv; charset=utf-8");
    EXPECT_TRUE(
        csv.body.starts_with("\xEF\xBB\xBF"
                             "rank;relevance;id;meeting_id;date"));
    auto cli = referat(
        {"export", "--db", s_db, "--format", "csv", "--csv-sep", ";", "--bom", "efterretning"});
    ASSERT_EQ(cli.status, 0) << cli.err;
    EXPECT_EQ(csv.body, cli.out);

    const auto jsonl = get("/export.jsonl?q=efterretning");
    ASSERT_EQ(jsonl.status, 200);
    const auto lines = lines_of(jsonl.body);
    EXPECT_EQ(static_cast<std::int64_t>(lines.size()), total);
    for (const auto& line : lines) EXPECT_TRUE(parse_json(line).is_object());
}

/// The entries of an Atom feed as (link href, updated), or nullopt when it is not well-formed
/// XML with an Atom feed root holding id, title and updated.
std::optional<std::vector<std::pair<std::string, std::string>>> atom_entries(
    const std::string& xml) {
    xmlDocPtr doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "feed.xml", nullptr,
                                  XML_PARSE_NONET);
    if (!doc) return std::nullopt;
    auto text_of = [](xmlNodePtr n) {
        xmlChar* c = xmlNodeGetContent(n);
        std::string s = c ? reinterpret_cast<const char*>(c) : "";
        xmlFree(c);
        return s;
    };
    auto is = [](xmlNodePtr n, const char* name) {
        return n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, BAD_CAST name);
    };
    xmlNodePtr root = xmlDocGetRootElement(doc);
    std::vector<std::pair<std::string, std::string>> out;
    int required = 0;
    const bool atom = root && is(root, "feed") && root->ns &&
                      xmlStrEqual(root->ns->href, BAD_CAST "http://www.w3.org/2005/Atom");
    for (xmlNodePtr n = atom ? root->children : nullptr; n; n = n->next) {
        if (is(n, "id") || is(n, "title") || is(n, "updated")) ++required;
        if (!is(n, "entry")) continue;
        std::pair<std::string, std::string> entry;
        for (xmlNodePtr c = n->children; c; c = c->next) {
            if (is(c, "updated")) entry.second = text_of(c);
            if (is(c, "link")) {
                xmlChar* href = xmlGetProp(c, BAD_CAST "href");
                entry.first = href ? reinterpret_cast<const char*>(href) : "";
                xmlFree(href);
            }
        }
        out.push_back(entry);
    }
    xmlFreeDoc(doc);
    if (!atom || required != 3) return std::nullopt;
    return out;
}

TEST_F(Serve, EverySearchIsAnAtomFeedWhoseLinksLeadToTheItems) {
    const auto feed = get("/feed.atom?q=efterretning&limit=5");
    ASSERT_EQ(feed.status, 200) << feed.body;
    EXPECT_EQ(feed.header("content-type"), "application/atom+xml; charset=utf-8");
    const auto entries = atom_entries(feed.body);
    ASSERT_TRUE(entries.has_value()) << feed.body;
    const auto total = get_json("/api/search?q=efterretning")["total"].as_int();
    EXPECT_EQ(static_cast<std::int64_t>(entries->size()), std::min<std::int64_t>(total, 5));
    for (const auto& [href, updated] : *entries) {
        const std::string prefix = "http://127.0.0.1:" + std::to_string(s_server->port());
        ASSERT_TRUE(href.starts_with(prefix + "/item/")) << href;
        EXPECT_EQ(get(href.substr(prefix.size())).status, 200) << href;
        EXPECT_TRUE(std::regex_match(updated, std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")))
            << updated;
    }
    // Text from the request is escaped by the XML writer, never taken as markup.
    const auto odd = get("/feed.atom?q=%3Cscript%3E%20efterretning");
    ASSERT_EQ(odd.status, 200);
    EXPECT_TRUE(atom_entries(odd.body).has_value()) << odd.body;
    EXPECT_THAT(odd.body, ::testing::Not(::testing::HasSubstr("<script>")));
    EXPECT_EQ(get("/feed.atom?q=titel:(efterretning").status, 400);
}

TEST_F(Serve, MeetingPersonCommitteeAndRegisterPages) {
    const auto hits = get_json("/api/search?q=efterretning&facets=person,committee");
    const std::string meeting = hits["hits"].as_array().front()["meeting_id"].as_string();
    const auto m = get("/meeting/" + meeting);
    ASSERT_EQ(m.status, 200);
    EXPECT_THAT(m.body, ::testing::HasSubstr("Items"));

    // The person with most items: a page with counts, yearly attendance and the timeline. The
    // facet lists the name ("Lise Willer"); the page resolves it to the person's key.
    const std::string name = hits["facets"]["person"].as_object().front().first;
    ASSERT_FALSE(name.empty());
    EXPECT_TRUE(name.front() >= 'A' && name.front() <= 'Z') << "a name, not a key: " << name;
    const auto p = get("/person/" + url_encode(name));
    ASSERT_EQ(p.status, 200) << name;
    EXPECT_THAT(p.body, ::testing::HasSubstr("Timeline"));
    EXPECT_THAT(p.body, ::testing::HasSubstr("class=\"counts\""));
    const auto timeline = get_json("/api/person/" + url_encode(name));
    std::string lower = name;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    EXPECT_EQ(timeline["key"].as_string(), lower);
    EXPECT_TRUE(timeline["attendance_by_year"].is_array());
    const auto cli = referat({"person", "--db", s_db, "--format", "json", name});
    EXPECT_EQ(timeline.dump(), parse_json(cli.out).dump());

    const std::string committee = hits["facets"]["committee"].as_object().front().first;
    const auto c = get("/committee/" + url_encode(committee));
    ASSERT_EQ(c.status, 200);
    EXPECT_THAT(c.body, ::testing::HasSubstr("/meeting/"));
    EXPECT_EQ(get("/persons").status, 200);
    EXPECT_EQ(get("/committees").status, 200);
    EXPECT_EQ(get("/appointments").status, 200);
    EXPECT_EQ(get("/appointments?kind=made&from=2020").status, 200);
    const auto help = get("/help");
    EXPECT_EQ(help.status, 200);
    EXPECT_THAT(help.body, ::testing::HasSubstr("udvalg:"));
}

TEST_F(Serve, MeetingsCommandListsWhatStatsCounts) {
    auto r = referat({"meetings", "--db", s_db, "--format", "json"});
    ASSERT_EQ(r.status, 0) << r.err;
    const auto all = parse_json(r.out);
    r = referat({"stats", "--db", s_db, "--format", "json"});
    EXPECT_EQ(static_cast<std::int64_t>(all.size()), parse_json(r.out)["meetings"].as_int());
    std::string previous;
    for (const auto& m : all.as_array()) {
        const std::string date = m["date"].as_string();
        if (date.empty()) continue;
        EXPECT_LE(previous, date);
        previous = date;
    }
    const std::string committee = all.as_array().front()["committee"].as_string();
    r = referat({"meetings", "--db", s_db, "--format", "json", "--committee", committee});
    const auto filtered = parse_json(r.out);
    EXPECT_GT(filtered.size(), 0u);
    EXPECT_LT(filtered.size(), all.size()) << "the samples hold several committees";
    for (const auto& m : filtered.as_array()) EXPECT_EQ(m["committee"].as_string(), committee);
    r = referat({"meetings", "--db", s_db, "--from", "2024-03-05", "--to", "2024-03-05"});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_THAT(r.out, ::testing::HasSubstr("Økonomiudvalget")) << r.out;
    r = referat({"meetings", "--db", s_db, "--from", "1900", "--to", "1901"});
    EXPECT_EQ(r.status, 1);
    r = referat({"meetings", "--db", s_db, "--kind", "poem"});
    EXPECT_EQ(r.status, 2);
    r = referat({"meetings", "--db", s_db, "--format", "csv"});
    EXPECT_TRUE(r.out.starts_with("date,committee,title,kind"));
}

class ServeAlone : public CliTest {};

TEST_F(ServeAlone, PortZeroPrintsTheAddressAndSigintStopsCleanly) {
    ASSERT_EQ(ingest({(minutes() / "000_92d3c2ccd0431f34.txt").string()})["ingested"].as_int(), 1);
    Process server({"serve", "--db", db(), "--port", "0"}, scratch());
    // The process writes its stdout to an out-* file in scratch(); find the address there.
    int port = -1;
    for (int i = 0; i < 1000 && port < 0 && server.running(); ++i) {
        std::this_thread::sleep_for(10ms);
        for (const auto& e : fs::directory_iterator(scratch())) {
            if (!e.path().filename().string().starts_with("out-")) continue;
            std::smatch m;
            const std::string text = slurp(e.path());
            if (std::regex_search(text, m,
                                  std::regex("listening on http://127\\.0\\.0\\.1:(\\d+)/")))
                port = std::stoi(m[1]);
        }
    }
    ASSERT_GT(port, 0) << server.wait().err;
    EXPECT_EQ(http_request(port, "/").status, 200);
    server.signal(SIGINT);
    const auto r = server.wait();
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_THAT(r.err, ::testing::HasSubstr("stopped"));
}

TEST_F(ServeAlone, KeepsServingWhileIngestWritesAndSeesTheNewItems) {
    ASSERT_EQ(ingest({(minutes() / "000_92d3c2ccd0431f34.txt").string()})["ingested"].as_int(), 1);
    Server server({db()}, scratch());
    ASSERT_GT(server.port(), 0) << server.failure();
    EXPECT_EQ(parse_json(server.get("/api/search?q=zyxwquux").body)["total"].as_int(), 0);
    write_file(minutes() / "script.txt", kScriptMinutes);
    // Searches keep answering while the ingest holds the write lock.
    Process writer({"ingest", "--db", db(), minutes().string()}, scratch());
    while (writer.running()) EXPECT_EQ(server.get("/search?q=efterretning").status, 200);
    ASSERT_EQ(writer.wait().status, 0);
    EXPECT_EQ(parse_json(server.get("/api/search?q=zyxwquux").body)["total"].as_int(), 1);
    EXPECT_EQ(server.stop().status, 0);
}

TEST_F(ServeAlone, ServesSeveralDatabasesAndRemoteShardsAsOne) {
    // tools/install-deps installs xapian-tools: a missing server is a broken set-up, not a skip.
    ASSERT_TRUE(fs::exists(kTcpServer)) << kTcpServer << " is not installed (xapian-tools)";
    ASSERT_EQ(ingest({(minutes() / "000_92d3c2ccd0431f34.txt").string()})["ingested"].as_int(), 1);
    const std::string second = (scratch() / "second.db").string();
    write_file(minutes() / "script.txt", kScriptMinutes);
    auto r = referat({"ingest", "--db", second, (minutes() / "script.txt").string()});
    ASSERT_EQ(r.status, 0) << r.err;
    const int port = free_port();
    Process tcp(kTcpServer, {"--interface", "127.0.0.1", "--port", std::to_string(port), second},
                scratch());
    for (int i = 0; i < 500 && tcp.running() && !accepts(port); ++i)
        std::this_thread::sleep_for(10ms);
    ASSERT_TRUE(tcp.running());
    Server server({db(), "127.0.0.1:" + std::to_string(port)}, scratch());
    ASSERT_GT(server.port(), 0) << server.failure();
    EXPECT_EQ(parse_json(server.get("/api/search?q=zyxwquux").body)["total"].as_int(), 1);
    EXPECT_GT(parse_json(server.get("/api/search?q=efterretning").body)["total"].as_int(), 0);
    const auto page = server.get("/search?q=zyxwquux");
    EXPECT_THAT(page.body, ::testing::HasSubstr("1 item match"));
    tcp.kill9();
}

TEST_F(ServeAlone, MissingDatabaseFailsBeforeListening) {
    const auto r = referat({"serve", "--db", (scratch() / "none.db").string(), "--port", "0"});
    EXPECT_EQ(r.status, 2);
    EXPECT_THAT(r.err, ::testing::HasSubstr("no database at")) << r.err;
}

}  // namespace
