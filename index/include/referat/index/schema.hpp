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
inline constexpr int kSchemaVersion = 3;
/// Metadata key holding kSchemaVersion.
inline constexpr std::string_view kMetaSchemaVersion = "referat:schema";
/// Metadata key prefix of saved searches ("referat:watch:" + name; value: JSON, query/watch.hpp).
inline constexpr std::string_view kMetaWatchPrefix = "referat:watch:";

/// Xapian stemmer language for all free text.
inline constexpr std::string_view kStemLanguage = "danish";

// --- Free-text prefixes. Every word is indexed once, as prefix + its Danish stem, with its
// positions (Xapian STEM_ALL): words, phrases and wildcards all match on stems, so "godkendte
// sager" finds "godkendt sag". An unprefixed query expands to all of them. ---
inline constexpr std::string_view kTitle = "S";            ///< item or meeting title
inline constexpr std::string_view kDecision = "XD";        ///< decision text
inline constexpr std::string_view kRecommendation = "XI";  ///< Indstilling
inline constexpr std::string_view kBackground = "XB";  ///< Baggrund, Resume, Sagsfremstilling, ...
inline constexpr std::string_view kOtherText = "XO";   ///< other sections and unheaded body
inline constexpr std::string_view kAttachment = "XA";  ///< attachment names
inline constexpr std::string_view kCommitteeText = "XC";  ///< committee name as words
inline constexpr std::string_view kPersonText = "XN";     ///< person names as words

/// Every free-text prefix, for expanding an unprefixed query.
inline constexpr std::array<std::string_view, 8> kAllTextPrefixes{
    kTitle,     kDecision,   kRecommendation, kBackground,
    kOtherText, kAttachment, kCommitteeText,  kPersonText};

// --- Boolean filter terms (exact, lower-case values appended to the prefix). ---
inline constexpr std::string_view kId = "Q";                 ///< unique document id
inline constexpr std::string_view kSourceTerm = "XF";        ///< sha256 of the source path
inline constexpr std::string_view kMeetingTerm = "XM";       ///< meeting id
inline constexpr std::string_view kTypeTerm = "XT";          ///< "item" or "meeting"
inline constexpr std::string_view kCommitteeTerm = "K";      ///< committee, lower-cased
inline constexpr std::string_view kYearTerm = "Y";           ///< "2023"
inline constexpr std::string_view kOutcomeTerm = "XU";       ///< "approved", ...
inline constexpr std::string_view kLayoutTerm = "XL";        ///< "portal", ...
inline constexpr std::string_view kKindTerm = "XG";          ///< "minutes" or "agenda"
inline constexpr std::string_view kVoteTerm = "XV";  ///< "for", "against", "abstain", "diverges"
inline constexpr std::string_view kPersonTerm = "XP";        ///< person key (people.hpp person_key)
inline constexpr std::string_view kMunicipalityTerm = "XK";  ///< municipality, lower-cased
/// "appointment" on items making an appointment, "reported" on items reporting one.
inline constexpr std::string_view kAppointmentTerm = "XH";
/// Appointment target body, lower-cased, without a trailing parenthetical.
inline constexpr std::string_view kAppointedToTerm = "XR";
/// Value of kAppointmentTerm for an item that makes an appointment.
inline constexpr std::string_view kAppointmentMade = "appointment";
/// Value of kAppointmentTerm for an item that reports an appointment made elsewhere.
inline constexpr std::string_view kAppointmentReported = "reported";

// --- Value slots. Slots 2 (item number) and 7 (source sha256) are no longer written: the sort
// key holds the number, and the record and the referat:src: metadata hold the sha256. ---
inline constexpr unsigned kSlotDate = 0;            ///< "yyyymmdd" string: sorts and ranges as text
inline constexpr unsigned kSlotYear = 1;            ///< Xapian::sortable_serialise(year)
inline constexpr unsigned kSlotAmount = 3;          ///< Xapian::sortable_serialise(kroner)
inline constexpr unsigned kSlotCommittee = 4;       ///< committee as written (facet)
inline constexpr unsigned kSlotOutcome = 5;         ///< outcome name (facet)
inline constexpr unsigned kSlotLayout = 6;          ///< layout name (facet)
inline constexpr unsigned kSlotPersons = 8;         ///< person keys joined by '\n' (facet)
inline constexpr unsigned kSlotMunicipalities = 9;  ///< municipalities joined by '\n' (facet)
/// kSlotDate value followed by the item number as five digits: date then agenda order in one
/// value, so date sorting needs no KeyMaker and works on remote shards too.
inline constexpr unsigned kSlotSortKey = 10;
inline constexpr unsigned kSlotKind = 11;  ///< document kind, "minutes" or "agenda" (facet)
/// When the document's content entered the index: Xapian::sortable_serialise of microseconds
/// since 1970 (UTC). A re-ingest that leaves a document's terms unchanged keeps its time, so
/// "indexed since" means new or changed (saved searches, feeds).
inline constexpr unsigned kSlotIndexed = 12;

/// The Danish stop list (Snowball), applied when indexing and when parsing queries.
[[nodiscard]] const std::array<std::string_view, 94>& danish_stopwords();

// --- Document types (values of kTypeTerm). ---
inline constexpr std::string_view kTypeItem = "item";        ///< one agenda item
inline constexpr std::string_view kTypeMeeting = "meeting";  ///< one meeting header

/// Metadata key prefix: kMetaSourcePrefix + sha256(source path) -> sha256 of the source bytes
/// last indexed from that path (written in the same commit as the documents).
inline constexpr std::string_view kMetaSourcePrefix = "referat:src:";

/// Longest value kept in a boolean term (Xapian terms are limited to 245 bytes).
inline constexpr std::size_t kMaxTermValueBytes = 200;

/// A filter value as stored in boolean terms: Unicode lower case, inner whitespace collapsed to
/// one space, trimmed, cut at kMaxTermValueBytes on a character boundary.
[[nodiscard]] std::string term_value(std::string_view value);
/// prefix + term_value(value), with ':' between them where Xapian's QueryParser puts one (a
/// multi-letter prefix followed by ':' or an upper-case letter), so filters parse back exactly.
[[nodiscard]] std::string boolean_term(std::string_view prefix, std::string_view value);

/// Free-text prefix for a section kind from the segmenter ("beslutning" -> kDecision,
/// "indstilling" -> kRecommendation, "baggrund"/"resume"/"sagsfremstilling"/... ->
/// kBackground, "bilag" -> kAttachment, anything else -> kOtherText).
[[nodiscard]] std::string_view prefix_for_section_kind(std::string_view kind);

}  // namespace referat::index::schema
