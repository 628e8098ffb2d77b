#pragma once
// A temporary index for the query tests: the five sample meetings built from their gold files
// (data/samples/*.json) plus one meeting written here for cases the samples lack (old and new
// Danish spellings, amounts, municipalities, CSV-hostile decision text, "holder årligt" and
// "B&U" for operators and snippets).

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include <referat/ingest/json.hpp>
#include <referat/ingest/model.hpp>

namespace referat::query::testing {

/// A folder that is removed with everything in it when the object goes away.
class TempDir {
  public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    /// The folder.
    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }

  private:
    std::filesystem::path m_path;
};

/// One gold file as read from data/samples.
struct GoldFile {
    std::string stem;   ///< "000_92d3c2ccd0431f34"
    json::Value value;  ///< the parsed gold JSON
};

/// Every data/samples/*.json, sorted by name.
[[nodiscard]] std::vector<GoldFile> gold_files();

/// The meeting written in the test (committee "Økonomiudvalget", 2019-03-05).
[[nodiscard]] ingest::Meeting extra_meeting();

/// An item as the tests see it, read straight from the gold JSON or the extra meeting (not
/// through the index), to compute expected answers independently of the query code.
struct TestItem {
    std::string key;  ///< "date#number", also computed from search hits
    std::string date, committee, layout, outcome, title, decision;
    std::string kind;  ///< "minutes", "agenda", or empty where the gold file does not say
    int number = 0;
    std::vector<std::string> attachments;  ///< final and inline
    std::vector<std::string> persons;      ///< mentioned and appointed
    std::vector<std::string> municipalities;
    std::vector<std::string> recommendation;  ///< Indstilling section texts
    std::optional<double> amount;
};

/// Every item of the index.
[[nodiscard]] std::vector<TestItem> all_items();

/// Whether text has a word equal to word, or with the same Danish stem (case-insensitive).
[[nodiscard]] bool has_word(std::string_view text, std::string_view word);

/// Whether text holds the words of phrase in that order, compared by Danish stem, with stop
/// words left out on both sides (how the index matches a quoted phrase).
[[nodiscard]] bool has_phrase(std::string_view text, std::string_view phrase);

/// "date#number" for a hit record.
[[nodiscard]] std::string key_of(const json::Value& record);

/// The index: gold meetings and the extra meeting, built once per test program.
class SampleIndex {
  public:
    /// The shared index (built on first use).
    static SampleIndex& get();
    /// A fresh reader on it.
    [[nodiscard]] Xapian::Database open() const;
    /// Its folder (for CLI-style tests that take a path).
    [[nodiscard]] const std::filesystem::path& path() const { return m_dir.path(); }

  private:
    SampleIndex();
    TempDir m_dir;
};

}  // namespace referat::query::testing
