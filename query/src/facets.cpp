#include "facets.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <functional>
#include <unordered_set>

#include <referat/index/schema.hpp>

namespace referat::query::detail {

namespace schema = index::schema;

namespace {

/// Value -> number of documents, for tens of thousands of distinct values (person keys): an
/// open-addressing table of indices into one array of entries whose text lives in one buffer,
/// so a lookup allocates nothing and growing never hashes a value again.
class CountTable {
  public:
    /// Room for about expected values before the table grows.
    explicit CountTable(std::size_t expected) : m_slots(std::bit_ceil(2 * expected + 64)) {}

    /// The count of value, created at 0.
    [[nodiscard]] std::size_t entry(std::string_view value) {
        const std::size_t hash = std::hash<std::string_view>{}(value);
        const auto tag = static_cast<std::uint32_t>(hash);
        for (std::size_t at = hash & (m_slots.size() - 1);; at = (at + 1) & (m_slots.size() - 1)) {
            Slot& slot = m_slots[at];
            if (slot.index == 0) {
                slot = {tag, static_cast<std::uint32_t>(m_entries.size() + 1)};
                m_entries.push_back({m_text.size(), value.size(), hash, 0});
                m_text.append(value);
                if (2 * m_entries.size() > m_slots.size()) grow();
                return m_entries.size() - 1;
            }
            if (slot.tag == tag && text(m_entries[slot.index - 1]) == value) return slot.index - 1;
        }
    }
    /// Add n to the count of entry index.
    void add(std::size_t index, std::size_t n) { m_entries[index].count += n; }

    [[nodiscard]] std::size_t size() const { return m_entries.size(); }
    [[nodiscard]] std::string_view value(std::size_t index) const { return text(m_entries[index]); }
    [[nodiscard]] std::size_t count(std::size_t index) const { return m_entries[index].count; }

  private:
    struct Slot {
        std::uint32_t tag = 0;    // low bits of the hash
        std::uint32_t index = 0;  // entry + 1; 0 = empty
    };
    struct Entry {
        std::size_t offset;
        std::size_t length;
        std::size_t hash;
        std::size_t count;
    };

    [[nodiscard]] std::string_view text(const Entry& e) const {
        return std::string_view(m_text).substr(e.offset, e.length);
    }

    void grow() {
        std::vector<Slot> slots(2 * m_slots.size());
        for (std::size_t i = 0; i < m_entries.size(); ++i) {
            const std::size_t hash = m_entries[i].hash;
            std::size_t at = hash & (slots.size() - 1);
            while (slots[at].index != 0) at = (at + 1) & (slots.size() - 1);
            slots[at] = {static_cast<std::uint32_t>(hash), static_cast<std::uint32_t>(i + 1)};
        }
        m_slots = std::move(slots);
    }

    std::vector<Slot> m_slots;
    std::vector<Entry> m_entries;
    std::string m_text;
};

/// A facet from n counted values (count(i), value(i) for i < n): most frequent first, ties in
/// value order (bytes, so sortable numbers in numeric order), the limit first (0: all) and how
/// many were left out.
template <class CountOf, class ValueOf>
Facet ranked(const FacetSlot& slot, std::size_t n, CountOf count, ValueOf value,
             std::size_t limit) {
    std::vector<std::size_t> order(n);
    for (std::size_t i = 0; i < n; ++i) order[i] = i;
    const auto before = [&](std::size_t a, std::size_t b) {
        if (count(a) != count(b)) return count(a) > count(b);
        return value(a) < value(b);
    };
    Facet facet{slot.name, {}, 0};
    if (limit != 0 && limit < order.size()) {
        std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(limit),
                          order.end(), before);
        facet.omitted = order.size() - limit;
        order.resize(limit);
    } else {
        std::sort(order.begin(), order.end(), before);
    }
    facet.values.reserve(order.size());
    for (const std::size_t i : order) {
        std::string text(value(i));
        if (slot.number) text = std::to_string(std::llround(Xapian::sortable_unserialise(text)));
        facet.values.push_back({std::move(text), count(i)});
    }
    return facet;
}

/// The counts of one facet. Neighbouring documents (the items of one meeting) often carry the
/// same slot value, so the entries of the previous value are remembered and bumped directly.
class Tally {
  public:
    /// Counts for about expected distinct values.
    Tally(bool split, std::size_t expected) : m_split(split), m_counts(expected) {}

    /// One document's slot value.
    void add(std::string_view value) {
        if (m_have_last && value == m_last) {
            for (const std::size_t index : m_last_entries) m_counts.add(index, 1);
            return;
        }
        m_last.assign(value);
        m_have_last = true;
        m_last_entries.clear();
        for_each_value(m_last, [&](std::string_view v) {
            const std::size_t index = m_counts.entry(v);
            m_counts.add(index, 1);
            m_last_entries.push_back(index);
        });
    }

    /// A slot value carried by n documents.
    void add(std::string_view value, std::size_t n) {
        for_each_value(value, [&](std::string_view v) { m_counts.add(m_counts.entry(v), n); });
    }

    /// Most frequent first, ties in value order; the limit first values (0: all).
    [[nodiscard]] Facet result(const FacetSlot& slot, std::size_t limit) const {
        return ranked(
            slot, m_counts.size(), [this](std::size_t i) { return m_counts.count(i); },
            [this](std::size_t i) { return m_counts.value(i); }, limit);
    }

  private:
    template <class Fn>
    void for_each_value(std::string_view value, Fn&& fn) const {
        if (!m_split) {
            if (!value.empty()) fn(value);
            return;
        }
        schema::for_each_joined(value, fn);
    }

    bool m_split;
    CountTable m_counts;
    bool m_have_last = false;
    std::string m_last;
    std::vector<std::size_t> m_last_entries;
};

// A same-item key as 64 bits (FNV-1a): sets of them stay small, and a collision among even a
// million keys is out of reach.
std::uint64_t key_hash(std::string_view key) {
    std::uint64_t hash = 14695981039346656037ull;
    for (const char c : key) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ull;
    }
    return hash;
}

}  // namespace

std::optional<FacetSlot> facet_slot(std::string_view name) {
    using Part = schema::FacetField;
    using index::Column;
    static const std::vector<FacetSlot> kSlots{
        {"committee", schema::kSlotFacets, false, false, Part::kCommittee, Column::kCommittee},
        {"year", schema::kSlotFacets, false, false, Part::kYear, Column::kYear},
        {"outcome", schema::kSlotFacets, false, false, Part::kOutcome, Column::kOutcome},
        {"layout", schema::kSlotFacets, false, false, Part::kLayout, Column::kLayout},
        {"kind", schema::kSlotFacets, false, false, Part::kKind, Column::kKind},
        {"person", schema::kSlotPersons, true, false, std::nullopt, Column::kPersons},
        {"municipality", schema::kSlotMunicipalities, true, false, std::nullopt,
         Column::kMunicipalities},
    };
    for (const auto& s : kSlots)
        if (s.name == name) return s;
    return std::nullopt;
}

bool all_local(const Xapian::Database& db) {
    // Xapian 1.4 offers no "is remote" query; its remote backend is the one that cannot say
    // whether it is locked (a cheap check on local databases).
    try {
        (void)db.locked();
        return true;
    } catch (const Xapian::UnimplementedError&) {
        return false;
    }
}

MatchIds match_ids(const Xapian::Database& db, const Xapian::Query& query,
                   Xapian::doccount bound) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    const Xapian::MSet mset = enquire.get_mset(0, bound + 1);
    MatchIds ids;
    ids.complete = mset.size() <= bound;
    ids.docids.reserve(std::min<std::size_t>(mset.size(), bound));
    for (auto it = mset.begin(); it != mset.end() && ids.docids.size() < bound; ++it)
        ids.docids.push_back(*it);
    ids.estimate = mset.size();
    if (!ids.complete && !ids.docids.empty()) {
        // The matches seen so far, spread over all ids at the density found among the ids seen,
        // within the bounds Xapian knows from its posting lists. Xapian's own estimate rounds
        // to one or two figures (200,000 for 153,378 matches); the density is within a few
        // tenths of a percent on an archive whose topics are spread over its ingest order.
        const double density =
            static_cast<double>(ids.docids.size()) / static_cast<double>(ids.docids.back());
        const double spread = density * static_cast<double>(db.get_lastdocid());
        ids.estimate = std::clamp<std::size_t>(static_cast<std::size_t>(std::llround(spread)),
                                               mset.get_matches_lower_bound(),
                                               mset.get_matches_upper_bound());
    }
    return ids;
}

std::vector<Xapian::docid> one_per_item(const Xapian::Database& db,
                                        std::span<const Xapian::docid> docids) {
    std::vector<Xapian::docid> out;
    out.reserve(docids.size());
    std::unordered_set<std::uint64_t> seen;
    Xapian::ValueIterator value = db.valuestream_begin(schema::kSlotSameItem);
    const Xapian::ValueIterator end = db.valuestream_end(schema::kSlotSameItem);
    for (const Xapian::docid did : docids) {
        if (value != end && value.get_docid() < did) value.skip_to(did);
        if (value == end || value.get_docid() != did || seen.insert(key_hash(*value)).second)
            out.push_back(did);
    }
    return out;
}

std::vector<Facet> count_facets(const Xapian::Database& db, std::span<const Xapian::docid> docids,
                                const std::vector<FacetSlot>& slots, std::size_t limit) {
    std::vector<Tally> tallies;
    tallies.reserve(slots.size());
    // A '\n'-joined slot (persons) can hold as many distinct values as there are matches.
    for (const auto& slot : slots) tallies.emplace_back(slot.split, slot.split ? docids.size() : 0);
    // Each value slot is read once, for every facet it holds (the packed facets share one).
    std::vector<bool> done(slots.size(), false);
    for (std::size_t first = 0; first < slots.size(); ++first) {
        if (done[first]) continue;
        std::vector<std::size_t> readers;
        for (std::size_t i = first; i < slots.size(); ++i)
            if (!done[i] && slots[i].slot == slots[first].slot) {
                readers.push_back(i);
                done[i] = true;
            }
        Xapian::ValueIterator value = db.valuestream_begin(slots[first].slot);
        const Xapian::ValueIterator end = db.valuestream_end(slots[first].slot);
        for (const Xapian::docid did : docids) {
            if (value == end) break;
            if (value.get_docid() < did) {
                value.skip_to(did);
                if (value == end) break;
            }
            if (value.get_docid() != did) continue;
            const std::string packed = *value;
            for (const std::size_t i : readers)
                tallies[i].add(slots[i].part ? schema::unpack_facet(packed, *slots[i].part)
                                             : std::string_view(packed));
        }
    }
    std::vector<Facet> facets;
    facets.reserve(slots.size());
    for (std::size_t i = 0; i < slots.size(); ++i)
        facets.push_back(tallies[i].result(slots[i], limit));
    return facets;
}

std::vector<Xapian::docid> one_per_item(const index::Columns& columns,
                                        std::span<const Xapian::docid> docids) {
    std::vector<Xapian::docid> out;
    out.reserve(docids.size());
    std::vector<bool> seen(std::size_t{columns.groups()} + 1, false);
    for (const Xapian::docid did : docids) {
        const std::uint32_t group = columns.group(did);
        if (group == 0) {
            out.push_back(did);
        } else if (!seen[group]) {
            seen[group] = true;
            out.push_back(did);
        }
    }
    return out;
}

std::vector<Facet> count_facets(const index::Columns& columns,
                                std::span<const Xapian::docid> docids,
                                const std::vector<FacetSlot>& slots, std::size_t limit) {
    std::vector<Facet> facets;
    facets.reserve(slots.size());
    for (const auto& slot : slots) {
        const std::size_t values = std::size_t{columns.values(slot.column)} + 1;
        std::vector<std::uint32_t> present;
        std::vector<std::size_t> counts;
        if (docids.size() * 8 >= values) {
            // Many matches: a counter per value, then the values counted.
            counts.assign(values, 0);
            for (const Xapian::docid did : docids)
                for (const std::uint32_t code : columns.codes(slot.column, did))
                    if (code < counts.size()) ++counts[code];
            for (std::uint32_t code = 1; code < counts.size(); ++code)
                if (counts[code] != 0) {
                    present.push_back(code);
                    counts[present.size() - 1] = counts[code];
                }
        } else {
            // Few matches among many values (persons): sort their codes and count the runs,
            // rather than clear and scan a counter for every value.
            std::vector<std::uint32_t> codes;
            for (const Xapian::docid did : docids)
                for (const std::uint32_t code : columns.codes(slot.column, did))
                    if (code != 0 && code < values) codes.push_back(code);
            std::sort(codes.begin(), codes.end());
            for (std::size_t i = 0; i < codes.size();) {
                std::size_t j = i;
                while (j < codes.size() && codes[j] == codes[i]) ++j;
                present.push_back(codes[i]);
                counts.push_back(j - i);
                i = j;
            }
        }
        // counts[i] is the count of present[i].
        facets.push_back(ranked(
            slot, present.size(), [&](std::size_t i) { return counts[i]; },
            [&](std::size_t i) { return columns.value(slot.column, present[i]); }, limit));
    }
    return facets;
}

std::vector<Xapian::MSetIterator> distinct_page(const Xapian::MSet& mset, std::size_t offset,
                                                std::size_t limit) {
    std::vector<Xapian::MSetIterator> page;
    std::unordered_set<std::uint64_t> seen;
    std::size_t distinct = 0;
    for (auto it = mset.begin(); it != mset.end() && page.size() < limit; ++it) {
        const std::string key = it.get_document().get_value(schema::kSlotSameItem);
        if (!key.empty() && !seen.insert(key_hash(key)).second) continue;
        if (distinct++ >= offset) page.push_back(it);
    }
    return page;
}

void scale(Facet& facet, std::size_t total, std::size_t counted) {
    if (counted == 0 || counted >= total) return;
    const double factor = static_cast<double>(total) / static_cast<double>(counted);
    for (auto& v : facet.values)
        v.count = static_cast<std::size_t>(std::llround(static_cast<double>(v.count) * factor));
}

void scale(std::vector<Facet>& facets, std::size_t total, std::size_t counted) {
    for (auto& f : facets) scale(f, total, counted);
}

Facet FacetSpy::result(std::size_t limit) const {
    Tally tally(m_slot.split, 0);
    for (auto v = m_spy.values_begin(); v != m_spy.values_end(); ++v) {
        const std::string value = *v;
        tally.add(m_slot.part ? schema::unpack_facet(value, *m_slot.part) : std::string_view(value),
                  static_cast<std::size_t>(v.get_termfreq()));
    }
    return tally.result(m_slot, limit);
}

}  // namespace referat::query::detail
