#pragma once
// Loading Referat's own modules: parts built as shared objects of their own so that a program
// maps their libraries only when it uses them (the PDF reader's Poppler, the web server's HTTP
// library). A module is looked for beside the running program, in ../lib from it, and in the
// build tree's lib folder; or only in $REFERAT_MODULE_DIR when that is set.

#include <string>
#include <string_view>

namespace referat::modules {

/// The address of entry_point in the module file_name ("libreferat_pdf.so"), never unloaded
/// (callers keep the address; dlopen counts a second load of the same file as the first); nullptr with the reason in error ("libreferat_pdf.so not found (looked in
/// ...)", a loader message, or a module without the entry point).
[[nodiscard]] void* entry_point(std::string_view file_name, std::string_view entry_point,
                                std::string& error);

}  // namespace referat::modules
