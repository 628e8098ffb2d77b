#include "sample_items.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <referat/ingest/normalise.hpp>

namespace referat::test {

namespace {

const std::filesystem::path kData = REFERAT_TEST_DATA;

// Byte offset of the header line of item `number` at or before `limit`: "N. Title..." or a
// "Punkt N." line. Searching backwards skips the agenda list that repeats the headers.
std::size_t find_header(const std::string& text, int number, const std::string& title,
                        std::size_t limit) {
    const std::string prefix =
        std::to_string(number) + ". " + title.substr(0, std::min<std::size_t>(title.size(), 12));
    const std::string punkt = "Punkt " + std::to_string(number) + ".";
    std::size_t best = std::string::npos;
    std::size_t pos = 0;
    while (pos < limit) {
        std::size_t eol = text.find('\n', pos);
        if (eol == std::string::npos) eol = text.size();
        const std::string_view line(text.data() + pos, eol - pos);
        if (line.starts_with(prefix) || line == punkt) best = pos;
        pos = eol + 1;
    }
    if (best == std::string::npos)
        throw std::runtime_error("no header for item " + std::to_string(number));
    return best;
}

}  // namespace

std::string read_data_file(const std::string& relative) {
    std::ifstream in(kData / relative, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + relative);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::optional<std::string> gold_string(const json::Value& v) {
    if (v.is_string()) return v.as_string();
    return std::nullopt;
}

std::vector<Sample> load_samples() {
    std::vector<std::string> stems;
    for (const auto& entry : std::filesystem::directory_iterator(kData / "samples")) {
        if (entry.path().extension() == ".json") stems.push_back(entry.path().stem().string());
    }
    std::sort(stems.begin(), stems.end());
    std::vector<Sample> samples;
    for (const std::string& stem : stems) {
        Sample s;
        s.stem = stem;
        s.text = ingest::normalise_text(read_data_file("samples/" + stem + ".txt"));
        auto gold = json::parse(read_data_file("samples/" + stem + ".json"));
        if (!gold) throw std::runtime_error("bad gold JSON " + stem);
        s.gold = *gold;
        for (const auto& p : s.gold["participants"].as_array()) {
            s.meeting.participants.push_back(ingest::Person{
                p["name"].as_string(), gold_string(p["organisation"]), gold_string(p["role"]), {}});
        }
        for (const auto& p : s.gold["absent"].as_array()) {
            s.meeting.absent.push_back(
                ingest::Person{p["name"].as_string(), gold_string(p["organisation"]), {}, {}});
        }
        const auto& items = s.gold["items"].as_array();
        std::vector<std::size_t> starts(items.size());
        std::size_t limit = s.text.size();
        for (std::size_t k = items.size(); k-- > 0;) {
            starts[k] = find_header(s.text, static_cast<int>(items[k]["number"].as_int()),
                                    items[k]["title"].as_string(), limit);
            limit = starts[k];
        }
        for (std::size_t k = 0; k < items.size(); ++k) {
            ingest::Item item;
            item.number = static_cast<int>(items[k]["number"].as_int());
            item.title = items[k]["title"].as_string();
            item.decision = gold_string(items[k]["decision"]);
            item.span_begin = starts[k];
            item.span_end = k + 1 < items.size() ? starts[k + 1] : s.text.size();
            s.meeting.items.push_back(std::move(item));
        }
        samples.push_back(std::move(s));
    }
    return samples;
}

}  // namespace referat::test
