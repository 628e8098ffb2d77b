#include "record.hpp"

#include <chrono>
#include <cstdint>
#include <cstdio>

namespace referat::query::detail {

namespace {

json::Value string_or_null(const json::Value& v) { return v.is_string() ? v : json::Value(); }

json::Value int_or(const json::Value& v, int fallback) {
    return v.is_number() ? json::Value(v.as_int()) : json::Value(fallback);
}

json::Value strings(const json::Value& v) {
    json::Value out = json::Value::array();
    if (!v.is_array()) return out;
    for (const auto& s : v.as_array())
        if (s.is_string()) out.push(s);
    return out;
}

json::Value range(const json::Value& v) {
    json::Value out = json::Value::object();
    out.set("begin", int_or(v["begin"], 0));
    out.set("end", int_or(v["end"], 0));
    return out;
}

}  // namespace

json::Value parse_stored(std::string_view stored) {
    auto v = json::parse(stored);
    if (!v || !v->is_object()) return json::Value::object();
    return *std::move(v);
}

json::Value item_record(std::string_view stored) { return item_record_of(parse_stored(stored)); }

json::Value item_record_of(const json::Value& data) {
    const json::Value& meeting = data["meeting"];
    json::Value r = json::Value::object();
    r.set("id", string_or_null(data["id"]));
    r.set("meeting_id", string_or_null(data["meeting_id"]));
    r.set("date", string_or_null(meeting["date"]));
    r.set("committee", string_or_null(meeting["committee"]));
    r.set("meeting_title", string_or_null(meeting["title"]));
    r.set("layout", string_or_null(data["layout"]));
    r.set("number", int_or(data["number"], 0));
    r.set("title", string_or_null(data["title"]));
    r.set("decision", string_or_null(data["decision"]));
    r.set("outcome",
          data["decision_outcome"].is_string() ? data["decision_outcome"] : json::Value("none"));
    r.set("attachments", strings(data["attachments"]));
    r.set("persons", strings(data["persons_mentioned"]));
    r.set("municipalities", strings(data["municipalities"]));
    r.set("max_amount", data["max_amount"].is_number() ? data["max_amount"] : json::Value());
    r.set("case_number", string_or_null(data["case_number"]));
    r.set("source", string_or_null(data["source"]));
    r.set("sha256", string_or_null(data["sha256"]));
    r.set("input_type", string_or_null(data["input_type"]));
    r.set("span", range(data["span"]));
    r.set("lines", range(data["lines"]));
    r.set("page", int_or(data["page"], 0));
    return r;
}

std::string snippet_text(const json::Value& data) {
    std::string text;
    auto add = [&](const json::Value& v) {
        if (!v.is_string() || v.as_string().empty()) return;
        if (!text.empty()) text += "\n";
        text += v.as_string();
    };
    // The title first: a match there shows in context too.
    add(data["title"]);
    add(data["decision"]);
    if (data["body"].is_array())
        for (const auto& section : data["body"].as_array())
            if (section["kind"] != json::Value("beslutning")) add(section["text"]);
    return text;
}

std::string indexed_time(double microseconds) {
    using namespace std::chrono;
    const sys_seconds at{
        duration_cast<seconds>(std::chrono::microseconds(static_cast<std::int64_t>(microseconds)))};
    const sys_days day = floor<days>(at);
    const year_month_day ymd{day};
    const hh_mm_ss hms{at - day};
    char out[32];
    std::snprintf(out, sizeof out, "%04d-%02u-%02uT%02lld:%02lld:%02lldZ",
                  static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()), static_cast<long long>(hms.hours().count()),
                  static_cast<long long>(hms.minutes().count()),
                  static_cast<long long>(hms.seconds().count()));
    return out;
}

}  // namespace referat::query::detail
