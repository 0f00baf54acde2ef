// The clause store on both backends: a clause comes back whole (texts, tags, placeholders,
// source); editing its authoritative text raises its version and leaves its translations
// outdated until they are made again from the new text; the taxonomy round-trips.
#include <gtest/gtest.h>

#include "core/i18n/i18n.hpp"
#include "modules/bargaining/bargaining_store.hpp"
#include "storage/store_test_support.hpp"

namespace avenir::bargaining {
namespace {

class BargainingStoreTest : public storage::testing::StoreConformance {
protected:
    void SetUp() override {
        StoreConformance::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        storage::migrate(db());
        st_ = std::make_unique<BargainingStore>(db());
        Topic t;
        t.slug = "surveillance-monitoring";
        t.position = 4;
        t.workshops = {"workers-data-rights"};
        t.subtopics = {{"notice-and-purpose", {{"en", "Notice"}, {"fr", "Préavis"}}}};
        t.texts["en"] = {"Surveillance and monitoring", "What clauses do.", "Why it matters."};
        st_->put_topic(t);
        taxonomy_ = st_->topics();
    }
    Clause sample() {
        Clause c;
        c.slug = "surv-notice-preferred";
        c.status = "published";
        c.topic = "surveillance-monitoring";
        c.subtopic = "notice-and-purpose";
        c.family = "surv-notice";
        c.ladder = "preferred";
        c.mechanisms = {"information", "consultation"};
        c.lifecycle = {"procurement"};
        c.technologies = {"cctv"};
        c.placeholders = {{"employer", "name", "the Employer"}, {"notice_days", "number", "60"}};
        c.country = "Chile";
        c.binding = true;
        c.workers_covered = 1200;
        const std::string en = "{{employer}} informs the union {{notice_days}} days before any monitoring tool is used.";
        c.texts = {{"en", "Notice before monitoring", en, "Notice first.", "No surprises.", "", std::nullopt},
                   {"fr", "Préavis", "{{employer}} informe le syndicat {{notice_days}} jours avant.", "", "", "", i18n::source_fingerprint(en)}};
        return c;
    }
    std::unique_ptr<BargainingStore> st_;
    std::vector<Topic> taxonomy_;
};

TEST_P(BargainingStoreTest, AClauseComesBackWhole) {
    auto c = sample();
    ASSERT_EQ(validate(c, taxonomy_), std::vector<std::string>{});
    const auto id = st_->create(c, 100);
    const auto got = st_->get(id);
    ASSERT_TRUE(got);
    EXPECT_EQ(got->slug, c.slug);
    EXPECT_EQ(got->version, 1);
    EXPECT_EQ(got->mechanisms, (std::vector<std::string>{"consultation", "information"}));
    EXPECT_EQ(got->technologies, (std::vector<std::string>{"cctv"}));
    ASSERT_EQ(got->placeholders.size(), 2u);
    EXPECT_EQ(got->placeholders[1].name, "notice_days");
    EXPECT_EQ(got->placeholders[1].type, "number");
    EXPECT_EQ(got->placeholders[1].fallback, "60");
    EXPECT_EQ(got->binding, std::optional<bool>(true));
    EXPECT_EQ(got->workers_covered, std::optional<std::int64_t>(1200));
    EXPECT_EQ(got->published_at, std::optional<std::int64_t>(100));
    ASSERT_EQ(got->texts.size(), 2u);
    EXPECT_EQ(got->texts[0].lang, "en") << "the authoritative text first";
    EXPECT_EQ(st_->by_slug(c.slug)->id, id);
    EXPECT_EQ(st_->count_published(), 1);
    const auto topics = st_->topics();
    ASSERT_EQ(topics.size(), 1u);
    EXPECT_EQ(topics[0].subtopics.at(0).names.at("fr"), "Préavis");
    EXPECT_EQ(topics[0].texts.at("en").why, "Why it matters.");
}

TEST_P(BargainingStoreTest, EditingTheSourceTextMarksTranslationsOutdated) {
    auto c = sample();
    ASSERT_EQ(validate(c, taxonomy_), std::vector<std::string>{});
    c.id = st_->create(c, 100);
    auto state = [&](const Clause& k, const std::string& lang) {
        const auto* t = k.text(lang);
        return i18n::translation_state(k.source().body, t && t->translated_from ? std::optional<std::string_view>(*t->translated_from) : std::nullopt,
                                      t != nullptr);
    };
    EXPECT_EQ(state(*st_->get(c.id), "fr"), i18n::TranslationState::Complete);
    // A new summary only: same version, translation still complete.
    c.texts[0].summary = "Notice, always.";
    st_->update(c, 200);
    EXPECT_EQ(st_->get(c.id)->version, 1);
    EXPECT_EQ(state(*st_->get(c.id), "fr"), i18n::TranslationState::Complete);
    // The English text changes: version 2, French outdated.
    c.texts[0].body = "{{employer}} informs the union in writing {{notice_days}} days before any monitoring tool is used.";
    st_->update(c, 300);
    auto after = *st_->get(c.id);
    EXPECT_EQ(after.version, 2);
    EXPECT_EQ(state(after, "fr"), i18n::TranslationState::Outdated);
    // Translated again from the new text: complete.
    after.texts[1].body = "{{employer}} informe le syndicat par écrit {{notice_days}} jours avant.";
    after.texts[1].translated_from = i18n::source_fingerprint(after.texts[0].body);
    st_->update(after, 400);
    EXPECT_EQ(st_->get(c.id)->version, 2);
    EXPECT_EQ(state(*st_->get(c.id), "fr"), i18n::TranslationState::Complete);
}

TEST_P(BargainingStoreTest, ValidationNamesEveryProblem) {
    auto c = sample();
    c.topic = "weather";
    c.ladder = "";
    c.mechanisms.push_back("strike");
    c.texts[1].body = "{{employeur}} informe.";
    const auto problems = validate(c, taxonomy_);
    auto has = [&](const std::string& part) {
        return std::any_of(problems.begin(), problems.end(), [&](const std::string& p) { return p.find(part) != std::string::npos; });
    };
    EXPECT_TRUE(has("\"weather\" is not a topic"));
    EXPECT_TRUE(has("family and ladder"));
    EXPECT_TRUE(has("mechanisms: \"strike\""));
    EXPECT_TRUE(has("{{employeur}} is used but not declared"));
    EXPECT_TRUE(has("fr: not the same placeholders"));
}

INSTANTIATE_TEST_SUITE_P(Backends, BargainingStoreTest, ::testing::Values("sqlite", "postgres"), [](const auto& info) { return info.param; });

}  // namespace
}  // namespace avenir::bargaining
