// The item page, the meeting page and the source file of either.

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>

#include <referat/index/records.hpp>
#include <referat/ingest/reader.hpp>

#include "layout.hpp"
#include "pages.hpp"

namespace referat::web {

namespace {

/// Largest source file served.
constexpr std::uintmax_t kMaxSourceBytes = 256u << 20;

std::string text_of(const json::Value& v) { return v.is_string() ? v.as_string() : ""; }

const json::Array& list_of(const json::Value& v) {
    static const json::Array kEmpty;
    return v.is_array() ? v.as_array() : kEmpty;
}

// Ids are 12 hex digits, "-m" and a number, and for items "-i" and a number; anything else
// cannot name a document, so it is refused before the database is asked.
bool plausible_id(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    for (char c : id)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '-')) return false;
    return true;
}

json::Value record_or_404(DatabasePool& pool, std::string_view id, std::string_view type) {
    if (!plausible_id(id))
        throw HttpError(404, "there is no " + std::string(type) + " with this id");
    std::optional<json::Value> record;
    try {
        auto lease = pool.acquire();
        record = index::find_record(lease.db(), id);
    } catch (const HttpError&) {
        throw;
    } catch (const Error& e) {
        throw http_error_from(e);
    }
    const bool matches = record && (type.empty() || text_of((*record)["type"]) == type ||
                                    (type == "item" && text_of((*record)["type"]).empty()));
    if (!matches)
        throw HttpError(404, "there is no " + std::string(type.empty() ? "item or meeting" : type) +
                                 " with id " + std::string(id));
    return *record;
}

std::string link(std::string_view path, std::string_view key, std::string_view text) {
    return "<a href=\"" + escape(std::string(path) + url_encode(key)) + "\">" + escape(text) +
           "</a>";
}

std::string kroner(double amount) {
    std::string digits = std::to_string(static_cast<long long>(amount));
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0 && digits[i - 1] != '-') out += '.';
        out += digits[i];
    }
    return out + " kr.";
}

std::string person_line(const json::Value& p) {
    std::string out = link("/person/", text_of(p["name"]), text_of(p["name"]));
    std::string extra;
    for (const char* key : {"role", "organisation", "party"})
        if (!text_of(p[key]).empty()) extra += (extra.empty() ? "" : ", ") + text_of(p[key]);
    return extra.empty() ? out : out + " <span class=\"muted\">(" + escape(extra) + ")</span>";
}

std::string block(std::string_view title, const std::string& html) {
    if (html.empty()) return "";
    return "<section class=\"block\"><h2>" + escape(title) + "</h2>\n" + html + "</section>\n";
}

std::string string_list(const json::Value& list, std::string_view person_links = "") {
    if (list_of(list).empty()) return "";
    std::string out = "<ul>\n";
    for (const auto& v : list_of(list))
        out += "<li>" +
               (person_links.empty() ? escape(text_of(v))
                                     : link(person_links, text_of(v), text_of(v))) +
               "</li>\n";
    return out + "</ul>\n";
}

std::string meeting_header(const json::Value& h, std::string_view meeting_id) {
    std::string out = "<p class=\"muted\">";
    const std::string committee = text_of(h["committee"]);
    if (!committee.empty()) out += link("/committee/", committee, committee) + " · ";
    out += escape(text_of(h["date"]).empty() ? "no date" : text_of(h["date"]));
    if (!text_of(h["start"]).empty())
        out += " · " + escape(text_of(h["start"])) +
               (text_of(h["end"]).empty() ? "" : "–" + escape(text_of(h["end"])));
    if (!text_of(h["location"]).empty()) out += " · " + escape(text_of(h["location"]));
    if (!meeting_id.empty()) out += " · " + link("/meeting/", meeting_id, "the meeting");
    return out + "</p>\n";
}

std::string provenance(const json::Value& r) {
    const std::string id = text_of(r["id"]);
    std::string out = "<dl class=\"facts\">\n";
    std::string source_href = "/source/" + url_encode(id);
    const std::int64_t page_number = r["page"].is_number() ? r["page"].as_int() : 0;
    if (page_number > 0) source_href += "#page=" + std::to_string(page_number);
    out += "<dt>Source file</dt><dd><a href=\"" + escape(source_href) + "\">" +
           escape(text_of(r["source"])) + "</a></dd>\n";
    if (page_number > 0) out += "<dt>Page</dt><dd>" + std::to_string(page_number) + "</dd>\n";
    if (r["lines"].is_object() && r["lines"]["begin"].is_number() &&
        r["lines"]["begin"].as_int() > 0)
        out += "<dt>Lines</dt><dd>" + std::to_string(r["lines"]["begin"].as_int()) + "–" +
               std::to_string(r["lines"]["end"].as_int()) + " of the extracted text</dd>\n";
    out += "<dt>sha256</dt><dd><code>" + escape(text_of(r["sha256"])) + "</code></dd>\n";
    out += "<dt>Read as</dt><dd>" + escape(text_of(r["input_type"])) + ", layout " +
           escape(text_of(r["layout"])) + "</dd>\n";
    out += "<dt>Id</dt><dd><code>" + escape(id) + "</code> · <a href=\"" +
           escape("/api/" + text_of(r["type"]) + "/" + url_encode(id)) + "\">JSON</a></dd>\n";
    return out + "</dl>\n";
}

std::string decisions_html(const json::Value& r) {
    std::string out;
    const std::string outcome = text_of(r["decision_outcome"]);
    out +=
        "<p><span class=\"outcome outcome-" + escape(outcome) + "\">" + escape(outcome) + "</span>";
    if (r["diverges_from_recommendation"].is_bool() && r["diverges_from_recommendation"].as_bool())
        out += " · departs from the recommendation";
    out += "</p>\n";
    if (!text_of(r["decision"]).empty())
        out += "<p class=\"section-text\">" + escape(text_of(r["decision"])) + "</p>\n";
    else
        out += "<p class=\"muted\">No decision recorded for this meeting.</p>\n";
    return out;
}

std::string earlier_html(const json::Value& r) {
    std::string out;
    const std::string own_date = text_of(r["meeting"]["date"]);
    for (const auto& d : list_of(r["decisions"])) {
        const std::string date = text_of(d["date"]);
        if (date.empty() || date == own_date) continue;
        out += "<div class=\"earlier\"><p><b>" + escape(date) + "</b>";
        if (!text_of(d["body"]).empty()) out += " · " + escape(text_of(d["body"]));
        out += "</p><p class=\"section-text\">" + escape(text_of(d["text"])) + "</p></div>\n";
    }
    return out;
}

std::string appointments_html(const json::Value& r) {
    std::string out;
    for (const auto& [key, made] :
         {std::pair{"appointments", true}, {"appointments_reported", false}})
        for (const auto& a : list_of(r[key])) {
            out += "<li>";
            out += text_of(a["person"]).empty()
                       ? "(nobody named)"
                       : link("/person/", text_of(a["person"]), text_of(a["person"]));
            if (!text_of(a["organisation"]).empty())
                out += ", " + escape(text_of(a["organisation"]));
            out += " → " + escape(text_of(a["to"]));
            out += made ? " <span class=\"muted\">(made here)</span>"
                        : " <span class=\"muted\">(reported" +
                              (text_of(a["by"]).empty() ? "" : ", by " + escape(text_of(a["by"]))) +
                              ")</span>";
            out += "</li>\n";
        }
    return out.empty() ? "" : "<ul>\n" + out + "</ul>\n";
}

std::string attendance_html(const json::Value& r) {
    std::string out;
    for (const auto& e : list_of(r["attendance"]))
        out += "<li>" + link("/person/", text_of(e["person"]), text_of(e["person"])) + " — " +
               escape(text_of(e["kind"])) +
               (text_of(e["text"]).empty() ? "" : ": <q>" + escape(text_of(e["text"])) + "</q>") +
               "</li>\n";
    for (const auto& v : list_of(r["votes"])) {
        std::string who;
        for (const auto& w : list_of(v["who"])) who += (who.empty() ? "" : ", ") + text_of(w);
        out += "<li>Vote <b>" + escape(text_of(v["side"])) + "</b>: " + escape(who) + "</li>\n";
    }
    return out.empty() ? "" : "<ul>\n" + out + "</ul>\n";
}

}  // namespace

Reply item_page(DatabasePool& pool, std::string_view id) {
    const json::Value r = record_or_404(pool, id, "item");
    const std::string title = text_of(r["title"]).empty() ? "(no title)" : text_of(r["title"]);
    std::string body;
    body += meeting_header(r["meeting"], text_of(r["meeting_id"]));
    body += "<h1>" + std::to_string(r["number"].is_number() ? r["number"].as_int() : 0) + ". " +
            escape(title) + "</h1>\n<p class=\"muted\">";
    if (!text_of(r["case_number"]).empty())
        body += "Sagsnr. " + escape(text_of(r["case_number"])) + " · ";
    if (r["closed"].is_bool() && r["closed"].as_bool()) body += "closed item (lukket punkt) · ";
    if (r["listed_only"].is_bool() && r["listed_only"].as_bool())
        body += "listed in the agenda only · ";
    body += escape(text_of(r["meeting"]["title"])) + "</p>\n";
    body += block("Decision", decisions_html(r));
    body += block("Earlier treatments", earlier_html(r));
    std::string sections;
    for (const auto& s : list_of(r["body"])) {
        const bool earlier = s["earlier"].is_bool() && s["earlier"].as_bool();
        sections += std::string(earlier ? "<div class=\"earlier\">" : "<div>") + "<h3>" +
                    escape(text_of(s["heading"]).empty() ? "(text)" : text_of(s["heading"])) +
                    "</h3>\n<p class=\"section-text\">" + escape(text_of(s["text"])) +
                    "</p></div>\n";
    }
    body += block("Sections", sections);
    std::string attachments = string_list(r["attachments"]);
    if (!list_of(r["inline_attachments"]).empty())
        attachments +=
            "<p class=\"muted\">Named in the text:</p>" + string_list(r["inline_attachments"]);
    body += block("Attachments", attachments);
    body += block("People named", string_list(r["persons_mentioned"], "/person/"));
    body += block("Appointments", appointments_html(r));
    body += block("Attendance and votes", attendance_html(r));
    std::string facts;
    if (r["max_amount"].is_number())
        facts += "<p>Largest amount: " + escape(kroner(r["max_amount"].as_double())) + "</p>\n";
    if (!list_of(r["municipalities"]).empty())
        facts += "<p>Municipalities:</p>" + string_list(r["municipalities"]);
    body += block("Amounts and places", facts);
    body += block("Provenance", provenance(r));
    Reply reply;
    reply.body = page({title, ""}, body);
    return reply;
}

Reply meeting_page(DatabasePool& pool, std::string_view id) {
    const json::Value r = record_or_404(pool, id, "meeting");
    const json::Value& h = r["meeting"];
    const std::string title =
        text_of(h["title"]).empty() ? "(untitled meeting)" : text_of(h["title"]);
    std::string body = "<h1>" + escape(title) + "</h1>\n" + meeting_header(h, "");
    if (!text_of(r["kind"]).empty())
        body += "<p class=\"muted\">Kind: " + escape(text_of(r["kind"])) + "</p>\n";
    for (const auto& [key, label] :
         {std::pair{"participants", "Participants"}, {"absent", "Absent"}}) {
        std::string people;
        for (const auto& p : list_of(r[key])) people += "<li>" + person_line(p) + "</li>\n";
        body += block(label, people.empty() ? "" : "<ul>\n" + people + "</ul>\n");
    }
    std::string items;
    for (const auto& item : list_of(r["items"])) {
        const std::string outcome = text_of(item["decision_outcome"]);
        items += "<tr><td class=\"num\">" +
                 std::to_string(item["number"].is_number() ? item["number"].as_int() : 0) +
                 "</td><td>" + link("/item/", text_of(item["id"]), text_of(item["title"])) +
                 "</td><td><span class=\"outcome outcome-" + escape(outcome) + "\">" +
                 escape(outcome) + "</span></td></tr>\n";
    }
    body += block("Items", items.empty() ? "" : "<table class=\"data\">\n" + items + "</table>\n");
    body += block("Provenance", provenance(r));
    Reply reply;
    reply.body = page({title, ""}, body);
    return reply;
}

Reply source_file(DatabasePool& pool, std::string_view id) {
    // The file is found through the document the id names, never through the request's path.
    const json::Value r = record_or_404(pool, id, "");
    const std::filesystem::path path(text_of(r["source"]));
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::is_regular_file(status))
        throw HttpError(
            404, "the source file of " + std::string(id) + " is no longer where it was indexed");
    const auto size = std::filesystem::file_size(path, ec);
    if (ec || size > kMaxSourceBytes)
        throw HttpError(404, "the source file of " + std::string(id) + " cannot be served");
    std::ifstream in(path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof())
        throw HttpError(404, "the source file of " + std::string(id) + " cannot be read");
    // Only the bytes that were indexed: a file changed since then is not what the page cites.
    if (ingest::sha256_hex(bytes) != text_of(r["sha256"]))
        throw HttpError(410, "the source file of " + std::string(id) +
                                 " has changed since it was indexed; re-ingest it");
    Reply reply;
    const std::string type = text_of(r["input_type"]);
    const std::string name = path.filename().string();
    std::string safe_name;
    for (char c : name)
        safe_name += (c == '"' || c == '\\' || static_cast<unsigned char>(c) < 32) ? '_' : c;
    if (type == "pdf") {
        reply.content_type = "application/pdf";
        reply.headers.emplace_back("Content-Disposition", "inline; filename=\"" + safe_name + "\"");
    } else if (type == "docx") {
        reply.content_type =
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        reply.headers.emplace_back("Content-Disposition",
                                   "attachment; filename=\"" + safe_name + "\"");
    } else {
        // Text and HTML sources are shown as plain text: foreign HTML never runs on this site.
        reply.content_type = "text/plain";
        reply.headers.emplace_back("Content-Disposition", "inline; filename=\"" + safe_name + "\"");
        reply.headers.emplace_back("Content-Security-Policy", "sandbox; default-src 'none'");
    }
    reply.body = std::move(bytes);
    return reply;
}

}  // namespace referat::web
