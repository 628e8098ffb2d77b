#include "golden.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace referat::test {

namespace {

void field(GoldScore& s, const std::string& where, const json::Value& got,
           const json::Value& want) {
    ++s.total;
    if (got == want) {
        ++s.equal;
        return;
    }
    s.diffs.push_back(where + "\n    got:  " + got.dump() + "\n    want: " + want.dump());
}

void people(GoldScore& s, const std::string& where, const json::Value& got, const json::Value& want,
            bool with_role) {
    const std::size_t n = want.is_array() ? want.size() : 0;
    const std::size_t m = got.is_array() ? got.size() : 0;
    field(s, where + ".size", json::Value(static_cast<long long>(m)),
          json::Value(static_cast<long long>(n)));
    for (std::size_t i = 0; i < n && i < m; ++i) {
        const auto& g = got.as_array()[i];
        const auto& w = want.as_array()[i];
        std::string at = where + "[" + std::to_string(i) + "]";
        field(s, at + ".name", g["name"], w["name"]);
        field(s, at + ".organisation", g["organisation"], w["organisation"]);
        if (with_role) field(s, at + ".role", g["role"], w["role"]);
    }
}

}  // namespace

GoldScore compare_with_gold(const json::Value& got, const json::Value& gold) {
    GoldScore s;
    field(s, "layout", got["layout"], gold["layout"]);
    for (const char* k : {"title", "committee", "date", "start", "end", "location", "published"})
        field(s, std::string("meeting.") + k, got["meeting"][k], gold["meeting"][k]);
    people(s, "participants", got["participants"], gold["participants"], true);
    people(s, "absent", got["absent"], gold["absent"], false);
    const auto& gi = got["items"];
    const auto& wi = gold["items"];
    const std::size_t n = wi.is_array() ? wi.size() : 0;
    const std::size_t m = gi.is_array() ? gi.size() : 0;
    field(s, "items.size", json::Value(static_cast<long long>(m)),
          json::Value(static_cast<long long>(n)));
    for (std::size_t i = 0; i < n; ++i) {
        const json::Value& w = wi.as_array()[i];
        static const json::Value kMissing;
        const json::Value& g = i < m ? gi.as_array()[i] : kMissing;
        std::string at = "items[" + std::to_string(i) + "] (number " + w["number"].dump() + ")";
        for (const char* k : {"number", "title", "sections", "subheadings", "decision",
                              "decision_outcome", "attachments", "inline_attachments"})
            field(s, at + "." + k, g[k], w[k]);
    }
    return s;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::vector<std::string> json_files_in(const std::string& folder) {
    std::vector<std::string> out;
    for (const auto& e : std::filesystem::directory_iterator(folder))
        if (e.path().extension() == ".json") out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}

std::string test_name(const std::string& file) {
    std::string n = file.ends_with(".json") ? file.substr(0, file.size() - 5) : file;
    for (char& c : n)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    return n;
}

std::string squeeze(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

}  // namespace referat::test
