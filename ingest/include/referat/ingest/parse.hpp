#pragma once
// The ingest entry point: file in, Document (meetings, items, people) out.

#include <expected>
#include <filesystem>

#include <referat/ingest/error.hpp>
#include <referat/ingest/model.hpp>
#include <referat/ingest/reader.hpp>

namespace referat::ingest {

/// Read, normalise, segment and extract one file.
[[nodiscard]] std::expected<Document, FileError> parse_file(const std::filesystem::path& path,
                                                            const ReadLimits& limits = {});

/// Normalise, segment and extract already-decoded text (used by tests and fuzzers).
[[nodiscard]] Document parse_text(std::string_view utf8, std::string source = {});

}  // namespace referat::ingest
