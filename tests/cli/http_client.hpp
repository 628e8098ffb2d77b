#pragma once
// A minimal HTTP/1.1 client for the `referat serve` tests: the request target goes on the wire
// byte for byte (no normalising of "../" or %2e), which is what path-traversal tests need.

#include <cstdint>
#include <map>
#include <string>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

namespace referat::testing {

/// A response as received.
struct HttpResponse {
    int status = -1;                             ///< -1 when nothing came back
    std::map<std::string, std::string> headers;  ///< names in lower case; repeats joined by ", "
    std::string body;                            ///< chunked bodies decoded
    [[nodiscard]] std::string header(const std::string& name) const {
        auto it = headers.find(name);
        return it == headers.end() ? "" : it->second;
    }
};

/// Send "METHOD target HTTP/1.1" to 127.0.0.1:port with Connection: close and read the reply.
inline HttpResponse http_request(int port, const std::string& target,
                                 const std::string& method = "GET") {
    HttpResponse response;
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return response;
    timeval timeout{30, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        ::close(fd);
        return response;
    }
    // A request with a method that may carry a body says it has none, as clients do.
    const bool bodiless = method == "GET" || method == "HEAD";
    const std::string request = method + " " + target +
                                " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
                                "\r\nConnection: close\r\n" +
                                (bodiless ? "" : "Content-Length: 0\r\n") + "\r\n";
    (void)::send(fd, request.data(), request.size(), MSG_NOSIGNAL);
    std::string raw;
    char buffer[65536];
    for (ssize_t n; (n = ::recv(fd, buffer, sizeof buffer, 0)) > 0;) raw.append(buffer, n);
    ::close(fd);

    const std::size_t head_end = raw.find("\r\n\r\n");
    if (head_end == std::string::npos || raw.size() < 12) return response;
    response.status = std::stoi(raw.substr(9, 3));
    std::size_t at = raw.find("\r\n") + 2;
    while (at < head_end) {
        const std::size_t eol = raw.find("\r\n", at);
        const std::string line = raw.substr(at, eol - at);
        at = eol + 2;
        const std::size_t colon = line.find(':');
        if (colon == std::string::npos) continue;
        std::string name = line.substr(0, colon);
        for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        std::string value = line.substr(colon + 1);
        while (!value.empty() && value.front() == ' ') value.erase(value.begin());
        auto& slot = response.headers[name];
        slot += (slot.empty() ? "" : ", ") + value;
    }
    std::string body = raw.substr(head_end + 4);
    if (response.header("transfer-encoding").find("chunked") != std::string::npos) {
        std::string decoded;
        std::size_t pos = 0;
        while (pos < body.size()) {
            const std::size_t eol = body.find("\r\n", pos);
            if (eol == std::string::npos) break;
            const std::size_t size = std::stoul(body.substr(pos, eol - pos), nullptr, 16);
            if (size == 0) break;
            decoded += body.substr(eol + 2, size);
            pos = eol + 2 + size + 2;
        }
        body = std::move(decoded);
    }
    response.body = std::move(body);
    return response;
}

}  // namespace referat::testing
