// The query language parsed into a tree (syntax.hpp): a lexer for words, phrases, fields,
// brackets and operators, and a recursive-descent parser with Xapian's precedence
// (OR < XOR < AND/NOT < implicit AND with +/- < NEAR/ADJ). parser.cpp turns the tree into a
// Xapian query node by node; nothing is rewritten into text for Xapian to re-read, so an
// operator can never be dropped silently.

#include <algorithm>
#include <array>
#include <map>
#include <utility>

#include <referat/index/schema.hpp>
#include <referat/ingest/utf8.hpp>
#include <referat/query/syntax.hpp>

namespace referat::query {

namespace {

/// Words between NEAR or ADJ terms when no /n is given (as Xapian's QueryParser).
constexpr unsigned kDefaultGap = 10;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Field names are letters only (titel, år, beløb).
bool is_field_name(std::string_view s) {
    if (s.empty()) return false;
    for (std::size_t i = 0; i < s.size();)
        if (!utf8::is_letter(utf8::next(s, i))) return false;
    return true;
}

bool is_stop_word(std::string_view word) {
    const auto& stops = index::schema::danish_stopwords();
    return std::find(stops.begin(), stops.end(), utf8::lower(word)) != stops.end();
}

std::vector<std::string_view> split_words(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t p = 0;
    while (p < text.size()) {
        while (p < text.size() && is_space(text[p])) ++p;
        std::size_t q = p;
        while (q < text.size() && !is_space(text[q])) ++q;
        if (q > p) out.push_back(text.substr(p, q - p));
        p = q;
    }
    return out;
}

// Stop words are not indexed and take no position, so a phrase matches without them.
std::string without_stop_words(std::string_view phrase) {
    std::string out;
    for (auto word : split_words(phrase)) {
        if (is_stop_word(word)) continue;
        if (!out.empty()) out += ' ';
        out.append(word);
    }
    return out;
}

enum class Op { kAnd, kOr, kNot, kXor, kNear, kAdjacent };

struct OperatorName {
    std::string_view typed;
    Op op;
};

constexpr std::array<OperatorName, 10> kOperators{{
    {"AND", Op::kAnd},
    {"OR", Op::kOr},
    {"NOT", Op::kNot},
    {"XOR", Op::kXor},
    {"NEAR", Op::kNear},
    {"ADJ", Op::kAdjacent},
    {"OG", Op::kAnd},
    {"ELLER", Op::kOr},
    {"IKKE", Op::kNot},
    {"NÆR", Op::kNear},
}};

enum class TokenKind { kOpen, kClose, kOperator, kLeaf };

struct Token {
    TokenKind kind = TokenKind::kLeaf;
    std::size_t position = 0;  ///< 1-based, for messages
    std::string typed;         ///< as written, for messages
    char sign = 0;             ///< '+', '-' or 0 (leaves and opening brackets)
    Op op = Op::kAnd;          ///< kOperator
    unsigned gap = kDefaultGap;
    std::optional<FieldInfo> field;  ///< leaves and opening brackets with "name:"
    std::string value;               ///< leaf text (without quotes or trailing '*')
    bool quoted = false;
    bool wildcard = false;
};

// "NEAR", "NEAR/3", "OG", ...: the operator a bare word names, if any.
std::optional<std::pair<Op, unsigned>> operator_for(std::string_view word) {
    std::string_view name = word;
    unsigned gap = kDefaultGap;
    if (auto slash = word.find('/'); slash != std::string_view::npos) {
        name = word.substr(0, slash);
        std::string_view digits = word.substr(slash + 1);
        if (digits.empty() || digits.size() > 3 ||
            !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
            return std::nullopt;
        gap = static_cast<unsigned>(std::stoul(std::string(digits)));
    }
    for (const auto& o : kOperators) {
        if (name != o.typed) continue;
        if (name.size() != word.size() && o.op != Op::kNear && o.op != Op::kAdjacent)
            return std::nullopt;
        return std::pair{o.op, gap};
    }
    return std::nullopt;
}

std::expected<std::vector<Token>, QueryError> lex(std::string_view text) {
    std::vector<Token> tokens;
    int depth = 0;
    std::size_t i = 0;
    const std::size_t n = text.size();
    auto stops = [&](std::size_t at) {
        return at >= n || is_space(text[at]) || text[at] == '(' || text[at] == ')' ||
               text[at] == '"';
    };
    auto unbalanced_quote = [](std::size_t at) {
        return std::unexpected(QueryError{"unbalanced quote at position " + std::to_string(at)});
    };
    while (i < n) {
        const char c = text[i];
        if (is_space(c)) {
            ++i;
            continue;
        }
        Token t;
        t.position = i + 1;
        if (c == ')') {
            if (depth == 0)
                return std::unexpected(
                    QueryError{"unbalanced ')' at position " + std::to_string(i + 1)});
            --depth;
            t.kind = TokenKind::kClose;
            t.typed = ")";
            tokens.push_back(std::move(t));
            ++i;
            continue;
        }
        // A sign binds to what follows it directly: a word, a phrase, a field or a bracket.
        if ((c == '+' || c == '-') && i + 1 < n && !is_space(text[i + 1]) && text[i + 1] != ')') {
            t.sign = c;
            ++i;
        }
        if (text[i] == '(') {
            ++depth;
            t.kind = TokenKind::kOpen;
            t.typed = "(";
            tokens.push_back(std::move(t));
            ++i;
            continue;
        }
        // The word run up to whitespace, a bracket or a quote.
        const std::size_t start = i;
        while (!stops(i)) ++i;
        std::string_view run = text.substr(start, i - start);
        t.typed = std::string(run);
        std::string_view value = run;
        if (auto colon = run.find(':');
            colon != std::string_view::npos && is_field_name(run.substr(0, colon))) {
            std::string_view name = run.substr(0, colon);
            std::string_view rest = run.substr(colon + 1);
            const bool group = rest.empty() && i < n && text[i] == '(';
            const bool has_value = !rest.empty() || group || (i < n && text[i] == '"');
            if (has_value && !rest.starts_with("//")) {
                t.field = find_field(name);
                if (!t.field)
                    return std::unexpected(QueryError{"unknown field '" + std::string(name) +
                                                      ":' (fields: " + field_names() + ")"});
                value = rest;
                if (group) {
                    ++depth;
                    ++i;
                    t.kind = TokenKind::kOpen;
                    tokens.push_back(std::move(t));
                    continue;
                }
            }
        }
        if (value.empty() && i < n && text[i] == '"') {
            const std::size_t close = text.find('"', i + 1);
            if (close == std::string_view::npos) return unbalanced_quote(i + 1);
            t.value = std::string(text.substr(i + 1, close - i - 1));
            t.typed += std::string(text.substr(i, close + 1 - i));
            t.quoted = true;
            i = close + 1;
        } else if (value.empty()) {
            if (i < n && text[i] == '"') return unbalanced_quote(i + 1);
            continue;  // a lone sign or a stray "name:" with nothing after it
        } else {
            t.value = std::string(value);
        }
        if (!t.quoted && !t.field && t.sign == 0) {
            if (auto op = operator_for(t.value)) {
                t.kind = TokenKind::kOperator;
                t.op = op->first;
                t.gap = op->second;
                tokens.push_back(std::move(t));
                continue;
            }
        }
        if (!t.quoted && t.value.ends_with('*')) {
            while (t.value.ends_with('*')) t.value.pop_back();
            if (t.value.empty() || t.value.back() == ':')
                return std::unexpected(QueryError{"a wildcard needs letters before '*' (" +
                                                  t.typed + " at position " +
                                                  std::to_string(t.position) + ")"});
            t.wildcard = true;
        }
        tokens.push_back(std::move(t));
    }
    if (depth > 0) return std::unexpected(QueryError{"unbalanced '(': missing ')'"});
    return tokens;
}

// Thrown inside the parser only; parse_query_text turns it into a QueryError value.
struct ParseFailure {
    QueryError error;
};

QueryNode make(NodeKind kind, std::vector<QueryNode> children) {
    QueryNode n;
    n.kind = kind;
    n.children = std::move(children);
    return n;
}

// Joins a and b under kind, flattening children of the same kind.
std::optional<QueryNode> join(NodeKind kind, std::optional<QueryNode> a,
                              std::optional<QueryNode> b) {
    if (!a) return b;
    if (!b) return a;
    QueryNode out = make(kind, {});
    for (auto* side : {&*a, &*b}) {
        if (side->kind == kind && kind != NodeKind::kAndNot)
            for (auto& c : side->children) out.children.push_back(std::move(c));
        else
            out.children.push_back(std::move(*side));
    }
    return out;
}

struct Context {
    std::optional<FieldInfo> field;  ///< from an enclosing "name:(...)"
    bool excluded = false;           ///< under '-' or NOT: no spelling suggestions
};

class Parser {
  public:
    Parser(std::vector<Token> tokens, ParsedQuery& out) : m_tokens(std::move(tokens)), m_out(out) {}

    std::optional<QueryNode> parse() {
        auto root = parse_or({});
        if (m_at < m_tokens.size()) fail_at(m_tokens[m_at], "unexpected");
        return root;
    }

  private:
    [[noreturn]] static void fail(std::string reason) { throw ParseFailure{{std::move(reason)}}; }
    [[noreturn]] static void fail_at(const Token& t, std::string_view what) {
        fail(std::string(what) + " '" + t.typed + "' at position " + std::to_string(t.position));
    }

    const Token* peek() const { return m_at < m_tokens.size() ? &m_tokens[m_at] : nullptr; }
    bool at_operator(std::initializer_list<Op> ops) const {
        const Token* t = peek();
        if (!t || t->kind != TokenKind::kOperator) return false;
        return std::find(ops.begin(), ops.end(), t->op) != ops.end();
    }
    bool at_operand() const {
        const Token* t = peek();
        return t && (t->kind == TokenKind::kLeaf || t->kind == TokenKind::kOpen);
    }
    void need_operand(const Token& op) const {
        // "a OR NOT b": NOT may start the other side of OR and XOR.
        const bool not_allowed = op.op == Op::kOr || op.op == Op::kXor;
        if (!at_operand() && !(not_allowed && at_operator({Op::kNot})))
            fail("'" + op.typed + "' at position " + std::to_string(op.position) +
                 " needs a word, phrase or bracket after it");
    }

    std::optional<QueryNode> parse_or(const Context& ctx) {
        auto left = parse_xor(ctx);
        while (at_operator({Op::kOr})) {
            const Token& op = m_tokens[m_at++];
            need_operand(op);
            left = join(NodeKind::kOr, std::move(left), parse_xor(ctx));
        }
        return left;
    }

    std::optional<QueryNode> parse_xor(const Context& ctx) {
        auto left = parse_and(ctx);
        while (at_operator({Op::kXor})) {
            const Token& op = m_tokens[m_at++];
            need_operand(op);
            left = join(NodeKind::kXor, std::move(left), parse_and(ctx));
        }
        return left;
    }

    // a AND b, a NOT b, a AND NOT b; a leading NOT excludes from every item.
    std::optional<QueryNode> parse_and(const Context& ctx) {
        std::optional<QueryNode> left;
        if (at_operator({Op::kNot}))
            left = make(NodeKind::kAll, {});
        else if (at_operator({Op::kAnd, Op::kOr, Op::kXor, Op::kNear, Op::kAdjacent}))
            fail("'" + peek()->typed + "' at position " + std::to_string(peek()->position) +
                 " needs a word, phrase or bracket before it");
        else
            left = parse_sequence(ctx);
        while (at_operator({Op::kAnd, Op::kNot})) {
            const Token& op = m_tokens[m_at++];
            bool negate = op.op == Op::kNot;
            if (!negate && at_operator({Op::kNot})) {
                negate = true;
                ++m_at;
            }
            need_operand(op);
            Context inner = ctx;
            inner.excluded = ctx.excluded || negate;
            auto right = parse_sequence(inner);
            if (!negate) {
                left = join(NodeKind::kAnd, std::move(left), std::move(right));
            } else if (right) {
                if (!left) left = make(NodeKind::kAll, {});
                left = make(NodeKind::kAndNot, {std::move(*left), std::move(*right)});
            }
        }
        return left;
    }

    // Words side by side: all required (the default AND, and +word), -word excluded. Filter
    // values of one field side by side are alternatives (år:2019 år:2021), as in Xapian.
    std::optional<QueryNode> parse_sequence(const Context& ctx) {
        std::vector<QueryNode> required;
        std::vector<QueryNode> excluded;
        std::map<std::string, std::size_t> filter_at;  // field -> index in required
        while (at_operand()) {
            const char sign = peek()->sign;
            Context inner = ctx;
            inner.excluded = ctx.excluded || sign == '-';
            auto unit = parse_near(inner);
            if (!unit) continue;
            if (sign == '-') {
                excluded.push_back(std::move(*unit));
                continue;
            }
            if (unit->kind == NodeKind::kFilter && sign == 0) {
                auto [it, fresh] = filter_at.emplace(unit->field, required.size());
                if (!fresh) {
                    auto joined =
                        join(NodeKind::kOr, std::move(required[it->second]), std::move(*unit));
                    required[it->second] = std::move(*joined);
                    continue;
                }
            }
            required.push_back(std::move(*unit));
        }
        std::optional<QueryNode> out;
        if (required.size() == 1)
            out = std::move(required.front());
        else if (!required.empty())
            out = make(NodeKind::kAnd, std::move(required));
        if (excluded.empty()) return out;
        if (!out) out = make(NodeKind::kAll, {});
        QueryNode node = make(NodeKind::kAndNot, {std::move(*out)});
        for (auto& e : excluded) node.children.push_back(std::move(e));
        return node;
    }

    std::optional<QueryNode> parse_near(const Context& ctx) {
        auto left = parse_primary(ctx);
        while (at_operator({Op::kNear, Op::kAdjacent})) {
            const Token& op = m_tokens[m_at++];
            need_operand(op);
            auto right = parse_primary(ctx);
            const NodeKind kind = op.op == Op::kNear ? NodeKind::kNear : NodeKind::kAdjacent;
            for (const auto* side : {&left, &right})
                if (*side && (*side)->kind != NodeKind::kWord &&
                    (*side)->kind != NodeKind::kWildcard && (*side)->kind != kind)
                    fail("'" + op.typed + "' at position " + std::to_string(op.position) +
                         " joins single words, not phrases, filters or brackets");
            if (!left || !right) {
                if (!left) left = std::move(right);
                continue;
            }
            const bool chained = left->kind == kind;
            if (!chained) left = make(kind, {std::move(*left)});
            left->children.push_back(std::move(*right));
            // Xapian's window: the words themselves plus the gap allowed between them.
            left->window = static_cast<unsigned>(left->children.size()) - 1 + std::max(op.gap, 1u);
        }
        return left;
    }

    std::optional<QueryNode> parse_primary(const Context& ctx) {
        const Token& t = m_tokens[m_at++];
        if (t.kind == TokenKind::kOpen) {
            Context inner = ctx;
            if (t.field) inner.field = t.field;
            if (peek() && peek()->kind == TokenKind::kClose)
                fail("empty brackets at position " + std::to_string(t.position));
            auto inside = parse_or(inner);
            if (!peek() || peek()->kind != TokenKind::kClose)
                fail(peek() ? "unexpected '" + peek()->typed + "' at position " +
                                  std::to_string(peek()->position)
                            : std::string("unbalanced '(': missing ')'"));
            ++m_at;
            return inside;
        }
        QueryNode leaf;
        const std::optional<FieldInfo> field = t.field ? t.field : ctx.field;
        if (field) {
            leaf.field = std::string(field->name);
            leaf.field_kind = field->kind;
        }
        leaf.text = t.value;
        if (leaf.field_kind != FieldKind::kText) {
            leaf.kind = NodeKind::kFilter;
            if (t.wildcard) leaf.text += '*';  // the value's own check explains the error
            return leaf;
        }
        if (t.wildcard) {
            leaf.kind = NodeKind::kWildcard;
            return leaf;
        }
        if (t.quoted) {
            leaf.kind = NodeKind::kPhrase;
            leaf.text = without_stop_words(t.value);
            const auto words = split_words(leaf.text);
            if (words.empty()) return std::nullopt;
            // Words of a phrase are suggestions too: a misspelt phrase is still a typo.
            if (!ctx.excluded)
                for (auto w : words) m_out.words.emplace_back(w);
            if (words.size() == 1) leaf.kind = NodeKind::kWord;
            return leaf;
        }
        leaf.kind = NodeKind::kWord;
        if (is_stop_word(leaf.text)) return std::nullopt;
        if (!ctx.excluded) m_out.words.push_back(leaf.text);
        return leaf;
    }

    std::vector<Token> m_tokens;
    std::size_t m_at = 0;
    ParsedQuery& m_out;
};

}  // namespace

std::expected<ParsedQuery, QueryError> parse_query_text(std::string_view text) {
    if (text.size() > kMaxQueryBytes)
        return std::unexpected(QueryError{"query too long (" + std::to_string(text.size()) +
                                          " bytes; at most " + std::to_string(kMaxQueryBytes) +
                                          ")"});
    auto tokens = lex(text);
    if (!tokens) return std::unexpected(tokens.error());
    ParsedQuery out;
    try {
        Parser parser(*std::move(tokens), out);
        out.root = parser.parse();
    } catch (const ParseFailure& f) {
        return std::unexpected(f.error);
    }
    return out;
}

std::string describe(const QueryNode& node) {
    auto field = [&] { return node.field.empty() ? std::string() : node.field + ":"; };
    switch (node.kind) {
        case NodeKind::kWord:
            return field() + node.text;
        case NodeKind::kPhrase:
            return field() + "\"" + node.text + "\"";
        case NodeKind::kWildcard:
            return field() + node.text + "*";
        case NodeKind::kFilter:
            return field() + node.text;
        case NodeKind::kAll:
            return "ALL";
        default:
            break;
    }
    std::string out = "(";
    switch (node.kind) {
        case NodeKind::kAnd:
            out += "and";
            break;
        case NodeKind::kOr:
            out += "or";
            break;
        case NodeKind::kXor:
            out += "xor";
            break;
        case NodeKind::kAndNot:
            out += "not";
            break;
        case NodeKind::kNear:
            out += "near/" + std::to_string(node.window);
            break;
        default:
            out += "adj/" + std::to_string(node.window);
            break;
    }
    for (const auto& c : node.children) out += " " + describe(c);
    return out + ")";
}

}  // namespace referat::query
