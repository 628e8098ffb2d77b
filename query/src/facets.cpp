#include "facets.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include <referat/index/schema.hpp>

namespace referat::query::detail {

namespace schema = index::schema;

std::optional<FacetSlot> facet_slot(std::string_view name) {
    static const std::vector<FacetSlot> kSlots{
        {"committee", schema::kSlotCommittee, false, false},
        {"year", schema::kSlotYear, false, true},
        {"outcome", schema::kSlotOutcome, false, false},
        {"layout", schema::kSlotLayout, false, false},
        {"person", schema::kSlotPersons, true, false},
        {"municipality", schema::kSlotMunicipalities, true, false},
    };
    for (const auto& s : kSlots)
        if (s.name == name) return s;
    return std::nullopt;
}

void SplitValueSpy::operator()(const Xapian::Document& doc, double) {
    const std::string value = doc.get_value(m_slot);
    std::size_t at = 0;
    while (at < value.size()) {
        std::size_t nl = value.find('\n', at);
        if (nl == std::string::npos) nl = value.size();
        if (nl > at) ++m_counts[value.substr(at, nl - at)];
        at = nl + 1;
    }
}

FacetCounter::FacetCounter(FacetSlot slot) : m_slot(std::move(slot)) {
    if (m_slot.split)
        m_split = std::make_unique<SplitValueSpy>(m_slot.slot);
    else
        m_values = std::make_unique<Xapian::ValueCountMatchSpy>(m_slot.slot);
}

Xapian::MatchSpy* FacetCounter::spy() {
    if (m_split) return m_split.get();
    return m_values.get();
}

Facet FacetCounter::result() const {
    Facet facet{m_slot.name, {}};
    if (m_split) {
        for (const auto& [value, count] : m_split->counts()) facet.values.push_back({value, count});
    } else {
        for (auto v = m_values->values_begin(); v != m_values->values_end(); ++v) {
            std::string value = *v;
            if (value.empty()) continue;
            if (m_slot.number)
                value = std::to_string(std::llround(Xapian::sortable_unserialise(value)));
            facet.values.push_back({value, static_cast<std::size_t>(v.get_termfreq())});
        }
    }
    // Ties keep value order (sortable numbers and strings both arrive sorted).
    std::stable_sort(facet.values.begin(), facet.values.end(),
                     [](const FacetValue& a, const FacetValue& b) { return a.count > b.count; });
    return facet;
}

}  // namespace referat::query::detail
