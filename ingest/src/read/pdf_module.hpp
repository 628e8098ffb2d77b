#pragma once
// The interface between the PDF reader (pdf.cpp, in referat_ingest) and the module that holds
// Poppler (pdf_poppler.cpp, built as libreferat_pdf.so and loaded when the first PDF is read).
// Poppler brings some twenty libraries (image codecs, fonts, NSS); mapping and relocating them
// took about 6 ms of every process start, so a search paid for a PDF reader it never used.
// Module and library are built together by one compiler, so C++ types cross the boundary.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace referat::ingest::read::pdf_module {

/// What to read.
struct Input {
    std::string_view bytes;         ///< the whole file
    int max_pages = 0;              ///< more pages than this: an error
    std::function<bool()> expired;  ///< true once the time budget is used up
    double seconds = 0;             ///< that budget, for the message
};

/// What the module read.
struct Output {
    std::string error;                     ///< why the file cannot be read; empty when it can
    std::vector<std::string> pages;        ///< each page's text in physical layout
    std::vector<std::string> warnings;     ///< pages that could not be read
    std::vector<std::string> diagnostics;  ///< Poppler's messages, each once, at most 20
    bool has_eof = true;                   ///< whether the file ends with a %%EOF marker
};

/// The module's entry point, looked up by kEntryPoint.
using Extract = void (*)(const Input& in, Output& out);

inline constexpr const char* kEntryPoint = "referat_pdf_extract";
inline constexpr const char* kFileName = "libreferat_pdf.so";
/// Diagnostics kept per file; reaching it adds "further messages omitted".
inline constexpr std::size_t kMaxDiagnostics = 20;

}  // namespace referat::ingest::read::pdf_module
