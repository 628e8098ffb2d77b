#include "text/lines.hpp"

#include <re2/re2.h>

namespace referat::ingest::text {

namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

/// Page furniture ("Side 2 af 17", the running footer "Dato: 04.12.2012 Side 3") and web
/// navigation that carry no content.
bool is_noise(std::string_view trimmed) {
    static const RE2 kNoise(
        R"((?i)^(?:(?:dato:?\s*\d{1,2}[.-]\d{1,2}[.-]\d{2,4}\s+)?(?:side|sida|page)\s+\d+(?:\s*(?:af|of|av|/)\s*\d+)?|)"
        R"(\d+\s*(?:of|af|av|/)\s*\d+|\d+\s*\(\d+\)|til toppen|hent som pdf|)"
        R"(fold dette punkt (?:ind|ud)|udskriv|print)$)");
    if (trimmed.size() > 40) return false;
    return RE2::FullMatch(trimmed, kNoise);
}

}  // namespace

std::vector<Line> split_lines(std::string_view text) {
    std::vector<Line> lines;
    std::size_t pos = 0;
    int number = 1;
    while (pos <= text.size()) {
        std::size_t nl = text.find('\n', pos);
        std::size_t end = nl == std::string_view::npos ? text.size() : nl;
        Line line;
        line.begin = pos;
        line.end = end;
        line.raw = text.substr(pos, end - pos);
        line.trimmed = trim(line.raw);
        line.number = number++;
        line.blank = line.trimmed.empty() || is_noise(line.trimmed);
        lines.push_back(line);
        if (nl == std::string_view::npos) break;
        pos = nl + 1;
    }
    return lines;
}

std::string_view trim(std::string_view s) {
    std::size_t b = 0;
    std::size_t e = s.size();
    while (b < e && is_space(s[b])) ++b;
    while (e > b && is_space(s[e - 1])) --e;
    return s.substr(b, e - b);
}

std::string collapse_spaces(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool pending = false;
    for (char c : s) {
        if (is_space(c)) {
            pending = !out.empty();
            continue;
        }
        if (pending) out += ' ';
        pending = false;
        out += c;
    }
    return out;
}

std::vector<std::string_view> words(std::string_view s) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && is_space(s[i])) ++i;
        std::size_t b = i;
        while (i < s.size() && !is_space(s[i])) ++i;
        if (i > b) out.push_back(s.substr(b, i - b));
    }
    return out;
}

}  // namespace referat::ingest::text
