#pragma once
// Turning the PATH arguments of `referat ingest` into a list of files: folders recursively,
// hidden entries skipped, symbolic link loops detected, each problem one FileError.

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include <referat/ingest/error.hpp>

namespace referat::cli {

/// The files to ingest and the paths that could not be used.
struct FileList {
    std::vector<std::filesystem::path> files;  ///< in argument order, folders sorted by name
    std::vector<FileError> errors;             ///< missing paths, loops, unreadable folders
    std::size_t ignored = 0;  ///< files inside folders with an extension that is not minutes
};

/// Extensions taken from folders (files named directly are always taken): .txt .pdf .html ...
[[nodiscard]] bool has_minutes_extension(const std::filesystem::path& file);

/// Collect files from paths. Each file appears once even when reached twice.
[[nodiscard]] FileList collect_files(const std::vector<std::string>& paths);

}  // namespace referat::cli
