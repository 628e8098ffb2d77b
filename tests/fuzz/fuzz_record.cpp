// libFuzzer target: the stored-record codec (index/records.hpp) on any bytes. Records are
// Referat's own, but a database can be copied, damaged or truncated: unpacking any bytes
// either gives text or throws referat::Error, and packing any text unpacks to the same text.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <referat/index/records.hpp>
#include <referat/ingest/error.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    try {
        (void)referat::index::record_json(bytes);
    } catch (const referat::Error&) {
    }
    if (referat::index::record_json(referat::index::encode_record(bytes)) != bytes &&
        !(bytes.empty() || bytes.front() == '{'))
        __builtin_trap();
    return 0;
}
