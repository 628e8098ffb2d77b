#include "schema_check.hpp"

#include <cmath>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace referat::query::testing {

namespace {

bool has_type(const json::Value& value, const std::string& type) {
    if (type == "null") return value.is_null();
    if (type == "boolean") return value.is_bool();
    if (type == "string") return value.is_string();
    if (type == "array") return value.is_array();
    if (type == "object") return value.is_object();
    if (type == "number") return value.is_number();
    if (type == "integer") {
        if (value.is_int()) return true;
        return value.is_number() && std::floor(value.as_double()) == value.as_double();
    }
    throw std::runtime_error("schema uses unknown type " + type);
}

}  // namespace

std::vector<std::string> schema_errors(const json::Value& schema, const json::Value& value,
                                       const std::string& path) {
    std::vector<std::string> errors;
    if (const auto* type = schema.find("type")) {
        bool ok = false;
        if (type->is_string())
            ok = has_type(value, type->as_string());
        else
            for (const auto& t : type->as_array()) ok = ok || has_type(value, t.as_string());
        if (!ok) {
            errors.push_back(path + ": wrong type " + value.dump());
            return errors;
        }
    }
    if (const auto* allowed = schema.find("enum")) {
        bool ok = false;
        for (const auto& a : allowed->as_array()) ok = ok || a == value;
        if (!ok) errors.push_back(path + ": " + value.dump() + " not in enum");
    }
    if (value.is_object()) {
        if (const auto* required = schema.find("required"))
            for (const auto& key : required->as_array())
                if (!value.find(key.as_string()))
                    errors.push_back(path + ": missing " + key.as_string());
        const auto* properties = schema.find("properties");
        const auto* additional = schema.find("additionalProperties");
        for (const auto& [key, member] : value.as_object()) {
            const json::Value* sub = properties ? properties->find(key) : nullptr;
            if (sub) {
                auto more = schema_errors(*sub, member, path + "." + key);
                errors.insert(errors.end(), more.begin(), more.end());
            } else if (additional && additional->is_bool() && !additional->as_bool()) {
                errors.push_back(path + ": unexpected member " + key);
            }
        }
    }
    if (value.is_array()) {
        if (const auto* items = schema.find("items")) {
            std::size_t i = 0;
            for (const auto& element : value.as_array()) {
                auto more = schema_errors(*items, element, path + "[" + std::to_string(i++) + "]");
                errors.insert(errors.end(), more.begin(), more.end());
            }
        }
    }
    return errors;
}

const json::Value& item_schema() {
    static const json::Value kSchema = [] {
        std::ifstream in(REFERAT_TEST_DATA "/schema/item.schema.json");
        std::ostringstream s;
        s << in.rdbuf();
        auto v = json::parse(s.str());
        if (!v) throw std::runtime_error("item.schema.json is not JSON: " + v.error().reason);
        return *v;
    }();
    return kSchema;
}

std::vector<std::vector<std::string>> read_csv(std::string_view text, char sep) {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string field;
    std::size_t i = 0;
    auto end_record = [&] {
        row.push_back(std::move(field));
        field.clear();
        rows.push_back(std::move(row));
        row.clear();
    };
    while (i < text.size()) {
        if (text[i] == '"') {
            // Quoted field: runs to the closing quote; "" is one quote.
            ++i;
            for (;;) {
                if (i >= text.size()) throw std::runtime_error("unterminated quoted field");
                if (text[i] == '"') {
                    if (i + 1 < text.size() && text[i + 1] == '"') {
                        field += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field += text[i++];
            }
            if (i < text.size() && text[i] != sep && text[i] != '\r' && text[i] != '\n')
                throw std::runtime_error("text after closing quote at byte " + std::to_string(i));
        } else {
            while (i < text.size() && text[i] != sep && text[i] != '\r' && text[i] != '\n') {
                if (text[i] == '"')
                    throw std::runtime_error("quote in unquoted field at byte " +
                                             std::to_string(i));
                field += text[i++];
            }
        }
        if (i >= text.size()) {
            end_record();
            break;
        }
        if (text[i] == sep) {
            row.push_back(std::move(field));
            field.clear();
            ++i;
        } else {
            if (text[i] == '\r') {
                if (i + 1 >= text.size() || text[i + 1] != '\n')
                    throw std::runtime_error("bare CR at byte " + std::to_string(i));
                ++i;
            }
            ++i;
            end_record();
        }
    }
    return rows;
}

}  // namespace referat::query::testing
