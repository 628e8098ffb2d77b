#pragma once
// The one place for the index schema: term prefixes, value slots, stemmer and stopwords.
// The writer (index/) and the query parser (query/) both read it; change it here only.

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace referat::index::schema {

/// Bump when the document layout changes incompatibly; stored in the database metadata.
/// 3: free text is indexed as Danish stems only (Xapian STEM_ALL), with positions.
/// 4: all text once without a prefix (positions), field copies for the searchable fields,
///    æ/ø/å folded to ae/oe/aa before stemming, one packed facet slot, a same-item key slot.
/// 5: positions in the title's copy only; records packed (records.hpp encode_record). A version 4
///    database is still read (its extra positions go unused) and is upgraded by the next ingest.
inline constexpr int kSchemaVersion = 5;
/// The oldest schema version this referat reads and writes into.
inline constexpr int kOldestSchemaVersion = 4;
/// Metadata key holding kSchemaVersion.
inline constexpr std::string_view kMetaSchemaVersion = "referat:schema";
/// Metadata key prefix of saved searches ("referat:watch:" + name; value: JSON, query/watch.hpp).
inline constexpr std::string_view kMetaWatchPrefix = "referat:watch:";
/// Metadata key naming the facet store file of the current documents (columns.hpp); empty
/// while there is none.
inline constexpr std::string_view kMetaColumns = "referat:columns";

/// Xapian stemmer language for all free text.
inline constexpr std::string_view kStemLanguage = "danish";

// --- Free text. Every word of a document is indexed once WITHOUT a prefix, as its folded
// Danish stem (text_stemmer(): æ/ø/å spelt ae/oe/aa, then Snowball; Xapian STEM_ALL) with its
// positions: a plain query word is one posting list, and phrases and NEAR work on any text.
// The fields a query can name get a second, prefixed copy of their words; positions only in
// the title's (kPositionalFields), where phrases and NEAR are common. In the others a phrase is
// the phrase in the body text with each of its words in the field. (A position entry costs
// about 18 bytes in the index however few positions it holds: the decision, attachment, person
// and committee copies with positions were a fifth of them.) ---
inline constexpr std::string_view kBodyText = "";          ///< all text (no prefix)
inline constexpr std::string_view kTitle = "S";            ///< item or meeting title
inline constexpr std::string_view kDecision = "XD";        ///< decision text
inline constexpr std::string_view kRecommendation = "XI";  ///< Indstilling
inline constexpr std::string_view kAttachment = "XA";      ///< attachment names
inline constexpr std::string_view kCommitteeText = "XC";   ///< committee name as words
inline constexpr std::string_view kPersonText = "XN";      ///< person names as words

/// Every field prefix of free text (the body text has none).
inline constexpr std::array<std::string_view, 6> kFieldPrefixes{
    kTitle, kDecision, kRecommendation, kAttachment, kCommitteeText, kPersonText};
/// Field prefixes whose copies keep positions (schema 5; schema 4 also kept them for the
/// decision, attachments, committee and persons).
inline constexpr std::array<std::string_view, 1> kPositionalFields{kTitle};
/// Whether the words under prefix keep positions: the body text, and kPositionalFields.
[[nodiscard]] bool has_positions(std::string_view prefix);

// --- Boolean filter terms (exact, lower-case values appended to the prefix). ---
inline constexpr std::string_view kId = "Q";             ///< unique document id
inline constexpr std::string_view kSourceTerm = "XF";    ///< sha256 of the source path
inline constexpr std::string_view kMeetingTerm = "XM";   ///< meeting id
inline constexpr std::string_view kTypeTerm = "XT";      ///< "item" or "meeting"
inline constexpr std::string_view kCommitteeTerm = "K";  ///< committee, lower-cased
inline constexpr std::string_view kYearTerm = "Y";       ///< "2023"
inline constexpr std::string_view kOutcomeTerm = "XU";   ///< "approved", ...
inline constexpr std::string_view kLayoutTerm = "XL";    ///< "portal", ...
inline constexpr std::string_view kKindTerm = "XG";      ///< "minutes" or "agenda"
inline constexpr std::string_view kVoteTerm = "XV";    ///< "for", "against", "abstain", "diverges"
inline constexpr std::string_view kPersonTerm = "XP";  ///< person key (people.hpp person_key)
/// Municipality, lower-cased and spelt with ae/oe/aa (municipality_term).
inline constexpr std::string_view kMunicipalityTerm = "XK";
/// Items only: same_item_key as a term, to find an item's other sources.
inline constexpr std::string_view kSameItemTerm = "XW";
/// "appointment" on items making an appointment, "reported" on items reporting one.
inline constexpr std::string_view kAppointmentTerm = "XH";
/// Appointment target body, lower-cased, without a trailing parenthetical.
inline constexpr std::string_view kAppointedToTerm = "XR";
/// Value of kAppointmentTerm for an item that makes an appointment.
inline constexpr std::string_view kAppointmentMade = "appointment";
/// Value of kAppointmentTerm for an item that reports an appointment made elsewhere.
inline constexpr std::string_view kAppointmentReported = "reported";

// --- Value slots. Slots 2 (item number) and 7 (source sha256) are no longer written: the sort
// key holds the number, and the record and the referat:src: metadata hold the sha256. Slots 4,
// 5, 6 and 11 (committee, outcome, layout, kind) were replaced by the packed kSlotFacets. ---
inline constexpr unsigned kSlotDate = 0;            ///< "yyyymmdd" string: sorts and ranges as text
inline constexpr unsigned kSlotYear = 1;            ///< Xapian::sortable_serialise(year)
inline constexpr unsigned kSlotAmount = 3;          ///< Xapian::sortable_serialise(kroner)
inline constexpr unsigned kSlotPersons = 8;         ///< person keys joined by '\n' (facet)
inline constexpr unsigned kSlotMunicipalities = 9;  ///< municipalities joined by '\n' (facet)
/// kSlotDate value followed by the item number as five digits: date then agenda order in one
/// value, so date sorting needs no KeyMaker and works on remote shards too.
inline constexpr unsigned kSlotSortKey = 10;
/// When the document's content entered the index: Xapian::sortable_serialise of microseconds
/// since 1970 (UTC). A re-ingest that leaves a document's terms unchanged keeps its time, so
/// "indexed since" means new or changed (saved searches, feeds).
inline constexpr unsigned kSlotIndexed = 12;
/// The single-valued facets of a document packed in one value, so counting them reads one
/// value stream: committee as written, year, outcome, layout and kind, in FacetField order,
/// separated by kFacetSeparator (pack_facets / unpack_facet).
inline constexpr unsigned kSlotFacets = 13;
/// Items only: what makes two documents the same agenda item of the same meeting published
/// as several files (PDF, Word, the publisher's XML): same_item_key. Searches collapse on it.
inline constexpr unsigned kSlotSameItem = 14;

/// The parts of kSlotFacets.
enum class FacetField : unsigned { kCommittee = 0, kYear, kOutcome, kLayout, kKind, kCount };
/// Separates the parts of kSlotFacets (a control character no value contains).
inline constexpr char kFacetSeparator = '\x1f';

/// The Danish stop list (Snowball), applied when indexing and when parsing queries.
[[nodiscard]] const std::array<std::string_view, 94>& danish_stopwords();

// --- Document types (values of kTypeTerm). ---
inline constexpr std::string_view kTypeItem = "item";        ///< one agenda item
inline constexpr std::string_view kTypeMeeting = "meeting";  ///< one meeting header

/// Metadata key prefix: kMetaSourcePrefix + sha256(source path) -> sha256 of the source bytes
/// last indexed from that path, a newline and the path's bytes as given (which need not be
/// UTF-8; the record's JSON shows such bytes as U+FFFD). Written in the same commit as the
/// documents; empty once the source is removed. Databases written before the path was added
/// hold the hash alone.
inline constexpr std::string_view kMetaSourcePrefix = "referat:src:";

/// Longest value kept in a boolean term (Xapian terms are limited to 245 bytes).
inline constexpr std::size_t kMaxTermValueBytes = 200;

/// A filter value as stored in boolean terms: Unicode lower case, inner whitespace collapsed to
/// one space, trimmed, cut at kMaxTermValueBytes on a character boundary.
[[nodiscard]] std::string term_value(std::string_view value);
/// prefix + term_value(value), with ':' between them where Xapian's QueryParser puts one (a
/// multi-letter prefix followed by ':' or an upper-case letter), so filters parse back exactly.
[[nodiscard]] std::string boolean_term(std::string_view prefix, std::string_view value);

/// Field prefix for a section kind from the segmenter ("beslutning" -> kDecision,
/// "indstilling"/"forslag" -> kRecommendation, "bilag" -> kAttachment); kBodyText for every
/// other section (background, other text), which is body text only.
[[nodiscard]] std::string_view prefix_for_section_kind(std::string_view kind);

/// A lower-case word with the Danish letters spelt out: æ -> ae, ø -> oe, å -> aa (upper-case
/// Æ, Ø, Å too). Keyboards and older minutes write them so; both spellings index alike.
[[nodiscard]] std::string fold_spelling(std::string_view word);
/// kMunicipalityTerm + the folded lower-cased name: "Åbenrå Kommune" and "Aabenraa Kommune"
/// are one term.
[[nodiscard]] std::string municipality_term(std::string_view name);

/// Each value of a '\n'-joined slot (kSlotPersons, kSlotMunicipalities), empty ones skipped.
template <class Fn>
void for_each_joined(std::string_view joined, Fn&& fn) {
    std::size_t at = 0;
    while (at < joined.size()) {
        std::size_t nl = joined.find('\n', at);
        if (nl == std::string_view::npos) nl = joined.size();
        if (nl > at) fn(joined.substr(at, nl - at));
        at = nl + 1;
    }
}

/// kSlotFacets' value: the parts in FacetField order (empty where unknown).
[[nodiscard]] std::string pack_facets(std::string_view committee, std::string_view year,
                                      std::string_view outcome, std::string_view layout,
                                      std::string_view kind);
/// One part of a kSlotFacets value ("" when absent).
[[nodiscard]] std::string_view unpack_facet(std::string_view packed, FacetField field);

/// The key of one agenda item of one meeting, the same in every file that publishes it: 32 hex
/// digits of sha256 over the committee's and the title's words (lower-cased, æ/ø/å spelt out,
/// punctuation dropped), the date, whether the file is an agenda, and the item number. Empty
/// when the committee or the date is unknown (such items are never merged).
[[nodiscard]] std::string same_item_key(std::string_view committee, std::string_view date,
                                        std::string_view kind, int number, std::string_view title);

}  // namespace referat::index::schema
