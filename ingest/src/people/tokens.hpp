#pragma once
// Tokeniser for name finding: words, initials, numbers, punctuation and line breaks with byte
// offsets, so a name is a run of capitalised words joined by plain spaces on one line.

#include <cstddef>
#include <string_view>
#include <vector>

namespace referat::ingest::people {

/// What a token is.
enum class TokenKind { kWord, kInitial, kNumber, kPunct, kNewline, kOpaque };

/// One token: byte range in the text and the spacing before it.
struct Token {
    TokenKind kind = TokenKind::kPunct;
    std::size_t begin = 0;
    std::size_t end = 0;
    bool space_before = false;  ///< separated from the previous token by spaces or tabs
    char32_t punct = 0;         ///< the character for kPunct
};

/// Split text into tokens. E-mail addresses and URLs become one kOpaque token each.
[[nodiscard]] std::vector<Token> tokenize(std::string_view text);

/// A capitalised word that can be part of a name: "Hansen", "Aarup-Kristensen", "Mai-Britt";
/// not all capitals, not two words glued together ("HansenPeter").
[[nodiscard]] bool is_name_shaped(std::string_view word);

}  // namespace referat::ingest::people

namespace referat::ingest::people {

/// Levenshtein distance over bytes (enough to spot one-letter typos).
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace referat::ingest::people
