#pragma once
// A small JSON value with a strict parser and a compact/pretty writer, both nlohmann-json
// underneath (json.cpp is the one place that includes it). Objects keep insertion order so output
// is stable and reads like the gold files.
//
// UTF-8 both ways: parse() refuses invalid JSON (RFC 8259: no leading zeros, no lone surrogates)
// and invalid UTF-8 with a reason and a byte offset. Strings in a Value are bytes and may hold
// invalid UTF-8 (a file name on disk can); dump() and append_quoted() never emit it: each invalid
// byte is written as U+FFFD (the replacement character), so every output parses anywhere.

#include <cstdint>
#include <expected>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace referat::json {

class Value;
/// Array of values.
using Array = std::vector<Value>;
/// Object as an ordered list of members (keys unique by construction through Value::set).
using Object = std::vector<std::pair<std::string, Value>>;

/// A JSON value: null, bool, number (double or int64), string, array or object.
class Value {
  public:
    Value() = default;
    Value(std::nullptr_t) {}
    Value(bool b) : m_v(b) {}
    Value(int i) : m_v(static_cast<std::int64_t>(i)) {}
    Value(long i) : m_v(static_cast<std::int64_t>(i)) {}
    Value(long long i) : m_v(static_cast<std::int64_t>(i)) {}
    Value(unsigned i) : m_v(static_cast<std::int64_t>(i)) {}
    Value(unsigned long i) : m_v(static_cast<std::int64_t>(i)) {}
    Value(unsigned long long i) : m_v(static_cast<std::int64_t>(i)) {}
    Value(double d) : m_v(d) {}
    Value(const char* s) : m_v(std::string(s)) {}
    Value(std::string s) : m_v(std::move(s)) {}
    Value(std::string_view s) : m_v(std::string(s)) {}
    Value(Array a) : m_v(std::make_shared<Array>(std::move(a))) {}
    Value(Object o);

    /// An empty object, to fill with set().
    [[nodiscard]] static Value object() { return Value(Object{}); }
    /// An empty array, to fill with push().
    [[nodiscard]] static Value array() { return Value(Array{}); }

    [[nodiscard]] bool is_null() const { return m_v.index() == 0; }
    [[nodiscard]] bool is_bool() const { return m_v.index() == 1; }
    [[nodiscard]] bool is_int() const { return m_v.index() == 2; }
    [[nodiscard]] bool is_number() const { return m_v.index() == 2 || m_v.index() == 3; }
    [[nodiscard]] bool is_string() const { return m_v.index() == 4; }
    [[nodiscard]] bool is_array() const { return m_v.index() == 5; }
    [[nodiscard]] bool is_object() const { return m_v.index() == 6; }

    [[nodiscard]] bool as_bool() const { return std::get<bool>(m_v); }
    [[nodiscard]] std::int64_t as_int() const;
    [[nodiscard]] double as_double() const;
    [[nodiscard]] const std::string& as_string() const { return std::get<std::string>(m_v); }
    [[nodiscard]] const Array& as_array() const { return *std::get<std::shared_ptr<Array>>(m_v); }
    [[nodiscard]] const Object& as_object() const;

    /// Member lookup on an object; nullptr when absent or when this is not an object.
    [[nodiscard]] const Value* find(std::string_view key) const;
    /// Member lookup that returns a shared null value when absent.
    [[nodiscard]] const Value& operator[](std::string_view key) const;
    /// Set (replace or append) a member; this must be an object. Constant time on average:
    /// large objects keep a hash index of their keys.
    Value& set(std::string_view key, Value value);
    /// Append a member without looking for an existing one: for callers whose keys are
    /// distinct by construction, such as counted values.
    Value& append(std::string_view key, Value value);
    /// Append to an array; this must be an array.
    Value& push(Value value);
    /// Number of elements of an array or members of an object, else 0.
    [[nodiscard]] std::size_t size() const;

    /// Serialise. indent < 0: compact on one line; else pretty with that many spaces. Invalid
    /// UTF-8 in strings and keys comes out as U+FFFD.
    [[nodiscard]] std::string dump(int indent = -1) const;

    friend bool operator==(const Value& a, const Value& b);

    /// Members of an object with the index that makes set() and find() fast (json.cpp).
    struct ObjectStore;

  private:
    void mutate_guard();
    std::variant<std::monostate, bool, std::int64_t, double, std::string, std::shared_ptr<Array>,
                 std::shared_ptr<ObjectStore>>
        m_v;
};

/// Where and why parsing failed.
struct ParseError {
    std::size_t offset = 0;
    std::string reason;
};

/// Strict RFC 8259 parse of a whole UTF-8 document; invalid UTF-8 is an error.
[[nodiscard]] std::expected<Value, ParseError> parse(std::string_view text);

/// Append s to out as a quoted JSON string (UTF-8 kept, control characters escaped, invalid
/// UTF-8 bytes written as U+FFFD).
void append_quoted(std::string& out, std::string_view s);

/// Value from an optional string: the string, or null.
template <class Opt>
[[nodiscard]] Value opt(const Opt& o) {
    return o ? Value(*o) : Value(nullptr);
}

}  // namespace referat::json
