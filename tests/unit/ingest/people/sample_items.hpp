#pragma once
// The five sample minutes as meetings for the people tests: items are cut from the sample text
// at their headers and given the gold title and decision, so extraction is tested on its own.

#include <string>
#include <vector>

#include <referat/ingest/json.hpp>
#include <referat/ingest/model.hpp>

namespace referat::test {

/// One sample: its normalised text, gold JSON and the meeting built from both.
struct Sample {
    std::string stem;  ///< "001_974898943bafb24e"
    std::string text;
    json::Value gold;
    ingest::Meeting meeting;  ///< items with span, title, decision; participants from the gold
};

/// All samples in data/samples, sorted by name.
[[nodiscard]] std::vector<Sample> load_samples();

/// The text of a file under data/ (REFERAT_TEST_DATA).
[[nodiscard]] std::string read_data_file(const std::string& relative);

/// A gold string-or-null as an optional.
[[nodiscard]] std::optional<std::string> gold_string(const json::Value& v);

}  // namespace referat::test
