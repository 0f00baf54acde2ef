#include "modules/library/demo/library_demo.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

using namespace avenir::library;

namespace {

// Everything a resource holds, as one string, to compare resources field by field.
std::string dump(const Resource& r) {
    std::string s = r.type + '|' + r.date + '|' + r.publisher + '|' + r.licence + '|' + r.url + '|' +
                    std::to_string(r.duration_seconds) + '|' + (r.key_publication ? "key" : "") + '|';
    for (const auto& g : r.regions) s += g + ',';
    for (int t : r.themes) s += std::to_string(t) + ',';
    for (const auto& a : r.audiences) s += a + ',';
    for (const auto& v : r.versions)
        s += '\n' + v.lang + '|' + v.title + '|' + v.summary + '|' + v.body_md + '|' + v.transcript + '|' + v.url;
    return s;
}

// Lower-cased words: ASCII letters and digits, and any non-ASCII character except the punctuation the
// generator writes (Arabic comma and question mark, dashes, quotes).
std::vector<std::string> words_of(std::string_view s) {
    static const std::set<std::string> punct = {"،", "؛", "؟", "–", "—", "«", "»", "’", "¿", "¡"};
    std::vector<std::string> out;
    std::string cur;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        const std::string ch(s.substr(i, len));
        i += len;
        if (len == 1 ? std::isalnum(c) != 0 : punct.count(ch) == 0) {
            if (len == 1)
                cur += static_cast<char>(std::tolower(c));
            else if (len == 2 && c == 0xC3 && static_cast<unsigned char>(ch[1]) <= 0x9E)
                cur += ch.substr(0, 1) + static_cast<char>(ch[1] + 0x20);
            else
                cur += ch;
        } else if (!cur.empty()) {
            out.push_back(std::move(cur));
            cur.clear();
        }
    }
    if (!cur.empty()) out.push_back(std::move(cur));
    return out;
}

// Accents off, as a search engine folds them ("numérique" -> "numerique").
std::string folded(std::string_view w) {
    static const std::map<std::string, char> map = {
        {"á", 'a'}, {"à", 'a'}, {"â", 'a'}, {"é", 'e'}, {"è", 'e'}, {"ê", 'e'}, {"ë", 'e'}, {"í", 'i'}, {"î", 'i'}, {"ï", 'i'},
        {"ó", 'o'}, {"ô", 'o'}, {"ú", 'u'}, {"ù", 'u'}, {"û", 'u'}, {"ü", 'u'}, {"ç", 'c'}, {"ñ", 'n'}, {"ö", 'o'}, {"ä", 'a'}};
    std::string out;
    for (std::size_t i = 0; i < w.size();) {
        if (static_cast<unsigned char>(w[i]) == 0xC3 && i + 1 < w.size()) {
            const auto it = map.find(std::string(w.substr(i, 2)));
            if (it != map.end()) {
                out += it->second;
                i += 2;
                continue;
            }
        }
        out += w[i++];
    }
    return out;
}

bool numeric(const std::string& w) { return std::isdigit(static_cast<unsigned char>(w[0])) != 0; }

}  // namespace

TEST(LibraryDemo, SameSeedSameResources) {
    const auto a = demo_resources(200, 42);
    const auto b = demo_resources(200, 42);
    ASSERT_EQ(a.size(), 200u);
    ASSERT_EQ(b.size(), 200u);
    for (std::size_t i = 0; i < a.size(); ++i) ASSERT_EQ(dump(a[i]), dump(b[i])) << "index " << i;
    const auto c = demo_resources(200, 43);
    std::size_t same = 0;
    for (std::size_t i = 0; i < a.size(); ++i) same += dump(a[i]) == dump(c[i]);
    EXPECT_EQ(same, 0u) << "another seed gives other resources";
    // Different indexes of one sequence differ too.
    std::set<std::string> titles;
    for (const auto& r : a) titles.insert(r.versions.at(0).title);
    EXPECT_GT(titles.size(), 190u);
}

TEST(LibraryDemo, BatchesEqualOneBigCall) {
    const auto all = demo_resources(300, 7);
    auto first = demo_resources(120, 7, 0);
    const auto second = demo_resources(180, 7, 120);
    first.insert(first.end(), second.begin(), second.end());
    ASSERT_EQ(first.size(), all.size());
    for (std::size_t i = 0; i < all.size(); ++i) ASSERT_EQ(dump(first[i]), dump(all[i])) << "index " << i;
    const auto tail = demo_resources(25, 7, 275);
    for (std::size_t i = 0; i < tail.size(); ++i) ASSERT_EQ(dump(tail[i]), dump(all[275 + i])) << "index " << 275 + i;
    EXPECT_TRUE(demo_resources(0, 7, 5).empty());
}

TEST(LibraryDemo, ResourcesAreValidAndPlausible) {
    const auto rs = demo_resources(5000, 99);
    std::size_t transcripts = 0, recorded = 0;
    for (const auto& original : rs) {
        Resource r = original;
        const auto problems = validate(r);
        ASSERT_TRUE(problems.empty()) << problems.front() << "\n" << dump(original);
        // validate() did not have to fix anything: lists were already sorted and unique.
        EXPECT_EQ(dump(r), dump(original));

        ASSERT_GE(r.versions.size(), 1u);
        ASSERT_LE(r.versions.size(), 3u);
        std::set<std::string> langs;
        for (const auto& v : r.versions) {
            EXPECT_TRUE(langs.insert(v.lang).second) << "two versions in " << v.lang;
            EXPECT_FALSE(v.summary.empty());
            const auto words = words_of(v.body_md).size();
            EXPECT_GE(words, 110u) << v.body_md;
            EXPECT_LE(words, 330u) << v.body_md;
            EXPECT_NE(v.body_md.find("\n## "), std::string::npos) << "Markdown headings";
            EXPECT_NE(v.body_md.find("\n- "), std::string::npos) << "a Markdown list";
            EXPECT_EQ(v.body_md.find('{'), std::string::npos) << "an unfilled slot: " << v.body_md;
            EXPECT_EQ(v.title.find('{'), std::string::npos) << v.title;
            EXPECT_EQ((v.title + v.summary + v.body_md + v.transcript).find('@'), std::string::npos) << "no e-mail addresses";
        }
        EXPECT_GE(r.themes.size(), 1u);
        EXPECT_LE(r.themes.size(), 3u);
        ASSERT_GE(r.regions.size(), 1u);
        EXPECT_LE(r.regions.size(), 2u);
        if (std::find(r.regions.begin(), r.regions.end(), "global") != r.regions.end()) {
            EXPECT_EQ(r.regions.size(), 1u);
        }
        EXPECT_GE(r.date, "2016-01-01");
        EXPECT_LE(r.date, "2026-11-01");
        EXPECT_FALSE(r.publisher.empty());
        if (!r.url.empty()) {
            EXPECT_TRUE(r.url.starts_with("https://example.org/") || r.url.starts_with("https://example.net/")) << r.url;
        }
        const bool is_recorded = r.type == "recording" || r.type == "audio";
        if (is_recorded) {
            ++recorded;
            EXPECT_GE(r.duration_seconds, 600);
            EXPECT_LE(r.duration_seconds, 7200);
        } else {
            EXPECT_EQ(r.duration_seconds, 0);
        }
        for (std::size_t k = 0; k < r.versions.size(); ++k) {
            const auto& t = r.versions[k].transcript;
            if (t.empty()) continue;
            ++transcripts;
            EXPECT_TRUE(is_recorded);
            EXPECT_EQ(k, 0u) << "transcripts in the original language only";
            const auto n = words_of(t).size();
            EXPECT_GE(n, 170u);
            EXPECT_LE(n, 280u);
        }
    }
    // Half of the recordings have a transcript.
    ASSERT_GT(recorded, 500u);
    EXPECT_NEAR(static_cast<double>(transcripts) / static_cast<double>(recorded), 0.5, 0.06);
}

TEST(LibraryDemo, MixFollowsTheSpecification) {
    constexpr std::size_t n = 20000;
    const auto rs = demo_resources(n, 2024);
    std::map<std::string, std::size_t> first_lang, types;
    std::size_t two_or_more = 0, three = 0, global = 0, key = 0, with_url = 0;
    std::set<int> years;
    for (const auto& r : rs) {
        ++first_lang[r.versions.at(0).lang];
        ++types[r.type];
        two_or_more += r.versions.size() >= 2;
        three += r.versions.size() == 3;
        global += r.regions == std::vector<std::string>{"global"};
        key += r.key_publication;
        with_url += !r.url.empty();
        years.insert(r.year());
    }
    auto share = [&](std::size_t k) { return static_cast<double>(k) / n; };
    EXPECT_NEAR(share(first_lang["en"]), 0.45, 0.02);
    EXPECT_NEAR(share(first_lang["fr"]), 0.25, 0.02);
    EXPECT_NEAR(share(first_lang["es"]), 0.20, 0.02);
    EXPECT_NEAR(share(first_lang["ar"]), 0.10, 0.015);
    EXPECT_NEAR(share(two_or_more), 0.30, 0.02);
    EXPECT_NEAR(share(three), 0.10, 0.015);
    EXPECT_NEAR(share(global), 0.10, 0.015);
    EXPECT_NEAR(share(key), 0.05, 0.01);
    EXPECT_GT(share(with_url), 0.15);
    for (auto t : kTypes) EXPECT_GT(share(types[std::string(t)]), 0.03) << t;
    EXPECT_EQ(*years.begin(), 2016);
    EXPECT_EQ(*years.rbegin(), 2026);
}

TEST(LibraryDemo, VocabularyIsLargeWithALongTail) {
    constexpr std::size_t n = 20000;
    const auto rs = demo_resources(n, 5);
    std::map<std::string, std::unordered_map<std::string, std::size_t>> df;  // lang -> word -> versions containing it
    std::map<std::string, std::size_t> versions;
    for (const auto& r : rs)
        for (const auto& v : r.versions) {
            ++versions[v.lang];
            std::unordered_set<std::string> seen;
            for (auto& w : words_of(v.title + ' ' + v.summary + ' ' + v.body_md + ' ' + v.transcript))
                if (!numeric(w)) seen.insert(std::move(w));
            for (const auto& w : seen) ++df[v.lang][w];
        }
    for (const std::string lang : {"en", "fr", "es", "ar"}) {
        const auto& words = df[lang];
        EXPECT_GT(words.size(), 2000u) << lang << ": distinct words";
        // Long tail: many words are rare (in under 1% of the texts), very few are everywhere.
        std::size_t rare = 0, everywhere = 0;
        for (const auto& [w, k] : words) {
            rare += k * 100 < versions[lang];
            everywhere += k * 2 > versions[lang];
        }
        EXPECT_GT(rare * 10, words.size() * 4) << lang << ": over 40% of the words are rare";
        EXPECT_LT(everywhere * 100, words.size() * 3) << lang << ": under 3% of the words are in half the texts";
    }
}

TEST(LibraryDemo, QueriesAreShortSelectiveAndVaried) {
    const auto rs = demo_resources(4000, 11);
    for (const std::string lang : {"en", "fr", "es", "ar"}) {
        const auto qs = demo_queries(lang, 300, 3);
        ASSERT_EQ(qs.size(), 300u);
        EXPECT_EQ(qs, demo_queries(lang, 300, 3)) << "deterministic";
        EXPECT_NE(qs, demo_queries(lang, 300, 4));
        std::map<std::size_t, std::size_t> lengths;
        for (const auto& q : qs) {
            const auto n = static_cast<std::size_t>(std::count(q.begin(), q.end(), ' ')) + 1;  // words as typed
            EXPECT_EQ(q.find("  "), std::string::npos) << q;
            EXPECT_GE(n, 1u) << q;
            EXPECT_LE(n, 3u) << q;
            ++lengths[n];
        }
        for (std::size_t n = 1; n <= 3; ++n) EXPECT_GT(lengths[n], 20u) << lang << ": queries of " << n << " words";

        // Share of the texts in this language that contain every word of the query (accents folded, no stemming,
        // so plurals and Arabic spelling variants undercount): typically between 0.1% and 10%.
        std::vector<std::unordered_set<std::string>> docs;
        for (const auto& r : rs)
            if (const Version* v = r.version(lang)) {
                std::unordered_set<std::string> s;
                for (const auto& w : words_of(v->title + ' ' + v->summary + ' ' + v->body_md)) s.insert(folded(w));
                docs.push_back(std::move(s));
            }
        std::vector<double> shares;
        for (const auto& q : qs) {
            std::size_t hits = 0;
            const auto qw = words_of(q);
            for (const auto& d : docs)
                hits += std::all_of(qw.begin(), qw.end(), [&](const std::string& w) { return d.count(folded(w)) > 0; });
            shares.push_back(static_cast<double>(hits) / static_cast<double>(docs.size()));
        }
        std::sort(shares.begin(), shares.end());
        EXPECT_GE(shares[150], 0.001) << lang << ": median share";
        EXPECT_LE(shares[150], 0.10) << lang << ": median share";
        EXPECT_LT(shares[270], 0.35) << lang << ": 90th percentile";
    }
    EXPECT_TRUE(demo_queries("de", 10, 1).empty());
}

TEST(LibraryDemo, QueriesIncludeUnaccentedAndPluralForms) {
    // French and Spanish: some queries are typed without accents, for words the texts write with accents.
    for (const std::string lang : {"fr", "es"}) {
        std::unordered_set<std::string> accented;  // folded forms of the words written with accents
        for (const auto& r : demo_resources(2000, 1))
            if (const Version* v = r.version(lang))
                for (const auto& w : words_of(v->body_md + ' ' + v->title))
                    if (folded(w) != w) accented.insert(folded(w));
        std::size_t unaccented = 0;
        for (const auto& q : demo_queries(lang, 1000, 8))
            for (const auto& w : words_of(q)) unaccented += accented.count(w);
        EXPECT_GT(unaccented, 10u) << lang;
    }
    std::size_t plurals = 0;
    for (const auto& q : demo_queries("en", 1000, 8))
        for (const auto& w : words_of(q))
            plurals += w == "algorithms" || w == "clauses" || w == "agreements" || w == "cameras" || w == "systems";
    EXPECT_GT(plurals, 5u);
}

TEST(LibraryDemo, AHundredThousandInBatches) {
    // Streaming as a benchmark would: batches of 10,000, nothing kept.
    std::size_t resources = 0, versions = 0;
    std::map<std::string, std::size_t> langs;
    for (std::size_t first = 0; first < 100000; first += 10000) {
        const auto batch = demo_resources(10000, 77, first);
        ASSERT_EQ(batch.size(), 10000u);
        resources += batch.size();
        for (const auto& r : batch) {
            ASSERT_FALSE(r.versions.empty());
            versions += r.versions.size();
            for (const auto& v : r.versions) ++langs[v.lang];
        }
    }
    EXPECT_EQ(resources, 100000u);
    EXPECT_NEAR(static_cast<double>(versions) / 100000.0, 1.4, 0.02);  // 1 + 0.30 + 0.10
    EXPECT_EQ(langs.size(), 4u);
}
