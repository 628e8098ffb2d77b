// referat::json::Value on nlohmann-json: its SAX parser (strict RFC 8259, UTF-8 checked) builds
// our values, and its serializer writes them with invalid UTF-8 replaced. Our own value type
// stays because callers iterate objects as a vector of members and copy values cheaply (shared,
// copy on write); nlohmann's ordered_json would make each key insertion linear.

#include "referat/ingest/json.hpp"

#include <limits>
#include <unordered_map>

#include <nlohmann/json.hpp>

namespace referat::json {

/// The members in insertion order and, from kIndexFrom members on, a hash index of the keys of
/// the first `indexed` members (append() and construction from an Object leave the tail
/// unindexed until the next set()).
struct Value::ObjectStore {
    Object members;
    std::unordered_map<std::string, std::size_t> index;
    std::size_t indexed = 0;

    /// Small objects are searched linearly: cheaper than hashing.
    static constexpr std::size_t kIndexFrom = 16;

    void index_tail() {
        for (; indexed < members.size(); ++indexed)
            index.emplace(members[indexed].first, indexed);  // the first of equal keys wins
    }
    [[nodiscard]] const Value* find(std::string_view key) const {
        if (indexed == members.size() && indexed >= kIndexFrom) {
            const auto it = index.find(std::string(key));
            return it == index.end() ? nullptr : &members[it->second].second;
        }
        for (const auto& [k, v] : members)
            if (k == key) return &v;
        return nullptr;
    }
};

namespace {

using Ordered = nlohmann::ordered_json;

const Value kNull;

/// Builds a Value from nlohmann's SAX events; keeps the parse linear in the number of keys.
class Builder : public nlohmann::json_sax<Ordered> {
  public:
    bool null() override { return add(Value(nullptr)); }
    bool boolean(bool b) override { return add(Value(b)); }
    bool number_integer(number_integer_t i) override {
        return add(Value(static_cast<std::int64_t>(i)));
    }
    bool number_unsigned(number_unsigned_t u) override {
        if (u <= static_cast<number_unsigned_t>(std::numeric_limits<std::int64_t>::max()))
            return add(Value(static_cast<std::int64_t>(u)));
        return add(Value(static_cast<double>(u)));
    }
    bool number_float(number_float_t d, const string_t&) override { return add(Value(d)); }
    bool string(string_t& s) override { return add(Value(std::move(s))); }
    bool binary(binary_t&) override { return false; }  // not produced by the JSON lexer
    bool start_object(std::size_t) override { return open(Value::object()); }
    bool key(string_t& k) override {
        m_keys.push_back(std::move(k));
        return true;
    }
    bool end_object() override { return close(); }
    bool start_array(std::size_t) override { return open(Value::array()); }
    bool end_array() override { return close(); }
    bool parse_error(std::size_t position, const std::string&,
                     const nlohmann::detail::exception& e) override {
        m_error = ParseError{position > 0 ? position - 1 : 0, reason(e.what())};
        return false;
    }

    [[nodiscard]] std::expected<Value, ParseError> result() {
        if (m_error) return std::unexpected(*m_error);
        if (!m_done) return std::unexpected(ParseError{0, "unexpected end of input"});
        return std::move(m_root);
    }
    /// Nesting deeper than this is refused: the values are destroyed recursively.
    static constexpr std::size_t kMaxDepth = 512;

  private:
    /// nlohmann's message without its "[json.exception.parse_error.101] parse error at ..."
    /// prefix, which repeats the offset we report separately, and without the "; last read:
    /// '...'" echo of the input, which may be the very bytes that are not UTF-8.
    static std::string reason(std::string_view what) {
        const auto colon = what.find(": ");
        if (colon != std::string_view::npos) what.remove_prefix(colon + 2);
        what = what.substr(0, what.find("; last read:"));
        return std::string(what);
    }
    bool add(Value v) {
        if (m_stack.empty()) {
            m_root = std::move(v);
            m_done = true;
        } else if (m_stack.back().is_array()) {
            m_stack.back().push(std::move(v));
        } else {
            m_stack.back().set(m_keys.back(), std::move(v));
            m_keys.pop_back();
        }
        return true;
    }
    bool open(Value container) {
        if (m_stack.size() >= kMaxDepth) {
            m_error = ParseError{0, "nesting deeper than " + std::to_string(kMaxDepth)};
            return false;
        }
        m_stack.push_back(std::move(container));
        return true;
    }
    bool close() {
        Value done = std::move(m_stack.back());
        m_stack.pop_back();
        return add(std::move(done));
    }

    std::vector<Value> m_stack;
    std::vector<std::string> m_keys;
    Value m_root;
    bool m_done = false;
    std::optional<ParseError> m_error;
};

Ordered to_ordered(const Value& v) {
    if (v.is_null()) return nullptr;
    if (v.is_bool()) return v.as_bool();
    if (v.is_int()) return v.as_int();
    if (v.is_number()) return v.as_double();  // NaN and infinities are written as null
    if (v.is_string()) return v.as_string();
    if (v.is_array()) {
        Ordered out = Ordered::array();
        auto& elements = out.get_ref<Ordered::array_t&>();
        elements.reserve(v.size());
        for (const auto& e : v.as_array()) elements.push_back(to_ordered(e));
        return out;
    }
    Ordered out = Ordered::object();
    // Keys are unique already: append through the underlying vector, as ordered_map's own
    // emplace would search all earlier keys for each one.
    auto& members = static_cast<Ordered::object_t::Container&>(out.get_ref<Ordered::object_t&>());
    members.reserve(v.size());
    for (const auto& [key, value] : v.as_object()) members.emplace_back(key, to_ordered(value));
    return out;
}

std::string dump_ordered(const Ordered& j, int indent) {
    return j.dump(indent, ' ', false, Ordered::error_handler_t::replace);
}

}  // namespace

Value::Value(Object o) : m_v(std::make_shared<ObjectStore>(ObjectStore{std::move(o), {}, 0})) {}

const Object& Value::as_object() const {
    return std::get<std::shared_ptr<ObjectStore>>(m_v)->members;
}

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
    return std::get<std::shared_ptr<ObjectStore>>(m_v)->find(key);
}

const Value& Value::operator[](std::string_view key) const {
    const Value* v = find(key);
    return v ? *v : kNull;
}

void Value::mutate_guard() {
    // Copies share storage; copy on write keeps value semantics.
    if (auto* a = std::get_if<std::shared_ptr<Array>>(&m_v); a && a->use_count() > 1)
        *a = std::make_shared<Array>(**a);
    if (auto* o = std::get_if<std::shared_ptr<ObjectStore>>(&m_v); o && o->use_count() > 1)
        *o = std::make_shared<ObjectStore>(**o);
}

Value& Value::set(std::string_view key, Value value) {
    mutate_guard();
    auto& store = *std::get<std::shared_ptr<ObjectStore>>(m_v);
    if (store.members.size() >= ObjectStore::kIndexFrom) store.index_tail();
    if (auto* found = const_cast<Value*>(store.find(key))) {
        *found = std::move(value);
        return *this;
    }
    store.members.emplace_back(std::string(key), std::move(value));
    if (store.indexed >= ObjectStore::kIndexFrom) store.index_tail();
    return *this;
}

Value& Value::append(std::string_view key, Value value) {
    mutate_guard();
    std::get<std::shared_ptr<ObjectStore>>(m_v)->members.emplace_back(std::string(key),
                                                                      std::move(value));
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

std::string Value::dump(int indent) const { return dump_ordered(to_ordered(*this), indent); }

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

std::expected<Value, ParseError> parse(std::string_view text) {
    Builder builder;
    // strict: the whole input is one value; no comments.
    (void)Ordered::sax_parse(text, &builder, Ordered::input_format_t::json, true, false);
    return builder.result();
}

void append_quoted(std::string& out, std::string_view s) {
    out += dump_ordered(Ordered(std::string(s)), -1);
}

}  // namespace referat::json
