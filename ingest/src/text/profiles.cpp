#include "text/profiles.hpp"

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include <re2/re2.h>

#include "text/pattern_set.hpp"

namespace referat::ingest::text {

namespace {

// ---- Portal: web publication with label lines and the value on the next line. ----
constexpr std::string_view kPortalMarkers[] = {R"(^Udgivet\s+\d{1,2}\.\d{1,2}\.\d{4}$)",
                                               "^UDVALG$",
                                               "^MØDE$",
                                               "^STED$",
                                               "^STARTTIDSPUNKT$",
                                               "^SLUTTIDSPUNKT$",
                                               "^PUNKTER$"};
constexpr HeaderField kPortalFields[] = {
    {"UDVALG", Field::kCommittee},  {"MØDE", Field::kTitle},
    {"STED", Field::kLocation},     {"STARTTIDSPUNKT", Field::kStart},
    {"SLUTTIDSPUNKT", Field::kEnd}, {"Udgivet", Field::kPublished}};

// ---- Word 2011: letter-style referat with Dato / Deltagere / Afbud lines. ----
constexpr std::string_view kWordMarkers[] = {
    R"(^Dato:\s*\d)",     "^Kontaktperson:", "^Deltagere:", "^Afbud:", "^Referat (?:fra|af) mødet",
    "^Sagsfremstilling$", "^E-mail:"};
constexpr HeaderField kWordFields[] = {{"Dato", Field::kPublished},
                                       {"Tidspunkt", Field::kTime},
                                       {"Mødested", Field::kLocation},
                                       {"Sted", Field::kLocation}};

// ---- FirstAgenda: export with Mødedeltagere, an Indhold table and "Punkt N." items. ----
constexpr std::string_view kFirstAgendaMarkers[] = {
    R"(^Mødedeltagere\s*:)", "^Indhold$", R"(^Punkt \d+\.$)", R"(^Punkt \d+:.*\.{3,})",
    R"(^\d{1,2}-\d{1,2}-\d{4} \d{1,2}:\d{2} - \d{1,2}:\d{2}$)",
    R"(^.+\(.+\d{2}-\d{2}-\d{4} \d{2}:\d{2}(?::\d{2})?\)$)", "^Beslutning:$",
    // The same publisher's PDF and web renderings (Aarhus): "Punkt N: title", case numbers.
    R"(^Punkt \d+: \S)", "^Beslutninger$", "^Indholdsfortegnelse$", R"(^Mødedato\b)",
    R"(^EMN-\d{4}-\d+$)", "^Punkt\tTitel$"};
constexpr HeaderField kFirstAgendaFields[] = {{"Mødedato", Field::kDate},
                                              {"Mødested", Field::kLocation},
                                              {"Udvalg", Field::kCommittee},
                                              {"Tidspunkt", Field::kTime}};

// ---- Generic: any publisher; common Danish header labels. ----
constexpr HeaderField kGenericFields[] = {
    {"Udvalg", Field::kCommittee},    {"Utvalg", Field::kCommittee},
    {"Mødedato", Field::kDate},       {"Møtested", Field::kLocation},
    {"Møtedato", Field::kDate},       {"Sammanträdesdatum", Field::kDate},
    {"Dato", Field::kDate},           {"Mødetidspunkt", Field::kTime},
    {"Tidspunkt", Field::kTime},      {"Starttidspunkt", Field::kStart},
    {"Sluttidspunkt", Field::kEnd},   {"Mødested", Field::kLocation},
    {"Mødelokale", Field::kLocation}, {"Lokale", Field::kLocation},
    {"Sted", Field::kLocation},       {"Udgivet", Field::kPublished}};

// Item header forms per family ("1. Title"; "Punkt 1." + title line, "Punkt 1: Title" and the
// web page's bare number + title line).
constexpr std::string_view kNumberedItems[] = {"item:numbered"};
constexpr std::string_view kFirstAgendaItems[] = {"item:punkt", "item:punkt-title",
                                                  "item:bare-number"};

constexpr Profile kProfiles[] = {
    {"portal", kPortalMarkers, kPortalFields, R"(^Udgivet\s+\d{1,2}\.\d{1,2}\.\d{4}$)", true, true,
     kNumberedItems},
    {"word2011", kWordMarkers, kWordFields, R"(^Dato:\s*\d{1,2}\.\d{1,2}\.\d{4}$)", false, false,
     kNumberedItems},
    {"firstagenda", kFirstAgendaMarkers, kFirstAgendaFields,
     R"(^.+\(.*\d{1,2}-\d{1,2}-\d{4}\s+\d{1,2}:\d{2}(?::\d{2})?\)$)", false, false,
     kFirstAgendaItems},
    {"generic", {}, kGenericFields, R"(^(?i:REFERAT|Mødereferat)$)", false, false, {}},
};

constexpr ItemStyle kItemStyles[] = {
    {"item:punkt-title", R"(^(?i:punkt)\s+(\d{1,4})\s*(?:[:.\-–]\s*|\s+)(\S.*)$)"},
    {"item:punkt", R"(^(?i:punkt)\s+(\d{1,4})\s*[.:]?\s*()$)"},
    {"item:pkt", R"(^(?i:pkt)\.?\s*(\d{1,4})\.?\s+(\S.*)$)"},
    {"item:pkt-alone", R"(^(?i:pkt)\.?\s*(\d{1,4})\.?()$)"},
    {"item:open-mark", R"(^(\d{1,4})\.?\s*\((?i:åben|åbent|åbent punkt|åben punkt|lukket|lukket punkt)\)\s*(.*)$)"},
    {"item:ps", R"(^(?:PS|RS|DS|OS)\s*(\d{1,4})/\d{2,4}\s*[.:\-–]?\s*(.*)$)"},
    {"item:sag-nr", R"(^(?i:sag)\s+nr\.?\s*(\d{1,4})\s*[.:\-–]?\s*(.*)$)"},
    {"item:nr", R"(^(?i:nr)\.\s*(\d{1,4})\s*[.:\-–]?\s*(.*)$)"},
    {"item:sak", R"(^(?i:sak|sag|ärende)\s+(\d{1,4})(?:/\d{2,4})?\s*[.:\-–]?\s*(.*)$)"},
    {"item:oqaluuserisassaq", R"(^(?i:oqaluuserisassaq|oqaluuserisassap normua)\.?\s*(\d{1,4})\s*[.:\-–]?\s*(.*)$)"},
    {"item:paragraf", R"(^(?:§|(?i:paragraf))\s*(\d{1,4})\s*[.:\-–]?\s*(.*)$)"},
    // A scanned table row whose "6." the text layer reads as "6,": only with the column bar.
    {"item:table-row", R"(^(\d{1,3})[.,]?[ \t]*\|[ \t]*(\p{Lu}.*)$)"},
    {"item:numbered", R"(^(\d{1,4})\.[ \t]+(\S.*)$)"},
    {"item:number-dot", R"(^(\d{1,4})\.()$)"},
    {"item:paren", R"(^(\d{1,4})\)[ \t]+(\S.*)$)"},
    {"item:glued", R"(^(\d{1,4})(\p{Lu}\p{Ll}.*)$)"},
    {"item:number-space", R"(^(\d{1,3})[ \t]+(\p{Lu}\S*\p{Ll}.*)$)"},
    {"item:number-year", R"(^(\d{1,4})/(?:\d{2}|\d{4})[ \t]+(\p{Lu}\S*\p{Ll}.*)$)"},
    {"item:bare-number", R"(^(\d{1,4})()$)"},
};

// Section headings shared by all layouts: the whole line is the heading (optional colon).
struct HeadingRule {
    std::string_view regex;
    std::string_view kind;
};
constexpr HeadingRule kHeadings[] = {
    {"Beslutning(?:er)?", "beslutning"},
    {"Indstilling(?:er)?|(?:Administrationens|Forvaltningens|Direktionens|Direktørens) "
     "indstilling|Forslag til beslutning",
     "indstilling"},
    {"Beslutningspunkter", "indstilling"},
    {"Baggrund", "baggrund"},
    {"Resum[eé]|Sagens kerne|Beslutningstema|Sammendrag", "resume"},
    {"(?:Supplerende )?[Ss]agsfremstilling|Sagens indhold|Sagsbeskrivelse", "sagsfremstilling"},
    {"Problemstilling", "problemstilling"},
    {"Løsning", "løsning"},
    {"Retligt grundlag|Lovgrundlag|Lovgivning", "lovgrundlag"},
    {"Økonomi|Økonomiske konsekvenser|Økonomi og finansiering", "økonomi"},
    {"Handlemuligheder", "handlemuligheder"},
    {"Konsekvenser", "konsekvenser"},
    {"Risikovurdering", "risikovurdering"},
    {"(?:Beslutnings)?[Kk]ompetence|Beslutningen træffes af", "kompetence"},
    {"Sagsforløb", "sagsforløb"},
    {"Høring", "høring"},
    {"Begrundelse", "begrundelse"},
    {"Redegørelse", "redegørelse"},
    {"Tidligere beslutninger|Tidligere behandling(?:er)?|Tidligere politisk behandling",
     "tidligere beslutninger"},
    {"Orientering", "orientering"},
    {"Bilag", "bilag"},
    // The signature page after the last item (Acadre): its names are no attachments.
    {"Underskriftsside|Underskrifter", "underskrifter"},
};

std::vector<std::string> heading_patterns() {
    std::vector<std::string> out;
    for (const auto& h : kHeadings) out.push_back("^(?i)(?:" + std::string(h.regex) + ")\\s*:?$");
    return out;
}

struct CompiledHeadings {
    PatternSet rules{heading_patterns(), RE2::ANCHOR_BOTH};
    RE2 decision_inline{R"(^(?i)(Beslutning(?:er)?)\s*:\s*(\S.*)$)"};
    RE2 decision_in{
        R"(^(?i:Beslutning(?:er)?|Behandling)\s+i\s+([^:]+?)(?:\s+den\s+[^:]*|,\s*(?i:pkt|punkt)[^:]*)?\s*:?$)"};
    RE2 decision_genitive{R"(^(\p{Lu}.*?)s\s+beslutning(?:\s+den\s+.*)?$)"};
};

const CompiledHeadings& headings() {
    static const CompiledHeadings kCompiled;
    return kCompiled;
}

}  // namespace

std::span<const Profile> profiles() { return kProfiles; }
const Profile& generic_profile() { return kProfiles[std::size(kProfiles) - 1]; }
std::span<const ItemStyle> item_styles() { return kItemStyles; }

LayoutGuess detect_layout(std::span<const Line> lines) {
    // Three typical lines make a family resemblance; five make it certain.
    constexpr std::size_t kMarkersForFamily = 3;
    constexpr double kMarkersForCertainty = 5.0;
    // Every profile's markers in one set; owner[k] is the profile of pattern k.
    struct Markers {
        std::vector<std::size_t> owner;
        std::unique_ptr<PatternSet> set;
    };
    static const Markers kMarkers = [] {
        Markers m;
        std::vector<std::string> patterns;
        for (std::size_t p = 0; p < std::size(kProfiles); ++p) {
            for (auto r : kProfiles[p].markers) {
                patterns.emplace_back(r);
                m.owner.push_back(p);
            }
        }
        m.set = std::make_unique<PatternSet>(patterns, RE2::UNANCHORED);
        return m;
    }();
    std::vector<bool> seen(kMarkers.owner.size(), false);
    std::vector<int> found;
    for (const Line& line : lines) {
        if (line.blank) continue;
        kMarkers.set->matches(line.trimmed, found);
        for (int k : found) seen[static_cast<std::size_t>(k)] = true;
    }
    LayoutGuess best{&generic_profile(), 0.0};
    for (std::size_t p = 0; p + 1 < std::size(kProfiles); ++p) {
        std::size_t hits = 0;
        for (std::size_t k = 0; k < kMarkers.owner.size(); ++k)
            if (kMarkers.owner[k] == p && seen[k]) ++hits;
        // A family is recognised by a number of its typical lines, not by a share of the list
        // (one publisher renders the same minutes as export, PDF and web page).
        double score = std::min(1.0, static_cast<double>(hits) / kMarkersForCertainty);
        if (hits >= kMarkersForFamily && score > best.confidence) best = {&kProfiles[p], score};
    }
    if (best.confidence == 0.0) return {&generic_profile(), 0.5};
    return best;
}

bool match_heading(std::string_view trimmed, HeadingMatch& out) {
    if (trimmed.empty() || trimmed.size() > 160) return false;
    const auto& h = headings();
    if (const int i = h.rules.first_match(trimmed); i >= 0) {
        const auto& rule = kHeadings[static_cast<std::size_t>(i)];
        out = HeadingMatch{trimmed, rule.kind, {}, {}, rule.kind == "beslutning"};
        return true;
    }
    re2::StringPiece a, b;
    if (RE2::FullMatch(trimmed, h.decision_inline, &a, &b)) {
        out = HeadingMatch{trimmed.substr(0, trimmed.find(':') + 1), "beslutning", b, {}, true};
        return true;
    }
    if (RE2::FullMatch(trimmed, h.decision_in, &a)) {
        out = HeadingMatch{trimmed, "beslutning", {}, a, true};
        return true;
    }
    if (trimmed.size() < 120 && RE2::FullMatch(trimmed, h.decision_genitive, &a)) {
        out = HeadingMatch{trimmed, "beslutning", {}, a, true};
        return true;
    }
    return false;
}

bool is_inline_attachment(std::string_view trimmed) {
    static const RE2 kRe(R"(^(?:[-•*–]\s*)?Bilag(?:\s+\d+\s*[A-Za-z]?)?\s*:\s*\S)");
    return RE2::PartialMatch(trimmed, kRe);
}

bool is_list_item(std::string_view raw) {
    static const RE2 kRe(R"(^(?:\s+\S|[-•*–·▪]\s|\d{1,3}[.)]\s|[a-z][.)]\s))");
    return RE2::PartialMatch(raw, kRe);
}

bool is_toc_heading(std::string_view trimmed) {
    // The heading alone, with a colon, or with the page column's title after a tab.
    static const RE2 kRe(
        R"(^(?i:PUNKTER|Indhold|Indholdsfortegnelse|Innholdsfortegnelse|Innhold|Innehållsförteckning|Innehåll|Dagsorden|Dagsordenpunkter|Saksliste|Sakliste|Ärendelista|Ärenden|Föredragningslista|Dagordning|Agenda|Oversigt|Oversigt over punkter|Behandlede saker|Saker til behandling|Sakskart|Punkter på dagsordenen)\s*:?(?:\t+(?i:side|sida|page|s\.)\s*)?$)");
    // A table's column header row stands for the heading: "Pkt.<TAB>Tekst", "Sak nr. Tittel".
    static const RE2 kColumns(
        R"(^(?i:pkt|punkt|nr|sag\s+nr|sak\s+nr|saksnr|sagsnr|§)\.?[\t ]+(?i:tekst|titel|tittel|emne|innhold|indhold|sak|ärende|overskrift|sagens titel)\b[^:]*$)");
    return trimmed.size() < 80 && (RE2::FullMatch(trimmed, kRe) || RE2::FullMatch(trimmed, kColumns));
}

bool is_toc_entry(std::string_view trimmed) {
    // Every entry ends in its page number; most lines do not, and are answered without a scan.
    if (trimmed.empty() || trimmed.back() < '0' || trimmed.back() > '9') return false;
    static const RE2 kRe(R"((?:\.{4,}|…{2,})\s*\d+$|\t\d+$)");
    return RE2::PartialMatch(trimmed, kRe);
}

Attendance match_attendance_label(std::string_view trimmed, std::string_view& rest) {
    static const RE2 kPresent(
        R"(^(?i:Mødedeltagere|Deltagere|Tilstede|Til stede|Medlemmer|Deltog|Fremmødte|Beslutande|Møtende medlemmer)\s*(?::\s*(.*)|$))");
    static const RE2 kAbsent(
        R"(^(?i:Afbud/Fraværende|Afbud|Fraværende(?: med afbud| uden afbud| i mødet)?|Forfald|Forfall|Frånvarande)\s*(?::\s*(.*)|$))");
    static const RE2 kPresentInline(
        R"(^(?i:Medlemmer|Tilstede|Til stede|Deltagere)\s+(\p{Lu}[^:]*\(\p{Lu}{1,2}\).*)$)");
    static const RE2 kExternal(
        R"(^(?i:Eksterne deltagere|Ekstern deltager|Øvrige deltagere|Gæster)\s*(?::\s*(.*)|$))");
    rest = {};
    re2::StringPiece r;
    Attendance kind = Attendance::kNone;
    if (RE2::FullMatch(trimmed, kExternal, &r))
        kind = Attendance::kExternal;
    else if (RE2::FullMatch(trimmed, kAbsent, &r))
        kind = Attendance::kAbsent;
    else if (RE2::FullMatch(trimmed, kPresent, &r))
        kind = Attendance::kPresent;
    else if (RE2::FullMatch(trimmed, kPresentInline, &r))
        kind = Attendance::kPresent;
    rest = r;
    return kind;
}

}  // namespace referat::ingest::text
