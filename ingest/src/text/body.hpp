#pragma once
// An item's body: sections, the decision (tab label or heading), subheadings, attachments.

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include <referat/ingest/model.hpp>

#include "text/lines.hpp"
#include "text/profiles.hpp"

namespace referat::ingest::text {

/// Fill sections, subheadings, decision(s), outcome and attachments of item from lines
/// [begin, end) (the lines after the item header and its title).
void read_item_body(std::span<const Line> lines, std::size_t begin, std::size_t end,
                    const Profile& profile, Item& item, std::vector<std::string>& rules);

/// True when a line reads as a sentence rather than a heading (finite verb, decision phrase).
[[nodiscard]] bool reads_as_sentence(std::string_view s);

}  // namespace referat::ingest::text
