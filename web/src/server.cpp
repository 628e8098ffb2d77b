// `referat serve`: the routes, the headers every response carries, and a clean stop on SIGINT
// and SIGTERM, over the HTTP module (http_module.hpp), which is loaded here.

#include <atomic>
#include <csignal>
#include <iostream>
#include <memory>
#include <thread>

#include <pthread.h>

#include <referat/ingest/module.hpp>
#include <referat/web/server.hpp>

#include "http_module.hpp"
#include "layout.hpp"
#include "pages.hpp"
#include "pool.hpp"

namespace referat::web {

namespace {

// Scripts and styles only from this server (no inline script or style anywhere; SVG is styled
// by attributes); data: images for nothing but the browser's own icons.
constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// Longest request line plus headers and body accepted (GET only; no uploads).
constexpr std::size_t kMaxPayloadBytes = 64 * 1024;

// A route body that turns HttpError (and any other failure) into an error page or JSON error.
using http_module::Request;

template <class Fn>
http_module::Handler route(bool api, Fn fn) {
    return [api, fn](const Request& request) {
        Reply reply;
        try {
            reply = fn(request);
        } catch (const HttpError& e) {
            reply = api ? api_error(e.status(), e.what()) : error_page(e.status(), e.what());
        } catch (const Error& e) {
            const HttpError error = http_error_from(e);
            reply = api ? api_error(error.status(), error.what())
                        : error_page(error.status(), error.what());
        } catch (const std::exception& e) {
            std::cerr << "referat serve: internal error on " << request.path << ": " << e.what()
                      << "\n";
            reply = api ? api_error(500, "internal error") : error_page(500, "internal error");
        }
        return reply;
    };
}

void add_routes(http_module::Server& server, DatabasePool& pool) {
    auto search = route(false, [&pool](const Request& r) { return search_page(pool, r.params); });
    server.get("/", search);
    server.get("/search", search);
    server.get("/help", route(false, [](const Request&) { return help_page(); }));
    server.get("/static/([a-z]+\\.[a-z]+)", route(false, [](const Request& r) {
                   auto file = static_file(r.matches.at(1));
                   if (!file) throw HttpError(404, "no such file");
                   return *file;
               }));
    server.get("/export.csv", route(false, [&pool](const Request& r) {
                   return export_page(pool, r.params, true);
               }));
    server.get("/export.jsonl", route(false, [&pool](const Request& r) {
                   return export_page(pool, r.params, false);
               }));
    server.get("/feed.atom", route(false, [&pool](const Request& r) {
                   // Links in the feed point back to the address the client used.
                   std::string host = r.host;
                   if (host.empty() || host.find_first_of(" \"<>\\") != std::string::npos)
                       host = "127.0.0.1";
                   return feed_page(pool, r.params, "http://" + host);
               }));
    server.get("/item/([^/]+)", route(false, [&pool](const Request& r) {
                   return item_page(pool, r.matches.at(1));
               }));
    server.get("/meeting/([^/]+)", route(false, [&pool](const Request& r) {
                   return meeting_page(pool, r.matches.at(1));
               }));
    server.get("/source/([^/]+)", route(false, [&pool](const Request& r) {
                   return source_file(pool, r.matches.at(1));
               }));
    server.get("/person/([^/]+)", route(false, [&pool](const Request& r) {
                   return person_page(pool, r.matches.at(1));
               }));
    server.get("/persons", route(false, [&pool](const Request& r) {
                   return persons_page(pool, r.params);
               }));
    server.get("/appointments", route(false, [&pool](const Request& r) {
                   return appointments_page(pool, r.params);
               }));
    server.get("/committees",
               route(false, [&pool](const Request&) { return committees_page(pool); }));
    server.get("/committee/([^/]+)", route(false, [&pool](const Request& r) {
                   return committee_page(pool, r.matches.at(1));
               }));
    server.get("/api/search",
               route(true, [&pool](const Request& r) { return api_search(pool, r.params); }));
    server.get("/api/item/([^/]+)", route(true, [&pool](const Request& r) {
                   return api_record(pool, r.matches.at(1), "item");
               }));
    server.get("/api/meeting/([^/]+)", route(true, [&pool](const Request& r) {
                   return api_record(pool, r.matches.at(1), "meeting");
               }));
    server.get("/api/person/([^/]+)", route(true, [&pool](const Request& r) {
                   return api_person(pool, r.matches.at(1));
               }));
    // Nothing here changes state: every other method is refused with 405 and Allow.
    const auto refuse = route(false, [](const Request&) -> Reply {
        Reply reply = error_page(405, "only GET and HEAD are served; this site is read-only");
        reply.headers.emplace_back("Allow", "GET, HEAD");
        return reply;
    });
    server.other_methods(refuse);
    // Unknown paths, other methods and requests the library refuses (too long, malformed) get
    // the same error pages.
    server.fallback([](const std::string& path, int status) {
        const std::string message = status == 404   ? "there is no page at this address"
                                    : status == 405 ? "only GET and HEAD are served"
                                    : status == 414 ? "the address is too long"
                                                    : "the request could not be read";
        return path.starts_with("/api/") ? api_error(status, message)
                                         : error_page(status, message);
    });
}

}  // namespace

int serve(const ServeOptions& options) {
    DatabasePool pool(options.databases);

    // SIGINT and SIGTERM are taken by one thread that stops the server; every other thread
    // (the pool's workers inherit this mask) never sees them.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    std::string error;
    const auto make = reinterpret_cast<http_module::Make>(
        modules::entry_point(http_module::kFileName, http_module::kEntryPoint, error));
    if (make == nullptr) throw Error("serve: the HTTP server is not available: " + error);
    http_module::Settings settings;
    settings.threads = options.threads;
    settings.max_payload_bytes = kMaxPayloadBytes;
    settings.default_headers = {{"Content-Security-Policy", kContentSecurityPolicy},
                                {"X-Content-Type-Options", "nosniff"},
                                {"X-Frame-Options", "DENY"},
                                {"Referrer-Policy", "no-referrer"}};
    const std::unique_ptr<http_module::Server> owned(make(settings));
    http_module::Server& server = *owned;
    add_routes(server, pool);

    const int port = server.bind(options.host, options.port);
    if (port < 0)
        throw Error("serve: cannot listen on " + options.host + ":" + std::to_string(options.port) +
                    " (address in use, or not an address here)");
    if (options.on_listening) {
        options.on_listening(port);
    } else {
        const bool v6 = options.host.find(':') != std::string::npos;
        std::cout << "listening on http://" << (v6 ? "[" + options.host + "]" : options.host) << ":"
                  << port << "/" << std::endl;
    }

    std::atomic<bool> stopping = false;
    std::thread stopper([&] {
        int received = 0;
        sigwait(&signals, &received);
        stopping = true;
        server.stop();
    });
    const bool clean = server.listen();
    // listen_after_bind returns after stop(); when it ended by itself, wake the stopper.
    if (!stopping) pthread_kill(stopper.native_handle(), SIGTERM);
    stopper.join();
    if (!clean && !stopping) throw Error("serve: the server stopped unexpectedly");
    pthread_sigmask(SIG_UNBLOCK, &signals, nullptr);
    std::cerr << "referat serve: stopped\n";
    return 0;
}

}  // namespace referat::web
