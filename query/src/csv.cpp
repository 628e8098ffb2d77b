#include "referat/query/csv.hpp"

namespace referat::query {

namespace {

bool looks_like_formula(std::string_view value) {
    if (value.empty()) return false;
    switch (value.front()) {
        case '=':
        case '+':
        case '-':
        case '@':
        case '\t':
        case '\r':
            return true;
        default:
            return false;
    }
}

}  // namespace

std::string csv_field(std::string_view value, const CsvOptions& options) {
    std::string guarded;
    if (options.spreadsheet && looks_like_formula(value)) {
        guarded = "'";
        guarded += value;
        value = guarded;
    }
    const char specials[] = {options.separator, '"', '\r', '\n', '\0'};
    if (value.find_first_of(specials) == std::string_view::npos) return std::string(value);
    std::string out = "\"";
    for (char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string_view csv_start(const CsvOptions& options) {
    return options.spreadsheet ? "\xEF\xBB\xBF" : "";
}

std::string csv_line(const std::vector<std::string>& fields, const CsvOptions& options) {
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) out += options.separator;
        out += csv_field(fields[i], options);
    }
    return out + "\r\n";
}

}  // namespace referat::query
