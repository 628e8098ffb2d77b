#include "referat/query/parser.hpp"

#include <algorithm>
#include <utility>

#include <referat/index/schema.hpp>
#include <referat/ingest/people.hpp>
#include <referat/ingest/utf8.hpp>
#include <referat/query/ranges.hpp>

namespace referat::query {

namespace schema = index::schema;

namespace {

// dato:, år:, beløb:, udfald: and kommune: values.
std::expected<Xapian::Query, QueryError> value_query(FieldKind kind, std::string_view value) {
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
        case FieldKind::kVote: {
            auto name = parse_vote(value);
            if (!name) return std::unexpected(name.error());
            return Xapian::Query(schema::boolean_term(schema::kVoteTerm, *name));
        }
        case FieldKind::kText:
            break;
    }
    return std::unexpected(QueryError{"field is not a filter"});
}

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

std::string_view prefix_of(std::string_view field) {
    for (const auto& f : kTextFields)
        if (f.name == field) return f.prefix;
    return {};
}

// The prefixes a leaf searches: its field's, or every free-text prefix.
std::vector<std::string> prefixes_for(std::string_view field) {
    if (auto p = prefix_of(field); !p.empty()) return {std::string(p)};
    return {schema::kAllTextPrefixes.begin(), schema::kAllTextPrefixes.end()};
}

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

Xapian::Query any_of(std::vector<Xapian::Query> parts,
                     Xapian::Query::op op = Xapian::Query::OP_OR) {
    if (parts.empty()) return {};
    if (parts.size() == 1) return parts.front();
    return Xapian::Query(op, parts.begin(), parts.end());
}

// Splits and stems the words of one leaf exactly as the writer indexes text (same stemmer,
// stop words and tokenisation: index/src/document_builder.cpp), so query terms and index terms
// cannot disagree. One per thread, set up once rather than per query.
class Terms {
  public:
    Terms() {
        for (auto word : schema::danish_stopwords()) m_stopper.add(std::string(word));
        m_generator.set_stemmer(Xapian::Stem(std::string(schema::kStemLanguage)));
        m_generator.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL);
        m_generator.set_stopper(&m_stopper);
        m_generator.set_stopper_strategy(Xapian::TermGenerator::STOP_ALL);
    }
    Terms(const Terms&) = delete;
    Terms& operator=(const Terms&) = delete;

    /// The stems of text in word order (stop words left out).
    std::vector<std::string> stems(std::string_view text) {
        Xapian::Document doc;
        m_generator.set_document(doc);
        m_generator.set_termpos(0);
        m_generator.index_text(Xapian::Utf8Iterator(text.data(), text.size()));
        std::vector<std::pair<Xapian::termpos, std::string>> at;
        for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
            for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p)
                at.emplace_back(*p, *t);
        std::sort(at.begin(), at.end());
        std::vector<std::string> out;
        for (auto& [pos, term] : at) out.push_back(std::move(term));
        return out;
    }

    /// The calling thread's instance.
    static Terms& for_this_thread() {
        thread_local Terms terms;
        return terms;
    }

  private:
    Xapian::SimpleStopper m_stopper;
    Xapian::TermGenerator m_generator;
};

// Thrown inside the compiler only; compile_query turns it into a QueryError value.
struct CompileFailure {
    QueryError error;
};

// The parsed tree (grammar.cpp) as a Xapian query, node by node.
class Compiler {
  public:
    Compiler(const Xapian::Database& db, std::size_t max_wildcard_terms)
        : m_db(db), m_max_wildcard_terms(max_wildcard_terms) {}

    /// The query for node; an empty Query when it has nothing to search for.
    Xapian::Query compile(const QueryNode& node) {
        switch (node.kind) {
            case NodeKind::kWord:
            case NodeKind::kPhrase: {
                std::vector<Xapian::Query> per_prefix;
                for (const auto& prefix : prefixes_for(node.field))
                    if (auto q = text(node.text, prefix); !q.empty()) per_prefix.push_back(q);
                return any_of(std::move(per_prefix));
            }
            case NodeKind::kWildcard: {
                std::vector<Xapian::Query> per_prefix;
                for (const auto& prefix : prefixes_for(node.field))
                    if (auto q = wildcard(node, prefix); !q.empty()) per_prefix.push_back(q);
                // A wildcard that expands to nothing matches nothing (it is not left out).
                if (per_prefix.empty()) return no_match();
                return any_of(std::move(per_prefix));
            }
            case NodeKind::kFilter: {
                auto q = value_query(node.field_kind, node.text);
                if (!q) throw CompileFailure{q.error()};
                // Filters restrict the match and leave the ranking to the words.
                return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, *q, 0.0);
            }
            case NodeKind::kAll:
                return Xapian::Query::MatchAll;
            case NodeKind::kAnd:
                return any_of(children(node, 0), Xapian::Query::OP_AND);
            case NodeKind::kOr:
                return any_of(children(node, 0), Xapian::Query::OP_OR);
            case NodeKind::kXor:
                return any_of(children(node, 0), Xapian::Query::OP_XOR);
            case NodeKind::kAndNot: {
                Xapian::Query base = compile(node.children.front());
                Xapian::Query excluded = any_of(children(node, 1));
                if (base.empty() || excluded.empty()) return base;
                return Xapian::Query(Xapian::Query::OP_AND_NOT, base, excluded);
            }
            case NodeKind::kNear:
            case NodeKind::kAdjacent:
                return near(node);
        }
        return {};
    }

    /// The words of text (a word or a phrase) under one prefix, in every spelling: æ/ø/å
    /// typed as ae/oe/aa finds both, and the other way round.
    Xapian::Query text(const std::string& text, const std::string& prefix) {
        std::vector<Xapian::Query> spellings;
        std::vector<std::vector<std::string>> seen;
        for (const auto& variant : spelling_variants(text)) {
            auto stems = Terms::for_this_thread().stems(variant);
            if (stems.empty() || std::find(seen.begin(), seen.end(), stems) != seen.end()) continue;
            std::vector<Xapian::Query> terms;
            for (const auto& stem : stems)
                terms.emplace_back(prefix + stem, 1,
                                   static_cast<Xapian::termpos>(terms.size() + 1));
            spellings.push_back(any_of(std::move(terms), Xapian::Query::OP_PHRASE));
            seen.push_back(std::move(stems));
        }
        return any_of(std::move(spellings));
    }

  private:
    std::vector<Xapian::Query> children(const QueryNode& node, std::size_t from) {
        std::vector<Xapian::Query> out;
        for (std::size_t i = from; i < node.children.size(); ++i)
            if (auto q = compile(node.children[i]); !q.empty()) out.push_back(std::move(q));
        return out;
    }

    // A wildcard matches at least what the word itself finds. The index holds stems, so the
    // typed start is expanded both as typed and as stemmed: "dagsorden*" expands "dagsorden"
    // (finding "dagsordenen") and "dagsord", the stem of "dagsorden" itself. A start that runs
    // into a suffix the stemmer removes ("sundh*" for "Sundhed", stem "sund") also takes the
    // indexed stems it extends by at most kStemSlack letters. Expanded here, against the
    // vocabulary, so a too broad wildcard is a clear error before any matching.
    // The expansion is one OP_SYNONYM (weighted as one word), or an OP_OR of terms inside NEAR
    // and ADJ, which take terms and ORs of terms only.
    Xapian::Query wildcard(const QueryNode& node, const std::string& prefix,
                           Xapian::Query::op op = Xapian::Query::OP_SYNONYM) {
        std::vector<std::string> starts;
        for (const auto& variant : spelling_variants(node.text)) {
            auto stems = Terms::for_this_thread().stems(variant);
            if (stems.size() > 1)
                throw CompileFailure{{"a wildcard applies to one word, not '" + node.text + "*'"}};
            starts.push_back(utf8::lower(variant));
            if (!stems.empty()) starts.push_back(stems.front());
        }
        std::vector<std::string> terms;
        for (const auto& start : starts) {
            const std::string from = prefix + start;
            for (auto t = m_db.allterms_begin(from); t != m_db.allterms_end(from); ++t) {
                if (std::find(terms.begin(), terms.end(), *t) != terms.end()) continue;
                terms.push_back(*t);
                if (++m_wildcard_terms > m_max_wildcard_terms)
                    throw CompileFailure{{"wildcard '" + node.text + "*' matches more than " +
                                          std::to_string(m_max_wildcard_terms) +
                                          " indexed words; give more letters before '*'"}};
            }
        }
        for (const auto& start : starts)
            for (const auto& shorter : shorter_stems(start))
                if (std::find(terms.begin(), terms.end(), prefix + shorter) == terms.end() &&
                    m_db.term_exists(prefix + shorter))
                    terms.push_back(prefix + shorter);
        std::vector<Xapian::Query> queries(terms.begin(), terms.end());
        return any_of(std::move(queries), op);
    }

    // NEAR and ADJ compare positions within one field: one query per prefix, ORed.
    Xapian::Query near(const QueryNode& node) {
        const auto op =
            node.kind == NodeKind::kNear ? Xapian::Query::OP_NEAR : Xapian::Query::OP_PHRASE;
        std::vector<Xapian::Query> per_prefix;
        for (auto prefix : schema::kAllTextPrefixes) {
            std::vector<Xapian::Query> operands;
            bool all_fielded = true;
            for (const auto& child : node.children) {
                all_fielded = all_fielded && !child.field.empty();
                const std::string p =
                    std::string(child.field.empty() ? prefix : prefix_of(child.field));
                Xapian::Query q = child.kind == NodeKind::kWildcard
                                      ? wildcard(child, p, Xapian::Query::OP_OR)
                                      : text(child.text, p);
                if (q.empty()) {
                    operands.clear();
                    break;
                }
                if (q.get_type() == Xapian::Query::OP_PHRASE)
                    throw CompileFailure{
                        {"NEAR and ADJ join single words, not '" + child.text + "'"}};
                operands.push_back(std::move(q));
            }
            if (!operands.empty())
                per_prefix.emplace_back(op, operands.begin(), operands.end(), node.window);
            if (all_fielded) break;
        }
        if (per_prefix.empty()) return no_match();
        return any_of(std::move(per_prefix));
    }

    // "sundh" -> "sund", "sun": the start cut by 1 to kStemSlack letters, at least 3 left.
    static std::vector<std::string> shorter_stems(const std::string& start) {
        constexpr std::size_t kStemSlack = 3;
        constexpr std::size_t kMinLetters = 3;
        std::vector<std::size_t> boundaries;  // byte offset of each code point
        for (std::size_t i = 0; i < start.size(); (void)utf8::next(start, i))
            boundaries.push_back(i);
        std::vector<std::string> out;
        for (std::size_t cut = 1; cut <= kStemSlack && cut < boundaries.size(); ++cut) {
            const std::size_t letters = boundaries.size() - cut;
            if (letters < kMinLetters) break;
            out.push_back(start.substr(0, boundaries[letters]));
        }
        return out;
    }

    // A query that matches nothing yet is not empty (an empty Query is left out of AND).
    static Xapian::Query no_match() {
        return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                             Xapian::Query(schema::boolean_term(schema::kTypeTerm, "none")), 0.0);
    }

    const Xapian::Database& m_db;
    std::size_t m_max_wildcard_terms;
    std::size_t m_wildcard_terms = 0;
};

std::expected<Xapian::Query, QueryError> filter_query(Compiler& compiler, const Filters& f) {
    std::vector<Xapian::Query> parts;
    if (!f.committees.empty()) {
        std::vector<Xapian::Query> any;
        for (const auto& name : f.committees) {
            any.emplace_back(schema::boolean_term(schema::kCommitteeTerm, name));
            // Also the committee's words as a phrase, so a shortened name still matches.
            if (auto q = compiler.text(name, std::string(schema::kCommitteeText)); !q.empty())
                any.push_back(std::move(q));
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
            auto q = value_query(kind, v);
            if (!q) return q.error();
            any.push_back(*q);
        }
        parts.emplace_back(Xapian::Query::OP_OR, any.begin(), any.end());
        return std::nullopt;
    };
    if (auto e = add_any(f.outcomes, FieldKind::kOutcome)) return std::unexpected(*e);
    if (auto e = add_any(f.years, FieldKind::kYear)) return std::unexpected(*e);
    if (f.indexed_since)
        parts.emplace_back(Xapian::Query::OP_VALUE_GE, schema::kSlotIndexed,
                           Xapian::sortable_serialise(*f.indexed_since));
    if (parts.empty()) return Xapian::Query::MatchAll;
    return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
}

}  // namespace

std::expected<CompiledQuery, QueryError> compile_query(const Xapian::Database& db,
                                                       std::string_view text,
                                                       const Filters& filters,
                                                       std::size_t max_wildcard_terms) {
    auto parsed = parse_query_text(text);
    if (!parsed) return std::unexpected(parsed.error());
    Compiler compiler(db, max_wildcard_terms);
    CompiledQuery out;
    out.words = parsed->words;
    Xapian::Query main = Xapian::Query::MatchAll;
    const bool blank = text.find_first_not_of(" \t\r\n\f") == std::string_view::npos;
    try {
        if (parsed->root) main = compiler.compile(*parsed->root);
    } catch (const CompileFailure& f) {
        return std::unexpected(f.error);
    }
    // Only stop words or punctuation: nothing left to search for.
    if (!blank && (!parsed->root || main.empty()))
        return std::unexpected(QueryError{"nothing to search for in '" + std::string(text) +
                                          "' (only stop words or punctuation)"});
    auto filter = filter_query(compiler, filters);
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
