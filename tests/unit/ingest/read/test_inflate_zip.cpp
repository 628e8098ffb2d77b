// Raw DEFLATE (zlib) and zip reading: known vectors, every member of a real DOCX (CRC checked), and
// damaged input refused with a reason.

#include <algorithm>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <zlib.h>

#include "read/formats.hpp"
#include "read_test_support.hpp"

namespace referat::ingest::read {
namespace {

// zlib raw deflate (fixed Huffman) of "Beslutning: Godkendt. " x 3 minus the trailing space.
using namespace std::string_view_literals;
constexpr std::string_view kFixedBlock =
    "\x73\x4a\x2d\xce\x29\x2d\xc9\xcb\xcc\x4b\xb7\x52\x70\xcf\x4f\xc9\x4e\xcd\x4b\x29\xd1\x53"
    "\x70\x22\x5e\x14\x00"sv;

TEST(Inflate, FixedHuffmanBlockWithBackReferences) {
    auto out = inflate_raw(kFixedBlock, 1024);
    ASSERT_TRUE(out) << out.error();
    EXPECT_EQ(*out, "Beslutning: Godkendt. Beslutning: Godkendt. Beslutning: Godkendt.");
}

TEST(Inflate, StoredBlock) {
    const std::string text = "Referat fra mødet";
    std::string block = "\x01";
    block += static_cast<char>(text.size());
    block += '\0';
    block += static_cast<char>(~text.size() & 0xFF);
    block += '\xFF';
    block += text;
    auto out = inflate_raw(block, 1024);
    ASSERT_TRUE(out) << out.error();
    EXPECT_EQ(*out, text);
}

TEST(Inflate, OutputLimitIsEnforced) {
    auto out = inflate_raw(kFixedBlock, 10);
    ASSERT_FALSE(out);
    EXPECT_EQ(out.error(), "uncompressed data exceeds the size limit");
}

TEST(Inflate, TruncatedInputIsAnError) {
    auto out = inflate_raw(kFixedBlock.substr(0, 12), 1024);
    ASSERT_FALSE(out);
    EXPECT_EQ(out.error(), "unexpected end of compressed data");
}

TEST(Inflate, ReservedBlockTypeIsAnError) {
    auto out = inflate_raw("\x07", 1024);
    ASSERT_FALSE(out);
    EXPECT_EQ(out.error(), "invalid compressed data (invalid block type)");
}

TEST(Inflate, StoredLengthMismatchIsAnError) {
    auto out = inflate_raw(std::string("\x01\x05\x00\x00\x00hello", 10), 1024);
    ASSERT_FALSE(out);
    EXPECT_EQ(out.error(), "invalid compressed data (invalid stored block lengths)");
}

TEST(Inflate, LimitHoldsForOutputLargerThanOneChunk) {
    // 1 MiB of one letter deflates to about a kilobyte; the limit must stop it part way.
    const std::string text(1u << 20, 'a');
    std::string packed(compressBound(static_cast<uLong>(text.size())), '\0');
    z_stream stream{};
    ASSERT_EQ(deflateInit2(&stream, 9, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
    stream.avail_in = static_cast<uInt>(text.size());
    stream.next_out = reinterpret_cast<Bytef*>(packed.data());
    stream.avail_out = static_cast<uInt>(packed.size());
    ASSERT_EQ(deflate(&stream, Z_FINISH), Z_STREAM_END);
    packed.resize(stream.total_out);
    deflateEnd(&stream);
    auto whole = inflate_raw(packed, text.size());
    ASSERT_TRUE(whole) << whole.error();
    EXPECT_EQ(*whole, text);
    auto cut = inflate_raw(packed, text.size() - 1);
    ASSERT_FALSE(cut);
    EXPECT_EQ(cut.error(), "uncompressed data exceeds the size limit");
}

TEST(Zip, EveryMemberOfARealDocxInflatesAndPassesItsCrc) {
    const std::string docx =
        test::slurp(test::data_path("real/syddjurs/puk-2013-06-20-referat.docx"));
    ASSERT_FALSE(docx.empty());
    auto dir = zip_directory(docx);
    ASSERT_TRUE(dir) << dir.error();
    EXPECT_EQ(dir->size(), 29u);
    std::size_t total = 0;
    for (const auto& e : *dir) {
        auto bytes = zip_extract(docx, e, 16u * 1024 * 1024);
        ASSERT_TRUE(bytes) << e.name << ": " << bytes.error();
        EXPECT_EQ(bytes->size(), e.size) << e.name;
        total += bytes->size();
    }
    EXPECT_EQ(total, 1048964u);  // the sum unzip -l reports
}

TEST(Zip, TruncatedArchiveHasNoDirectory) {
    const std::string docx =
        test::slurp(test::data_path("real/syddjurs/puk-2013-06-20-referat.docx"));
    auto dir = zip_directory(std::string_view(docx).substr(0, docx.size() / 2));
    ASSERT_FALSE(dir);
    EXPECT_EQ(dir.error(), "damaged zip archive (no central directory; truncated?)");
}

TEST(Zip, CorruptedMemberFailsItsCrc) {
    std::string docx = test::slurp(test::data_path("real/syddjurs/puk-2013-06-20-referat.docx"));
    auto dir = zip_directory(docx);
    ASSERT_TRUE(dir);
    const auto it = std::find_if(dir->begin(), dir->end(),
                                 [](const ZipEntry& e) { return e.name == "word/document.xml"; });
    ASSERT_NE(it, dir->end());
    // Flip one bit in the middle of the compressed data.
    auto u16 = [&](std::size_t at) {
        return static_cast<std::size_t>(static_cast<unsigned char>(docx[at]) |
                                        static_cast<unsigned char>(docx[at + 1]) << 8);
    };
    const std::size_t local = it->local_header_offset;
    const std::size_t data = local + 30 + u16(local + 26) + u16(local + 28);
    docx[data + it->compressed_size / 2] ^= 0x10;
    auto bytes = zip_extract(docx, *it, 16u * 1024 * 1024);
    ASSERT_FALSE(bytes);
    EXPECT_THAT(bytes.error(), ::testing::HasSubstr("word/document.xml")) << bytes.error();
}

TEST(Crc32, KnownValue) { EXPECT_EQ(crc32("123456789"), 0xCBF43926u); }

}  // namespace
}  // namespace referat::ingest::read
