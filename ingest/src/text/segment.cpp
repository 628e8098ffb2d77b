#include "referat/ingest/segment.hpp"

namespace referat::ingest {

std::vector<Meeting> segment(std::string_view normalised_text, const PageStarts& pages) {
    (void)pages;
    Meeting m;
    m.layout = "generic";
    m.span_end = normalised_text.size();
    m.warnings.push_back("segmenter not implemented");
    return {m};
}

}  // namespace referat::ingest
