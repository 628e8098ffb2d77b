// /api/: the CLI's JSON over HTTP (search as `search --format json`, records as `show --format
// json`, persons as `person --format json`).

#include <referat/index/records.hpp>
#include <referat/query/format.hpp>
#include <referat/query/people.hpp>
#include <referat/query/views.hpp>

#include "pages.hpp"
#include "search_state.hpp"

namespace referat::web {

namespace {

Reply json_reply(const json::Value& value) {
    Reply r;
    r.content_type = "application/json; charset=utf-8";
    r.body = value.dump(2) + "\n";
    return r;
}

}  // namespace

Reply api_search(DatabasePool& pool, const Params& params) {
    const SearchState state = SearchState::from(params);
    query::SearchRequest request = state.request();
    request.facets = sidebar_facets();
    for (const auto& [name, value] : params)
        if (name == "facets") request.facets = query::split_names(value);
    if (request.facets.size() > 20) throw HttpError(400, "at most 20 facets are accepted");
    try {
        auto lease = pool.acquire();
        const query::SearchResult result = query::search(lease.db(), request);
        return json_reply(query::result_to_json(result, request.offset));
    } catch (const HttpError&) {
        throw;
    } catch (const Error& e) {
        throw http_error_from(e);
    }
}

Reply api_record(DatabasePool& pool, std::string_view id, std::string_view type) {
    std::optional<json::Value> record;
    if (!id.empty() && id.size() <= 64) {
        try {
            auto lease = pool.acquire();
            record = index::find_record(lease.db(), id);
        } catch (const Error& e) {
            throw http_error_from(e);
        }
    }
    const json::Value* found_type = record ? record->find("type") : nullptr;
    const bool item_without_type = type == "item" && (!found_type || !found_type->is_string());
    if (!record || !(item_without_type ||
                     (found_type && found_type->is_string() && found_type->as_string() == type)))
        throw HttpError(404, "there is no " + std::string(type) + " with id " + std::string(id));
    return json_reply(*record);
}

Reply api_person(DatabasePool& pool, std::string_view key) {
    std::optional<query::PersonTimeline> timeline;
    if (!key.empty() && key.size() <= 200) {
        try {
            auto lease = pool.acquire();
            timeline = query::person_timeline(lease.db(), key);
        } catch (const Error& e) {
            throw http_error_from(e);
        }
    }
    if (!timeline) throw HttpError(404, "nobody called '" + std::string(key) + "' is in the index");
    return json_reply(query::timeline_to_json(*timeline));
}

}  // namespace referat::web
