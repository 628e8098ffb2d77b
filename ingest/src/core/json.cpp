#include "referat/ingest/json.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "core/utf8.hpp"

namespace referat::json {

namespace {

const Value kNull;


class Parser {
public:
    explicit Parser(std::string_view text) : m_text(text) {}

    std::expected<Value, ParseError> document() {
        auto v = value(0);
        if (!v) return v;
        skip_ws();
        if (m_pos != m_text.size()) return fail("trailing characters after the JSON value");
        return v;
    }

private:
    static constexpr int kMaxDepth = 512;

    std::unexpected<ParseError> fail(std::string reason) const {
        return std::unexpected(ParseError{m_pos, std::move(reason)});
    }
    void skip_ws() {
        while (m_pos < m_text.size() && (m_text[m_pos] == ' ' || m_text[m_pos] == '\n' ||
                                         m_text[m_pos] == '\r' || m_text[m_pos] == '\t'))
            ++m_pos;
    }
    bool literal(std::string_view word) {
        if (m_text.substr(m_pos, word.size()) != word) return false;
        m_pos += word.size();
        return true;
    }

    std::expected<Value, ParseError> value(int depth) {
        if (depth > kMaxDepth) return fail("nesting too deep");
        skip_ws();
        if (m_pos >= m_text.size()) return fail("unexpected end of input");
        char c = m_text[m_pos];
        if (c == '{') return object(depth);
        if (c == '[') return array(depth);
        if (c == '"') {
            auto s = string();
            if (!s) return std::unexpected(s.error());
            return Value(std::move(*s));
        }
        if (literal("true")) return Value(true);
        if (literal("false")) return Value(false);
        if (literal("null")) return Value(nullptr);
        if (c == '-' || (c >= '0' && c <= '9')) return number();
        return fail("unexpected character");
    }

    std::expected<Value, ParseError> number() {
        std::size_t start = m_pos;
        if (m_text[m_pos] == '-') ++m_pos;
        auto digits = [&] {
            std::size_t s = m_pos;
            while (m_pos < m_text.size() && m_text[m_pos] >= '0' && m_text[m_pos] <= '9') ++m_pos;
            return m_pos - s;
        };
        if (digits() == 0) return fail("bad number");
        bool integral = true;
        if (m_pos < m_text.size() && m_text[m_pos] == '.') {
            ++m_pos;
            integral = false;
            if (digits() == 0) return fail("bad number");
        }
        if (m_pos < m_text.size() && (m_text[m_pos] == 'e' || m_text[m_pos] == 'E')) {
            ++m_pos;
            integral = false;
            if (m_pos < m_text.size() && (m_text[m_pos] == '+' || m_text[m_pos] == '-')) ++m_pos;
            if (digits() == 0) return fail("bad number");
        }
        std::string_view num = m_text.substr(start, m_pos - start);
        if (integral) {
            std::int64_t i = 0;
            auto r = std::from_chars(num.data(), num.data() + num.size(), i);
            if (r.ec == std::errc()) return Value(i);
        }
        double d = 0;
        auto r = std::from_chars(num.data(), num.data() + num.size(), d);
        if (r.ec != std::errc()) return fail("bad number");
        return Value(d);
    }

    std::expected<std::uint32_t, ParseError> hex4() {
        if (m_pos + 4 > m_text.size()) return fail("bad \\u escape");
        std::uint32_t cp = 0;
        for (int i = 0; i < 4; ++i) {
            char h = m_text[m_pos++];
            cp <<= 4;
            if (h >= '0' && h <= '9') cp |= static_cast<std::uint32_t>(h - '0');
            else if (h >= 'a' && h <= 'f') cp |= static_cast<std::uint32_t>(h - 'a' + 10);
            else if (h >= 'A' && h <= 'F') cp |= static_cast<std::uint32_t>(h - 'A' + 10);
            else return fail("bad \\u escape");
        }
        return cp;
    }

    std::expected<std::string, ParseError> string() {
        ++m_pos;  // opening quote
        std::string out;
        while (true) {
            if (m_pos >= m_text.size()) return fail("unterminated string");
            char c = m_text[m_pos++];
            if (c == '"') return out;
            if (static_cast<unsigned char>(c) < 0x20) return fail("control character in string");
            if (c != '\\') {
                out += c;
                continue;
            }
            if (m_pos >= m_text.size()) return fail("unterminated string");
            char e = m_text[m_pos++];
            switch (e) {
                case '"': out += '"'; break;
                case '\\': out += '\\'; break;
                case '/': out += '/'; break;
                case 'b': out += '\b'; break;
                case 'f': out += '\f'; break;
                case 'n': out += '\n'; break;
                case 'r': out += '\r'; break;
                case 't': out += '\t'; break;
                case 'u': {
                    auto cp = hex4();
                    if (!cp) return std::unexpected(cp.error());
                    std::uint32_t code = *cp;
                    if (code >= 0xD800 && code <= 0xDBFF) {
                        if (!literal("\\u")) return fail("lone surrogate");
                        auto lo = hex4();
                        if (!lo) return std::unexpected(lo.error());
                        if (*lo < 0xDC00 || *lo > 0xDFFF) return fail("bad surrogate pair");
                        code = 0x10000 + ((code - 0xD800) << 10) + (*lo - 0xDC00);
                    } else if (code >= 0xDC00 && code <= 0xDFFF) {
                        return fail("lone surrogate");
                    }
                    ingest::utf8::append(out, code);
                    break;
                }
                default: return fail("bad escape");
            }
        }
    }

    std::expected<Value, ParseError> array(int depth) {
        ++m_pos;
        Array out;
        skip_ws();
        if (m_pos < m_text.size() && m_text[m_pos] == ']') {
            ++m_pos;
            return Value(std::move(out));
        }
        while (true) {
            auto v = value(depth + 1);
            if (!v) return v;
            out.push_back(std::move(*v));
            skip_ws();
            if (m_pos >= m_text.size()) return fail("unterminated array");
            char c = m_text[m_pos++];
            if (c == ']') return Value(std::move(out));
            if (c != ',') return fail("expected ',' or ']'");
        }
    }

    std::expected<Value, ParseError> object(int depth) {
        ++m_pos;
        Value out = Value::object();
        skip_ws();
        if (m_pos < m_text.size() && m_text[m_pos] == '}') {
            ++m_pos;
            return out;
        }
        while (true) {
            skip_ws();
            if (m_pos >= m_text.size() || m_text[m_pos] != '"') return fail("expected a key");
            auto key = string();
            if (!key) return std::unexpected(key.error());
            skip_ws();
            if (m_pos >= m_text.size() || m_text[m_pos] != ':') return fail("expected ':'");
            ++m_pos;
            auto v = value(depth + 1);
            if (!v) return v;
            out.set(*key, std::move(*v));
            skip_ws();
            if (m_pos >= m_text.size()) return fail("unterminated object");
            char c = m_text[m_pos++];
            if (c == '}') return out;
            if (c != ',') return fail("expected ',' or '}'");
        }
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
};

void dump_to(const Value& v, std::string& out, int indent, int level) {
    auto newline = [&](int lvl) {
        if (indent < 0) return;
        out += '\n';
        out.append(static_cast<std::size_t>(indent * lvl), ' ');
    };
    if (v.is_null()) {
        out += "null";
    } else if (v.is_bool()) {
        out += v.as_bool() ? "true" : "false";
    } else if (v.is_int()) {
        out += std::to_string(v.as_int());
    } else if (v.is_number()) {
        double d = v.as_double();
        if (!std::isfinite(d)) {
            out += "null";
        } else {
            char buf[64];
            auto r = std::to_chars(buf, buf + sizeof buf, d);
            out.append(buf, r.ptr);
        }
    } else if (v.is_string()) {
        append_quoted(out, v.as_string());
    } else if (v.is_array()) {
        const auto& a = v.as_array();
        out += '[';
        for (std::size_t i = 0; i < a.size(); ++i) {
            if (i) out += ',';
            newline(level + 1);
            dump_to(a[i], out, indent, level + 1);
        }
        if (!a.empty()) newline(level);
        out += ']';
    } else {
        const auto& o = v.as_object();
        out += '{';
        for (std::size_t i = 0; i < o.size(); ++i) {
            if (i) out += ',';
            newline(level + 1);
            append_quoted(out, o[i].first);
            out += indent < 0 ? ":" : ": ";
            dump_to(o[i].second, out, indent, level + 1);
        }
        if (!o.empty()) newline(level);
        out += '}';
    }
}

}  // namespace

std::int64_t Value::as_int() const {
    if (is_int()) return std::get<std::int64_t>(m_v);
    return static_cast<std::int64_t>(std::get<double>(m_v));
}

double Value::as_double() const {
    if (is_int()) return static_cast<double>(std::get<std::int64_t>(m_v));
    return std::get<double>(m_v);
}

const Value* Value::find(std::string_view key) const {
    if (!is_object()) return nullptr;
    for (const auto& [k, v] : as_object())
        if (k == key) return &v;
    return nullptr;
}

const Value& Value::operator[](std::string_view key) const {
    const Value* v = find(key);
    return v ? *v : kNull;
}

void Value::mutate_guard() {
    // Copies share storage; copy on write keeps value semantics.
    if (auto* a = std::get_if<std::shared_ptr<Array>>(&m_v); a && a->use_count() > 1)
        *a = std::make_shared<Array>(**a);
    if (auto* o = std::get_if<std::shared_ptr<Object>>(&m_v); o && o->use_count() > 1)
        *o = std::make_shared<Object>(**o);
}

Value& Value::set(std::string_view key, Value value) {
    mutate_guard();
    auto& o = *std::get<std::shared_ptr<Object>>(m_v);
    for (auto& [k, v] : o) {
        if (k == key) {
            v = std::move(value);
            return *this;
        }
    }
    o.emplace_back(std::string(key), std::move(value));
    return *this;
}

Value& Value::append(std::string_view key, Value value) {
    mutate_guard();
    std::get<std::shared_ptr<Object>>(m_v)->emplace_back(std::string(key), std::move(value));
    return *this;
}

Value& Value::push(Value value) {
    mutate_guard();
    std::get<std::shared_ptr<Array>>(m_v)->push_back(std::move(value));
    return *this;
}

std::size_t Value::size() const {
    if (is_array()) return as_array().size();
    if (is_object()) return as_object().size();
    return 0;
}

std::string Value::dump(int indent) const {
    std::string out;
    dump_to(*this, out, indent, 0);
    return out;
}

bool operator==(const Value& a, const Value& b) {
    if (a.is_number() && b.is_number()) {
        if (a.is_int() && b.is_int()) return a.as_int() == b.as_int();
        return a.as_double() == b.as_double();
    }
    if (a.m_v.index() != b.m_v.index()) return false;
    if (a.is_null()) return true;
    if (a.is_bool()) return a.as_bool() == b.as_bool();
    if (a.is_string()) return a.as_string() == b.as_string();
    if (a.is_array()) return a.as_array() == b.as_array();
    return a.as_object() == b.as_object();
}

std::expected<Value, ParseError> parse(std::string_view text) { return Parser(text).document(); }

void append_quoted(std::string& out, std::string_view s) {
    out += '"';
    for (char c : s) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
                    out += buf;
                } else {
                    out += c;
                }
        }
    }
    out += '"';
}

}  // namespace referat::json
