// One person, many spellings: person_key() and the PersonIndex resolver.

#include <algorithm>

#include "people/lexicon.hpp"
#include "people/tokens.hpp"
#include "referat/ingest/people.hpp"
#include "referat/ingest/utf8.hpp"

namespace referat::ingest {

namespace {

using NameParts = PersonIndex::Parts;

NameParts split(std::string_view name) {
    std::vector<std::string> words;
    for (const auto& t : people::tokenize(name)) {
        if (t.kind != people::TokenKind::kWord && t.kind != people::TokenKind::kInitial) continue;
        std::string w = utf8::lower(name.substr(t.begin, t.end - t.begin));
        if (t.kind == people::TokenKind::kInitial) {
            // "K.K." is two initials.
            std::string letters;
            for (char c : w) {
                if (c != '.') letters += c;
            }
            if (letters.size() <= 2 && w.find('.') + 1 < w.size()) {
                for (char c : letters) words.emplace_back(1, c);
                continue;
            }
            w = letters;
        }
        words.push_back(std::move(w));
    }
    NameParts parts;
    if (words.empty()) return parts;
    parts.first = words.front();
    if (words.size() > 1) {
        parts.last = words.back();
        parts.middle.assign(words.begin() + 1, words.end() - 1);
    }
    return parts;
}

// "b" (an initial) matches "bak"; equal words match.
bool word_compatible(const std::string& a, const std::string& b) {
    if (a == b) return true;
    if (a.size() == 1) return b.starts_with(a);
    if (b.size() == 1) return a.starts_with(b);
    return false;
}

bool genitive_of(const std::string& a, const std::string& b) {
    return a.size() == b.size() + 1 && a.ends_with('s') && a.starts_with(b);
}

// Every word of `few` fits, in order, among the words of `many`.
bool subsequence(const std::vector<std::string>& few, const std::vector<std::string>& many) {
    std::size_t j = 0;
    for (const auto& w : few) {
        while (j < many.size() && !word_compatible(w, many[j])) ++j;
        if (j == many.size()) return false;
        ++j;
    }
    return true;
}

enum class Fit { kNone, kExact, kClose };

Fit fit(const NameParts& a, const NameParts& b) {
    if (a.first.empty() || b.first.empty() || a.first != b.first) return Fit::kNone;
    if (a.last.empty() || b.last.empty()) return Fit::kNone;
    const bool same_last =
        a.last == b.last || genitive_of(a.last, b.last) || genitive_of(b.last, a.last);
    if (same_last) {
        const auto& few = a.middle.size() <= b.middle.size() ? a.middle : b.middle;
        const auto& many = a.middle.size() <= b.middle.size() ? b.middle : a.middle;
        return subsequence(few, many) ? Fit::kExact : Fit::kNone;
    }
    // "Dorte Juhl" for "Dorte Juul Hansen": the short form's surname is a close spelling of one
    // of the long form's later names.
    const NameParts& shorter = a.middle.size() + 1 < b.middle.size() + 1 ? a : b;
    const NameParts& longer = &shorter == &a ? b : a;
    if (!shorter.middle.empty()) return Fit::kNone;
    std::vector<std::string> rest = longer.middle;
    rest.push_back(longer.last);
    for (const auto& w : rest) {
        if (w.size() >= 4 && shorter.last.size() >= 4 && w[0] == shorter.last[0] &&
            people::edit_distance(w, shorter.last) <= 1) {
            return Fit::kClose;
        }
    }
    return Fit::kNone;
}

}  // namespace

std::string person_key(std::string_view name) {
    NameParts parts = split(name);
    if (parts.last.empty()) return parts.first;
    // Genitive "Mariegaards": the stem when the list knows the surname without the -s only.
    const people::Lexicon& lex = people::lexicon();
    const auto words = people::tokenize(name);
    if (!words.empty() && parts.last.size() > 3 && parts.last.ends_with('s')) {
        const std::string_view last =
            name.substr(words.back().begin, words.back().end - words.back().begin);
        if (!lex.last_names.contains(last) &&
            lex.last_names.contains(last.substr(0, last.size() - 1))) {
            parts.last.pop_back();
        }
    }
    return parts.first + " " + parts.last;
}

std::string person_display(std::string_view key) {
    // Particles of Danish, Dutch, French and German names, lower-case inside a name.
    static constexpr std::string_view kParticles[] = {"af", "da", "de", "del", "den", "der", "di",
                                                      "du", "la", "le", "ten", "ter", "van", "von"};
    std::string out;
    out.reserve(key.size());
    std::size_t word_start = 0;
    bool capitalise = true;
    for (std::size_t i = 0; i < key.size();) {
        const std::size_t at = i;
        const char32_t c = utf8::next(key, i);
        if (c == U' ' || c == U'-') {
            out += key.substr(at, i - at);
            capitalise = true;
            if (c == U' ') word_start = i;
            continue;
        }
        if (capitalise && word_start > 0 && at == word_start) {
            std::size_t end = key.find(' ', at);
            if (end == std::string_view::npos) end = key.size();
            const std::string_view word = key.substr(at, end - at);
            // A particle before a further word stays as it is.
            if (end < key.size() && std::find(std::begin(kParticles), std::end(kParticles), word) !=
                                        std::end(kParticles)) {
                out += word;
                i = end;
                capitalise = false;
                continue;
            }
        }
        out +=
            capitalise ? utf8::upper(key.substr(at, i - at)) : std::string(key.substr(at, i - at));
        capitalise = false;
    }
    return out;
}

std::optional<std::string> PersonIndex::find(std::string_view name) const {
    const NameParts parts = split(name);
    std::vector<std::string> exact;
    std::vector<std::string> close;
    if (parts.first.empty() || parts.last.empty()) return std::nullopt;  // nothing can fit
    for (const Entry& e : m_entries) {
        if (e.parts.first != parts.first) continue;
        switch (fit(parts, e.parts)) {
            case Fit::kExact:
                if (std::find(exact.begin(), exact.end(), e.id) == exact.end())
                    exact.push_back(e.id);
                break;
            case Fit::kClose:
                if (std::find(close.begin(), close.end(), e.id) == close.end())
                    close.push_back(e.id);
                break;
            case Fit::kNone:
                break;
        }
    }
    // Merge only when exactly one known person fits; two candidates mean the context disagrees.
    if (exact.size() == 1) return exact.front();
    if (exact.empty() && close.size() == 1) return close.front();
    return std::nullopt;
}

std::string PersonIndex::add(std::string_view name) {
    if (auto known = m_by_form.find(std::string(name)); known != m_by_form.end())
        return m_entries[known->second].id;
    std::string id;
    if (auto existing = find(name)) {
        id = *existing;
    } else {
        id = std::string(name);
        m_ids.push_back(id);
    }
    m_by_form.emplace(std::string(name), m_entries.size());
    m_entries.push_back(Entry{id, std::string(name), split(name)});
    return id;
}

std::vector<std::string> PersonIndex::forms(std::string_view id) const {
    std::vector<std::string> out;
    for (const Entry& e : m_entries) {
        if (e.id == id) out.push_back(e.form);
    }
    return out;
}

}  // namespace referat::ingest
