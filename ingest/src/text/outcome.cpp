#include "referat/ingest/outcome.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <re2/re2.h>

#include "referat/ingest/utf8.hpp"
#include "text/lines.hpp"

namespace referat::ingest {

namespace {

/// One decision phrase: space-separated word patterns ("word" exact, "stem*" prefix).
/// The highest rank among the phrases found decides; rank 0 entries are known words that
/// carry no outcome (they only stop typo tolerance from reading them as a near neighbour).
struct Phrase {
    std::string_view pattern;
    Outcome outcome;
    int rank;
};

// Ranks, highest wins: a postponement overrides everything said about the item; an approval
// overrides the orientation or discussion that led to it; an explicit "blev besluttet"
// (this meeting decided) overrides noting and discussing; noting overrides discussing;
// any other non-empty decision text is "decided". A referral ("Fremsendes til Økonomiudvalget
// til behandling", "Oversendt til ...") is deliberately "decided": the meeting disposed of the
// item by sending it on, and the receiving body's own decision is recorded where it is treated.
// Resuming the case later ("Sagen genoptages på næste møde") is a postponement only when
// nothing else was done with it: "Punktet blev drøftet. Sagen genoptages ..." was discussed.
constexpr int kPostponed = 7;
constexpr int kApproved = 6;
constexpr int kDecidedExplicit = 5;
constexpr int kNoted = 4;
constexpr int kDiscussed = 3;
constexpr int kResumedLater = 2;
constexpr int kNeutral = 0;

// Forms matter: results ("godkendt", "godkendes", "anbefalet", "opbakning til") and the
// meeting's own present tense ("godkender", "bakker op om") approve; an infinitive or a report
// of what another body recommends ("at godkende", "anbefaler", "bakkede op") does not.
constexpr Phrase kPhrases[] = {
    {"flyttes til", Outcome::kPostponed, kPostponed},
    {"blev flyttet", Outcome::kPostponed, kPostponed},
    {"udsættes", Outcome::kPostponed, kPostponed},
    {"blev udsat", Outcome::kPostponed, kPostponed},
    {"punktet udsat", Outcome::kPostponed, kPostponed},
    {"udsat til", Outcome::kPostponed, kPostponed},
    {"genoptages", Outcome::kPostponed, kResumedLater},
    {"tages op igen", Outcome::kPostponed, kResumedLater},
    {"tages op på næste", Outcome::kPostponed, kResumedLater},
    {"afventer", Outcome::kPostponed, kPostponed},

    {"godkendt", Outcome::kApproved, kApproved},
    {"godkendte", Outcome::kApproved, kApproved},
    {"godkendes", Outcome::kApproved, kApproved},
    {"godkender", Outcome::kApproved, kApproved},
    {"vedtaget", Outcome::kApproved, kApproved},
    {"vedtages", Outcome::kApproved, kApproved},
    {"vedtog", Outcome::kApproved, kApproved},
    {"tiltrådt", Outcome::kApproved, kApproved},
    {"tiltrådte", Outcome::kApproved, kApproved},
    {"tiltrædes", Outcome::kApproved, kApproved},
    {"tiltræder", Outcome::kApproved, kApproved},
    {"anbefalet", Outcome::kApproved, kApproved},
    {"anbefales", Outcome::kApproved, kApproved},
    {"bevilget", Outcome::kApproved, kApproved},
    {"bevilges", Outcome::kApproved, kApproved},
    {"imødekommet", Outcome::kApproved, kApproved},
    {"imødekommes", Outcome::kApproved, kApproved},
    {"opbakning til", Outcome::kApproved, kApproved},
    {"bakker op om", Outcome::kApproved, kApproved},
    {"indstillingen følges", Outcome::kApproved, kApproved},
    {"indstilles til godkendelse", Outcome::kApproved, kApproved},
    {"indstillingen blev fulgt", Outcome::kApproved, kApproved},

    {"blev besluttet", Outcome::kDecided, kDecidedExplicit},
    {"besluttes", Outcome::kDecided, kDecidedExplicit},
    {"besluttede", Outcome::kDecided, kDecidedExplicit},
    {"beslutter", Outcome::kDecided, kDecidedExplicit},

    {"efterretning", Outcome::kNoted, kNoted},
    {"orienter*", Outcome::kNoted, kNoted},
    {"informeres", Outcome::kNoted, kNoted},
    {"informerede", Outcome::kNoted, kNoted},
    {"informerer", Outcome::kNoted, kNoted},
    {"ingen bemærkninger", Outcome::kNoted, kNoted},

    {"drøft*", Outcome::kDiscussed, kDiscussed},
    {"diskuter*", Outcome::kDiscussed, kDiscussed},
    {"debatter*", Outcome::kDiscussed, kDiscussed},

    {"godkende", Outcome::kNone, kNeutral},
    {"godkendelse*", Outcome::kNone, kNeutral},
    {"anbefaler", Outcome::kNone, kNeutral},
    {"anbefaling*", Outcome::kNone, kNeutral},
    {"bakkede", Outcome::kNone, kNeutral},
    {"besluttet", Outcome::kNone, kNeutral},
    {"beslutning*", Outcome::kNone, kNeutral},
    {"udsatte", Outcome::kNone, kNeutral},
    {"udsat", Outcome::kNone, kNeutral},
};

/// Typos are tolerated only in words at least this long (short words have too many neighbours).
constexpr std::size_t kFuzzyMinLength = 7;
/// Decisions are short; beyond this many words the rest is not read (keeps time bounded).
constexpr std::size_t kMaxTokens = 20000;

std::u32string to_u32(std::string_view s) {
    std::u32string out;
    for (std::size_t i = 0; i < s.size();) out += utf8::next(s, i);
    return out;
}

/// Whether the optimal string alignment distance (Damerau-Levenshtein with adjacent
/// transpositions) is at most one: equal, or one substitution, insertion, deletion or swap of
/// neighbours apart. Linear and allocation-free; it runs for every unknown word of a decision.
bool within_one_edit(std::u32string_view a, std::u32string_view b) {
    if (a.size() > b.size()) std::swap(a, b);
    if (b.size() - a.size() > 1) return false;
    std::size_t i = 0;
    while (i < a.size() && a[i] == b[i]) ++i;
    if (i == a.size()) return true;  // equal, or b has one more letter at the end
    if (a.size() == b.size()) {
        if (a.substr(i + 1) == b.substr(i + 1)) return true;  // substitution
        return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] &&
               a.substr(i + 2) == b.substr(i + 2);  // adjacent swap
    }
    return a.substr(i) == b.substr(i + 1);  // b has one more letter at i
}

struct Pattern {
    std::u32string text;
    bool stem = false;
};

struct CompiledPhrase {
    std::vector<Pattern> words;
    Outcome outcome;
    int rank;
};

const std::vector<CompiledPhrase>& compiled() {
    static const std::vector<CompiledPhrase> kCompiled = [] {
        std::vector<CompiledPhrase> out;
        for (const Phrase& p : kPhrases) {
            CompiledPhrase c{{}, p.outcome, p.rank};
            for (std::string_view w : text::words(p.pattern)) {
                bool stem = !w.empty() && w.back() == '*';
                if (stem) w.remove_suffix(1);
                c.words.push_back(Pattern{to_u32(w), stem});
            }
            out.push_back(std::move(c));
        }
        return out;
    }();
    return kCompiled;
}

bool exact(const Pattern& p, const std::u32string& w) {
    if (p.stem) return w.size() >= p.text.size() && w.compare(0, p.text.size(), p.text) == 0;
    return w == p.text;
}

bool near(const Pattern& p, const std::u32string& w) {
    if (p.text.size() < kFuzzyMinLength) return false;
    if (!p.stem) {
        if (w.size() + 1 < p.text.size() || w.size() > p.text.size() + 1) return false;
        return within_one_edit(p.text, w);
    }
    const std::u32string_view word(w);
    for (std::size_t len = p.text.size() - 1; len <= p.text.size() + 1; ++len)
        if (w.size() >= len && within_one_edit(p.text, word.substr(0, len))) return true;
    return false;
}

/// Lower-cased letter words of the text.
std::vector<std::u32string> tokens(std::string_view text) {
    std::u32string all = to_u32(utf8::lower(text));
    std::vector<std::u32string> out;
    std::u32string cur;
    for (char32_t c : all) {
        const bool letter = utf8::is_letter(c);
        if (letter) {
            cur += c;
        } else if (!cur.empty()) {
            out.push_back(std::move(cur));
            cur.clear();
        }
    }
    if (!cur.empty()) out.push_back(std::move(cur));
    if (out.size() > kMaxTokens) out.resize(kMaxTokens);
    return out;
}

}  // namespace

Outcome classify_outcome(std::string_view decision_text) {
    std::vector<std::u32string> toks = tokens(decision_text);
    if (toks.empty()) return Outcome::kNone;
    // "Udsat" is neutral inside sentences ("udsat for"), but alone it is the whole decision.
    if (toks.size() == 1 && toks[0] == U"udsat") return Outcome::kPostponed;
    // "Indstillingen blev ikke godkendt", "Forslaget blev forkastet": the first sentence refuses
    // what was proposed. That is a decision, never an approval (one member's "kunne ikke
    // tiltræde" in a later sentence does not count).
    static const RE2 kRefused(
        R"((?i)^[^.]*(?:ikke\s+(?:godkendt|godkendes|vedtaget|vedtages|tiltrådt|anbefalet|anbefales|imødekommet)|forkastet|forkastes|afvist|afvises|nedstemt))");
    if (RE2::PartialMatch(decision_text, kRefused)) return Outcome::kDecided;
    const auto& phrases = compiled();
    // A word written exactly as some table entry is read as that entry only; typo tolerance is
    // for words the table does not know.
    std::vector<bool> known(toks.size(), false);
    for (std::size_t i = 0; i < toks.size(); ++i)
        for (const auto& ph : phrases)
            for (const auto& w : ph.words)
                if (exact(w, toks[i])) known[i] = true;
    auto matches = [&](const Pattern& p, std::size_t i) {
        return exact(p, toks[i]) || (!known[i] && near(p, toks[i]));
    };
    int best_rank = 1;
    Outcome best = Outcome::kDecided;
    for (const auto& ph : phrases) {
        if (ph.rank <= best_rank || ph.words.size() > toks.size()) continue;
        for (std::size_t i = 0; i + ph.words.size() <= toks.size(); ++i) {
            bool ok = true;
            for (std::size_t k = 0; k < ph.words.size() && ok; ++k)
                ok = matches(ph.words[k], i + k);
            if (ok) {
                best_rank = ph.rank;
                best = ph.outcome;
                break;
            }
        }
    }
    return best;
}

}  // namespace referat::ingest
