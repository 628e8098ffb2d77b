#include "referat/query/ranges.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <optional>
#include <string>
#include <utility>

#include <referat/index/schema.hpp>
#include <referat/ingest/calendar.hpp>
#include <referat/ingest/utf8.hpp>

namespace referat::query {

namespace {

bool is_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

int to_int(std::string_view s) {
    int v = 0;
    std::from_chars(s.data(), s.data() + s.size(), v);
    return v;
}

std::string two(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

// Split "A..B" into its ends; "A" alone is returned as (A, A) with single = true.
struct Ends {
    std::string_view from;
    std::string_view to;
    bool single = false;
};

std::expected<Ends, QueryError> split_range(std::string_view text, std::string_view what) {
    if (text.empty()) return std::unexpected(QueryError{"empty " + std::string(what)});
    auto dots = text.find("..");
    if (dots == std::string_view::npos) return Ends{text, text, true};
    Ends e{text.substr(0, dots), text.substr(dots + 2), false};
    if (e.from.empty() && e.to.empty())
        return std::unexpected(QueryError{std::string(what) + " range '..' has no ends"});
    if (e.to.find("..") != std::string_view::npos)
        return std::unexpected(
            QueryError{std::string(what) + " range '" + std::string(text) + "' has too many '..'"});
    return e;
}

// One date end: first (or last) day it covers, as yyyymmdd.
std::expected<std::string, QueryError> date_end(std::string_view s, bool last) {
    auto bad = [&](std::string_view why) {
        return std::unexpected(
            QueryError{"invalid date '" + std::string(s) + "': " + std::string(why)});
    };
    int year = 0, month = 0, day = 0;
    // ISO (yyyy, yyyy-mm, yyyy-mm-dd) or Danish (d.m.yyyy, d-m-yyyy, d/m/yyyy).
    std::array<std::string_view, 3> parts{};
    std::size_t count = 0;
    std::size_t at = 0;
    while (count < 3) {
        auto sep = s.find_first_of("-./", at);
        parts[count++] = s.substr(at, sep == std::string_view::npos ? sep : sep - at);
        if (sep == std::string_view::npos) {
            at = s.size();
            break;
        }
        at = sep + 1;
        if (at >= s.size()) return bad("expected yyyy-mm-dd");
    }
    if (at < s.size()) return bad("expected yyyy-mm-dd");
    for (std::size_t k = 0; k < count; ++k)
        if (!is_digits(parts[k])) return bad("expected yyyy-mm-dd");
    if (parts[0].size() == 4) {
        year = to_int(parts[0]);
        if (count >= 2) month = to_int(parts[1]);
        if (count == 3) day = to_int(parts[2]);
        if ((count >= 2 && parts[1].size() > 2) || (count == 3 && parts[2].size() > 2))
            return bad("expected yyyy-mm-dd");
    } else if (count == 3 && parts[2].size() == 4 && parts[0].size() <= 2 && parts[1].size() <= 2) {
        day = to_int(parts[0]);
        month = to_int(parts[1]);
        year = to_int(parts[2]);
    } else {
        return bad("expected yyyy-mm-dd");
    }
    if (year < 1000) return bad("year out of range");
    if (count >= 2 && (month < 1 || month > 12)) return bad("no such month");
    if (count == 3 && !calendar::valid_date(year, month, day)) return bad("no such day");
    if (count < 2) month = last ? 12 : 1;
    if (count < 3) day = last ? calendar::days_in_month(year, month) : 1;
    return std::to_string(year) + two(month) + two(day);
}

std::expected<double, QueryError> year_value(std::string_view s) {
    if (s.size() != 4 || !is_digits(s))
        return std::unexpected(QueryError{"invalid year '" + std::string(s) + "': expected yyyy"});
    return to_int(s);
}

std::expected<double, QueryError> amount_value(std::string_view s) {
    auto bad = [&] {
        return std::unexpected(
            QueryError{"invalid amount '" + std::string(s) + "': expected kroner like 1.000.000"});
    };
    // Danish notation: '.' groups thousands, ',' starts the decimals.
    std::string digits;
    std::size_t comma = s.find(',');
    std::string_view whole = s.substr(0, comma);
    std::string_view decimals =
        comma == std::string_view::npos ? std::string_view() : s.substr(comma + 1);
    if (whole.empty() || (comma != std::string_view::npos && !is_digits(decimals))) return bad();
    if (whole.find('.') != std::string_view::npos) {
        std::size_t first = whole.find('.');
        if (first == 0 || first > 3) return bad();
        for (std::size_t p = first; p < whole.size(); p += 4)
            if (whole[p] != '.' || p + 4 > whole.size()) return bad();
        for (char c : whole)
            if (c != '.') digits += c;
    } else {
        digits = std::string(whole);
    }
    if (!is_digits(digits)) return bad();
    if (!decimals.empty()) digits.append(".").append(decimals);
    try {
        return std::stod(digits);
    } catch (const std::exception&) {
        return bad();
    }
}

template <class Parse>
std::expected<NumberRange, QueryError> number_range(std::string_view text, std::string_view what,
                                                    Parse parse) {
    auto ends = split_range(text, what);
    if (!ends) return std::unexpected(ends.error());
    NumberRange r;
    if (!ends->from.empty()) {
        auto v = parse(ends->from);
        if (!v) return std::unexpected(v.error());
        r.from = *v;
    }
    if (!ends->to.empty()) {
        auto v = parse(ends->to);
        if (!v) return std::unexpected(v.error());
        r.to = *v;
    }
    if (r.from && r.to && *r.from > *r.to)
        return std::unexpected(QueryError{std::string(what) + " range '" + std::string(text) +
                                          "' is reversed: the start is after the end"});
    return r;
}

}  // namespace

std::expected<DayRange, QueryError> parse_date_range(std::string_view text) {
    auto ends = split_range(text, "date");
    if (!ends) return std::unexpected(ends.error());
    DayRange r;
    if (!ends->from.empty()) {
        auto v = date_end(ends->from, false);
        if (!v) return std::unexpected(v.error());
        r.from = *v;
    }
    if (!ends->to.empty()) {
        auto v = date_end(ends->to, true);
        if (!v) return std::unexpected(v.error());
        r.to = *v;
    }
    if (!r.from.empty() && !r.to.empty() && r.from > r.to)
        return std::unexpected(QueryError{"date range '" + std::string(text) +
                                          "' is reversed: the start is after the end"});
    return r;
}

std::expected<NumberRange, QueryError> parse_year_range(std::string_view text) {
    return number_range(text, "year", year_value);
}

std::expected<NumberRange, QueryError> parse_amount_range(std::string_view text) {
    return number_range(text, "amount", amount_value);
}

namespace {

/// The canonical name for a value as typed (any case), from a table of spellings.
template <std::size_t N>
std::optional<std::string> name_for(
    const std::array<std::pair<std::string_view, std::string_view>, N>& names,
    std::string_view text) {
    const std::string lower = utf8::lower(text);
    for (const auto& [typed, name] : names)
        if (lower == typed) return std::string(name);
    return std::nullopt;
}

}  // namespace

std::expected<std::string, QueryError> parse_outcome(std::string_view text) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 17> kNames{{
        {"approved", "approved"},
        {"godkendt", "approved"},
        {"godkendte", "approved"},
        {"noted", "noted"},
        {"efterretning", "noted"},
        {"orientering", "noted"},
        {"discussed", "discussed"},
        {"drøftet", "discussed"},
        {"droeftet", "discussed"},
        {"drøftelse", "discussed"},
        {"postponed", "postponed"},
        {"udsat", "postponed"},
        {"decided", "decided"},
        {"besluttet", "decided"},
        {"vedtaget", "decided"},
        {"none", "none"},
        {"ingen", "none"},
    }};
    if (auto name = name_for(kNames, text)) return *name;
    return std::unexpected(
        QueryError{"unknown outcome '" + std::string(text) +
                   "' (outcomes: approved/godkendt, noted/efterretning, discussed/drøftet, "
                   "postponed/udsat, decided/besluttet, none/ingen)"});
}

std::expected<std::string, QueryError> parse_kind(std::string_view text) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kNames{{
        {"minutes", "minutes"},
        {"referat", "minutes"},
        {"protokol", "minutes"},
        {"protokoll", "minutes"},
        {"agenda", "agenda"},
        {"dagsorden", "agenda"},
        {"saksliste", "agenda"},
        {"kallelse", "agenda"},
    }};
    if (auto name = name_for(kNames, text)) return *name;
    return std::unexpected(QueryError{"unknown kind '" + std::string(text) +
                                      "' (kinds: minutes/referat, agenda/dagsorden)"});
}

std::expected<std::string, QueryError> parse_vote(std::string_view text) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 12> kNames{{
        {"against", "against"},
        {"imod", "against"},
        {"mod", "against"},
        {"dissens", "against"},
        {"for", "for"},
        {"abstain", "abstain"},
        {"undlod", "abstain"},
        {"blank", "abstain"},
        {"diverges", "diverges"},
        {"afviger", "diverges"},
        {"ja", "diverges"},
        {"yes", "diverges"},
    }};
    if (auto name = name_for(kNames, text)) return *name;
    return std::unexpected(QueryError{
        "unknown vote '" + std::string(text) +
        "' (votes: imod/against, for, undlod/abstain; afviger/diverges for a decision that "
        "departs from the recommendation)"});
}

Xapian::Query date_query(const DayRange& range) {
    if (range.from.empty())
        return Xapian::Query(Xapian::Query::OP_VALUE_LE, index::schema::kSlotDate, range.to);
    if (range.to.empty())
        return Xapian::Query(Xapian::Query::OP_VALUE_GE, index::schema::kSlotDate, range.from);
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, index::schema::kSlotDate, range.from,
                         range.to);
}

Xapian::Query number_query(unsigned slot, const NumberRange& range) {
    if (!range.from && !range.to) return Xapian::Query::MatchAll;
    if (!range.from)
        return Xapian::Query(Xapian::Query::OP_VALUE_LE, slot,
                             Xapian::sortable_serialise(*range.to));
    if (!range.to)
        return Xapian::Query(Xapian::Query::OP_VALUE_GE, slot,
                             Xapian::sortable_serialise(*range.from));
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot,
                         Xapian::sortable_serialise(*range.from),
                         Xapian::sortable_serialise(*range.to));
}

Xapian::Query year_query(const NumberRange& range) {
    // A value range reads the year of every candidate; a few hundred years at most as terms.
    if (range.from && range.to && *range.to - *range.from <= 400) {
        std::vector<Xapian::Query> years;
        for (auto year = static_cast<long>(std::ceil(*range.from));
             static_cast<double>(year) <= *range.to; ++year)
            years.emplace_back(std::string(index::schema::kYearTerm) + std::to_string(year));
        return Xapian::Query(Xapian::Query::OP_OR, years.begin(), years.end());
    }
    return number_query(index::schema::kSlotYear, range);
}

}  // namespace referat::query
