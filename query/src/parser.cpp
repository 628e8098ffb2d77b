#include "referat/query/parser.hpp"

#include <algorithm>
#include <memory>
#include <utility>

#include <referat/index/schema.hpp>
#include <referat/ingest/people.hpp>
#include <referat/query/ranges.hpp>

namespace referat::query {

namespace schema = index::schema;

namespace {

// The first error met while Xapian calls back into the field processors.
struct ErrorSink {
    std::optional<QueryError> error;
    void note(QueryError e) {
        if (!error) error = std::move(e);
    }
};

// dato:, år:, beløb:, udfald: and kommune: values. Errors are noted, not thrown, because
// they arise inside Xapian's parser; compile_query reports them after parsing.
class FieldValue : public Xapian::FieldProcessor {
  public:
    FieldValue(FieldKind kind, std::shared_ptr<ErrorSink> sink)
        : m_kind(kind), m_sink(std::move(sink)) {}

    Xapian::Query operator()(const std::string& value) override {
        auto q = value_query(m_kind, value);
        if (q) return *q;
        m_sink->note(q.error());
        return Xapian::Query::MatchNothing;
    }

    static std::expected<Xapian::Query, QueryError> value_query(FieldKind kind,
                                                                std::string_view value) {
        switch (kind) {
            case FieldKind::kDate: {
                auto r = parse_date_range(value);
                if (!r) return std::unexpected(r.error());
                return date_query(*r);
            }
            case FieldKind::kYear: {
                auto r = parse_year_range(value);
                if (!r) return std::unexpected(r.error());
                return number_query(schema::kSlotYear, *r);
            }
            case FieldKind::kAmount: {
                auto r = parse_amount_range(value);
                if (!r) return std::unexpected(r.error());
                return number_query(schema::kSlotAmount, *r);
            }
            case FieldKind::kOutcome: {
                auto name = parse_outcome(value);
                if (!name) return std::unexpected(name.error());
                return Xapian::Query(schema::boolean_term(schema::kOutcomeTerm, *name));
            }
            case FieldKind::kMunicipality: {
                if (value.empty()) return std::unexpected(QueryError{"empty municipality"});
                // Canonical names are "Aabenraa Kommune", "Københavns Kommune" and "Region
                // Syddanmark"; the short name as people say it finds them too.
                std::vector<Xapian::Query> terms;
                // The gazetteer knows the written variants ("Faaborg Midtfyn", "Frederica").
                for (const auto& probe : {std::string(value), std::string(value) + " Kommune"})
                    for (const auto& name : ingest::find_municipalities(probe))
                        terms.emplace_back(schema::boolean_term(schema::kMunicipalityTerm, name));
                for (const auto& v : spelling_variants(value))
                    for (const auto& form : {v, v + " Kommune", v + "s Kommune", "Region " + v})
                        terms.emplace_back(schema::boolean_term(schema::kMunicipalityTerm, form));
                return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
            }
            case FieldKind::kKind: {
                auto name = parse_kind(value);
                if (!name) return std::unexpected(name.error());
                return Xapian::Query(schema::boolean_term(schema::kKindTerm, *name));
            }
            case FieldKind::kText:
                break;
        }
        return std::unexpected(QueryError{"field is not a filter"});
    }

  private:
    FieldKind m_kind;
    std::shared_ptr<ErrorSink> m_sink;
};

struct TextField {
    std::string_view name;
    std::string_view prefix;
};

constexpr TextField kTextFields[] = {
    {"title", schema::kTitle},
    {"decision", schema::kDecision},
    {"recommendation", schema::kRecommendation},
    {"committee", schema::kCommitteeText},
    {"attachment", schema::kAttachment},
    {"person", schema::kPersonText},
};

constexpr std::pair<std::string_view, FieldKind> kFilterFields[] = {
    {"date", FieldKind::kDate},
    {"year", FieldKind::kYear},
    {"amount", FieldKind::kAmount},
    {"outcome", FieldKind::kOutcome},
    {"municipality", FieldKind::kMunicipality},
    {"kind", FieldKind::kKind},
};

struct Parser {
    Xapian::QueryParser qp;
    std::shared_ptr<ErrorSink> sink = std::make_shared<ErrorSink>();
    Xapian::SimpleStopper stopper;
};

void setup(Parser& p, const Xapian::Database& db) {
    for (auto word : schema::danish_stopwords()) p.stopper.add(std::string(word));
    p.qp.set_stemmer(Xapian::Stem(std::string(schema::kStemLanguage)));
    p.qp.set_stemming_strategy(Xapian::QueryParser::STEM_ALL);  // as the index (schema.hpp)
    p.qp.set_stopper(&p.stopper);
    p.qp.set_database(db);
    p.qp.set_default_op(Xapian::Query::OP_AND);
    for (auto prefix : schema::kAllTextPrefixes) p.qp.add_prefix("", std::string(prefix));
    for (const auto& f : kTextFields) p.qp.add_prefix(std::string(f.name), std::string(f.prefix));
    for (const auto& [name, kind] : kFilterFields)
        p.qp.add_boolean_prefix(std::string(name), (new FieldValue(kind, p.sink))->release());
}

constexpr unsigned kFlags = Xapian::QueryParser::FLAG_BOOLEAN | Xapian::QueryParser::FLAG_PHRASE |
                            Xapian::QueryParser::FLAG_LOVEHATE |
                            Xapian::QueryParser::FLAG_WILDCARD | Xapian::QueryParser::FLAG_PURE_NOT;

// "XDgodkend" -> "Zgodkend": the stem in the form MSet::snippet looks for; boolean and value
// terms are dropped.
std::optional<std::string> unprefixed(std::string_view term) {
    std::string_view best;
    for (auto prefix : schema::kAllTextPrefixes)
        if (term.starts_with(prefix) && prefix.size() > best.size()) best = prefix;
    if (best.empty()) return std::nullopt;
    term.remove_prefix(best.size());
    if (term.starts_with(':')) term.remove_prefix(1);
    if (term.empty()) return std::nullopt;
    return "Z" + std::string(term);
}

std::expected<Xapian::Query, QueryError> filter_query(Parser& p, const Filters& f) {
    std::vector<Xapian::Query> parts;
    if (!f.committees.empty()) {
        std::vector<Xapian::Query> any;
        for (const auto& name : f.committees) {
            any.emplace_back(schema::boolean_term(schema::kCommitteeTerm, name));
            // Also the committee's words as a phrase, so a shortened name still matches.
            std::string words = name;
            std::replace(words.begin(), words.end(), '"', ' ');
            try {
                any.push_back(p.qp.parse_query("committee:\"" + words + "\"", kFlags));
            } catch (const Xapian::QueryParserError& e) {
                return std::unexpected(QueryError{"committee '" + name + "': " + e.get_msg()});
            }
        }
        parts.emplace_back(Xapian::Query::OP_OR, any.begin(), any.end());
    }
    if (f.from || f.to) {
        std::string range = f.from.value_or("") + ".." + f.to.value_or("");
        auto r = parse_date_range(range);
        if (!r) return std::unexpected(r.error());
        parts.push_back(date_query(*r));
    }
    auto add_any = [&](const std::vector<std::string>& values,
                       FieldKind kind) -> std::optional<QueryError> {
        if (values.empty()) return std::nullopt;
        std::vector<Xapian::Query> any;
        for (const auto& v : values) {
            auto q = FieldValue::value_query(kind, v);
            if (!q) return q.error();
            any.push_back(*q);
        }
        parts.emplace_back(Xapian::Query::OP_OR, any.begin(), any.end());
        return std::nullopt;
    };
    if (auto e = add_any(f.outcomes, FieldKind::kOutcome)) return std::unexpected(*e);
    if (auto e = add_any(f.years, FieldKind::kYear)) return std::unexpected(*e);
    if (parts.empty()) return Xapian::Query::MatchAll;
    return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
}

}  // namespace

std::expected<CompiledQuery, QueryError> compile_query(const Xapian::Database& db,
                                                       std::string_view text,
                                                       const Filters& filters) {
    auto rewritten = rewrite_query(text);
    if (!rewritten) return std::unexpected(rewritten.error());
    Parser p;
    setup(p, db);
    CompiledQuery out;
    out.words = rewritten->words;
    Xapian::Query main = Xapian::Query::MatchAll;
    if (!rewritten->text.empty()) {
        try {
            main = p.qp.parse_query(rewritten->text, kFlags);
        } catch (const Xapian::QueryParserError& e) {
            return std::unexpected(QueryError{e.get_msg()});
        } catch (const Xapian::Error& e) {
            return std::unexpected(QueryError{e.get_description()});
        }
        if (p.sink->error) return std::unexpected(*p.sink->error);
        // Only stop words: nothing left to search for.
        if (main.empty())
            return std::unexpected(QueryError{"nothing to search for in '" + std::string(text) +
                                              "' (only stop words or punctuation)"});
    }
    auto filter = filter_query(p, filters);
    if (!filter) return std::unexpected(filter.error());

    std::vector<Xapian::Query> highlight;
    for (auto t = main.get_unique_terms_begin(); t != main.get_unique_terms_end(); ++t)
        if (auto u = unprefixed(*t)) highlight.emplace_back(*u);
    out.highlight = Xapian::Query(Xapian::Query::OP_OR, highlight.begin(), highlight.end());

    Xapian::Query items(schema::boolean_term(schema::kTypeTerm, schema::kTypeItem));
    Xapian::Query restrict = Xapian::Query(Xapian::Query::OP_AND, items, *filter);
    out.query = Xapian::Query(Xapian::Query::OP_FILTER, main, restrict);
    return out;
}

}  // namespace referat::query
