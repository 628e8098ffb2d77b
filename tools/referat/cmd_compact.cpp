// referat compact: merge the shards of a database (from ingest --jobs N) into one compacted
// database, replacing the old one in a single rename.

#include <iostream>

#include <referat/index/shards.hpp>

#include "cli_util.hpp"
#include "commands.hpp"

namespace referat::cli {

namespace {

const Usage kUsage{"compact",
                   "[--db DIR] [--output DIR] [--read-only]",
                   "Merge all shards of a database into one compacted database (smaller and\n"
                   "faster to search). Without --output the database is replaced in place; the\n"
                   "new one is built next to it and swapped in with one rename, so readers see\n"
                   "the old or the new database, never a mix. While an ingest runs, compact\n"
                   "fails with 'database is locked'. --read-only drops the termlist table\n"
                   "(about a fifth smaller): searching works, ingesting into it does not.",
                   {"referat compact --db referat.db",
                    "referat compact --db referat.db --output archive.db --read-only"}};

}  // namespace

int cmd_compact(const Args& args) {
    auto options = make_options(kUsage);
    add_db_option(options);
    options.add_options()("output,o", po::value<std::string>()->value_name("DIR"),
                          "write the merged database here instead of replacing --db")(
        "read-only", "leave out the termlist: smaller, for search only")(
        "quiet,q", "print nothing on success");
    auto vm = parse_options(args, kUsage, options);
    if (!vm) return kExitOk;
    const std::string db = single_database(*vm, kUsage);
    const std::string output = vm->count("output") ? (*vm)["output"].as<std::string>() : db;
    const auto shards = index::shard_paths(db);
    index::compact_database(db, output, vm->count("read-only") > 0);
    if (!vm->count("quiet"))
        std::cout << "compacted " << shards.size() << (shards.size() == 1 ? " shard" : " shards")
                  << " of " << db << " into " << output << "\n";
    return kExitOk;
}

}  // namespace referat::cli
