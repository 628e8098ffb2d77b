// The HTTP module (http_module.hpp) over cpp-httplib: the only file that includes httplib.h.
// Built as libreferat_http.so; links nothing of Referat.

#include <iostream>
#include <memory>

#include <httplib.h>

#include "http_module.hpp"

namespace {

namespace http = referat::web::http_module;
using referat::web::Reply;

http::Request request_of(const httplib::Request& in) {
    http::Request out;
    out.path = in.path;
    for (const auto& [name, value] : in.params) out.params.emplace_back(name, value);
    for (const auto& match : in.matches) out.matches.push_back(match.str());
    out.host = in.get_header_value("Host");
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

httplib::Server::Handler wrap(http::Handler handler) {
    return [handler = std::move(handler)](const httplib::Request& request,
                                          httplib::Response& response) {
        send(handler(request_of(request)), response);
    };
}

class Server final : public http::Server {
  public:
    explicit Server(const http::Settings& settings) {
        const std::size_t threads = settings.threads;
        m_server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
        m_server.set_read_timeout(settings.read_timeout);
        m_server.set_write_timeout(settings.write_timeout);
        m_server.set_keep_alive_timeout(settings.keep_alive_timeout.count());
        m_server.set_keep_alive_max_count(settings.keep_alive_max_count);
        m_server.set_payload_max_length(settings.max_payload_bytes);
        httplib::Headers headers;
        for (const auto& [name, value] : settings.default_headers) headers.emplace(name, value);
        m_server.set_default_headers(std::move(headers));
    }

    void get(const std::string& pattern, http::Handler handler) override {
        m_server.Get(pattern, wrap(std::move(handler)));
    }

    void other_methods(http::Handler handler) override {
        const auto wrapped = wrap(std::move(handler));
        m_server.Post(".*", wrapped);
        m_server.Put(".*", wrapped);
        m_server.Patch(".*", wrapped);
        m_server.Delete(".*", wrapped);
        m_server.Options(".*", wrapped);
    }

    void fallback(http::Fallback handler) override {
        // Replies that carry their own body (a route's error page) keep it.
        m_server.set_error_handler(httplib::Server::HandlerWithResponse(
            [handler = std::move(handler)](const httplib::Request& request,
                                           httplib::Response& response) {
                if (!response.body.empty() || response.content_provider_)
                    return httplib::Server::HandlerResponse::Unhandled;
                const Reply reply = handler(request.path, response.status);
                response.set_content(reply.body, reply.content_type);
                return httplib::Server::HandlerResponse::Handled;
            }));
    }

    int bind(const std::string& host, int port) override {
        if (port == 0) return m_server.bind_to_any_port(host);
        return m_server.bind_to_port(host, port) ? port : -1;
    }

    bool listen() override { return m_server.listen_after_bind(); }

    void stop() override { m_server.stop(); }

  private:
    httplib::Server m_server;
};

}  // namespace

extern "C" http::Server* referat_http_server(const http::Settings& settings) {
    return new Server(settings);
}
