// The writer: stable ids, replace on re-ingest, deletion of vanished items, locking, records.

#include <chrono>
#include <fstream>
#include <map>
#include <string>
#include <thread>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <xapian.h>

#include <referat/index/database.hpp>
#include <referat/index/records.hpp>
#include <referat/index/schema.hpp>
#include <referat/index/writer.hpp>
#include <referat/ingest/error.hpp>

#include "fixtures.hpp"
#include "temp_dir.hpp"

namespace {

using referat::testing::sample_document;
using referat::testing::TempDir;
namespace index = referat::index;

constexpr const char* kSource = "/archive/socialdirektørforum/2021-09-10.txt";

Xapian::doccount doc_count(const std::filesystem::path& db) {
    return Xapian::Database(db.string()).get_doccount();
}

TEST(Ids, StableAndDistinct) {
    EXPECT_EQ(index::item_id(kSource, 0, 3), index::item_id(kSource, 0, 3));
    EXPECT_NE(index::item_id(kSource, 0, 3), index::item_id(kSource, 0, 4));
    EXPECT_NE(index::item_id(kSource, 0, 3), index::item_id(kSource, 1, 3));
    EXPECT_NE(index::item_id(kSource, 0, 3), index::item_id("/archive/other.txt", 0, 3));
    EXPECT_EQ(index::item_id(kSource, 0, 3).rfind(index::meeting_id(kSource, 0), 0), 0u);
}

TEST(Writer, ReAddingTheSameDocumentLeavesCountsUnchanged) {
    TempDir dir;
    const auto db = dir / "db";
    const auto doc = sample_document(kSource, 4);
    {
        index::Writer writer(db);
        auto first = writer.add_document(doc);
        EXPECT_EQ(first.items, 4u);
        EXPECT_EQ(first.meetings, 1u);
        writer.commit();
    }
    ASSERT_EQ(doc_count(db), 5u);  // four items and the meeting
    {
        index::Writer writer(db);
        auto again = writer.add_document(doc);
        EXPECT_EQ(again.deleted, 0u);
        writer.commit();
    }
    EXPECT_EQ(doc_count(db), 5u);
}

// When each item entered the index, by id.
std::map<std::string, std::string> indexed_times(const std::filesystem::path& db) {
    Xapian::Database read(db.string());
    std::map<std::string, std::string> out;
    for (auto it = read.postlist_begin(""); it != read.postlist_end(""); ++it) {
        const Xapian::Document doc = read.get_document(*it);
        for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
            if ((*t).starts_with(index::schema::kId))
                out[(*t).substr(index::schema::kId.size())] =
                    doc.get_value(index::schema::kSlotIndexed);
    }
    return out;
}

TEST(Writer, AChangedItemGetsANewIndexedTimeAndTheOthersKeepTheirs) {
    TempDir dir;
    const auto db = dir / "db";
    auto doc = sample_document(kSource, 3);
    {
        index::Writer writer(db);
        (void)writer.add_document(doc);
        writer.commit();
    }
    const auto before = indexed_times(db);
    ASSERT_EQ(before.size(), 4u);
    for (const auto& [id, at] : before) EXPECT_FALSE(at.empty()) << id;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    doc.meetings[0].items[1].title += " (revideret)";
    doc.sha256 = std::string(64, 'b');
    {
        index::Writer writer(db);
        (void)writer.add_document(doc);
        writer.commit();
    }
    const auto after = indexed_times(db);
    const std::string changed = index::item_id(kSource, 0, 2);
    EXPECT_GT(Xapian::sortable_unserialise(after.at(changed)),
              Xapian::sortable_unserialise(before.at(changed)));
    EXPECT_EQ(after.at(index::item_id(kSource, 0, 1)), before.at(index::item_id(kSource, 0, 1)));
    EXPECT_EQ(after.at(index::item_id(kSource, 0, 3)), before.at(index::item_id(kSource, 0, 3)));
}

TEST(Writer, ItemRemovedFromASourceIsDeleted) {
    TempDir dir;
    const auto db = dir / "db";
    index::Writer writer(db);
    auto doc = sample_document(kSource, 4);
    (void)writer.add_document(doc);
    writer.commit();
    doc.meetings[0].items.erase(doc.meetings[0].items.begin() + 2);  // item 3 vanishes
    auto stats = writer.add_document(doc);
    writer.commit();
    EXPECT_EQ(stats.deleted, 1u);
    EXPECT_EQ(stats.items, 3u);
    Xapian::Database read(db.string());
    EXPECT_EQ(read.get_doccount(), 4u);
    EXPECT_FALSE(index::find_record(read, index::item_id(kSource, 0, 3)).has_value());
    EXPECT_TRUE(index::find_record(read, index::item_id(kSource, 0, 4)).has_value());
}

TEST(Writer, OtherSourcesAreLeftAlone) {
    TempDir dir;
    index::Writer writer(dir / "db");
    (void)writer.add_document(sample_document(kSource, 2));
    (void)writer.add_document(sample_document("/archive/other.txt", 3));
    auto doc = sample_document(kSource, 1);
    auto stats = writer.add_document(doc);
    writer.commit();
    EXPECT_EQ(stats.deleted, 1u);
    EXPECT_EQ(doc_count(dir / "db"), 2u + 4u);
}

TEST(Writer, RepeatedItemNumbersGetDistinctIds) {
    TempDir dir;
    index::Writer writer(dir / "db");
    auto doc = sample_document(kSource, 2);
    doc.meetings[0].items[1].number = 1;
    auto stats = writer.add_document(doc);
    writer.commit();
    EXPECT_EQ(stats.items, 2u);
    EXPECT_EQ(doc_count(dir / "db"), 3u);
}

TEST(Writer, RemembersTheSourceHashAcrossReopen) {
    TempDir dir;
    {
        index::Writer writer(dir / "db");
        EXPECT_FALSE(writer.indexed_hash(kSource).has_value());
        (void)writer.add_document(sample_document(kSource, 1));
        writer.commit();
    }
    index::Writer writer(dir / "db");
    ASSERT_TRUE(writer.indexed_hash(kSource).has_value());
    EXPECT_EQ(*writer.indexed_hash(kSource), std::string(64, 'a'));
    EXPECT_FALSE(writer.indexed_hash("/archive/other.txt").has_value());
}

TEST(Writer, StoresTheSchemaVersion) {
    TempDir dir;
    { index::Writer writer(dir / "db"); }
    Xapian::Database db((dir / "db").string());
    EXPECT_EQ(db.get_metadata(std::string(index::schema::kMetaSchemaVersion)),
              std::to_string(index::schema::kSchemaVersion));
}

TEST(Writer, SecondWriterIsRefusedWithALockMessage) {
    TempDir dir;
    index::Writer first(dir / "db");
    try {
        index::Writer second(dir / "db");
        FAIL() << "a second writer opened the same database";
    } catch (const referat::Error& e) {
        EXPECT_THAT(std::string(e.what()),
                    ::testing::HasSubstr("database is locked by another ingest"))
            << e.what();
        EXPECT_EQ(e.exit_code(), 2);
    }
}

TEST(Writer, RefusesAFolderThatIsNotADatabase) {
    TempDir dir;
    std::filesystem::create_directories(dir / "minutes");
    { std::ofstream(dir / "minutes" / "a.txt") << "Referat\n"; }
    EXPECT_THROW(index::Writer(dir / "minutes"), referat::Error);
}

TEST(Database, MissingDatabaseNamesThePathAndTheFix) {
    TempDir dir;
    const std::string path = (dir / "nowhere").string();
    try {
        (void)index::open_for_reading({path});
        FAIL() << "opened a missing database";
    } catch (const referat::Error& e) {
        EXPECT_EQ(std::string(e.what()), "no database at " + path +
                                             "; create one with: referat ingest --db " + path +
                                             " FILES...");
    }
}

TEST(Database, SeveralDatabasesOpenAsOne) {
    TempDir dir;
    for (const char* name : {"a", "b"}) {
        index::Writer writer(dir / name);
        (void)writer.add_document(sample_document(std::string("/archive/") + name + ".txt", 2));
        writer.commit();
    }
    auto db = index::open_for_reading({(dir / "a").string(), (dir / "b").string()});
    EXPECT_EQ(db.get_doccount(), 6u);
    EXPECT_TRUE(index::find_record(db, index::item_id("/archive/b.txt", 0, 2)).has_value());
}

TEST(Database, RemoteSpecsAreRecognised) {
    EXPECT_TRUE(index::is_remote_spec("localhost:6431"));
    EXPECT_TRUE(index::is_remote_spec("10.0.0.2:8100"));
    EXPECT_FALSE(index::is_remote_spec("referat.db"));
    EXPECT_FALSE(index::is_remote_spec("/data/x:1"));
    EXPECT_FALSE(index::is_remote_spec("host:port"));
}

TEST(Records, ItemRecordCarriesProvenanceAndMeetingHeader) {
    TempDir dir;
    {
        index::Writer writer(dir / "db");
        (void)writer.add_document(sample_document(kSource, 3));
        writer.commit();
    }
    auto db = index::open_for_reading({(dir / "db").string()});
    const auto id = index::item_id(kSource, 0, 2);
    auto record = index::find_record(db, id);
    ASSERT_TRUE(record.has_value());
    const auto& r = *record;
    EXPECT_EQ(r["id"].as_string(), id);
    EXPECT_EQ(r["type"].as_string(), "item");
    EXPECT_EQ(r["source"].as_string(), kSource);
    EXPECT_EQ(r["sha256"].as_string(), std::string(64, 'a'));
    EXPECT_EQ(r["meeting_id"].as_string(), index::meeting_id(kSource, 0));
    EXPECT_EQ(r["title"].as_string(), "Godkendelse af referat fra møde i Socialdirektørforum");
    EXPECT_EQ(r["decision_outcome"].as_string(), "noted");
    EXPECT_EQ(r["meeting"]["committee"].as_string(), "Socialdirektørforum");
    EXPECT_EQ(r["meeting"]["date"].as_string(), "2021-09-10");
    EXPECT_EQ(r["lines"]["begin"].as_int(), 20);

    auto meeting = index::find_record(db, index::meeting_id(kSource, 0));
    ASSERT_TRUE(meeting.has_value());
    EXPECT_EQ((*meeting)["type"].as_string(), "meeting");
    ASSERT_EQ((*meeting)["items"].size(), 3u);
    EXPECT_EQ((*meeting)["items"].as_array()[1]["id"].as_string(), id);
    EXPECT_FALSE(index::find_record(db, "000000000000-m1-i1").has_value());
}

TEST(Records, StoredPackedAndReadBackAsTheSameJson) {
    TempDir dir;
    {
        index::Writer writer(dir / "db");
        (void)writer.add_document(sample_document(kSource, 3));
        writer.commit();
    }
    Xapian::Database db((dir / "db").string());
    const auto it = db.postlist_begin(std::string(index::schema::kId) +
                                      index::item_id(kSource, 0, 2));
    ASSERT_NE(it, db.postlist_end(std::string(index::schema::kId) + index::item_id(kSource, 0, 2)));
    const std::string stored = db.get_document(*it).get_data();
    ASSERT_FALSE(stored.empty());
    EXPECT_NE(stored.front(), '{') << "the record is stored packed";
    const std::string json = index::record_json(stored);
    ASSERT_TRUE(json.starts_with("{\"number\":2,")) << json.substr(0, 40);
    EXPECT_LT(stored.size(), json.size() / 2) << stored.size() << " of " << json.size();
    EXPECT_EQ(index::encode_record(json), stored) << "packing is deterministic";
    EXPECT_EQ(index::record_json(index::encode_record(json)), json);
}

TEST(Records, PlainJsonOfOlderDatabasesIsReadAsIs) {
    const std::string json = R"({"id":"x","title":"Budget 2024"})";
    EXPECT_EQ(index::record_json(json), json);
    EXPECT_EQ(index::record_json(""), "");
}

TEST(Records, AFrameOfAnotherDictionaryIsRefusedByItsId) {
    std::string packed = index::encode_record(R"({"id":"x","title":"Budget 2024"})");
    // Zstandard frame header: magic (4 bytes), descriptor, then the dictionary id; with the
    // descriptor's id size of 1 byte, byte 5 is the id.
    ASSERT_EQ(static_cast<unsigned char>(packed[4]) & 0x03, 1) << "one-byte dictionary id";
    packed[5] = 7;
    try {
        (void)index::record_json(packed);
        FAIL() << "a record of dictionary 7 was read";
    } catch (const referat::Error& e) {
        EXPECT_THAT(std::string(e.what()), ::testing::HasSubstr("dictionary 7")) << e.what();
    }
}

TEST(Records, UnknownOrDamagedPackingIsAClearError) {
    const std::string packed = index::encode_record(R"({"id":"x","title":"Budget 2024"})");
    for (const std::string& bad :
         {std::string("\x07") + "abc", packed.substr(0, packed.size() / 2), std::string("\x01")}) {
        try {
            (void)index::record_json(bad);
            ADD_FAILURE() << "no error for " << ::testing::PrintToString(bad);
        } catch (const referat::Error& e) {
            EXPECT_THAT(std::string(e.what()), ::testing::HasSubstr("stored record")) << e.what();
        }
    }
}

TEST(Writer, ReadsAndUpgradesAVersion4Database) {
    // Version 4 stored plain JSON records and positions in field copies; this version reads
    // them, and the next ingest marks the database as version 5.
    TempDir dir;
    const std::string id = index::item_id(kSource, 0, 1);
    {
        index::Writer writer(dir / "db");
        (void)writer.add_document(sample_document(kSource, 1));
        writer.commit();
    }
    {
        // Turn it into what version 4 wrote: plain JSON, version 4 in the metadata.
        Xapian::WritableDatabase db((dir / "db").string());
        const std::string term = std::string(index::schema::kId) + id;
        const Xapian::docid docid = *db.postlist_begin(term);
        Xapian::Document doc = db.get_document(docid);
        doc.set_data(index::record_json(doc));
        db.replace_document(docid, doc);
        db.set_metadata(std::string(index::schema::kMetaSchemaVersion), "4");
        db.commit();
    }
    {
        auto db = index::open_for_reading({(dir / "db").string()});
        auto record = index::find_record(db, id);
        ASSERT_TRUE(record.has_value());
        EXPECT_EQ((*record)["id"].as_string(), id);
    }
    { index::Writer writer(dir / "db"); }
    Xapian::Database db((dir / "db").string());
    EXPECT_EQ(db.get_metadata(std::string(index::schema::kMetaSchemaVersion)),
              std::to_string(index::schema::kSchemaVersion));
}

TEST(Records, StatsCountItemsByFacet) {
    TempDir dir;
    {
        index::Writer writer(dir / "db");
        (void)writer.add_document(sample_document(kSource, 3));
        auto other = sample_document("/archive/other.txt", 2);
        other.meetings[0].committee = "KKR Syddanmark";
        other.meetings[0].date = "2023-06-30";
        other.meetings[0].items[0].outcome = referat::ingest::Outcome::kApproved;
        (void)writer.add_document(other);
        writer.commit();
    }
    auto db = index::open_for_reading({(dir / "db").string()});
    const auto stats = index::collect_stats(db);
    EXPECT_EQ(stats.sources, 2u);
    EXPECT_EQ(stats.meetings, 2u);
    EXPECT_EQ(stats.items, 5u);
    ASSERT_EQ(stats.committees.size(), 2u);
    EXPECT_EQ(stats.committees[0].value, "Socialdirektørforum");
    EXPECT_EQ(stats.committees[0].count, 3u);
    ASSERT_EQ(stats.years.size(), 2u);
    EXPECT_EQ(stats.years[0].value, "2021");
    EXPECT_EQ(stats.years[1].value, "2023");
    EXPECT_EQ(stats.years[1].count, 2u);
    ASSERT_EQ(stats.outcomes.size(), 2u);
    EXPECT_EQ(stats.outcomes[0].value, "noted");
    EXPECT_EQ(stats.outcomes[0].count, 4u);
}

}  // namespace
