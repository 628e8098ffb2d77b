// PDF: the module that holds Poppler (pdf_module.hpp) reads the pages, loaded the first time a
// PDF is read; then pdf_text.cpp cleans them.

#include <string>
#include <vector>

#include <referat/ingest/module.hpp>

#include "read/formats.hpp"
#include "read/pdf_module.hpp"

namespace referat::ingest::read {

namespace {

bool has_visible_text(std::string_view s) {
    return s.find_first_not_of(" \t\n\r\f") != std::string_view::npos;
}

/// The module's entry point, or why it cannot be loaded.
struct Module {
    pdf_module::Extract extract = nullptr;
    std::string error;
};

const Module& module() {
    static const Module m = [] {
        Module loaded;
        loaded.extract = reinterpret_cast<pdf_module::Extract>(
            modules::entry_point(pdf_module::kFileName, pdf_module::kEntryPoint, loaded.error));
        return loaded;
    }();
    return m;
}

}  // namespace

std::expected<Extracted, Reason> read_pdf(std::string_view bytes, const ReadLimits& limits,
                                          const Deadline& deadline) {
    const Module& m = module();
    if (m.extract == nullptr) return std::unexpected("PDF support is not available: " + m.error);
    pdf_module::Input in;
    in.bytes = bytes;
    in.max_pages = limits.max_pages;
    in.expired = [&deadline] { return deadline.expired(); };
    in.seconds = deadline.seconds();
    pdf_module::Output read;
    m.extract(in, read);
    if (!read.error.empty()) return std::unexpected(std::move(read.error));
    Extracted out;
    out.warnings = std::move(read.warnings);
    std::string raw_all;
    for (const auto& p : read.pages) raw_all += p;
    if (!has_visible_text(raw_all)) {
        if (!read.has_eof)
            return std::unexpected("damaged PDF: truncated (no %%EOF marker), no text");
        const std::size_t count = read.pages.size();
        return std::unexpected("no text layer (scanned PDF?): " + std::to_string(count) +
                               (count == 1 ? " page" : " pages") + " without text");
    }
    out.text = clean_pdf_pages(std::move(read.pages), out.page_starts);
    if (!read.has_eof)
        out.warnings.push_back("PDF appears truncated (no %%EOF marker); text may be incomplete");
    for (const auto& d : read.diagnostics) out.warnings.push_back("PDF: " + d);
    if (read.diagnostics.size() >= pdf_module::kMaxDiagnostics)
        out.warnings.push_back("PDF: further messages omitted");
    return out;
}

}  // namespace referat::ingest::read
