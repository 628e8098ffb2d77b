// The PDF module (pdf_module.hpp): Poppler's physical layout per page (it keeps "label   value"
// rows and table of contents lines together, which raw order splits). Poppler's diagnostics are
// collected instead of going to stderr. Built as libreferat_pdf.so; links nothing of Referat.

#include <climits>
#include <memory>
#include <mutex>
#include <string>

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include "read/pdf_module.hpp"

namespace {

namespace pdf = referat::ingest::read::pdf_module;

constexpr std::size_t kEofWindow = 2048;

// Poppler has one global error callback; each reading thread points it at its own list.
thread_local std::vector<std::string>* t_diagnostics = nullptr;

void collect_diagnostic(const std::string& message, void* /*closure*/) {
    // Damaged files repeat the same message for every page: keep each message once.
    if (t_diagnostics == nullptr || t_diagnostics->size() >= pdf::kMaxDiagnostics) return;
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

std::string first_or(const std::vector<std::string>& list, std::string fallback) {
    return list.empty() ? std::move(fallback) : list.front();
}

void extract(const pdf::Input& in, pdf::Output& out) {
    const std::string_view bytes = in.bytes;
    if (bytes.size() > static_cast<std::size_t>(INT_MAX)) {
        out.error = "PDF too large for the PDF library (over 2 GB)";
        return;
    }
    DiagnosticScope scope(out.diagnostics);
    out.has_eof =
        bytes.substr(bytes.size() > kEofWindow ? bytes.size() - kEofWindow : 0).find("%%EOF") !=
        std::string_view::npos;
    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!doc) {
        out.error = out.has_eof ? "damaged PDF: " + first_or(out.diagnostics, "cannot be opened")
                                : "damaged PDF: truncated (no %%EOF marker)";
        return;
    }
    if (doc->is_locked()) {
        out.error = "encrypted PDF (password required)";
        return;
    }
    const int count = doc->pages();
    if (count <= 0) {
        out.error = "damaged PDF: no pages" +
                    std::string(out.has_eof ? "" : " (truncated: no %%EOF marker)");
        return;
    }
    if (count > in.max_pages) {
        out.error = "too many pages: " + std::to_string(count) + " > limit " +
                    std::to_string(in.max_pages);
        return;
    }
    out.pages.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
        if (in.expired && in.expired()) {
            out.error = "time limit exceeded: more than " +
                        std::to_string(static_cast<long>(in.seconds)) + " s, stopped at page " +
                        std::to_string(i + 1) + " of " + std::to_string(count);
            out.pages.clear();
            return;
        }
        std::unique_ptr<poppler::page> page(doc->create_page(i));
        if (!page) {
            out.warnings.push_back("PDF page " + std::to_string(i + 1) + " cannot be read");
            out.pages.emplace_back();
            continue;
        }
        const auto utf8 = page->text(poppler::rectf(), poppler::page::physical_layout).to_utf8();
        out.pages.emplace_back(utf8.begin(), utf8.end());
    }
}

}  // namespace

extern "C" void referat_pdf_extract(const pdf::Input& in, pdf::Output& out) { extract(in, out); }
