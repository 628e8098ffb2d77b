// PDF through poppler-cpp: physical layout per page (it keeps "label   value" rows and table of
// contents lines together, which raw order splits), then pdf_text.cpp cleans the pages.
// Poppler's diagnostics are collected as warnings instead of going to stderr.

#include <climits>
#include <memory>
#include <mutex>
#include <string>

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include "read/formats.hpp"

namespace referat::ingest::read {

namespace {

constexpr std::size_t kMaxDiagnostics = 20;
constexpr std::size_t kEofWindow = 2048;

// Poppler has one global error callback; each reading thread points it at its own list.
thread_local std::vector<std::string>* t_diagnostics = nullptr;

void collect_diagnostic(const std::string& message, void* /*closure*/) {
    // Damaged files repeat the same message for every page: keep each message once.
    if (t_diagnostics == nullptr || t_diagnostics->size() >= kMaxDiagnostics) return;
    for (const auto& seen : *t_diagnostics)
        if (seen == message) return;
    t_diagnostics->push_back(message);
}

class DiagnosticScope {
  public:
    explicit DiagnosticScope(std::vector<std::string>& sink) {
        static std::once_flag installed;
        std::call_once(installed,
                       [] { poppler::set_debug_error_function(collect_diagnostic, nullptr); });
        t_diagnostics = &sink;
    }
    ~DiagnosticScope() { t_diagnostics = nullptr; }
    DiagnosticScope(const DiagnosticScope&) = delete;
    DiagnosticScope& operator=(const DiagnosticScope&) = delete;
};

bool has_visible_text(std::string_view s) {
    return s.find_first_not_of(" \t\n\r\f") != std::string_view::npos;
}

std::string first_or(const std::vector<std::string>& list, std::string fallback) {
    return list.empty() ? std::move(fallback) : list.front();
}

}  // namespace

std::expected<Extracted, Reason> read_pdf(std::string_view bytes, const ReadLimits& limits,
                                          const Deadline& deadline) {
    if (bytes.size() > static_cast<std::size_t>(INT_MAX))
        return std::unexpected("PDF too large for the PDF library (over 2 GB)");
    std::vector<std::string> diagnostics;
    DiagnosticScope scope(diagnostics);
    const bool has_eof =
        bytes.substr(bytes.size() > kEofWindow ? bytes.size() - kEofWindow : 0).find("%%EOF") !=
        std::string_view::npos;
    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!doc) {
        if (!has_eof) return std::unexpected("damaged PDF: truncated (no %%EOF marker)");
        return std::unexpected("damaged PDF: " + first_or(diagnostics, "cannot be opened"));
    }
    if (doc->is_locked()) return std::unexpected("encrypted PDF (password required)");
    const int count = doc->pages();
    if (count <= 0) {
        return std::unexpected("damaged PDF: no pages" +
                               std::string(has_eof ? "" : " (truncated: no %%EOF marker)"));
    }
    if (count > limits.max_pages) {
        return std::unexpected("too many pages: " + std::to_string(count) + " > limit " +
                               std::to_string(limits.max_pages));
    }
    std::vector<std::string> pages;
    pages.reserve(static_cast<std::size_t>(count));
    Extracted out;
    for (int i = 0; i < count; ++i) {
        if (deadline.expired()) {
            return std::unexpected("time limit exceeded: more than " +
                                   std::to_string(static_cast<long>(deadline.seconds())) +
                                   " s, stopped at page " + std::to_string(i + 1) + " of " +
                                   std::to_string(count));
        }
        std::unique_ptr<poppler::page> page(doc->create_page(i));
        if (!page) {
            out.warnings.push_back("PDF page " + std::to_string(i + 1) + " cannot be read");
            pages.emplace_back();
            continue;
        }
        const auto utf8 = page->text(poppler::rectf(), poppler::page::physical_layout).to_utf8();
        pages.emplace_back(utf8.begin(), utf8.end());
    }
    std::string raw_all;
    for (const auto& p : pages) raw_all += p;
    if (!has_visible_text(raw_all)) {
        if (!has_eof) return std::unexpected("damaged PDF: truncated (no %%EOF marker), no text");
        return std::unexpected("no text layer (scanned PDF?): " + std::to_string(count) +
                               (count == 1 ? " page" : " pages") + " without text");
    }
    out.text = clean_pdf_pages(std::move(pages), out.page_starts);
    if (!has_eof)
        out.warnings.push_back("PDF appears truncated (no %%EOF marker); text may be incomplete");
    for (const auto& d : diagnostics) out.warnings.push_back("PDF: " + d);
    if (diagnostics.size() >= kMaxDiagnostics)
        out.warnings.push_back("PDF: further messages omitted");
    return out;
}

}  // namespace referat::ingest::read
