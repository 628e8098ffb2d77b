#pragma once
// Exact facet counts over the whole match set: a Xapian::ValueCountMatchSpy per single-valued
// slot, and a spy that splits '\n'-joined values for the multi-valued ones (persons, places).

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

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

/// Counts each '\n'-separated value of one slot in the documents the match visits.
class SplitValueSpy : public Xapian::MatchSpy {
  public:
    /// Count the values of this slot.
    explicit SplitValueSpy(unsigned slot) : m_slot(slot) {}
    void operator()(const Xapian::Document& doc, double weight) override;
    [[nodiscard]] Xapian::MatchSpy* clone() const override { return new SplitValueSpy(m_slot); }
    [[nodiscard]] std::string name() const override { return "referat.SplitValueSpy"; }
    /// Value -> number of documents.
    [[nodiscard]] const std::map<std::string, std::size_t>& counts() const { return m_counts; }

  private:
    unsigned m_slot;
    std::map<std::string, std::size_t> m_counts;
};

/// One facet being counted during a match.
class FacetCounter {
  public:
    /// Count this facet.
    explicit FacetCounter(FacetSlot slot);
    /// The spy to register with Xapian::Enquire::add_matchspy.
    [[nodiscard]] Xapian::MatchSpy* spy();
    /// The counts, most frequent first, then by value.
    [[nodiscard]] Facet result() const;

  private:
    FacetSlot m_slot;
    std::unique_ptr<Xapian::ValueCountMatchSpy> m_values;
    std::unique_ptr<SplitValueSpy> m_split;
};

}  // namespace referat::query::detail
