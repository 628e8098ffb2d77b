#pragma once
// The one CSV writer of every command and of the web exports: RFC 4180 fields and CRLF lines,
// a chosen separator, and a spreadsheet mode (a UTF-8 byte order mark, and a formula guard so
// that a cell such as "=HYPERLINK(...)" taken from a document shows as text in Excel or Calc).

#include <string>
#include <string_view>
#include <vector>

namespace referat::query {

/// CSV layout options.
struct CsvOptions {
    char separator = ',';              ///< ',', ';' (spreadsheets in Danish locales) or '\t'
    bool spreadsheet = false;          ///< BOM first, and cells guarded against formulas
    std::vector<std::string> columns;  ///< item exports: names from csv_columns(); empty: all
};

/// One CSV field, quoted when it holds the separator, a quote, CR or LF. In spreadsheet mode a
/// value starting with '=', '+', '-', '@', TAB or CR gets a leading apostrophe, which Excel and
/// LibreOffice take as "this cell is text".
[[nodiscard]] std::string csv_field(std::string_view value, const CsvOptions& options);

/// What a file starts with: the UTF-8 byte order mark in spreadsheet mode, else nothing.
[[nodiscard]] std::string_view csv_start(const CsvOptions& options);

/// One line of fields, separated and CRLF terminated.
[[nodiscard]] std::string csv_line(const std::vector<std::string>& fields,
                                   const CsvOptions& options);

}  // namespace referat::query
