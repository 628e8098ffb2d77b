#include "referat/ingest/module.hpp"

#include <dlfcn.h>

#include <cstdlib>
#include <filesystem>
#include <vector>

namespace referat::modules {

namespace {

namespace fs = std::filesystem;

std::vector<fs::path> folders() {
    std::vector<fs::path> out;
    // Set, it is the only place looked in: a packager's layout, or a test's.
    if (const char* env = std::getenv("REFERAT_MODULE_DIR"); env != nullptr && *env != '\0') {
        out.emplace_back(env);
        return out;
    }
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        out.push_back(self.parent_path());
        out.push_back(self.parent_path().parent_path() / "lib");
    }
#ifdef REFERAT_MODULE_DIR
    out.emplace_back(REFERAT_MODULE_DIR);
#endif
    return out;
}

}  // namespace

void* entry_point(std::string_view file_name, std::string_view entry_point, std::string& error) {
    std::string tried;
    for (const auto& folder : folders()) {
        const fs::path path = folder / file_name;
        std::error_code ec;
        if (!fs::exists(path, ec)) {
            tried += (tried.empty() ? "" : ", ") + folder.string();
            continue;
        }
        // Loaded for the life of the process: what it returns stays valid.
        void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (handle == nullptr) {
            const char* why = dlerror();
            error = "cannot load " + path.string() + ": " + (why ? why : "unknown error");
            return nullptr;
        }
        void* symbol = dlsym(handle, std::string(entry_point).c_str());
        if (symbol == nullptr)
            error = path.string() + " has no " + std::string(entry_point) +
                    " (a module of another Referat build?)";
        return symbol;
    }
    error = std::string(file_name) + " not found (looked in " + tried + ")";
    return nullptr;
}

}  // namespace referat::modules
