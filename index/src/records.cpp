#include "referat/index/records.hpp"

#include <algorithm>
#include <map>

#include <referat/ingest/deflate.hpp>

#include "referat/index/database.hpp"
#include "referat/index/schema.hpp"

namespace referat::index {

namespace {

// Stored records are small (a few KiB) JSON texts: on its own, DEFLATE has little of a record
// to learn from, so it is primed with what records share. zlib finds matches nearest the end
// of a dictionary cheapest: common words of Danish minutes come first, the record's keys last.
// On the generated benchmark corpus the records pack to 0.69 x Xapian's own compression of
// the plain JSON; each record takes about 0.1 ms more to pack (the dictionary is hashed per
// record), a twentieth of its indexing time.
// A record names the dictionary by its first byte. NEVER edit a published dictionary: records
// packed with it could no longer be read. A new one gets the next version byte, and
// record_json keeps reading the old.
constexpr char kPackedV1 = '\x01';
constexpr std::string_view kDictionaryV1 =
// The 1,000 most frequent lower-case words of the bundled real minutes, least frequent first
// (tools/make-record-dictionary).
#include "record_words_v1.inc"
    // Headings, phrases and names that minutes share.
    "Fraværende: Afbud: Deltagere: Mødested: Mødedato: Mødetidspunkt: Dagsorden Referat "
    "Åbent møde Lukket møde Sager til beslutning Sager til orientering Meddelelser Eventuelt "
    "Godkendelse af dagsorden Orientering fra formanden Sagsnr. Sagsbehandler: "
    "Lovgrundlag Økonomi Økonomiske konsekvenser Bevilling Anlægsbevilling Budget "
    "Kommunikation Høring Tidsplan Vurdering Administrationens vurdering Beskrivelse "
    "Sagsfremstilling Sagsforløb Resumé Baggrund Indstilling Beslutning Bilag Kompetence "
    "Forslag Begrundelse Problemstilling Orientering Underskrifter "
    "Direktionen indstiller, at Forvaltningen indstiller, at Administrationen indstiller, at "
    "Det indstilles, at Godkendt. Godkendt som indstillet. Anbefales. Taget til efterretning. "
    "Udsat. Drøftet. Ikke godkendt. Tiltrådt. Oversendes til Byrådet Kommunalbestyrelsen "
    "Økonomiudvalget Teknik- og Miljøudvalget Børne- og Ungeudvalget Social- og "
    "Sundhedsudvalget Kultur- og Fritidsudvalget Beskæftigelsesudvalget Regionsrådet "
    "Forretningsudvalget Udvalget for kommune Kommune Region regionens kommunens "
    "borgmester formand næstformand medlem af udvalget at udvalget godkender, at "
    "i forbindelse med i forhold til herunder blandt andet på baggrund af med henblik på "
    "der er ikke som følge af til at for at og at det er af den de det en et i på til for "
    "med som af der skal kan vil har er ikke være blevet .pdf Bilag 1 Bilag 2 Bilag 3 "
    "kr. mio. kr. 2024 2025 2026 "
    // The record's keys and values, in the order the serializer writes them.
    "\"approved\"\"noted\"\"decided\"\"discussed\"\"postponed\"\"rejected\"\"none\""
    "\"against\"\"for\"\"abstain\"\"minutes\"\"agenda\"\"portal\"\"absent\""
    "\"participants\":[{\"name\":\"\",\"organisation\":null,\"role\":null,\"party\":null}],"
    "\"absent\":[{\"name\":\"\",\"organisation\":null}],\"items\":[{\"id\":\"\","
    "\"number\":1,\"title\":\"\",\"decision_outcome\":\"none\"}],\"layout_confidence\":"
    "\"rules\":[],\"warnings\":[]"
    "\"appointments\":[{\"person\":\"\",\"organisation\":null,\"to\":\"\"}],"
    "\"appointments_reported\":[{\"person\":\"\",\"organisation\":null,\"to\":\"\","
    "\"by\":\"\"}],\"attendance\":[{\"person\":\"\",\"kind\":\"absent\",\"text\":\"\"}],"
    "\"votes\":[{\"side\":\"for\",\"who\":[\"\"]}],"
    "{\"heading\":\"Beslutning\",\"kind\":\"beslutning\",\"text\":\"\",\"earlier\":true},"
    "{\"heading\":\"Indstilling\",\"kind\":\"indstilling\",\"text\":\"\"},"
    "{\"heading\":\"Bilag\",\"kind\":\"bilag\",\"text\":\"\"},"
    "{\"heading\":\"\",\"kind\":\"tekst\",\"text\":\""
    "{\"number\":1,\"title\":\"\",\"sections\":[\"Sagsfremstilling\",\"Indstilling\","
    "\"Beslutning\",\"Bilag\"],\"subheadings\":[],\"decision\":null,\"decision_outcome\":"
    "\"approved\",\"attachments\":[],\"inline_attachments\":[],\"persons_mentioned\":[],"
    "\"appointments\":[],\"appointments_reported\":[],\"body\":[{\"heading\":"
    "\"Sagsfremstilling\",\"kind\":\"sagsfremstilling\",\"text\":\"\"}],\"decisions\":"
    "[{\"text\":\"\",\"body\":null,\"date\":null}],\"case_number\":null,\"closed\":false,"
    "\"diverges_from_recommendation\":false,\"listed_only\":false,\"attendance\":[],"
    "\"votes\":[],\"municipalities\":[],\"max_amount\":null,\"span\":{\"begin\":0,"
    "\"end\":0},\"lines\":{\"begin\":0,\"end\":0},\"page\":1,\"type\":\"item\",\"id\":"
    "\"\",\"meeting_id\":\"\",\"meeting_index\":0,\"source\":\"\",\"sha256\":\"\","
    "\"input_type\":\"pdf\",\"layout\":\"\",\"meeting\":{\"title\":\"\",\"committee\":"
    "\"\",\"date\":\"2025-01-01\",\"start\":null,\"end\":null,\"location\":null,"
    "\"published\":null}}";
/// A record unpacks to at most this much (records are far smaller; this bounds damaged data).
constexpr std::size_t kMaxRecordBytes = 256u * 1024 * 1024;

// The counts of one part of the packed facet values (schema::kSlotFacets), most first.
std::vector<FacetCount> facet(const Xapian::ValueCountMatchSpy& spy, schema::FacetField field) {
    std::map<std::string, std::size_t, std::less<>> counts;
    for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
        const std::string packed = *it;
        const std::string_view value = schema::unpack_facet(packed, field);
        if (!value.empty())
            counts[std::string(value)] += static_cast<std::size_t>(it.get_termfreq());
    }
    std::vector<FacetCount> out;
    for (auto& [value, count] : counts) out.push_back(FacetCount{value, count});
    std::stable_sort(out.begin(), out.end(),
                     [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });
    return out;
}

}  // namespace

std::string encode_record(std::string_view json) {
    std::string out(1, kPackedV1);
    out += ingest::deflate_raw(json, kDictionaryV1);
    return out;
}

std::string record_json(std::string_view stored) {
    if (stored.empty() || stored.front() == '{') return std::string(stored);  // plain JSON
    if (stored.front() != kPackedV1)
        throw Error("a stored record is packed in a form this referat does not know (byte " +
                    std::to_string(static_cast<unsigned char>(stored.front())) +
                    "); use the referat that wrote the database, or re-ingest");
    auto json = ingest::inflate_raw(stored.substr(1), kMaxRecordBytes, kDictionaryV1);
    if (!json)
        throw Error("a stored record is damaged (" + json.error() + "); re-ingest its source");
    return *std::move(json);
}

std::string record_json(const Xapian::Document& doc) { return record_json(doc.get_data()); }

std::optional<json::Value> find_record(Xapian::Database& db, std::string_view id) {
    const std::string term = std::string(schema::kId) + std::string(id);
    return with_reopen(db, [&]() -> std::optional<json::Value> {
        auto it = db.postlist_begin(term);
        if (it == db.postlist_end(term)) return std::nullopt;
        const std::string data = record_json(db.get_document(*it));
        auto parsed = json::parse(data);
        if (!parsed)
            throw Error("record " + std::string(id) + " in the database is not valid JSON (" +
                        parsed.error().reason + "); re-ingest its source");
        return std::move(*parsed);
    });
}

IndexStats collect_stats(Xapian::Database& db) {
    return with_reopen(db, [&]() {
        IndexStats stats;
        const std::string item_term = schema::boolean_term(schema::kTypeTerm, schema::kTypeItem);
        stats.items = db.get_termfreq(item_term);
        stats.meetings =
            db.get_termfreq(schema::boolean_term(schema::kTypeTerm, schema::kTypeMeeting));
        const std::string source_prefix(schema::kSourceTerm);
        for (auto it = db.allterms_begin(source_prefix); it != db.allterms_end(source_prefix); ++it)
            ++stats.sources;
        if (stats.items == 0) return stats;

        Xapian::Enquire enquire(db);
        enquire.set_query(Xapian::Query(item_term));
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        Xapian::ValueCountMatchSpy packed(schema::kSlotFacets);
        enquire.add_matchspy(&packed);
        const auto all = db.get_doccount();
        (void)enquire.get_mset(0, 0, all);

        stats.committees = facet(packed, schema::FacetField::kCommittee);
        stats.layouts = facet(packed, schema::FacetField::kLayout);
        stats.outcomes = facet(packed, schema::FacetField::kOutcome);
        stats.years = facet(packed, schema::FacetField::kYear);
        std::sort(stats.years.begin(), stats.years.end(),
                  [](const FacetCount& a, const FacetCount& b) { return a.value < b.value; });
        return stats;
    });
}

}  // namespace referat::index
