#pragma once
// Layout knowledge as data: one profile per publisher family (header fields, item header
// forms, meeting anchors, markers that identify the family) and the shared heading tables.

#include <span>
#include <string_view>
#include <vector>

#include "text/lines.hpp"

namespace referat::ingest::text {

/// Meeting header fields a label can fill.
enum class Field { kTitle, kCommittee, kDate, kStart, kEnd, kLocation, kPublished, kTime };

/// A header label: "LABEL" alone with the value on the next line, or "Label: value".
struct HeaderField {
    std::string_view label;  ///< RE2 pattern for the label, matched case-insensitively
    Field field;
};

/// How agenda items are introduced ("1. Title", "Punkt 1." + title line, ...).
struct ItemStyle {
    std::string_view name;   ///< rule name reported in Meeting::rules
    std::string_view regex;  ///< group 1: number, group 2 (optional): title on the same line
};

/// One layout family.
struct Profile {
    std::string_view name;                      ///< "portal", "word2011", "firstagenda", "generic"
    std::span<const std::string_view> markers;  ///< line patterns typical of the family
    std::span<const HeaderField> fields;        ///< header labels and what they fill
    std::string_view anchor;                    ///< pattern of a meeting's first header line
    bool title_before_anchor = false;           ///< the meeting starts one line above the anchor
    bool decision_tab_label = false;            ///< "Beslutning" right after the header is a tab
    std::span<const std::string_view> item_styles;  ///< ItemStyle names used; empty: all
};

/// All profiles; the last one is the generic fallback.
[[nodiscard]] std::span<const Profile> profiles();
/// The generic fallback profile.
[[nodiscard]] const Profile& generic_profile();
/// All item header styles, most specific first.
[[nodiscard]] std::span<const ItemStyle> item_styles();

/// The best profile for these lines and how sure the choice is (0..1).
struct LayoutGuess {
    const Profile* profile = nullptr;
    double confidence = 0.0;
};
/// Score every profile's markers on the lines and pick the best; generic when none fits.
[[nodiscard]] LayoutGuess detect_layout(std::span<const Line> lines);

/// A section heading recognised on one line.
struct HeadingMatch {
    std::string_view heading;      ///< as written (trimmed)
    std::string_view kind;         ///< canonical kind: "beslutning", "bilag", ...
    std::string_view inline_text;  ///< text after "Beslutning:" on the same line
    std::string_view body;         ///< deciding body named by the heading ("Økonomiudvalget")
    bool decision = false;         ///< kind == "beslutning"
};
/// The heading on this trimmed line, if it is one.
[[nodiscard]] bool match_heading(std::string_view trimmed, HeadingMatch& out);

/// "Bilag: name" / "- Bilag 2: name" lines inside a body.
[[nodiscard]] bool is_inline_attachment(std::string_view trimmed);
/// Bullet, dash, numbered or indented list lines.
[[nodiscard]] bool is_list_item(std::string_view raw);
/// Table-of-contents headings ("PUNKTER", "Indhold", "Dagsorden", "Saksliste").
[[nodiscard]] bool is_toc_heading(std::string_view trimmed);
/// A table-of-contents entry with dot leaders or a trailing page number after a tab.
[[nodiscard]] bool is_toc_entry(std::string_view trimmed);

/// Attendance list kinds.
enum class Attendance { kNone, kPresent, kAbsent, kExternal };
/// The attendance label at the start of a trimmed line; rest receives the text after it.
[[nodiscard]] Attendance match_attendance_label(std::string_view trimmed, std::string_view& rest);

}  // namespace referat::ingest::text
