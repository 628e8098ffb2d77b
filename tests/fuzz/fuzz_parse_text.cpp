// libFuzzer target: normalisation and segmentation of arbitrary text (ingest::parse_text).

#include <cstddef>
#include <cstdint>
#include <string_view>

#include <referat/ingest/parse.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto doc = referat::ingest::parse_text(text, "fuzz");
    // Offsets the index and the snippets rely on must stay inside the text.
    for (const auto& meeting : doc.meetings) {
        if (meeting.span_end > doc.text.size() || meeting.span_begin > meeting.span_end)
            __builtin_trap();
        for (const auto& item : meeting.items)
            if (item.span_end > doc.text.size() || item.span_begin > item.span_end)
                __builtin_trap();
    }
    return 0;
}
