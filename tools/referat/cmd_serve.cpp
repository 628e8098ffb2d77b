// referat serve: the archive as a local web site (pages, exports and a JSON API); see docs/WEB.md.

#include <referat/ingest/error.hpp>
#include <referat/web/server.hpp>

#include "cli_util.hpp"
#include "commands.hpp"

namespace referat::cli {

namespace {

const Usage kUsage{
    "serve",
    "[--db DIR]... [--host ADDR] [--port N] [--threads N]",
    "Serve the index read-only as a web site with search, facets, item, meeting, person and\n"
    "committee pages, CSV and JSON Lines exports and a JSON API under /api/ (docs/WEB.md).\n"
    "Binds to 127.0.0.1 unless --host is given; --port 0 picks a free port. The chosen\n"
    "address is printed as 'listening on http://HOST:PORT/'. Stops on SIGINT or SIGTERM.",
    {"referat serve --db referat.db", "referat serve --db a.db --db b.db --port 8081",
     "referat serve --db shard1:33333 --db shard2:33333 --host 0.0.0.0"}};

}  // namespace

int cmd_serve(const Args& args) {
    auto options = make_options(kUsage);
    add_db_option(options);
    options.add_options()("host", po::value<std::string>()->default_value("127.0.0.1"),
                          "address to listen on")(
        "port", po::value<std::string>()->default_value("8080")->value_name("N"),
        "port to listen on (0: any free port)")(
        "threads", po::value<std::string>()->default_value("32")->value_name("N"),
        "worker threads (each holds one connection at a time)");
    auto vm = parse_options(args, kUsage, options);
    if (!vm) return kExitOk;
    web::ServeOptions serve;
    serve.databases = database_specs(*vm);
    serve.host = (*vm)["host"].as<std::string>();
    const std::size_t port = *count_option(*vm, "port", kUsage);
    if (port > 65535) throw Error("serve: --port must be 0..65535");
    serve.port = static_cast<int>(port);
    serve.threads = *count_option(*vm, "threads", kUsage);
    if (serve.threads == 0) throw Error("serve: --threads must be at least 1");
    return web::serve(serve);
}

}  // namespace referat::cli
