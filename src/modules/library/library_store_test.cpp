// The library's store and search on both backends. The search cases table runs against SQLite
// (FTS5 + Snowball tokenizer) and PostgreSQL (tsvector per language + unaccent) alike.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "modules/library/library_store.hpp"
#include "modules/library/library_store_sql.hpp"
#include "core/search/analyzer.hpp"
#include "storage/store_test_support.hpp"

namespace avenir::library {
namespace {

Resource make(std::string lang, std::string title, std::string summary, std::string body, std::vector<std::string> regions = {"global"},
              std::vector<int> themes = {1}, std::string type = "publication", std::string date = "2024-03-01") {
    Resource r;
    r.type = std::move(type);
    r.regions = std::move(regions);
    r.themes = std::move(themes);
    r.date = std::move(date);
    r.publisher = "Test publisher";
    Version v;
    v.lang = std::move(lang);
    v.title = std::move(title);
    v.summary = std::move(summary);
    v.body_md = std::move(body);
    r.versions.push_back(std::move(v));
    EXPECT_TRUE(validate(r).empty());
    return r;
}

class LibraryStoreTest : public storage::testing::StoreConformance {
protected:
    void SetUp() override {
        install_sqlite_search();
        StoreConformance::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        storage::migrate(db());
        store_ = std::make_unique<LibraryStore>(db());
        add("negotiation", make("fr", "Négociation collective et intelligence artificielle",
                                "Ce que les syndicats peuvent obtenir à la table sur le numérique dans les services publics.",
                                "Un guide pour préparer une **négociation** sur les outils numériques.", {"europe-caribbean"}, {5}));
        add("rights-es", make("es", "Derechos digitales en el empleo público",
                              "Una guía para delegados sindicales.", "Cada trabajador tiene derecho a saber qué datos se recogen.",
                              {"latin-america"}, {3}, "guide", "2023-06-01"));
        add("management", make("en", "Algorithmic management in tax offices", "How software allocates work.",
                               "A worker may be scored by a system nobody explained.", {"north-america"}, {2}, "article", "2022-01-10"));
        add("joint", make("en", "Joint governance of workplace systems", "A seat at the table.",
                          "Unions want joint governance of every system that manages staff.", {"global"}, {4}));
        add("scattered", make("en", "Governance notes", "Notes on governance.",
                              "The governance board met; a joint statement followed later.", {"asia-pacific"}, {4}));
        add("surveillance-title", make("en", "Surveillance at work", "An overview.", "Short body.", {"africa-mena"}, {3}));
        add("surveillance-body", make("en", "Office life", "Daily routines.",
                                      "Surveillance here, surveillance there, surveillance of e-mail and surveillance of calls.",
                                      {"africa-mena"}, {3}));
        add("arabic", make("ar", "المفاوضة الجماعية والحقوق الرقمية", "دليل للنقابات حول الخوارزميات.",
                           "تحتاج النقابات إلى المفاوضة على أنظمة الذكاء الاصطناعي في العمل.", {"africa-mena"}, {5}));
        // For the accent, elision and Arabic cases.
        add("es-accents", make("es", "La negociación del teletrabajo", "Información para las delegadas.",
                               "Las negociaciones sobre tecnología avanzan en cada región.", {"latin-america"}, {5}));
        add("fr-accents", make("fr", "Une convention négociée avec les délégués", "Sécurité des données et égalité.",
                               "La première règle : qu'aucun algorithme ne décide seul d'une sanction.", {"europe-caribbean"}, {2}));
        add("ar-clitics", make("ar", "وللنقابات دورٌ في حماية العاملين", "بالتكنولوجيا الجديدة تتغيّر الوظائف على مستوى الإدارات.",
                               "تطالب المنظمة بالشفافية، وكالعادة تدافع عن حقوق الموظفين.", {"africa-mena"}, {3}));
        Resource rec = make("fr", "Enregistrement de l'atelier", "Atelier des organisateurs.", "", {"africa-mena"}, {6}, "recording");
        rec.duration_seconds = 5400;
        rec.versions[0].transcript = "Nous avons parlé du télétravail et des horaires imposés par les applications.";
        add("recording", rec);
    }
    void add(const std::string& key, const Resource& r) { ids_[key] = store_->create(r, std::nullopt, 1700000000); }
    std::vector<std::string> found(const std::string& q, const Filters& f = {}) {
        std::vector<std::string> keys;
        for (const auto& h : store_->search(parse_query(q), f, 0, 50).hits)
            for (const auto& [k, id] : ids_)
                if (id == h.resource.id) keys.push_back(k);
        return keys;
    }
    std::unique_ptr<LibraryStore> store_;
    std::map<std::string, std::int64_t> ids_;
};

bool has(const std::vector<std::string>& v, const std::string& k) { return std::find(v.begin(), v.end(), k) != v.end(); }

struct Case {
    const char* query;
    std::vector<std::string> expect;      // must be found
    std::vector<std::string> reject = {};  // must not be found
};

// The search cases, one table for both backends.
const Case kCases[] = {
    {"négociations", {"negotiation"}},                     // French stemming (plural -> singular)
    {"negociation", {"negotiation"}},                      // accent-insensitive
    {"numerique", {"negotiation"}},                        // accent-insensitive, summary
    {"trabajadores", {"rights-es"}},                       // Spanish stemming (plural -> singular)
    {"workers", {"management"}},                           // English stemming
    {"\"joint governance\"", {"joint"}, {"scattered"}},    // quoted phrase
    {"joint governance", {"joint", "scattered"}},          // all words, any order
    {"algorith", {"management"}},                          // prefix on the last word
    {"negoc", {"negotiation"}},                            // prefix, French
    {"teletravail", {"recording"}},                        // transcripts are searched
    {"governance -statement", {"joint"}, {"scattered"}},   // exclusion
    {"trabajadores OR workers", {"rights-es", "management"}},
    {"المفاوضة", {"arabic"}},                              // Arabic
    {"surveillance", {"surveillance-title", "surveillance-body"}},
    {"zzzunknownword", {}, {"negotiation", "management"}},
    {"joint governance of workplace systems", {"joint"}},        // stop words do not block a match
    {"intelligence artificielle et négociation", {"negotiation"}},
    {"the", {}, {"joint", "negotiation"}},                        // only a stop word: nothing to look for
    // Accents: a word typed without them finds the accented word, and the other way round.
    {"negociacion", {"es-accents"}},                    // Spanish -ción typed without its accent
    {"negociación", {"es-accents"}},
    {"negociaciones", {"es-accents"}},                  // plural meets the singular title
    {"informacion", {"es-accents"}},
    {"tecnologia", {"es-accents"}},                     // -logía
    {"negociee", {"fr-accents"}},                       // French -ée
    {"delegues", {"fr-accents"}},                       // French -és
    {"securite", {"fr-accents"}},                       // French -ité
    {"egalite", {"fr-accents"}},
    {"premiere", {"fr-accents"}},                       // French -ière
    // Elisions: "l'", "d'", "qu'" (straight or typographic apostrophe) do not hide the word.
    {"l'atelier", {"recording"}},
    {"l\u2019atelier", {"recording"}},
    {"atelier", {"recording"}},
    {"qu'aucun algorithme", {"fr-accents"}},
    {"d'une sanction", {"fr-accents"}},
    // Arabic: attached conjunctions and prepositions, the article, plurals, spelling variants.
    {"النقابات", {"ar-clitics", "arabic"}},             // "وللنقابات" (and + for the) in a title
    {"نقابة", {"ar-clitics", "arabic"}},                // singular with ta marbuta finds the plural
    {"التكنولوجيا", {"ar-clitics"}},                    // "بالتكنولوجيا" (with the)
    {"العادة", {"ar-clitics"}},                         // "وكالعادة" (and + as the)
    {"الشفافية", {"ar-clitics"}},                       // "بالشفافية"
    {"الموظفون", {"ar-clitics"}},                       // plural -ون finds "الموظفين" (-ين)
    {"العاملون", {"ar-clitics"}},
    {"الخوارزمية", {"arabic"}},                          // singular finds "الخوارزميات" (-ات)
    {"انظمة", {"arabic"}},                               // alef without hamza finds "أنظمة"
    {"المفاوضه", {"arabic"}},                           // ha for ta marbuta
    {"مستوي", {"ar-clitics"}},                          // ya for alef maqsura ("مستوى")
    {"الرَّقْمِيَّة", {"arabic"}},                        // diacritics
    {"الرقـــمية", {"arabic"}},                          // tatweel
    {"حماية", {"ar-clitics"}, {"arabic"}},
    {"الإدارة", {"ar-clitics"}},                         // "الإدارات": hamza and plural
};

TEST_P(LibraryStoreTest, SearchCases) {
    for (const auto& c : kCases) {
        const auto keys = found(c.query);
        for (const auto& e : c.expect) EXPECT_TRUE(has(keys, e)) << "query " << c.query << " should find " << e;
        for (const auto& r : c.reject) EXPECT_FALSE(has(keys, r)) << "query " << c.query << " should not find " << r;
    }
}

// `avenir library optimize` after a bulk import (SQLite: one segment per index; PostgreSQL:
// VACUUM ANALYZE) changes no result.
TEST_P(LibraryStoreTest, OptimizingTheIndexChangesNoResult) {
    std::vector<std::vector<std::string>> before;
    for (const auto& c : kCases) before.push_back(found(c.query));
    ASSERT_NO_THROW(store_->optimize());
    for (std::size_t i = 0; i < std::size(kCases); ++i) EXPECT_EQ(found(kCases[i].query), before[i]) << kCases[i].query;
    if (db().dialect() == storage::Dialect::Sqlite) {
        // Each language's index is one segment now (its structure record lists one segment).
        const auto segments = db().exec("SELECT count(DISTINCT segid) AS n FROM library_fts_en_idx").at(0).get_int("n");
        EXPECT_EQ(segments, 1);
    }
}

TEST_P(LibraryStoreTest, TitlesRankAboveBodies) {
    const auto keys = found("surveillance");
    ASSERT_GE(keys.size(), 2u);
    EXPECT_EQ(keys.front(), "surveillance-title");
}

TEST_P(LibraryStoreTest, SnippetsHighlightMatches) {
    const auto page = store_->search(parse_query("surveillance"), {}, 0, 10);
    ASSERT_FALSE(page.hits.empty());
    bool marked = false;
    for (const auto& h : page.hits) marked = marked || (h.snippet.find('\x02') != std::string::npos && h.snippet.find('\x03') != std::string::npos);
    EXPECT_TRUE(marked);
}

TEST_P(LibraryStoreTest, FacetsFilterAndCount) {
    Filters f;
    f.regions = {"africa-mena"};
    const auto keys = found("surveillance", f);
    EXPECT_EQ(keys.size(), 2u);
    f.regions = {"north-america"};
    EXPECT_TRUE(found("surveillance", f).empty());
    Filters types;
    types.types = {"recording"};
    EXPECT_EQ(found("teletravail", types), std::vector<std::string>{"recording"});
    types.types = {"article"};
    EXPECT_TRUE(found("teletravail", types).empty());
    Filters lang;
    lang.langs = {"es"};
    EXPECT_TRUE(found("negociation", lang).empty());
    Filters year;
    year.years = {2022};
    EXPECT_EQ(found("algorithmic", year), std::vector<std::string>{"management"});
    const auto page = store_->search(parse_query("surveillance"), {}, 0, 10);
    ASSERT_EQ(page.facets.region.size(), 1u);
    EXPECT_EQ(page.facets.region[0].key, "africa-mena");
    EXPECT_EQ(page.facets.region[0].count, 2);

    const auto browse = store_->browse(Filters{.regions = {"africa-mena"}}, 0, 2);
    EXPECT_EQ(browse.total, 5);  // surveillance x2, arabic, ar-clitics, recording
    EXPECT_EQ(browse.hits.size(), 2u);
}

TEST_P(LibraryStoreTest, VersionsLeftWithoutAnIndexByAnUpgradeAreIndexedAgain) {
    if (db().dialect() == storage::Dialect::Sqlite) {
        EXPECT_EQ(store_->index_pending(), 0);  // FTS5 follows by trigger; a migration rebuilds it
        return;
    }
    // What migration library 2 leaves on PostgreSQL: no tsvector, no recorded words.
    db().exec("UPDATE library_versions SET tsv = NULL");
    db().exec("DELETE FROM library_terms");
    EXPECT_TRUE(found("negociacion").empty());
    const auto versions = db().exec("SELECT count(*) AS n FROM library_versions").at(0).get_int("n");
    EXPECT_EQ(store_->index_pending(), versions);
    EXPECT_TRUE(has(found("negociacion"), "es-accents"));
    EXPECT_TRUE(has(found("negoc"), "negotiation"));  // the word being typed, from the recorded words
    EXPECT_EQ(store_->index_pending(), 0);
}

TEST_P(LibraryStoreTest, UpdatesAndDeletesReachTheIndex) {
    auto r = *store_->get(ids_["management"]);
    r.versions[0].title = "Scheduling software in tax offices";
    r.versions[0].body_md = "Nothing about the earlier word.";
    r.versions[0].summary = "";
    ASSERT_TRUE(validate(r).empty());
    store_->update(r, 1700000100);
    EXPECT_FALSE(has(found("algorithmic"), "management"));
    EXPECT_TRUE(has(found("scheduling"), "management"));
    EXPECT_TRUE(store_->remove(ids_["management"]));
    EXPECT_FALSE(has(found("scheduling"), "management"));
}

// A resource that is not public opens by its address only: no search, listing, facet count or
// feed shows it, whatever its words and facets; made public again, it is everywhere again.
TEST_P(LibraryStoreTest, ResourcesThatAreNotPublicAreNeitherListedNorFound) {
    Filters africa{.regions = {"africa-mena"}};
    auto r = *store_->get(ids_["recording"]);
    const auto before = store_->browse(africa, 0, 50).total;
    for (const std::string access : {"members", "gated"}) {
        r.access = access;
        r.gate = access == "gated" ? "training-session:7" : "";
        ASSERT_TRUE(validate(r).empty());
        store_->update(r, 1700000200);
        EXPECT_FALSE(has(found("teletravail"), "recording")) << access;
        EXPECT_TRUE(has(found("surveillance"), "surveillance-title")) << access;  // the others stay
        const auto page = store_->search(parse_query("enregistrement"), {}, 0, 10);
        EXPECT_EQ(page.total, 0) << access;
        EXPECT_TRUE(page.facets.type.empty()) << access;
        const auto browse = store_->browse(africa, 0, 50);
        EXPECT_EQ(browse.total, before - 1) << access;
        for (const auto& h : browse.hits) EXPECT_NE(h.resource.id, r.id) << access;
        for (const auto& fc : browse.facets.type) EXPECT_NE(fc.key, "recording") << access;
        for (const auto& x : store_->recent({}, 50)) EXPECT_NE(x.id, r.id) << access;
        const auto back = store_->get(r.id);
        ASSERT_TRUE(back);
        EXPECT_EQ(back->access, access);
        EXPECT_EQ(back->gate, r.gate);
    }
    Resource filed = make("en", "Filed by its owner", "", "", {"global"}, {1}, "recording");
    filed.ref = "training-session-x";
    add("filed", filed);
    const auto by_ref = store_->by_refs({"nothing", "training-session-x"});
    ASSERT_EQ(by_ref.size(), 1u);
    EXPECT_EQ(by_ref[0].id, ids_["filed"]);
    r.access = "public";
    r.gate.clear();
    store_->update(r, 1700000300);
    EXPECT_TRUE(has(found("teletravail"), "recording"));
    EXPECT_EQ(store_->browse(africa, 0, 50).total, before);
}

TEST(LibraryAccess, IsCheckedWithItsGate) {
    Resource r;
    r.versions.push_back({"en", "A recording", "", "", "", "", {}});
    r.regions = {"global"};
    r.date = "2026-01-01";
    r.access = "everyone";
    EXPECT_EQ(validate(r).size(), 1u);
    r.access = "gated";
    EXPECT_EQ(validate(r).size(), 1u);  // a gated resource names its gate
    r.gate = "training-session:3";
    EXPECT_TRUE(validate(r).empty());
    r.access = "members";
    EXPECT_EQ(validate(r).size(), 1u);  // and only a gated one does
}

// On PostgreSQL the search asks the index for the newest slices of resource ids first and widens
// to older ones (library_store_search.cpp): matches far apart in the id space are all found, once
// each, with their facets, on both backends.
TEST_P(LibraryStoreTest, MatchesFarApartInTheIdSpaceAreAllFoundOnce) {
    auto jump_to = [&](std::int64_t id) {
        if (db().dialect() == storage::Dialect::Postgres)
            db().exec("ALTER TABLE library_resources ALTER COLUMN id RESTART WITH " + std::to_string(id));
        else  // SQLite gives the next row the largest id + 1
            db().exec("INSERT INTO library_resources (id, type, published_on, year, created_at, updated_at) "
                      "VALUES ($1, 'article', '2020-01-01', 2020, 0, 0)",
                      {id - 1});
    };
    std::set<std::int64_t> expected, in_asia;
    for (std::int64_t base : {5000, 21000, 70000, 140000}) {
        jump_to(base);
        for (int k = 0; k < 3; ++k) {
            const std::string key = "far-" + std::to_string(base) + "-" + std::to_string(k);
            add(key, make("en", "Rostering at the depot", "Shift patterns.", "Rostering software decides the shifts.",
                          {k == 0 ? "asia-pacific" : "global"}, {2}));
            expected.insert(ids_[key]);
            if (k == 0) in_asia.insert(ids_[key]);
        }
    }
    EXPECT_GE(*expected.rbegin(), 140000);
    auto ids_of = [&](const Filters& f) {
        std::vector<std::int64_t> out;
        for (const auto& h : store_->search(parse_query("rostering"), f, 0, 50).hits) out.push_back(h.resource.id);
        return out;
    };
    const auto all = ids_of({});
    EXPECT_EQ(std::set<std::int64_t>(all.begin(), all.end()), expected);
    EXPECT_EQ(all.size(), expected.size());  // once each
    const auto asia = ids_of(Filters{.regions = {"asia-pacific"}});
    EXPECT_EQ(std::set<std::int64_t>(asia.begin(), asia.end()), in_asia);
    EXPECT_TRUE(ids_of(Filters{.themes = {3}}).empty());
}

// The slice cover: whole coarse slices (64 fine ones) where they fit, fine ones at the edges.
TEST(LibrarySlices, CoverUsesCoarseSlicesWhereTheyFit) {
    EXPECT_EQ(store_sql::slice_cover(5, 5), "'~s5'");
    EXPECT_EQ(store_sql::slice_cover(62, 65), "'~s65' | '~s64' | '~s63' | '~s62'");
    EXPECT_EQ(store_sql::slice_cover(0, 63), "'~c0'");
    EXPECT_EQ(store_sql::slice_cover(63, 128), "'~s128' | '~c1' | '~s63'");
    EXPECT_EQ(store_sql::slice_cover(0, 130), "'~s130' | '~s129' | '~s128' | '~c1' | '~c0'");
}

TEST_P(LibraryStoreTest, BadInputNeverThrows) {
    const std::string big(10 * 1024, 'a');
    for (const std::string q : {std::string("\"unbalanced"), std::string("OR"), std::string("-"), std::string("AND NOT"),
                                std::string("* ( ) : ^ {"), big, std::string("\x01\x02\x1f x"), std::string("\"\""),
                                std::string("NEAR(a b)"), std::string("title:x"), std::string("\xff\xfe broken utf8")}) {
        EXPECT_NO_THROW(store_->search(parse_query(q), {}, 0, 10)) << q.substr(0, 40);
    }
}

INSTANTIATE_TEST_SUITE_P(Backends, LibraryStoreTest, ::testing::Values("sqlite", "postgres"), [](const auto& info) { return info.param; });

}  // namespace
}  // namespace avenir::library

namespace avenir::library {
namespace {

// The full-text match drives the plan, facets included (they are part of the FTS5 match): each
// language's FTS5 index is the outer loop, newest first, and each kept match's resource row is read
// by primary key for its facet counts; no table is scanned and nothing is sorted.
TEST(LibrarySearchPlan, FullTextMatchDrivesThePlanWithFacets) {
    install_sqlite_search();
    const auto dir = std::filesystem::temp_directory_path() / ("avenir-plan-" + storage::testing::random_suffix());
    {
        auto db = storage::open_database("sqlite:" + (dir / "plan.db").string(), 1);
        storage::migrate(*db);
        LibraryStore store(*db);
        Filters f;
        f.regions = {"asia-pacific", "africa-mena"};
        f.themes = {4};
        f.types = {"article"};
        f.years = {2024};
        f.langs = {"en", "fr"};
        const auto plan = store.search_plan(parse_query("joint governance"), f);
        ASSERT_FALSE(plan.empty());
        std::string all;
        int fts_scans = 0;
        for (const auto& line : plan) {
            all += line + "\n";
            if (line.find("SCAN library_fts_") != std::string::npos && line.find("VIRTUAL TABLE INDEX") != std::string::npos) ++fts_scans;
        }
        EXPECT_EQ(fts_scans, 2) << all;  // en and fr only: the language facet picks the indexes
        EXPECT_NE(all.find("SEARCH r USING INTEGER PRIMARY KEY (rowid=?)"), std::string::npos) << all;
        EXPECT_EQ(all.find("TEMP B-TREE"), std::string::npos) << all;  // the index gives the newest matches first: no sort
        for (const char* bad : {"SCAN v", "SCAN library_versions", "SCAN library_resources", "SCAN r", "SCAN x"})
            EXPECT_EQ(all.find(std::string(bad) + "\n"), std::string::npos) << bad << " in\n" << all;
    }
    std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace avenir::library
