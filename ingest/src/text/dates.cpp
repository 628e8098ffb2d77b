#include "text/dates.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <memory>
#include <vector>

#include <re2/re2.h>

#include "referat/ingest/calendar.hpp"
#include "referat/ingest/utf8.hpp"
#include "text/lines.hpp"

namespace referat::ingest::text {

namespace {

// Month names by their first three letters: Danish, Norwegian and Swedish share most of them;
// English and Norwegian add "may"/"mai", "oct" and "des".
struct MonthKey {
    std::string_view key;
    int month;
};
constexpr std::array<MonthKey, 16> kMonthKeys = {{{"jan", 1},
                                                  {"feb", 2},
                                                  {"mar", 3},
                                                  {"apr", 4},
                                                  {"maj", 5},
                                                  {"mai", 5},
                                                  {"may", 5},
                                                  {"jun", 6},
                                                  {"jul", 7},
                                                  {"aug", 8},
                                                  {"sep", 9},
                                                  {"okt", 10},
                                                  {"oct", 10},
                                                  {"nov", 11},
                                                  {"dec", 12},
                                                  {"des", 12}}};

int month_number(std::string_view name) {
    std::string l = utf8::lower(name);
    std::string_view key = std::string_view(l).substr(0, 3);
    for (const auto& k : kMonthKeys)
        if (key == k.key) return k.month;
    return 0;
}

int to_int(std::string_view s) {
    int v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return -1;
        v = v * 10 + (c - '0');
        if (v > 100000) return -1;
    }
    return s.empty() ? -1 : v;
}

// Years a meeting can plausibly have: a year outside them in running text is a law's or a
// case number's, not the meeting's.
constexpr int kFirstYear = 1900;
constexpr int kLastYear = 2100;

std::optional<std::string> make_date(int y, int m, int d) {
    if (y < kFirstYear || y > kLastYear || !calendar::valid_date(y, m, d)) return std::nullopt;
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return std::string(buf);
}

std::optional<std::string> make_time(std::string_view h, std::string_view m) {
    int hh = to_int(h);
    int mm = to_int(m);
    if (hh < 0 || hh > 24 || mm < 0 || mm > 59) return std::nullopt;
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", hh, mm);
    return std::string(buf);
}

enum class Order { kIso, kDayMonthYear, kDayNameYear, kNameDayYear };

struct DatePattern {
    const char* regex;
    Order order;
};

// Danish, Norwegian, Swedish and English month names, full and abbreviated ("maj", "mai",
// "augusti", "des.", "Oct").
#define MONTHS_DA                                                                          \
    "(?:januar[iy]?|februar[iy]?|marts|mars|march|april|maj|mai|may|juni|june|juli|july|"  \
    "august[i]?|september|oktober|october|november|december|desember|jan|feb|mar|apr|jun|" \
    "jul|aug|sept|sep|okt|oct|nov|dec|des)"
#define MONTHS_EN                                                                      \
    "(?:January|February|March|April|May|June|July|August|September|October|November|" \
    "December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
#define TIME_TAIL                                                          \
    "(?:,?\\s*(?:-\\s*)?(?:kl\\.?\\s*)?(\\d{1,2})[:.](\\d{2})(?::\\d{2})?" \
    "(?:\\s*(?:-|–|til)\\s*(?:kl\\.?\\s*)?(\\d{1,2})[:.](\\d{2}))?)?"

// Groups: three date parts, then start hour/minute and end hour/minute (all optional).
constexpr DatePattern kPatterns[] = {
    {"(?i)\\b(\\d{4})-(\\d{2})-(\\d{2})(?:[ T](\\d{1,2}):(\\d{2})(?::\\d{2})?"
     "(?:\\s*-\\s*(\\d{1,2}):(\\d{2}))?)?",
     Order::kIso},
    {"(?i)\\b(\\d{1,2})[-./](\\d{1,2})[-./](\\d{4})\\b" TIME_TAIL, Order::kDayMonthYear},
    {"(?i)\\b(\\d{1,2})\\.?\\s*(" MONTHS_DA ")\\.?,?\\s+(\\d{4})\\b" TIME_TAIL,
     Order::kDayNameYear},
    // "15-maj-2002", "15.maj.2002"
    {"(?i)\\b(\\d{1,2})[-.](" MONTHS_DA ")\\.?[-.](\\d{4})\\b" TIME_TAIL, Order::kDayNameYear},
    // "05.09 2013"
    {"(?i)\\b(\\d{1,2})\\.(\\d{1,2})\\.?\\s(\\d{4})\\b" TIME_TAIL, Order::kDayMonthYear},
    {"\\b(" MONTHS_EN ")\\s+(\\d{1,2}),?\\s+(\\d{4})\\b" TIME_TAIL, Order::kNameDayYear},
};

}  // namespace

std::optional<FoundDate> find_date(std::string_view s) {
    static const std::vector<std::unique_ptr<RE2>> kCompiled = [] {
        std::vector<std::unique_ptr<RE2>> out;
        for (const auto& p : kPatterns) out.push_back(std::make_unique<RE2>(p.regex));
        return out;
    }();
    std::optional<FoundDate> best;
    for (std::size_t k = 0; k < kCompiled.size(); ++k) {
        const RE2& re = *kCompiled[k];
        re2::StringPiece g[8];
        std::size_t from = 0;
        while (from <= s.size() && re.Match(s, from, s.size(), RE2::UNANCHORED, g, 8)) {
            const std::size_t pos = static_cast<std::size_t>(g[0].data() - s.data());
            if (best && pos >= best->position) break;
            int y = 0, m = 0, d = 0;
            switch (kPatterns[k].order) {
                case Order::kIso:
                    y = to_int(g[1]);
                    m = to_int(g[2]);
                    d = to_int(g[3]);
                    break;
                case Order::kDayMonthYear:
                    d = to_int(g[1]);
                    m = to_int(g[2]);
                    y = to_int(g[3]);
                    break;
                case Order::kDayNameYear:
                    d = to_int(g[1]);
                    m = month_number(g[2]);
                    y = to_int(g[3]);
                    break;
                case Order::kNameDayYear:
                    m = month_number(g[1]);
                    d = to_int(g[2]);
                    y = to_int(g[3]);
                    break;
            }
            if (auto date = make_date(y, m, d)) {
                FoundDate f;
                f.date = *date;
                if (!g[4].empty()) f.time = make_time(g[4], g[5]);
                if (!g[6].empty()) f.end_time = make_time(g[6], g[7]);
                f.position = pos;
                f.length = g[0].size();
                best = std::move(f);
                break;
            }
            from = pos + std::max<std::size_t>(1, g[0].size());
        }
    }
    return best;
}

std::string iso_date_time(const std::string& date, const std::string& time) {
    return date + "T" + time;
}

}  // namespace referat::ingest::text
