// In-process timing of referat::query::search over bench/queries.json: per query the median
// milliseconds of the search without facets, with the five benchmark facets, and of turning
// the faceted result into JSON, so a change to facet counting is measured apart from process
// start-up. The last line repeats the summary over each query's fastest run, which a busy
// machine disturbs least. Not part of the CMake build; compile it against a build tree:
//
//   B=build-qfast
//   g++ -std=c++23 -O2 -Iquery/include -Iindex/include -Iingest/include bench/facet_profile.cpp \
//       $B/query/libreferat_query.a $B/index/libreferat_index.a $B/ingest/libreferat_ingest.a \
//       -lxapian -licuuc -licui18n -lre2 -lzstd -lz -o /tmp/facet_profile
//   /tmp/facet_profile DB bench/queries.json [REPETITIONS]

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <referat/index/database.hpp>
#include <referat/ingest/json.hpp>
#include <referat/query/format.hpp>
#include <referat/query/search.hpp>

namespace {

using Clock = std::chrono::steady_clock;

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    if (v.empty()) return 0.0;
    const auto at = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
    return v[std::min(at, v.size() - 1)];
}

template <class Fn>
double time_ms(Fn&& fn) {
    const auto start = Clock::now();
    fn();
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: facet_profile DB QUERIES.json [REPETITIONS]\n";
        return 2;
    }
    const int reps = argc > 3 ? std::stoi(argv[3]) : 5;
    std::ifstream in(argv[2]);
    std::stringstream text;
    text << in.rdbuf();
    auto queries = referat::json::parse(text.str());
    if (!queries) {
        std::cerr << "cannot parse " << argv[2] << "\n";
        return 2;
    }
    Xapian::Database db = referat::index::open_for_reading({argv[1]});
    const std::vector<std::string> facets{"committee", "year", "outcome", "layout", "person"};

    std::vector<double> all_plain, all_facets, all_json, min_plain, min_facets;
    std::cout << "query\ttotal\tplain_ms\tfacets_ms\tjson_ms\tjson_bytes\n";
    for (const auto& q : queries->as_array()) {
        referat::query::SearchRequest request;
        request.text = q["referat"].as_string();
        std::vector<double> plain, faceted, json;
        std::size_t total = 0, values = 0;
        for (int i = 0; i < reps; ++i) {
            request.facets.clear();
            plain.push_back(time_ms([&] { total = referat::query::search(db, request).total; }));
            request.facets = facets;
            referat::query::SearchResult result;
            faceted.push_back(time_ms([&] { result = referat::query::search(db, request); }));
            json.push_back(
                time_ms([&] { values = referat::query::result_to_json(result, 0).dump().size(); }));
        }
        all_plain.push_back(median(plain));
        all_facets.push_back(median(faceted));
        all_json.push_back(median(json));
        min_plain.push_back(*std::min_element(plain.begin(), plain.end()));
        min_facets.push_back(*std::min_element(faceted.begin(), faceted.end()));
        std::cout << request.text << "\t" << total << "\t" << median(plain) << "\t"
                  << median(faceted) << "\t" << median(json) << "\t" << values << "\n";
    }
    std::cout << "p50/p95 plain " << percentile(all_plain, 0.5) << " / "
              << percentile(all_plain, 0.95) << " ms; facets " << percentile(all_facets, 0.5)
              << " / " << percentile(all_facets, 0.95) << " ms; json " << percentile(all_json, 0.5)
              << " / " << percentile(all_json, 0.95) << " ms\n";
    std::cout << "fastest runs: p50/p95 plain " << percentile(min_plain, 0.5) << " / "
              << percentile(min_plain, 0.95) << " ms; facets " << percentile(min_facets, 0.5)
              << " / " << percentile(min_facets, 0.95) << " ms\n";
    return 0;
}
