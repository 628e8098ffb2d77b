#pragma once
// Field-by-field comparison of a segmented meeting (meeting_to_json shape) with a gold file.

#include <string>
#include <vector>

#include <referat/ingest/json.hpp>

namespace referat::test {

/// Result of comparing one meeting with its gold answer.
struct GoldScore {
    int equal = 0;
    int total = 0;
    std::vector<std::string> diffs;  ///< one readable line per differing field
};

/// Compare layout, meeting fields, participants (name, organisation, role), absent (name,
/// organisation) and every item's number, title, sections, subheadings, decision,
/// decision_outcome, attachments and inline_attachments. People fields owned by the people
/// extractor (persons_mentioned, appointments) are not compared.
[[nodiscard]] GoldScore compare_with_gold(const json::Value& got, const json::Value& gold);

/// Read a whole file; empty string when missing.
[[nodiscard]] std::string read_file(const std::string& path);

/// Names of the .json files in a folder, sorted (expectation sets for parameterised tests).
[[nodiscard]] std::vector<std::string> json_files_in(const std::string& folder);

/// A GoogleTest parameter name for an expectation file: the name without ".json", every
/// character that is not a letter or digit made '_'.
[[nodiscard]] std::string test_name(const std::string& file);

/// Runs of ASCII whitespace collapsed to one space, trimmed: titles and decision texts are
/// compared this way because line breaks in the source are not part of the text.
[[nodiscard]] std::string squeeze(const std::string& s);

}  // namespace referat::test
