// The facet store (columns.hpp): the same values as the value slots, same-item groups, retired by
// any change to the documents, and never trusted when damaged or named by someone else.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <xapian.h>

#include <referat/index/columns.hpp>
#include <referat/index/database.hpp>
#include <referat/index/schema.hpp>
#include <referat/index/writer.hpp>

#include "../../fuzz/columns_property.hpp"
#include "fixtures.hpp"
#include "temp_dir.hpp"

namespace {

using referat::testing::sample_document;
using referat::testing::TempDir;
namespace fs = std::filesystem;
namespace index = referat::index;
namespace schema = referat::index::schema;
using index::Column;

// Three files: a.txt and b.txt publish the same meeting (b.txt its first two items), c.txt
// another meeting with other people and places.
void write_archive(const fs::path& db, const TempDir& dir) {
    index::Writer writer(db);
    auto a = sample_document((dir / "a.txt").string(), 4);
    a.meetings[0].items[1].persons_mentioned = {"Anne Hansen", "Bo Jensen"};
    a.meetings[0].items[2].persons_mentioned.clear();
    a.meetings[0].items[2].municipalities = {"Vejle Kommune", "Middelfart Kommune"};
    auto b = sample_document((dir / "b.txt").string(), 2);
    b.type = "pdf";
    auto c = sample_document((dir / "c.txt").string(), 3);
    c.meetings[0].committee = "Byrådet";
    c.meetings[0].date = "2019-03-05";
    c.meetings[0].items[0].persons_mentioned = {"Bo Jensen"};
    c.meetings[0].items[0].outcome = referat::ingest::Outcome::kApproved;
    writer.add_document(a);
    writer.add_document(b);
    writer.add_document(c);
    EXPECT_EQ(writer.finish(), "");
}

std::vector<std::string> decoded(const index::Columns& columns, Column c, Xapian::docid did) {
    std::vector<std::string> out;
    for (const auto code : columns.codes(c, did)) out.emplace_back(columns.value(c, code));
    return out;
}

std::vector<std::string> lines(const std::string& joined) {
    std::vector<std::string> out;
    std::size_t at = 0;
    while (at < joined.size()) {
        std::size_t nl = joined.find('\n', at);
        if (nl == std::string::npos) nl = joined.size();
        if (nl > at) out.push_back(joined.substr(at, nl - at));
        at = nl + 1;
    }
    return out;
}

std::vector<fs::path> stores(const fs::path& db) {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(db))
        if (e.path().filename().string().starts_with("referat-columns-")) out.push_back(e.path());
    return out;
}

TEST(Columns, HoldEveryDocumentsFacetValuesAndSameItemGroups) {
    TempDir dir;
    const fs::path path = dir / "db";
    write_archive(path, dir);
    Xapian::Database db = index::open_for_reading({path.string()});
    const auto columns = index::columns_for(db);
    ASSERT_TRUE(columns) << "finish() writes a store that search finds";
    EXPECT_EQ(columns->last_docid(), db.get_lastdocid());

    using schema::FacetField;
    const std::pair<Column, FacetField> packed[] = {{Column::kCommittee, FacetField::kCommittee},
                                                    {Column::kYear, FacetField::kYear},
                                                    {Column::kOutcome, FacetField::kOutcome},
                                                    {Column::kLayout, FacetField::kLayout},
                                                    {Column::kKind, FacetField::kKind}};
    std::map<std::string, std::vector<Xapian::docid>> by_key;
    std::size_t items = 0;
    for (Xapian::docid did = 1; did <= db.get_lastdocid(); ++did) {
        const Xapian::Document doc = db.get_document(did);
        const std::string facets = doc.get_value(schema::kSlotFacets);
        for (const auto& [column, field] : packed) {
            const std::string value(schema::unpack_facet(facets, field));
            EXPECT_EQ(decoded(*columns, column, did),
                      value.empty() ? std::vector<std::string>{} : std::vector<std::string>{value})
                << "document " << did << ", column " << static_cast<unsigned>(column);
        }
        EXPECT_EQ(decoded(*columns, Column::kPersons, did),
                  lines(doc.get_value(schema::kSlotPersons)))
            << did;
        EXPECT_EQ(decoded(*columns, Column::kMunicipalities, did),
                  lines(doc.get_value(schema::kSlotMunicipalities)))
            << did;
        if (!facets.empty()) ++items;
        if (const std::string key = doc.get_value(schema::kSlotSameItem); !key.empty())
            by_key[key].push_back(did);
    }
    EXPECT_GE(items, 9u) << "4 + 2 + 3 items carry facets";
    EXPECT_EQ(decoded(*columns, Column::kPersons, 2).size(), 2u) << "a.txt's item 2 names two";

    // Documents share a group exactly when they share a same-item key.
    std::map<std::uint32_t, std::vector<Xapian::docid>> by_group;
    for (Xapian::docid did = 1; did <= db.get_lastdocid(); ++did)
        if (const auto g = columns->group(did); g != 0) by_group[g].push_back(did);
    std::vector<std::vector<Xapian::docid>> shared_keys, shared_groups;
    for (const auto& [key, dids] : by_key)
        if (dids.size() > 1) shared_keys.push_back(dids);
    for (const auto& [group, dids] : by_group) shared_groups.push_back(dids);
    std::sort(shared_keys.begin(), shared_keys.end());
    std::sort(shared_groups.begin(), shared_groups.end());
    EXPECT_EQ(shared_groups, shared_keys);
    EXPECT_EQ(columns->groups(), 2u) << "b.txt publishes two of a.txt's items";
    EXPECT_EQ(columns->group(db.get_lastdocid() + 1), 0u);
    EXPECT_TRUE(columns->codes(Column::kCommittee, db.get_lastdocid() + 1).empty());
}

TEST(Columns, AnyChangeToTheDocumentsRetiresTheStoreUntilTheNextFinish) {
    TempDir dir;
    const fs::path path = dir / "db";
    write_archive(path, dir);
    ASSERT_EQ(stores(path).size(), 1u);
    {
        index::Writer writer(path);
        auto d = sample_document((dir / "d.txt").string(), 1);
        d.meetings[0].date = "2020-01-01";
        writer.add_document(d);
        writer.commit();  // an ingest killed before it finished
    }
    {
        Xapian::Database db = index::open_for_reading({path.string()});
        EXPECT_FALSE(index::columns_for(db)) << "the store no longer describes the documents";
    }
    {
        index::Writer writer(path);
        writer.remove_source((dir / "c.txt").string());
        EXPECT_EQ(writer.finish(), "");
    }
    Xapian::Database db = index::open_for_reading({path.string()});
    const auto columns = index::columns_for(db);
    ASSERT_TRUE(columns);
    EXPECT_EQ(columns->last_docid(), db.get_lastdocid());
    EXPECT_EQ(stores(path).size(), 1u) << "older stores are removed";
    std::vector<std::string> committees;
    for (std::uint32_t code = 1; code <= columns->values(Column::kCommittee); ++code)
        committees.emplace_back(columns->value(Column::kCommittee, code));
    EXPECT_THAT(committees, ::testing::ElementsAre("Socialdirektørforum"))
        << "the values of removed documents are gone";

    // A writer that changes nothing keeps the store.
    const auto before = stores(path);
    {
        index::Writer writer(path);
        EXPECT_EQ(writer.finish(), "");
    }
    EXPECT_EQ(stores(path), before);

    // A store deleted by hand is written again by the next writer, changes or not.
    fs::remove(before.at(0));
    {
        index::Writer writer(path);
        EXPECT_EQ(writer.finish(), "");
    }
    ASSERT_EQ(stores(path).size(), 1u);
    EXPECT_TRUE(index::columns_for(index::open_for_reading({path.string()})));
}

// The one store of a new archive written into dir / "db".
fs::path new_store(const TempDir& dir) {
    write_archive(dir / "db", dir);
    const auto files = stores(dir / "db");
    EXPECT_EQ(files.size(), 1u);
    return files.at(0);
}

TEST(Columns, ADamagedStoreIsNotUsed) {
    TempDir dir;
    const fs::path path = dir / "db";
    const fs::path store = new_store(dir);
    fs::resize_file(store, fs::file_size(store) / 2);
    Xapian::Database db = index::open_for_reading({path.string()});
    EXPECT_FALSE(index::columns_for(db)) << "a truncated store";
}

TEST(Columns, OutOfRangeNumbersInAStoreReadAsNoValues) {
    TempDir dir;
    const fs::path path = dir / "db";
    const fs::path store = new_store(dir);
    // Keep the header (magic, token, sizes) and overwrite everything after it with 0xff.
    std::string bytes;
    {
        std::ifstream in(store, std::ios::binary);
        bytes.assign(std::istreambuf_iterator<char>(in), {});
    }
    const std::size_t header = 8 + 4 + 16 + 4 + 4 + 3 * 4 * index::kColumnCount;
    ASSERT_GT(bytes.size(), header);
    std::fill(bytes.begin() + static_cast<std::ptrdiff_t>(header), bytes.end(), '\xff');
    {
        std::ofstream out(store, std::ios::binary | std::ios::trunc);
        out << bytes;
    }
    Xapian::Database db = index::open_for_reading({path.string()});
    const auto columns = index::columns_for(db);
    ASSERT_TRUE(columns) << "the sizes still agree, so it loads";
    for (Xapian::docid did = 0; did <= db.get_lastdocid() + 1; ++did) {
        for (unsigned c = 0; c < index::kColumnCount; ++c) {
            const auto column = static_cast<Column>(c);
            for (const auto code : columns->codes(column, did))
                EXPECT_EQ(columns->value(column, code), "");
        }
        EXPECT_LE(columns->group(did), columns->groups());
    }
}

TEST(Columns, OnlyAStoreWrittenForTheDatabaseIsRead) {
    TempDir dir;
    const fs::path path = dir / "db";
    const fs::path store = new_store(dir);
    const std::string token = store.stem().string().substr(std::string("referat-columns-").size());
    for (const std::string& name :
         {std::string("../../etc/passwd"), std::string("ABCDEF"), std::string(40, 'a')}) {
        {
            Xapian::WritableDatabase w(path.string(), Xapian::DB_OPEN);
            w.set_metadata(std::string(schema::kMetaColumns), name);
            w.commit();
        }
        Xapian::Database db = index::open_for_reading({path.string()});
        EXPECT_FALSE(index::columns_for(db)) << name;
    }
    // The right file under another name: the token inside it does not match.
    const std::string other = std::string(token.rbegin(), token.rend());
    fs::copy_file(store, path / ("referat-columns-" + other + ".bin"));
    {
        Xapian::WritableDatabase w(path.string(), Xapian::DB_OPEN);
        w.set_metadata(std::string(schema::kMetaColumns), other);
        w.commit();
    }
    Xapian::Database db = index::open_for_reading({path.string()});
    EXPECT_FALSE(index::columns_for(db));
    // The right name again: read again.
    {
        Xapian::WritableDatabase w(path.string(), Xapian::DB_OPEN);
        w.set_metadata(std::string(schema::kMetaColumns), token);
        w.commit();
    }
    EXPECT_TRUE(index::columns_for(index::open_for_reading({path.string()})));
}

// The inputs the fuzz target found interesting (tests/fuzz/corpus/columns/) hold to its property.
TEST(Columns, TheFuzzCorpusLoadsSafely) {
    TempDir dir;
    std::size_t replayed = 0;
    for (const auto& entry : fs::directory_iterator(fs::path(REFERAT_FUZZ_CORPUS) / "columns")) {
        std::ifstream in(entry.path(), std::ios::binary);
        const std::string bytes((std::istreambuf_iterator<char>(in)), {});
        EXPECT_TRUE(referat::fuzz::store_loads_safely(bytes, dir / "store.bin")) << entry.path();
        ++replayed;
    }
    EXPECT_GT(replayed, 10u) << "the columns corpus is missing";
}

}  // namespace

namespace {

// A second handle for another thread: the same database at the same revision, or none.
TEST(Twin, OpensTheSameDatabaseAtTheSameRevisionOrNothing) {
    TempDir dir;
    const fs::path path = dir / "db";
    write_archive(path, dir);
    Xapian::Database db = index::open_for_reading({path.string()});
    auto twin = index::open_twin(db);
    ASSERT_TRUE(twin) << "open_for_reading remembers where the database is";
    EXPECT_EQ(twin->get_uuid(), db.get_uuid());
    EXPECT_EQ(twin->get_revision(), db.get_revision());
    EXPECT_EQ(twin->get_doccount(), db.get_doccount());

    // Once the folder has moved on, this handle has no twin: it would answer from other
    // documents. Reopened, it has one again.
    {
        index::Writer writer(path);
        auto d = sample_document((dir / "d.txt").string(), 2);
        d.meetings[0].date = "2021-06-01";
        writer.add_document(d);
        EXPECT_EQ(writer.finish(), "");
    }
    EXPECT_FALSE(index::open_twin(db));
    db.reopen();
    twin = index::open_twin(db);
    ASSERT_TRUE(twin);
    EXPECT_EQ(twin->get_doccount(), db.get_doccount());

    // Several databases as one: no twin (the caller counts in its own thread).
    Xapian::Database both = index::open_for_reading({path.string(), path.string()});
    EXPECT_FALSE(index::open_twin(both));
}

}  // namespace
