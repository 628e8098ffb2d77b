// The HTTP side: cpp-httplib's server, the routes, the headers every response carries, and a
// clean stop on SIGINT/SIGTERM. The only file that includes httplib.h.

#include <atomic>
#include <csignal>
#include <iostream>
#include <thread>

#include <httplib.h>
#include <pthread.h>

#include <referat/web/server.hpp>

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

Params params_of(const httplib::Request& request) {
    Params out;
    for (const auto& [name, value] : request.params) out.emplace_back(name, value);
    return out;
}

void send(const Reply& reply, httplib::Response& response) {
    response.status = reply.status;
    for (const auto& [name, value] : reply.headers) response.set_header(name, value);
    if (reply.stream) {
        auto stream = reply.stream;
        response.set_chunked_content_provider(
            reply.content_type, [stream](std::size_t, httplib::DataSink& sink) {
                try {
                    stream([&](std::string_view piece) {
                        return sink.is_writable() && sink.write(piece.data(), piece.size());
                    });
                } catch (const std::exception& e) {
                    // Headers are gone already; the truncated body is all the client can see.
                    std::cerr << "referat serve: export stopped: " << e.what() << "\n";
                }
                sink.done();
                return true;
            });
        return;
    }
    response.set_content(reply.body, reply.content_type);
}

// A route body that turns HttpError (and any other failure) into an error page or JSON error.
template <class Fn>
httplib::Server::Handler route(bool api, Fn fn) {
    return [api, fn](const httplib::Request& request, httplib::Response& response) {
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
        send(reply, response);
    };
}

void add_routes(httplib::Server& server, DatabasePool& pool) {
    using Request = httplib::Request;
    auto search =
        route(false, [&pool](const Request& r) { return search_page(pool, params_of(r)); });
    server.Get("/", search);
    server.Get("/search", search);
    server.Get("/help", route(false, [](const Request&) { return help_page(); }));
    server.Get("/static/([a-z]+\\.[a-z]+)", route(false, [](const Request& r) {
                   auto file = static_file(r.matches[1].str());
                   if (!file) throw HttpError(404, "no such file");
                   return *file;
               }));
    server.Get("/export.csv", route(false, [&pool](const Request& r) {
                   return export_page(pool, params_of(r), true);
               }));
    server.Get("/export.jsonl", route(false, [&pool](const Request& r) {
                   return export_page(pool, params_of(r), false);
               }));
    server.Get("/feed.atom", route(false, [&pool](const Request& r) {
                   // Links in the feed point back to the address the client used.
                   std::string host = r.get_header_value("Host");
                   if (host.empty() || host.find_first_of(" \"<>\\") != std::string::npos)
                       host = "127.0.0.1";
                   return feed_page(pool, params_of(r), "http://" + host);
               }));
    server.Get("/item/([^/]+)", route(false, [&pool](const Request& r) {
                   return item_page(pool, r.matches[1].str());
               }));
    server.Get("/meeting/([^/]+)", route(false, [&pool](const Request& r) {
                   return meeting_page(pool, r.matches[1].str());
               }));
    server.Get("/source/([^/]+)", route(false, [&pool](const Request& r) {
                   return source_file(pool, r.matches[1].str());
               }));
    server.Get("/person/([^/]+)", route(false, [&pool](const Request& r) {
                   return person_page(pool, r.matches[1].str());
               }));
    server.Get("/persons", route(false, [&pool](const Request& r) {
                   return persons_page(pool, params_of(r));
               }));
    server.Get("/appointments", route(false, [&pool](const Request& r) {
                   return appointments_page(pool, params_of(r));
               }));
    server.Get("/committees",
               route(false, [&pool](const Request&) { return committees_page(pool); }));
    server.Get("/committee/([^/]+)", route(false, [&pool](const Request& r) {
                   return committee_page(pool, r.matches[1].str());
               }));
    server.Get("/api/search",
               route(true, [&pool](const Request& r) { return api_search(pool, params_of(r)); }));
    server.Get("/api/item/([^/]+)", route(true, [&pool](const Request& r) {
                   return api_record(pool, r.matches[1].str(), "item");
               }));
    server.Get("/api/meeting/([^/]+)", route(true, [&pool](const Request& r) {
                   return api_record(pool, r.matches[1].str(), "meeting");
               }));
    server.Get("/api/person/([^/]+)", route(true, [&pool](const Request& r) {
                   return api_person(pool, r.matches[1].str());
               }));
    // Nothing here changes state: every other method is refused with 405 and Allow.
    const auto refuse = route(false, [](const Request&) -> Reply {
        Reply reply = error_page(405, "only GET and HEAD are served; this site is read-only");
        reply.headers.emplace_back("Allow", "GET, HEAD");
        return reply;
    });
    server.Post(".*", refuse);
    server.Put(".*", refuse);
    server.Patch(".*", refuse);
    server.Delete(".*", refuse);
    server.Options(".*", refuse);
    // Unknown paths, other methods and requests the library refuses (too long, malformed) get
    // the same error pages; replies that carry their own body keep it.
    server.set_error_handler(httplib::Server::HandlerWithResponse(
        [](const httplib::Request& request, httplib::Response& response) {
            if (!response.body.empty() || response.content_provider_)
                return httplib::Server::HandlerResponse::Unhandled;
            const int status = response.status;
            const std::string message = status == 404   ? "there is no page at this address"
                                        : status == 405 ? "only GET and HEAD are served"
                                        : status == 414 ? "the address is too long"
                                                        : "the request could not be read";
            const Reply reply = request.path.starts_with("/api/") ? api_error(status, message)
                                                                  : error_page(status, message);
            response.set_content(reply.body, reply.content_type);
            return httplib::Server::HandlerResponse::Handled;
        }));
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

    httplib::Server server;
    const std::size_t threads = options.threads;
    server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    server.set_read_timeout(10, 0);
    server.set_write_timeout(30, 0);
    server.set_keep_alive_timeout(5);
    server.set_keep_alive_max_count(100);
    server.set_payload_max_length(kMaxPayloadBytes);
    server.set_default_headers({{"Content-Security-Policy", kContentSecurityPolicy},
                                {"X-Content-Type-Options", "nosniff"},
                                {"X-Frame-Options", "DENY"},
                                {"Referrer-Policy", "no-referrer"}});
    add_routes(server, pool);

    const int port = options.port == 0
                         ? server.bind_to_any_port(options.host)
                         : (server.bind_to_port(options.host, options.port) ? options.port : -1);
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
    const bool clean = server.listen_after_bind();
    // listen_after_bind returns after stop(); when it ended by itself, wake the stopper.
    if (!stopping) pthread_kill(stopper.native_handle(), SIGTERM);
    stopper.join();
    if (!clean && !stopping) throw Error("serve: the server stopped unexpectedly");
    pthread_sigmask(SIG_UNBLOCK, &signals, nullptr);
    std::cerr << "referat serve: stopped\n";
    return 0;
}

}  // namespace referat::web
