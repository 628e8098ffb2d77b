#pragma once
// Exact facet counts over the whole match set.
//
// Local databases: the match records the matching document ids, then each facet's value slot is
// read once as a stream (Xapian::ValueIterator in docid order) and counted in a hash map. That
// is several times cheaper than asking each matching document for its values, which looks the
// value chunk up again per document and slot.
// Remote shards: Xapian::ValueCountMatchSpy per slot, which xapian-tcpsrv runs on the server;
// '\n'-joined slots (persons, places) are split after the merge, so they work remotely too.

#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "referat/query/search.hpp"

namespace referat::query::detail {

/// How a facet's value slot is read.
struct FacetSlot {
    std::string name;     ///< "committee", "year", ...
    unsigned slot = 0;    ///< value slot from schema.hpp
    bool split = false;   ///< several values joined by '\n'
    bool number = false;  ///< Xapian::sortable_serialise'd number
};

/// The slot layout of a facet name; std::nullopt when unknown.
[[nodiscard]] std::optional<FacetSlot> facet_slot(std::string_view name);

/// Whether every shard of db is local, so its value streams are cheap to read.
[[nodiscard]] bool all_local(const Xapian::Database& db);

/// Records the id of every document the match visits. Only for a single local database: with
/// several, Xapian passes each shard's own document id, and a remote shard refuses this spy.
class DocidCollector : public Xapian::MatchSpy {
  public:
    /// Append the ids to out (ascending: the match visits documents in id order).
    explicit DocidCollector(std::vector<Xapian::docid>& out) : m_out(out) {}
    void operator()(const Xapian::Document& doc, double weight) override;

  private:
    std::vector<Xapian::docid>& m_out;
};

/// Ids of every document matching query (an unweighted pass in docid order).
[[nodiscard]] std::vector<Xapian::docid> matching_docids(const Xapian::Database& db,
                                                         const Xapian::Query& query);

/// Exact counts of each facet over the documents docids (ascending), reading each slot as a
/// stream. Each facet lists its limit most frequent values (0: all).
[[nodiscard]] std::vector<Facet> count_facets(const Xapian::Database& db,
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

  private:
    FacetSlot m_slot;
    Xapian::ValueCountMatchSpy m_spy;
};

}  // namespace referat::query::detail
