#pragma once
// Documents built in the test from sentences of data/samples/000_92d3c2ccd0431f34.txt, so the
// index tests do not depend on the segmenter.

#include <string>
#include <vector>

#include <referat/ingest/model.hpp>

namespace referat::testing {

/// An item with an Indstilling, a Baggrund, a Beslutning section and one attachment.
inline ingest::Item sample_item(int number, std::string title) {
    ingest::Item item;
    item.number = number;
    item.title = std::move(title);
    item.sections = {
        {"Baggrund", "baggrund",
         "Jævnfør initiativ i Rammeaftalen skal kommunerne og regionen i Syddanmark indberette "
         "gennemsnitlige faktiske belægningsprocenter efter 2. kvartal."},
        {"Indstilling", "indstilling",
         "Forretningsudvalget indstiller, at Socialdirektørforum tager orienteringen til "
         "efterretning."},
        {"Beslutning", "beslutning", "Socialdirektørforum tog orienteringen til efterretning."},
        {"Bilag", "bilag", "Belægningsprocenter 1. halvår 2021.pdf"},
    };
    item.decision = "Socialdirektørforum tog orienteringen til efterretning.";
    item.decisions = {{*item.decision, std::nullopt, std::nullopt}};
    item.outcome = ingest::Outcome::kNoted;
    item.attachments = {"Belægningsprocenter 1. halvår 2021.pdf"};
    item.persons_mentioned = {"Klaus Liestmann"};
    item.municipalities = {"Middelfart Kommune"};
    item.max_amount = 1250000.0;
    item.line_begin = 10 * number;
    item.line_end = 10 * number + 9;
    return item;
}

/// A one-meeting document with items numbered 1..count.
inline ingest::Document sample_document(std::string source, int count) {
    ingest::Document doc;
    doc.source = std::move(source);
    doc.sha256 = std::string(64, 'a');
    doc.type = "text";
    ingest::Meeting m;
    m.title = "Møde i Socialdirektørforum den 10. september 2021";
    m.committee = "Socialdirektørforum";
    m.date = "2021-09-10";
    m.start = "2021-09-10T12:30";
    m.end = "2021-09-10T13:30";
    m.location = "Comwell, Karensmindevej 3, 5500 Middelfart";
    m.layout = "portal";
    m.layout_confidence = 0.9;
    m.participants = {{"Klaus Liestmann", "Odense Kommune", "formand", std::nullopt}};
    const char* titles[] = {"Fællesmøde mellem repræsentanter fra Børne- og Ungeområdet",
                            "Godkendelse af referat fra møde i Socialdirektørforum",
                            "Opfølgning på faktiske belægningsprocenter for første halvår 2021",
                            "Det økonomiske pres på socialområdet punkt på møde i KKR"};
    for (int n = 1; n <= count; ++n) m.items.push_back(sample_item(n, titles[(n - 1) % 4]));
    doc.meetings.push_back(std::move(m));
    return doc;
}

}  // namespace referat::testing
