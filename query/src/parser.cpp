#include "referat/query/parser.hpp"

#include <algorithm>
#include <utility>

#include <referat/index/analyzer.hpp>
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
            return year_query(*r);
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
            // Terms hold the name spelt with ae/oe/aa, so "Åbenrå" and "Aabenraa" are one term.
            std::vector<Xapian::Query> terms;
            // The gazetteer knows the written variants ("Faaborg Midtfyn", "Frederica").
            for (const auto& probe : {std::string(value), std::string(value) + " Kommune"})
                for (const auto& name : ingest::find_municipalities(probe))
                    terms.emplace_back(schema::municipality_term(name));
            const std::string v(value);
            for (const auto& form : {v, v + " Kommune", v + "s Kommune", "Region " + v})
                terms.emplace_back(schema::municipality_term(form));
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

// The prefix a leaf searches: its field's, or the body text (every word of the item).
std::string prefix_for(std::string_view field) { return std::string(prefix_of(field)); }

// "XDgodkend" and "godkend" -> "Zgodkend": the stem in the form MSet::snippet looks for;
// boolean and value terms (upper-case prefixes other than the text fields') are dropped.
std::optional<std::string> unprefixed(std::string_view term) {
    if (term.empty()) return std::nullopt;
    if (term.front() >= 'A' && term.front() <= 'Z') {
        std::string_view best;
        for (auto prefix : schema::kFieldPrefixes)
            if (term.starts_with(prefix) && prefix.size() > best.size()) best = prefix;
        if (best.empty()) return std::nullopt;
        term.remove_prefix(best.size());
        if (term.starts_with(':')) term.remove_prefix(1);
        if (term.empty()) return std::nullopt;
    }
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
    Terms() { index::configure_terms(m_generator, m_stopper, index::text_stemmer()); }
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
            case NodeKind::kPhrase:
                return text(node.text, prefix_for(node.field));
            case NodeKind::kWildcard: {
                auto q = wildcard(node, prefix_for(node.field));
                // A wildcard that expands to nothing matches nothing (it is not left out).
                return q.empty() ? no_match() : q;
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

    /// The words of text (a word or a phrase) under one prefix ("" for the body text). The
    /// stemmer folds æ/ø/å to ae/oe/aa as the writer did, so either spelling finds both. A
    /// phrase in a field kept without positions is the phrase in the body text with each of its
    /// words in the field.
    Xapian::Query text(const std::string& text, const std::string& prefix) {
        const auto stems = Terms::for_this_thread().stems(text);
        if (stems.empty()) return {};
        const bool positional = schema::has_positions(prefix);
        std::vector<Xapian::Query> terms;
        std::vector<Xapian::Query> in_field;
        for (const auto& stem : stems) {
            const auto at = static_cast<Xapian::termpos>(terms.size() + 1);
            terms.emplace_back((positional ? prefix : std::string()) + stem, 1, at);
            if (!positional) in_field.emplace_back(prefix + stem);
        }
        if (terms.size() == 1) return positional ? terms.front() : in_field.front();
        Xapian::Query phrase(Xapian::Query::OP_PHRASE, terms.begin(), terms.end());
        if (positional) return phrase;
        in_field.insert(in_field.begin(), phrase);
        return Xapian::Query(Xapian::Query::OP_AND, in_field.begin(), in_field.end());
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
        const auto stems = Terms::for_this_thread().stems(node.text);
        if (stems.size() > 1)
            throw CompileFailure{{"a wildcard applies to one word, not '" + node.text + "*'"}};
        // The typed start spelt as the index spells words (ae/oe/aa for æ/ø/å), and its stem.
        starts.push_back(schema::fold_spelling(utf8::lower(node.text)));
        if (!stems.empty() && stems.front() != starts.front()) starts.push_back(stems.front());
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

    // NEAR and ADJ compare positions of the body text, or of a field's own copy where the field
    // keeps positions; a word in a field without positions is compared in the body text and
    // required in the field.
    Xapian::Query near(const QueryNode& node) {
        const auto op =
            node.kind == NodeKind::kNear ? Xapian::Query::OP_NEAR : Xapian::Query::OP_PHRASE;
        std::vector<Xapian::Query> operands;
        std::vector<Xapian::Query> required;
        for (const auto& child : node.children) {
            const std::string field = prefix_for(child.field);
            const std::string p = schema::has_positions(field) ? field : std::string();
            Xapian::Query q = child.kind == NodeKind::kWildcard
                                  ? wildcard(child, p, Xapian::Query::OP_OR)
                                  : text(child.text, p);
            if (q.empty()) return no_match();
            if (q.get_type() == Xapian::Query::OP_PHRASE)
                throw CompileFailure{{"NEAR and ADJ join single words, not '" + child.text + "'"}};
            operands.push_back(std::move(q));
            if (p != field)
                required.push_back(child.kind == NodeKind::kWildcard ? wildcard(child, field)
                                                                     : text(child.text, field));
        }
        Xapian::Query out(op, operands.begin(), operands.end(), node.window);
        for (auto& r : required) {
            if (r.empty()) return no_match();
            out = Xapian::Query(Xapian::Query::OP_AND, out, r);
        }
        return out;
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

    // Items only: the meeting documents are left out. Every document is one or the other, and
    // skipping through the meeting list (one document in ten) costs less than checking each
    // match against the item list.
    Xapian::Query meetings(schema::boolean_term(schema::kTypeTerm, schema::kTypeMeeting));
    if (!filter->empty() && filter->get_type() != Xapian::Query::LEAF_MATCH_ALL)
        main = Xapian::Query(Xapian::Query::OP_FILTER, main, *filter);
    out.query = Xapian::Query(Xapian::Query::OP_AND_NOT, main, meetings);
    return out;
}

}  // namespace referat::query
