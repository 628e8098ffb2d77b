// libFuzzer target: the query language, from text to Xapian query to results, over the test
// suite's sample index (so fields, wildcards and spelling variants expand over real terms).
// The property is referat::fuzz::query_searches_or_is_refused; nothing may crash or hang.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "../unit/query/sample_index.hpp"
#include "properties.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static Xapian::Database db = referat::query::testing::SampleIndex::get().open();
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    if (!referat::fuzz::query_searches_or_is_refused(db, text)) __builtin_trap();
    return 0;
}
