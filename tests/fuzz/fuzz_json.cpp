// libFuzzer target: JSON parse, dump, reparse. What parses must dump (compact and pretty) to JSON
// that parses to the same value and dumps the same again; any bytes as a string must dump to
// valid UTF-8 that parses back.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <referat/ingest/json.hpp>

#include "read/formats.hpp"
#include "referat/ingest/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    namespace json = referat::json;

    const auto parsed = json::parse(bytes);
    if (parsed) {
        for (const int indent : {-1, 2}) {
            const std::string out = parsed->dump(indent);
            const auto again = json::parse(out);
            if (!again || !(*again == *parsed) || again->dump(indent) != out) __builtin_trap();
        }
    } else if (parsed.error().reason.empty() || parsed.error().offset > size) {
        __builtin_trap();
    }

    // Invalid bytes in a string (a file name, say) still give valid JSON.
    const std::string quoted = json::Value(bytes).dump();
    if (!referat::utf8::is_valid(quoted) || !json::parse(quoted)) __builtin_trap();
    return 0;
}
