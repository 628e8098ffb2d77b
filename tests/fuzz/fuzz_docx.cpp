// libFuzzer target: zip directory, member extraction and DOCX text on arbitrary archives.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "read/formats.hpp"
#include "referat/ingest/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    referat::ingest::ReadLimits limits;
    limits.max_unpacked_bytes = 8u * 1024 * 1024;
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    auto got = referat::ingest::read::read_zip(bytes, limits);
    if (got && !referat::utf8::is_valid(got->text)) __builtin_trap();
    // Also walk word/document.xml-like input directly: the XML walker sees the raw bytes.
    (void)referat::ingest::read::docx_xml_to_text(bytes);
    return 0;
}
