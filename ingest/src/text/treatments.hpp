#pragma once
// Which treatment of a case a decision belongs to: this meeting's decision and outcome against
// the earlier treatments printed with the case (a Sagsforløb, decisions dated another day), and
// whether the document is minutes or an agenda.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <referat/ingest/model.hpp>

#include "text/lines.hpp"

namespace referat::ingest::text {

/// This meeting's decision departs from the item's recommendation (Indstilling): the item was
/// postponed, the recommendation rejected, or approved with changes. One member's dissent is not.
[[nodiscard]] bool departs_from_recommendation(const Item& item);

/// Sections that report earlier treatments of the case ("Sagsforløb"), not this meeting.
[[nodiscard]] bool is_history_kind(std::string_view kind);

/// Item::decision and outcome from the item's decision headings. With the meeting's date known
/// only this meeting's decisions count (undated, or dated that day); decisions dated otherwise
/// are other treatments of the case and stay in Item::decisions with their dates. Without it,
/// an item treated at several dated meetings ends as its latest treatment decided.
void settle_decision(Item& item, const std::optional<std::string>& date);

/// After all items are read: this meeting's decision and outcome per item, sections of other
/// treatments marked earlier, the Sagsforløb history in Item::decisions, and Meeting::kind from
/// the header lines (an agenda keeps no decision or outcome of its own).
void settle_meeting(std::span<const Line> header, Meeting& meeting,
                    std::vector<std::string>& rules);

}  // namespace referat::ingest::text
