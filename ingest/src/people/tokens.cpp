#include "people/tokens.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "referat/ingest/utf8.hpp"

namespace referat::ingest::people {

namespace {

bool is_space(char32_t c) {
    return c == ' ' || c == '\t' || c == '\r' || c == 0xA0 || c == 0x2009 || c == 0x202F ||
           c == 0x200B || c == 0xFEFF;
}

bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }

bool is_joiner(char32_t c) { return c == '-' || c == '\'' || c == 0x2019; }

// Abbreviated first or middle names written with a period ("Chr.", "Th.").
constexpr std::array<std::string_view, 8> kAbbreviations = {"Chr", "Th", "Fr",  "Joh",
                                                            "Jac", "Wm", "Chr", "Kr"};

bool is_abbreviation(std::string_view word) {
    for (auto a : kAbbreviations) {
        if (a == word) return true;
    }
    return false;
}

// A whitespace-delimited chunk holding '@', "://" or "www." is an address, not words.
// Returns the chunk's end and whether it is an address.
std::pair<std::size_t, bool> scan_chunk(std::string_view text, std::size_t pos) {
    std::size_t end = pos;
    bool opaque = false;
    for (; end < text.size(); ++end) {
        const char c = text[end];
        if (c == ' ' || c == '\n' || c == '\t') break;
        if (c == '@' || (c == ':' && text.substr(end).starts_with("://"))) opaque = true;
    }
    return {end, opaque || text.substr(pos, end - pos).starts_with("www.")};
}

}  // namespace

bool is_name_shaped(std::string_view word) {
    std::size_t pos = 0;
    std::size_t part_start = 0;
    bool first_part = true;
    bool at_part_start = true;
    bool prev_lower = false;
    bool any_lower = false;
    while (pos < word.size()) {
        const std::size_t here = pos;
        const char32_t c = utf8::next(word, pos);
        if (is_joiner(c)) {
            at_part_start = true;
            first_part = false;
            prev_lower = false;
            part_start = pos;
            continue;
        }
        if (!utf8::is_letter(c)) return false;
        if (at_part_start) {
            if (first_part && !utf8::is_upper(c)) return false;
            at_part_start = false;
        } else if (utf8::is_upper(c) && prev_lower) {
            // "McDonald" is a name; "HansenPeter" is two names glued by a lost separator.
            if (word.substr(part_start, here - part_start) != "Mc") return false;
        }
        prev_lower = utf8::is_lower(c);
        any_lower = any_lower || prev_lower;
    }
    return any_lower;
}

std::vector<Token> tokenize(std::string_view text) {
    std::vector<Token> tokens;
    tokens.reserve(text.size() / 5 + 4);  // about one token per five bytes of Danish prose
    std::size_t pos = 0;
    std::size_t chunk_end = 0;
    bool space = false;
    while (pos < text.size()) {
        const std::size_t start = pos;
        // Each chunk is checked once, at its first byte, so long chunks stay linear.
        if (pos >= chunk_end) {
            const auto [end, opaque] = scan_chunk(text, pos);
            chunk_end = end == pos ? pos + 1 : end;
            if (opaque) {
                tokens.push_back(Token{TokenKind::kOpaque, start, end, space, 0});
                pos = end;
                space = false;
                continue;
            }
        }
        std::size_t next = pos;
        const char32_t c = utf8::next(text, next);
        if (c == '\n') {
            tokens.push_back(Token{TokenKind::kNewline, start, next, space, 0});
            pos = next;
            space = false;
            continue;
        }
        if (is_space(c)) {
            space = true;
            pos = next;
            continue;
        }
        if (utf8::is_letter(c)) {
            std::size_t end = next;
            while (end < text.size()) {
                std::size_t after = end;
                const char32_t d = utf8::next(text, after);
                if (utf8::is_letter(d)) {
                    end = after;
                    continue;
                }
                if (is_joiner(d) && after < text.size()) {
                    std::size_t after2 = after;
                    if (utf8::is_letter(utf8::next(text, after2))) {
                        end = after;
                        continue;
                    }
                }
                break;
            }
            const std::string_view word = text.substr(start, end - start);
            TokenKind kind = TokenKind::kWord;
            if (end < text.size() && text[end] == '.') {
                // "B." and "K.K." are initials; "Chr." an abbreviated name.
                if ((utf8::length(word) == 1 && utf8::is_upper(c)) || is_abbreviation(word)) {
                    kind = TokenKind::kInitial;
                    end += 1;
                    // Run on through "K.K." and "H.C.".
                    while (end + 1 < text.size()) {
                        std::size_t p = end;
                        const char32_t d = utf8::next(text, p);
                        if (utf8::is_upper(d) && p < text.size() && text[p] == '.') {
                            end = p + 1;
                        } else {
                            break;
                        }
                    }
                }
            }
            tokens.push_back(Token{kind, start, end, space, 0});
            pos = end;
            space = false;
            continue;
        }
        if (is_digit(c)) {
            std::size_t end = next;
            while (end < text.size() &&
                   (is_digit(static_cast<unsigned char>(text[end])) ||
                    ((text[end] == '.' || text[end] == ',') && end + 1 < text.size() &&
                     is_digit(static_cast<unsigned char>(text[end + 1]))))) {
                ++end;
            }
            tokens.push_back(Token{TokenKind::kNumber, start, end, space, 0});
            pos = end;
            space = false;
            continue;
        }
        tokens.push_back(Token{TokenKind::kPunct, start, next, space, c});
        pos = next;
        space = false;
    }
    return tokens;
}

}  // namespace referat::ingest::people

namespace referat::ingest::people {

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diag = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            const std::size_t replace = diag + (a[i - 1] == b[j - 1] ? 0 : 1);
            row[j] = std::min(std::min(row[j] + 1, row[j - 1] + 1), replace);
            diag = up;
        }
    }
    return row[b.size()];
}

}  // namespace referat::ingest::people
