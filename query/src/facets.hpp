#pragma once
// Exact facet counts over the whole match set.
//
// Local databases: an unweighted pass lists the matching document ids in id order (match_ids),
// then the facets are counted from the facet store (index/columns.hpp) or, without a current
// one, from each value slot read once as a stream (Xapian::ValueIterator) into a hash map. That
// is several times cheaper than asking each matching document for its values, which looks the
// value chunk up again per document and slot.
// Remote shards: Xapian::ValueCountMatchSpy per slot, which xapian-tcpsrv runs on the server;
// '\n'-joined slots (persons, places) and the packed slot are split after the merge, so they
// work remotely too. A spy cannot tell the files of one item apart, so on remote shards an
// item published as several files counts once per file in the facets (not in the total).

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include <referat/index/columns.hpp>
#include <referat/index/schema.hpp>

#include "referat/query/search.hpp"

namespace referat::query::detail {

/// How a facet's value slot is read.
struct FacetSlot {
    std::string name;     ///< "committee", "year", ...
    unsigned slot = 0;    ///< value slot from schema.hpp
    bool split = false;   ///< several values joined by '\n'
    bool number = false;  ///< Xapian::sortable_serialise'd number
    /// The part of a packed value (schema::kSlotFacets) this facet counts; none: the whole value.
    std::optional<index::schema::FacetField> part;
    /// The same facet in the facet store (index/columns.hpp).
    index::Column column = index::Column::kCommittee;
};

/// The slot layout of a facet name; std::nullopt when unknown.
[[nodiscard]] std::optional<FacetSlot> facet_slot(std::string_view name);

/// Whether every shard of db is local, so its value streams are cheap to read.
[[nodiscard]] bool all_local(const Xapian::Database& db);

/// The documents matching a query, in id order, up to a bound.
struct MatchIds {
    std::vector<Xapian::docid> docids;  ///< ascending; at most the bound
    bool complete = true;               ///< whether these are all the matches
    /// All matching documents: exact when complete, else estimated from the density of
    /// matches among the ids seen, within Xapian's bounds.
    std::size_t estimate = 0;
};

/// The first bound documents matching query, from an unweighted pass in id order that stops
/// after bound + 1 matches (so it can tell whether there are more).
[[nodiscard]] MatchIds match_ids(const Xapian::Database& db, const Xapian::Query& query,
                                 Xapian::doccount bound);

/// Of the matches in mset (result order), the limit distinct agenda items after the first
/// offset: a document whose schema::kSlotSameItem key an earlier one had is left out.
[[nodiscard]] std::vector<Xapian::MSetIterator> distinct_page(const Xapian::MSet& mset,
                                                              std::size_t offset,
                                                              std::size_t limit);

/// Counts taken over counted of total matches, scaled up to estimates for all of them.
void scale(std::vector<Facet>& facets, std::size_t total, std::size_t counted);
/// The same for one facet.
void scale(Facet& facet, std::size_t total, std::size_t counted);

/// docids (ascending) with one document per agenda item: of documents sharing a
/// schema::kSlotSameItem key (the same item published in several files), only the first.
[[nodiscard]] std::vector<Xapian::docid> one_per_item(const Xapian::Database& db,
                                                      std::span<const Xapian::docid> docids);

/// Counts of each facet over the documents docids (ascending), reading each value slot once as
/// a stream. Each facet lists its limit most frequent values (0: all).
[[nodiscard]] std::vector<Facet> count_facets(const Xapian::Database& db,
                                              std::span<const Xapian::docid> docids,
                                              const std::vector<FacetSlot>& slots,
                                              std::size_t limit);

/// one_per_item from the facet store's same-item groups (the same answer, no key strings read).
[[nodiscard]] std::vector<Xapian::docid> one_per_item(const index::Columns& columns,
                                                      std::span<const Xapian::docid> docids);
/// count_facets from the facet store: counts of numbered values, the same answer.
[[nodiscard]] std::vector<Facet> count_facets(const index::Columns& columns,
                                              std::span<const Xapian::docid> docids,
                                              const std::vector<FacetSlot>& slots,
                                              std::size_t limit);

/// One facet counted by a Xapian::ValueCountMatchSpy during the match (for remote shards).
class FacetSpy {
  public:
    /// Count this facet.
    explicit FacetSpy(FacetSlot slot) : m_slot(std::move(slot)), m_spy(m_slot.slot) {}
    /// The spy to register with Xapian::Enquire::add_matchspy.
    [[nodiscard]] Xapian::MatchSpy* spy() { return &m_spy; }
    /// The counts: the limit most frequent values (0: all).
    [[nodiscard]] Facet result(std::size_t limit) const;
    /// Documents the spy was shown.
    [[nodiscard]] std::size_t seen() const { return m_spy.get_total(); }

  private:
    FacetSlot m_slot;
    Xapian::ValueCountMatchSpy m_spy;
};

}  // namespace referat::query::detail
