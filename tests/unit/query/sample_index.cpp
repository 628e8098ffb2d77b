#include "sample_index.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <referat/index/database.hpp>
#include <referat/index/schema.hpp>
#include <referat/index/writer.hpp>
#include <referat/ingest/reader.hpp>
#include <referat/ingest/serialize.hpp>

namespace referat::query::testing {

namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TempDir::TempDir() {
    std::string pattern = (fs::temp_directory_path() / "referat-query-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    m_path = pattern;
}

TempDir::~TempDir() {
    std::error_code ec;
    fs::remove_all(m_path, ec);
}

std::vector<GoldFile> gold_files() {
    std::vector<GoldFile> out;
    for (const auto& entry : fs::directory_iterator(fs::path(REFERAT_TEST_DATA) / "samples")) {
        if (entry.path().extension() != ".json") continue;
        auto parsed = json::parse(read_file(entry.path()));
        if (!parsed) throw std::runtime_error("bad gold file " + entry.path().string());
        out.push_back({entry.path().stem().string(), *parsed});
    }
    std::sort(out.begin(), out.end(),
              [](const GoldFile& a, const GoldFile& b) { return a.stem < b.stem; });
    return out;
}

ingest::Meeting extra_meeting() {
    ingest::Meeting m;
    m.title = "Møde i Økonomiudvalget den 5. marts 2019";
    m.committee = "Økonomiudvalget";
    m.date = "2019-03-05";
    m.layout = "word2011";
    m.kind = "minutes";
    ingest::Item a;
    a.number = 1;
    a.title = "Fælleskommunal indsats i Åbenrå";
    a.decision = "Udvalget godkendte planen, dog med \"forbehold\"\nfor økonomien; se bilag.";
    a.outcome = ingest::Outcome::kApproved;
    a.municipalities = {"Aabenraa Kommune"};
    a.persons_mentioned = {"Mogens Bak Hansen"};
    a.max_amount = 2500000;
    a.attachments = {"Plan, version 2.pdf"};
    a.span_begin = 120;
    a.span_end = 900;
    a.line_begin = 7;
    a.line_end = 30;
    a.page = 2;
    a.sections = {{"Indstilling", "indstilling", "Direktionen indstiller, at planen godkendes."},
                  {"Beslutning", "beslutning", *a.decision}};
    ingest::Item b;
    b.number = 2;
    b.title = "Budget for Aabenraa Kommunes skoler";
    b.decision = "Sagen blev udsat til næste møde.";
    b.outcome = ingest::Outcome::kPostponed;
    b.municipalities = {"Aabenraa Kommune", "Region Syddanmark", "Københavns Kommune"};
    b.max_amount = 750000;
    b.span_begin = 900;
    b.span_end = 1500;
    b.line_begin = 31;
    b.line_end = 52;
    b.page = 3;
    ingest::Item c;  // words next to Danish letters and an ampersand, for operators and snippets
    c.number = 3;
    c.title = "Samarbejde om sundhed med B&U kredsen";
    c.decision = "Udvalget holder årligt et fællesmøde med kredsen.";
    c.outcome = ingest::Outcome::kApproved;
    c.span_begin = 1500;
    c.span_end = 1800;
    c.line_begin = 53;
    c.line_end = 60;
    c.page = 3;
    m.items = {a, b, c};
    return m;
}

namespace {

std::vector<std::string> string_list(const json::Value& v) {
    std::vector<std::string> out;
    if (v.is_array())
        for (const auto& s : v.as_array())
            if (s.is_string()) out.push_back(s.as_string());
    return out;
}

std::string lower(std::string_view s) {
    std::string out;
    for (Xapian::Utf8Iterator it(s.data(), s.size()); it != Xapian::Utf8Iterator(); ++it)
        Xapian::Unicode::append_utf8(out, Xapian::Unicode::tolower(*it));
    return out;
}

}  // namespace

std::vector<TestItem> all_items() {
    std::vector<TestItem> out;
    for (const auto& gold : gold_files()) {
        const json::Value& m = gold.value["meeting"];
        for (const auto& it : gold.value["items"].as_array()) {
            TestItem t;
            t.date = m["date"].as_string();
            t.committee = m["committee"].as_string();
            t.layout = gold.value["layout"].as_string();
            if (gold.value["kind"].is_string()) t.kind = gold.value["kind"].as_string();
            t.number = static_cast<int>(it["number"].as_int());
            t.key = t.date + "#" + std::to_string(t.number);
            t.title = it["title"].as_string();
            t.decision = it["decision"].is_string() ? it["decision"].as_string() : "";
            t.outcome = it["decision_outcome"].as_string();
            t.attachments = string_list(it["attachments"]);
            for (auto& s : string_list(it["inline_attachments"])) t.attachments.push_back(s);
            t.persons = string_list(it["persons_mentioned"]);
            for (const auto& a : it["appointments"].as_array())
                if (a["person"].is_string()) t.persons.push_back(a["person"].as_string());
            out.push_back(std::move(t));
        }
    }
    ingest::Meeting extra = extra_meeting();
    for (const auto& it : extra.items) {
        TestItem t;
        t.date = *extra.date;
        t.committee = extra.committee;
        t.layout = extra.layout;
        t.kind = extra.kind;
        t.number = it.number;
        t.key = t.date + "#" + std::to_string(t.number);
        t.title = it.title;
        t.decision = it.decision.value_or("");
        t.outcome = std::string(ingest::outcome_name(it.outcome));
        t.attachments = it.attachments;
        t.persons = it.persons_mentioned;
        t.municipalities = it.municipalities;
        for (const auto& s : it.sections)
            if (s.kind == "indstilling") t.recommendation.push_back(s.text);
        t.amount = it.max_amount;
        out.push_back(std::move(t));
    }
    return out;
}

namespace {

const Xapian::Stem& danish_stem() {
    static const Xapian::Stem kStem("danish");
    return kStem;
}

// The lower-cased words of text, in order.
std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> out;
    std::string current;
    for (Xapian::Utf8Iterator it(text.data(), text.size()); it != Xapian::Utf8Iterator(); ++it) {
        if (Xapian::Unicode::is_wordchar(*it)) {
            Xapian::Unicode::append_utf8(current, Xapian::Unicode::tolower(*it));
        } else if (!current.empty()) {
            out.push_back(std::move(current));
            current.clear();
        }
    }
    if (!current.empty()) out.push_back(std::move(current));
    return out;
}

// The stems of text's words, stop words left out.
std::vector<std::string> stems_of(std::string_view text) {
    const auto& stops = index::schema::danish_stopwords();
    std::vector<std::string> out;
    for (const auto& word : words_of(text))
        if (std::find(stops.begin(), stops.end(), word) == stops.end())
            out.push_back(danish_stem()(word));
    return out;
}

}  // namespace

bool has_word(std::string_view text, std::string_view word) {
    const std::string target = lower(word);
    const std::string target_stem = danish_stem()(target);
    for (const auto& current : words_of(text))
        if (current == target || danish_stem()(current) == target_stem) return true;
    return false;
}

bool has_phrase(std::string_view text, std::string_view phrase) {
    const auto words = stems_of(text);
    const auto wanted = stems_of(phrase);
    return !wanted.empty() &&
           std::search(words.begin(), words.end(), wanted.begin(), wanted.end()) != words.end();
}

std::string key_of(const json::Value& record) {
    std::string date = record["date"].is_string() ? record["date"].as_string() : "";
    return date + "#" + std::to_string(record["number"].as_int());
}

SampleIndex& SampleIndex::get() {
    static SampleIndex index;
    return index;
}

SampleIndex::SampleIndex() {
    index::Writer writer(m_dir.path() / "referat.db");
    for (const auto& gold : gold_files()) {
        fs::path text = fs::path(REFERAT_TEST_DATA) / "samples" / (gold.stem + ".txt");
        ingest::Document doc;
        doc.source = text.string();
        doc.type = "text";
        doc.text = read_file(text);
        doc.sha256 = ingest::sha256_hex(doc.text);
        doc.meetings.push_back(ingest::meeting_from_json(gold.value));
        writer.add_document(doc);
    }
    ingest::Document extra;
    extra.source = (m_dir.path() / "okonomiudvalget-2019-03-05.txt").string();
    extra.type = "text";
    extra.sha256 = ingest::sha256_hex("extra");
    extra.meetings.push_back(extra_meeting());
    writer.add_document(extra);
    // With its facet store, as an ingest leaves it: the query tests check the store's answers
    // (test_facets.cpp compares them with answers read from the index without it).
    if (const std::string why = writer.finish(); !why.empty()) throw std::runtime_error(why);
}

Xapian::Database SampleIndex::open() const {
    return index::open_for_reading({(m_dir.path() / "referat.db").string()});
}

}  // namespace referat::query::testing
