#include "referat/query/watch.hpp"

#include <chrono>
#include <set>

#include <referat/index/database.hpp>
#include <referat/index/schema.hpp>
#include <referat/ingest/error.hpp>

#include "record.hpp"

namespace referat::query {

namespace schema = index::schema;

namespace {

double now_microseconds() {
    using namespace std::chrono;
    return static_cast<double>(
        duration_cast<microseconds>(system_clock::now().time_since_epoch()).count());
}

}  // namespace

std::string watch_time(double microseconds) { return detail::indexed_time(microseconds); }

std::string watch_key(std::string_view name) {
    return std::string(schema::kMetaWatchPrefix) + std::string(name);
}

std::optional<std::string> watch_name_error(std::string_view name) {
    if (name.empty()) return "a watch needs a name";
    if (name.size() > 64) return "a watch name has at most 64 characters";
    for (char c : name) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
        if (!ok)
            return "a watch name has only letters a-z, digits, '.', '-' and '_' ('" +
                   std::string(name) + "')";
    }
    return std::nullopt;
}

std::string watch_to_json(const Watch& watch) {
    json::Value v = json::Value::object();
    v.set("query", watch.query);
    v.set("created", watch.created);
    v.set("last_run", watch.last_run);
    json::Value seen = json::Value::array();
    for (const auto& id : watch.seen) seen.push(id);
    v.set("seen", std::move(seen));
    return v.dump();
}

std::optional<Watch> watch_from_json(std::string_view name, std::string_view stored) {
    auto v = json::parse(stored);
    if (!v || !v->is_object() || !(*v)["query"].is_string() || !(*v)["last_run"].is_number())
        return std::nullopt;
    Watch w;
    w.name = std::string(name);
    w.query = (*v)["query"].as_string();
    if ((*v)["created"].is_string()) w.created = (*v)["created"].as_string();
    w.last_run = (*v)["last_run"].as_double();
    if ((*v)["seen"].is_array())
        for (const auto& id : (*v)["seen"].as_array())
            if (id.is_string()) w.seen.push_back(id.as_string());
    return w;
}

std::vector<Watch> list_watches(Xapian::Database& db) {
    return index::with_reopen(db, [&] {
        std::vector<Watch> out;
        const std::string prefix(schema::kMetaWatchPrefix);
        for (auto key = db.metadata_keys_begin(prefix); key != db.metadata_keys_end(prefix);
             ++key) {
            const std::string name = (*key).substr(prefix.size());
            if (auto w = watch_from_json(name, db.get_metadata(*key))) out.push_back(*std::move(w));
        }
        return out;
    });
}

std::optional<Watch> find_watch(Xapian::Database& db, std::string_view name) {
    const std::string stored =
        index::with_reopen(db, [&] { return db.get_metadata(watch_key(name)); });
    if (stored.empty()) return std::nullopt;
    return watch_from_json(name, stored);
}

Watch new_watch(Xapian::Database& db, std::string_view name, std::string_view query_text) {
    if (auto e = watch_name_error(name)) throw Error(*e);
    // The query must parse now; a typo found at the first run would be found too late.
    index::with_reopen(db, [&] {
        if (auto c = compile_query(db, query_text); !c)
            throw Error("invalid query: " + c.error().reason);
        return 0;
    });
    Watch w;
    w.name = std::string(name);
    w.query = std::string(query_text);
    w.last_run = now_microseconds();
    w.created = detail::indexed_time(w.last_run);
    // What is in the index now is not new: a run right away reports nothing.
    WatchRun baseline = run_watch(db, w);
    w.seen = std::move(baseline.updated.seen);
    return w;
}

WatchRun run_watch(Xapian::Database& db, const Watch& watch) {
    const double now = now_microseconds();
    const double window_start = now - kWatchGraceMicroseconds;
    SearchRequest request;
    request.text = watch.query;
    request.sort = SortOrder::kIndexedDescending;
    // Items stamped before the last run's grace window were all seen by that run.
    request.filters.indexed_since = watch.last_run - kWatchGraceMicroseconds;

    const std::set<std::string> seen(watch.seen.begin(), watch.seen.end());
    const std::string window = detail::indexed_time(window_start);
    WatchRun run;
    run.updated = watch;
    run.updated.last_run = now;
    run.updated.seen.clear();
    run.result.text = watch.query;
    export_matches(db, request, [&](const Hit& hit) {
        const json::Value& id = hit.record["id"];
        const json::Value& at = hit.record["indexed_at"];
        if (!id.is_string()) return;
        if (at.is_string() && at.as_string() >= window)
            run.updated.seen.push_back(id.as_string());
        if (seen.count(id.as_string())) return;
        Hit shown = hit;
        shown.rank = run.result.hits.size() + 1;
        shown.record.set("rank", shown.rank);
        run.result.hits.push_back(std::move(shown));
    });
    run.result.total = run.result.hits.size();
    return run;
}

}  // namespace referat::query
