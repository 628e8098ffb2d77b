// The bad-input corpus: every file is refused with a specific reason, or, when it can be
// decoded (legacy 8-bit, UTF-16, damaged UTF-8), read with correct Danish letters. Nothing
// crashes. Most inputs are generated here in a temporary folder; small binary ones are fixtures.

#include <random>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <referat/ingest/parse.hpp>
#include <referat/ingest/reader.hpp>

#include "read_test_support.hpp"

namespace referat::ingest {
namespace {

std::string reason_for(const std::filesystem::path& path, const ReadLimits& limits = {}) {
    auto doc = parse_file(path, limits);
    if (doc) return "(read as " + doc->type + ")";
    EXPECT_EQ(doc.error().file, path.string());
    return doc.error().reason;
}

struct Refusal {
    std::string name;
    std::string bytes;
    std::string reason;
};

class Refused : public ::testing::TestWithParam<Refusal> {};

TEST_P(Refused, WithASpecificReason) {
    test::TempDir dir;
    const std::string reason = reason_for(dir.write(GetParam().name, GetParam().bytes));
    // An expectation ending in ": " fixes the kind of refusal; the detail depends on the bytes.
    if (GetParam().reason.ends_with(": "))
        EXPECT_TRUE(reason.starts_with(GetParam().reason)) << reason;
    else
        EXPECT_EQ(reason, GetParam().reason);
}

std::string noise(std::size_t n) {
    std::mt19937 rng(20121204);
    std::string s(n, '\0');
    for (auto& c : s) c = static_cast<char>(rng() & 0xFF);
    return s;
}

INSTANTIATE_TEST_SUITE_P(
    Generated, Refused,
    ::testing::Values(
        Refusal{"empty.txt", "", "empty file"},
        Refusal{"blank.txt", " \n\t\r\n  \n", "empty file (only whitespace)"},
        Refusal{"noise.bin", "x" + noise(4096), "unsupported file type (binary data: "},
        Refusal{"nul.txt", std::string("Referat\nBeslutning: Godkendt\0\0\n", 30),
                "unsupported file type (binary data: NUL byte at offset 28)"},
        Refusal{"control.txt", "Referat\x07\x08 fra mødet",
                "unsupported file type (binary data: control byte 0x07 at offset 7)"},
        Refusal{"broken.txt", "Beslutning: æ \xC3\xC3\xC3 \xE5\xE6",
                "invalid UTF-8 (5 malformed bytes, first at offset 15; mixed encodings?)"},
        Refusal{"image.png", "\x89PNG\r\n\x1A\n" + noise(64), "unsupported file type (PNG image)"},
        Refusal{
            "old.doc", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + noise(64),
            "unsupported file type (legacy Word/Office document (.doc); save it as DOCX or PDF)"},
        Refusal{"export.xml", "<?xml version=\"1.0\"?>\n<meeting id=\"1\"><item/></meeting>\n",
                "unsupported file type (XML data, root element <meeting>)"},
        Refusal{"other-export.xml",
                "<?xml version=\"1.0\"?>\n<root><table name=\"other\"><fields/></table></root>\n",
                "unsupported file type (XML data, root element <root>)"},
        Refusal{"truncated.docx", "PK\x03\x04" + noise(200),
                "damaged zip archive (no central directory; truncated?)"}),
    [](const auto& info) {
        std::string n = info.param.name;
        for (auto& c : n)
            if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
        return n;
    });

struct FixtureRefusal {
    std::string path;
    std::string reason;
};

class RefusedFixture : public ::testing::TestWithParam<FixtureRefusal> {};

TEST_P(RefusedFixture, WithASpecificReason) {
    EXPECT_EQ(reason_for(test::data_path(GetParam().path)), GetParam().reason);
}

INSTANTIATE_TEST_SUITE_P(
    Committed, RefusedFixture,
    ::testing::Values(
        FixtureRefusal{"fixtures/bad/encrypted.pdf", "encrypted PDF (password required)"},
        FixtureRefusal{"fixtures/bad/image-only.pdf",
                       "no text layer (scanned PDF?): 1 page without text"},
        FixtureRefusal{"fixtures/bad/not-docx.zip",
                       "unsupported file type (zip archive without word/document.xml, not DOCX)"}));

TEST(BadInput, TruncatedPdf) {
    const std::string pdf = test::slurp(test::data_path("fixtures/pdf/002_539ca0b311f4efd1.pdf"));
    ASSERT_GT(pdf.size(), 1000u);
    test::TempDir dir;
    EXPECT_EQ(reason_for(dir.write("half.pdf", pdf.substr(0, pdf.size() / 2))),
              "damaged PDF: truncated (no %%EOF marker)");
    EXPECT_EQ(reason_for(dir.write("header.pdf", "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n")),
              "damaged PDF: truncated (no %%EOF marker)");
}

TEST(BadInput, PdfWithGarbageBodyIsDamaged) {
    test::TempDir dir;
    const auto reason =
        reason_for(dir.write("garbage.pdf", "%PDF-1.4\n" + std::string(3000, 'x') + "\n%%EOF\n"));
    EXPECT_TRUE(reason.starts_with("damaged PDF: ")) << reason;
}

TEST(BadInput, Cp1252TextIsReadWithDanishLetters) {
    test::TempDir dir;
    const auto path = dir.write("cp1252.txt",
                                "Referat\nBeslutning: Udvalget godkendte b\xf8rnehaven p\xe5 "
                                "\xc6r\xf8vej \x96 \xe6ndringen er vedtaget.\n");
    auto src = read_source(path);
    ASSERT_TRUE(src) << src.error().message();
    EXPECT_EQ(src->encoding, "windows-1252");
    EXPECT_THAT(src->text, ::testing::HasSubstr("børnehaven på Ærøvej – ændringen")) << src->text;
    auto doc = parse_file(path);
    ASSERT_TRUE(doc) << doc.error().message();
    EXPECT_THAT(doc->text, ::testing::HasSubstr("Ærøvej"));
}

TEST(BadInput, Utf16TextIsReadWithDanishLetters) {
    const std::u16string text = u"Referat\nBeslutning: Godkendt på Ærø, økonomien er afklaret.\n";
    std::string bytes = "\xFF\xFE";
    for (const char16_t c : text) {
        bytes += static_cast<char>(c & 0xFF);
        bytes += static_cast<char>(c >> 8);
    }
    test::TempDir dir;
    auto src = read_source(dir.write("utf16.txt", bytes));
    ASSERT_TRUE(src) << src.error().message();
    EXPECT_EQ(src->encoding, "UTF-16LE");
    EXPECT_EQ(src->text, "Referat\nBeslutning: Godkendt på Ærø, økonomien er afklaret.\n");
}

TEST(BadInput, MostlyValidUtf8KeepsTheTextWithAWarning) {
    test::TempDir dir;
    auto src = read_source(
        dir.write("stray.txt", "Referat fra mødet i Børne- og Ungeudvalget \x96 slut\n"));
    ASSERT_TRUE(src) << src.error().message();
    EXPECT_THAT(src->text, ::testing::HasSubstr("Børne- og Ungeudvalget \xEF\xBF\xBD slut"));
    ASSERT_FALSE(src->warnings.empty());
    EXPECT_THAT(src->warnings[0], ::testing::HasSubstr("malformed"));
}

TEST(BadInput, FiftyMegabyteSingleLine) {
    test::TempDir dir;
    std::string line;
    line.reserve(50u * 1024 * 1024 + 1);
    while (line.size() < 50u * 1024 * 1024) line += "Beslutning godkendt på mødet ";
    line.resize(50u * 1024 * 1024);
    const auto path = dir.write("long.txt", line);
    auto src = read_source(path);
    ASSERT_TRUE(src) << src.error().message();
    EXPECT_EQ(src->text.size(), line.size());
    ReadLimits limits;
    limits.max_bytes = 10u * 1024 * 1024;
    EXPECT_EQ(reason_for(path, limits), "file too large: 50 MB > limit 10 MB");
}

TEST(BadInput, MissingFileAndDirectory) {
    test::TempDir dir;
    EXPECT_EQ(reason_for(dir.path() / "findes-ikke.pdf"), "no such file");
    EXPECT_EQ(reason_for(dir.path()), "is a directory");
}

TEST(BadInput, SymlinkLoop) {
    test::TempDir dir;
    std::filesystem::create_symlink(dir.path() / "b", dir.path() / "a");
    std::filesystem::create_symlink(dir.path() / "a", dir.path() / "b");
    EXPECT_EQ(reason_for(dir.path() / "a"), "symbolic link loop");
}

TEST(BadInput, UnreadableFileIsPermissionDenied) {
    test::TempDir dir;
    const auto path = dir.write("locked.txt", "Referat\n");
    std::filesystem::permissions(path, std::filesystem::perms::none);
    // Root reads files whatever their permission bits: as root, read as user "nobody" (65534)
    // for the length of the check, as an ingest run by an ordinary user would.
    const bool root = ::geteuid() == 0;
    if (root) {
        ASSERT_EQ(::seteuid(65534), 0) << "cannot drop privileges";
    }
    const std::string reason = reason_for(path);
    if (root) {
        ASSERT_EQ(::seteuid(0), 0);
    }
    EXPECT_EQ(reason, "permission denied");
}

TEST(BadInput, ReadBytesNamesTheSource) {
    auto src = read_bytes("", "stdin");
    ASSERT_FALSE(src);
    EXPECT_EQ(src.error().message(), "stdin: empty file");
}

}  // namespace
}  // namespace referat::ingest
