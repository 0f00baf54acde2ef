// The bargaining hub over HTTP, on both backends: the database view's filters agree with the
// store; a clause page shows two languages, its ladder, and an outdated translation after its
// source changes; a confidential clause stays with its union in pages, lists, counts, search and
// feed; proposals are their union's representatives' only, keep what was stored on bad input,
// and export as DOCX and ODT with the blanks filled, in order.
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "core/clock.hpp"
#include "core/documents/document_test_support.hpp"
#include "core/html.hpp"
#include "core/i18n/i18n.hpp"
#include "core/security/totp.hpp"
#include "modules/accounts/accounts_module.hpp"
#include "modules/bargaining/bargaining_module.hpp"
#include "modules/bargaining/bargaining_search.hpp"
#include "tests/http/http_fixture.hpp"

namespace avenir::testing {
namespace {
inline constexpr const char* kPassword = "violet-tractor-harbour-91";

using documents::testing::zip_member;

// Text as the templates escape it (an apostrophe as &apos;).
std::string escaped(const std::string& text) { return std::regex_replace(html_escape(text), std::regex("&#39;"), "&apos;"); }

// Text of an XML part without its tags.
std::string text_of(const std::string& xml) { return std::regex_replace(xml, std::regex("<[^>]*>"), ""); }

std::set<std::string> clause_links(const std::string& body) {
    std::set<std::string> out;
    const std::regex link("href=\"(?:/[a-z]{2})?/bargaining/clauses/([a-z0-9-]+)\"");
    for (auto it = std::sregex_iterator(body.begin(), body.end(), link); it != std::sregex_iterator(); ++it) out.insert((*it)[1]);
    return out;
}

class BargainingHttp : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        db_ = std::make_unique<TestDatabase>(GetParam());
        if (pg_unavailable(*db_)) GTEST_SKIP() << "AVENIR_TEST_PG_DSN not set; make test provides one";
        app_ = std::make_unique<App>(test_config(db_->url()), true);
        app_->seed();
        auto& accounts = app_->module<accounts::AccountsModule>();
        union_a_ = accounts.store().create_union({0, "Health Workers Union", "Fiji", "asia-pacific", "health"}, 0);
        union_b_ = accounts.store().create_union({0, "Municipal Workers Union", "Peru", "latin-america", "local government"}, 0);
        person("rep.a", {"union_rep", "union", std::to_string(union_a_)});
        person("member.a", {"member", "union", std::to_string(union_a_)});
        person("rep.b", {"union_rep", "union", std::to_string(union_b_)});
        person("dro", {"dro", "region", "asia-pacific"});
    }
    void person(const std::string& who, const auth::Grant& g) {
        auto& accounts = app_->module<accounts::AccountsModule>();
        accounts.create_user(who + "@example.org", who, kPassword);
        accounts.grant(who + "@example.org", g);
    }
    std::unique_ptr<Browser> as(const std::string& who) { return signed_in_browser(app_->pipeline(), who + "@example.org", kPassword); }
    Reply anon(const std::string& target) { return call(app_->pipeline(), http::Method::Get, target); }
    bargaining::BargainingModule& module() { return app_->module<bargaining::BargainingModule>(); }
    void save(bargaining::Clause& c, bool create) {
        if (create) c.id = 0;
        c.id = module().save_clause(c);
    }
    std::unique_ptr<TestDatabase> db_;
    std::unique_ptr<App> app_;
    std::int64_t union_a_ = 0, union_b_ = 0;
};

TEST_P(BargainingHttp, TheDatabaseViewFiltersAgreeWithTheStore) {
    // What the store holds for a topic and a mechanism, counted here from the clauses themselves.
    std::set<std::string> expected;
    std::vector<storage::Value> params;
    for (const auto& c : module().store().read("k.status = 'published' AND k.access = 'public'", params))
        if (c.topic == "surveillance-monitoring" && std::find(c.mechanisms.begin(), c.mechanisms.end(), "co-determination") != c.mechanisms.end())
            expected.insert(c.slug);
    ASSERT_GE(expected.size(), 1u);
    const auto r = anon("/bargaining/clauses?topic=surveillance-monitoring&mechanism=co-determination");
    ASSERT_EQ(r.res.status, 200);
    EXPECT_EQ(clause_links(r.body), expected);
    EXPECT_NE(r.body.find(std::to_string(expected.size())), std::string::npos);
    // Words and a language narrow it further; a filter that matches nothing says so.
    const auto fr = anon("/fr/bargaining/clauses?lang=fr&topic=surveillance-monitoring&mechanism=co-determination");
    EXPECT_EQ(clause_links(fr.body), expected);
    const auto none = anon("/bargaining/clauses?topic=definitions&mechanism=compensation&kind=law");
    EXPECT_TRUE(clause_links(none.body).empty());
    // The report view: every topic, with its examples and the database link.
    const auto report = anon("/bargaining");
    ASSERT_EQ(report.res.status, 200);
    for (const auto& t : module().store().topics()) EXPECT_NE(report.body.find("id=\"topic-" + t.slug + "\""), std::string::npos) << t.slug;
}

TEST_P(BargainingHttp, AClausePageShowsTwoLanguagesItsLadderAndAnOutdatedTranslation) {
    auto c = module().store().by_slug("surv-notice-preferred");
    ASSERT_TRUE(c);
    const auto page = anon("/fr/bargaining/clauses/surv-notice-preferred");
    ASSERT_EQ(page.res.status, 200);
    EXPECT_NE(page.body.find(escaped(c->text("fr")->title)), std::string::npos);
    EXPECT_NE(page.body.find(escaped(c->text("en")->title)), std::string::npos);
    for (const char* rung : {"surv-notice-fallback", "surv-notice-minimum"}) EXPECT_TRUE(clause_links(page.body).contains(rung)) << rung;
    const int version = c->version;
    // The English source changes: version up, the French reads as outdated.
    c->texts.front().body += " The union may ask for an independent review.";
    const std::string outdated = "This translation was made from an earlier version of the text and may be out of date.";
    EXPECT_EQ(anon("/bargaining/clauses/surv-notice-preferred?with=fr").body.find(outdated), std::string::npos);
    save(*c, false);
    EXPECT_EQ(module().store().by_slug("surv-notice-preferred")->version, version + 1);
    const auto after = anon("/bargaining/clauses/surv-notice-preferred?with=fr");
    EXPECT_NE(after.body.find("independent review"), std::string::npos);
    EXPECT_NE(after.body.find(outdated), std::string::npos);
}

TEST_P(BargainingHttp, AConfidentialClauseStaysWithItsUnion) {
    const auto topics = module().store().topics();
    bargaining::Clause c;
    c.slug = "union-a-secret-clause";
    c.status = "published";
    c.kind = "agreement";
    c.topic = "surveillance-monitoring";
    c.mechanisms = {"co-determination"};
    c.access = "union";
    c.union_id = union_a_;
    c.texts.push_back({"en", "Quillometer cameras stay off", "The Quillometer cameras stay off in rest rooms.", "Cameras off.", "", "", std::nullopt});
    ASSERT_EQ(bargaining::validate(c, topics), std::vector<std::string>{});
    save(c, true);
    const std::string page = "/bargaining/clauses/union-a-secret-clause";
    const std::string filtered = "/bargaining/clauses?topic=surveillance-monitoring&mechanism=co-determination";
    auto member = as("member.a");
    EXPECT_EQ(member->get(page).res.status, 200);
    EXPECT_TRUE(clause_links(member->get(filtered).body).contains(c.slug));
    EXPECT_NE(member->get("/search?q=Quillometer").body.find(page), std::string::npos);
    const auto counted_by_member = clause_links(member->get(filtered).body).size();
    auto rep_b = as("rep.b");
    for (auto* other : {rep_b.get(), static_cast<Browser*>(nullptr)}) {
        auto get = [&](const std::string& t) { return other ? other->get(t) : anon(t); };
        EXPECT_EQ(get(page).res.status, 404);
        EXPECT_FALSE(clause_links(get(filtered).body).contains(c.slug));
        EXPECT_EQ(clause_links(get(filtered).body).size(), counted_by_member - 1);
        EXPECT_EQ(get("/search?q=Quillometer").body.find(page), std::string::npos);
        EXPECT_EQ(get("/bargaining").body.find("Quillometer"), std::string::npos);
    }
    EXPECT_EQ(member->get("/bargaining/feed.atom").body.find("Quillometer"), std::string::npos);  // feeds are public
}

TEST_P(BargainingHttp, AProposalIsItsUnionsRepresentativesOnlyAndExportsFilledInOrder) {
    auto rep = as("rep.a");
    ASSERT_EQ(rep->get("/bargaining/proposals").res.status, 200);
    const auto made = rep->post("/bargaining/proposals", {{"title", "Our digital agreement"}, {"union", std::to_string(union_a_)}, {"lang", "en"}});
    ASSERT_EQ(made.res.status, 303);
    const std::string where(made.res.header("location").value_or(""));
    const std::string path = where.substr(where.find("/bargaining/"));
    // Three clauses at different rungs, one model article, one article of our own.
    for (const char* slug : {"surv-notice-preferred", "am-human-decision-preferred", "jc-composition"}) {
        rep->get(path);
        ASSERT_EQ(rep->post(path, {{"title", "Our digital agreement"}, {"lang", "en"}, {"version", std::to_string(module().store().proposal(std::stoll(path.substr(path.rfind('/') + 1)))->version)}, {"add_clause", slug}}).res.status, 303) << slug;
    }
    const auto id = std::stoll(path.substr(path.rfind('/') + 1));
    auto p = module().store().proposal(id);
    ASSERT_EQ(p->items.size(), 3u);
    // Bad input: a number that is not one. Nothing stored changes.
    rep->get(path);
    const auto bad = rep->post(path, {{"title", "Our digital agreement"}, {"lang", "en"}, {"version", std::to_string(p->version)},
                                      {"item-0-clause", "surv-notice-fallback"}, {"fill-notice_days", "sixty"}});
    EXPECT_EQ(bad.res.status, 422);
    EXPECT_NE(bad.body.find("Write numbers with digits only, for example 30."), std::string::npos);
    EXPECT_EQ(module().store().proposal(id)->items.front().clause, "surv-notice-preferred");
    // The fallback rung for the first, moved last; the blanks filled.
    const auto good = rep->post(path, {{"title", "Our digital agreement"}, {"lang", "en"}, {"version", std::to_string(p->version)},
                                       {"item-0-clause", "surv-notice-fallback"}, {"item-0-position", "9"},
                                       {"item-1-clause", "am-human-decision-minimum"}, {"item-1-position", "1"}, {"item-2-position", "2"},
                                       {"fill-employer", "Suva City Council"}, {"fill-union", "Health Workers Union"}, {"fill-notice_days", "45"},
                                       {"new_title", "Our own article"}, {"new_text", "The parties meet every {{meeting_weeks}} weeks."},
                                       {"fill-meeting_weeks", "6"}});
    ASSERT_EQ(good.res.status, 303) << good.body.substr(0, 3000);
    p = module().store().proposal(id);
    ASSERT_EQ(p->items.size(), 4u);
    EXPECT_EQ(p->items[0].clause, "am-human-decision-minimum");
    EXPECT_EQ(p->items[2].clause, "surv-notice-fallback");
    // The exports: each article numbered, in order, with the blanks filled.
    const auto clauses = [&] {
        std::map<std::string, bargaining::Clause> m;
        for (const char* s : {"am-human-decision-minimum", "jc-composition", "surv-notice-fallback"}) m.emplace(s, *module().store().by_slug(s));
        return m;
    }();
    for (const char* ext : {"docx", "odt"}) {
        const auto file = rep->get(path + "/proposal." + ext);
        ASSERT_EQ(file.res.status, 200) << ext;
        const std::string text = text_of(zip_member(file.body, std::string(ext) == "docx" ? "word/document.xml" : "content.xml"));
        std::size_t at = 0;
        int n = 0;
        for (const char* s : {"am-human-decision-minimum", "jc-composition", "surv-notice-fallback"}) {
            const auto next = text.find("Article " + std::to_string(++n) + ". " + clauses.at(s).text("en")->title, at);
            ASSERT_NE(next, std::string::npos) << ext << " " << s;
            at = next;
        }
        EXPECT_NE(text.find("Article 4. Our own article", at), std::string::npos) << ext;
        EXPECT_NE(text.find("every 6 weeks"), std::string::npos) << ext;
        EXPECT_NE(text.find("45"), std::string::npos) << ext;
        EXPECT_EQ(text.find("{{"), std::string::npos) << ext;
    }
    // Another union's representative may not open it; a member who is not a representative may not compose.
    EXPECT_EQ(as("rep.b")->get(path).res.status, 403);
    EXPECT_EQ(as("rep.b")->get(path + "/proposal.docx").res.status, 403);
    EXPECT_EQ(as("member.a")->get(path).res.status, 403);
    EXPECT_EQ(anon("/bargaining/proposals").res.status, 303);
    // A save made from an older version is refused rather than lost.
    rep->get(path);
    EXPECT_EQ(rep->post(path, {{"title", "Stale"}, {"lang", "en"}, {"version", "1"}}).res.status, 409);
    EXPECT_EQ(module().store().proposal(id)->title, "Our digital agreement");
}

TEST_P(BargainingHttp, AContributionWaitsUnseenThenIsPublishedNoWiderThanConsented) {
    auto member = as("member.a");
    member->get("/bargaining/contribute");
    std::vector<std::pair<std::string, std::string>> form{
        {"union", std::to_string(union_a_)}, {"kind", "agreement"}, {"lang", "en"}, {"title", "Zorvane scheduling stays advisory"},
        {"text", "Shift plans proposed by the scheduling software are advisory; the ward manager decides."},
        {"placement", "algorithmic-management/task-allocation"}, {"mechanism", "safeguard"}, {"lifecycle", "in-use"},
        {"parties", "Quarnby Health Board"}, {"hide_employer", "1"}, {"country", "Fiji"}, {"region", "asia-pacific"},
        {"sector", "health"}, {"won", "won"}, {"access", "members"}, {"credit", "1"}};
    // Without the union's consent nothing is stored.
    const auto refused = member->post("/bargaining/contribute", form);
    EXPECT_EQ(refused.res.status, 422);
    EXPECT_NE(refused.body.find("Zorvane scheduling stays advisory"), std::string::npos) << "what was typed is kept";
    std::vector<storage::Value> none;
    EXPECT_TRUE(module().store().read("k.contributor_id IS NOT NULL", none).empty());
    form.emplace_back("consent", "1");
    ASSERT_EQ(member->post("/bargaining/contribute", form).res.status, 303);
    const auto stored = module().store().read("k.contributor_id IS NOT NULL", none);
    ASSERT_EQ(stored.size(), 1u);
    const std::string page = "/bargaining/clauses/" + stored[0].slug;
    // Waiting: its contributor sees its state; nobody reads it, searches find nothing.
    EXPECT_NE(member->get("/bargaining/contribute").body.find("Waiting for review"), std::string::npos);
    EXPECT_EQ(member->get(page).res.status, 404);
    EXPECT_EQ(member->get("/search?q=Zorvane").body.find(page), std::string::npos);
    EXPECT_EQ(as("member.a")->get("/bargaining/review").res.status, 403);
    // The reviewer may not open it wider than consented.
    auto dro = as("dro");
    EXPECT_NE(dro->get("/bargaining/review").body.find("Zorvane scheduling stays advisory"), std::string::npos);
    const std::string decide = "/bargaining/review/" + std::to_string(stored[0].id);
    EXPECT_EQ(dro->post(decide, {{"decision", "publish"}, {"access", "public"}}).res.status, 422);
    EXPECT_EQ(dro->post(decide, {{"decision", "decline"}}).res.status, 422);  // a decline needs a message
    ASSERT_EQ(dro->post(decide, {{"decision", "publish"}, {"access", "members"}}).res.status, 303);
    EXPECT_EQ(dro->post(decide, {{"decision", "decline"}, {"note", "Twice"}}).res.status, 409);
    // Published for members: named contributor, hidden employer.
    const auto read = as("rep.b")->get(page);
    ASSERT_EQ(read.res.status, 200);
    EXPECT_NE(read.body.find("Shared by member.a"), std::string::npos);
    EXPECT_EQ(read.body.find("Quarnby"), std::string::npos);
    EXPECT_EQ(anon(page).res.status, 404);
    EXPECT_NE(as("rep.b")->get("/search?q=Zorvane").body.find(page), std::string::npos);
    EXPECT_EQ(as("rep.b")->get("/search?q=Quarnby").body.find(page), std::string::npos);
    EXPECT_EQ(anon("/search?q=Zorvane").body.find(page), std::string::npos);
    EXPECT_NE(member->get("/bargaining/contribute").body.find("Published"), std::string::npos);
}

TEST_P(BargainingHttp, AnAdminRenamesATopicAndCannotRemoveASubTopicInUse) {
    constexpr const char* kSecret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    auto& accounts = app_->module<accounts::AccountsModule>();
    const auto id = accounts.create_user("admin@example.org", "Admin", kPassword);
    accounts.grant("admin@example.org", {"admin", "global", ""});
    accounts.store().set_totp(id, kSecret, clock::unix_seconds());
    auto admin = as("admin");
    admin->get("/account/sign-in/code");
    ASSERT_EQ(admin->post("/account/sign-in/code", {{"code", security::totp_code(kSecret, std::time(nullptr))}}).res.status, 303);
    const std::string edit = "/bargaining/topics/surveillance-monitoring/edit";
    const auto form_page = admin->get(edit);
    ASSERT_EQ(form_page.res.status, 200);
    // Every field as the form shows it, then one change.
    std::vector<std::pair<std::string, std::string>> form;
    const std::regex input("<input id=\"[^\"]*\" name=\"([^\"]+)\" value=\"([^\"]*)\"");
    for (auto it = std::sregex_iterator(form_page.body.begin(), form_page.body.end(), input); it != std::sregex_iterator(); ++it)
        form.emplace_back((*it)[1], std::regex_replace(std::string((*it)[2]), std::regex("&apos;"), "'"));
    const std::regex area("<textarea id=\"[^\"]*\" name=\"([^\"]+)\"[^>]*>([^<]*)</textarea>");
    for (auto it = std::sregex_iterator(form_page.body.begin(), form_page.body.end(), area); it != std::sregex_iterator(); ++it)
        form.emplace_back((*it)[1], std::regex_replace(std::string((*it)[2]), std::regex("&apos;"), "'"));
    ASSERT_FALSE(form.empty());
    for (auto& [k, v] : form)
        if (k == "name-fr") v = "Surveillance au travail";
    auto removing = form;
    removing.emplace_back("remove-notice-and-purpose", "1");
    EXPECT_EQ(admin->post(edit, removing).res.status, 422);  // clauses use it
    ASSERT_EQ(admin->post(edit, form).res.status, 303);
    const auto topics = module().store().topics();
    const auto t = std::find_if(topics.begin(), topics.end(), [](const bargaining::Topic& x) { return x.slug == "surveillance-monitoring"; });
    ASSERT_NE(t, topics.end());
    EXPECT_EQ(t->texts.at("fr").name, "Surveillance au travail");
    EXPECT_EQ(t->subtopics.size(), 3u);
    EXPECT_NE(anon("/fr/bargaining").body.find("Surveillance au travail"), std::string::npos);
    EXPECT_EQ(as("member.a")->get(edit).res.status, 403);
}

TEST_P(BargainingHttp, AReviewerEditsASourceThenItsTranslationAndRetiresTheClause) {
    auto dro = as("dro");
    const std::string edit = "/bargaining/clauses/surv-notice-minimum/edit";
    const auto before = module().store().by_slug("surv-notice-minimum");
    ASSERT_TRUE(before);
    const auto& en = *before->text("en");
    dro->get(edit);
    // Bad input: a blank the English text does not have; nothing changes.
    EXPECT_EQ(dro->post(edit, {{"lang", "fr"}, {"status", "published"}, {"access", "public"}, {"title", "Titre"}, {"text", "Texte {{nouveau}}"}}).res.status, 422);
    EXPECT_EQ(module().store().by_slug("surv-notice-minimum")->text("fr")->body, before->text("fr")->body);
    // A new English text: version up, the French outdated.
    ASSERT_EQ(dro->post(edit, {{"lang", "en"}, {"status", "published"}, {"access", "public"}, {"title", en.title},
                               {"text", en.body + " Records are kept for one year."}, {"summary", en.summary}, {"why", en.why}})
                  .res.status,
              303);
    auto after = module().store().by_slug("surv-notice-minimum");
    EXPECT_EQ(after->version, before->version + 1);
    EXPECT_EQ(i18n::translation_state(after->source().body, after->text("fr")->translated_from, true), i18n::TranslationState::Outdated);
    EXPECT_NE(dro->get(edit + "?lang=fr").body.find("outdated"), std::string::npos);
    // The French saved again from the new text: up to date.
    dro->get(edit + "?lang=fr");
    const auto& fr = *after->text("fr");
    ASSERT_EQ(dro->post(edit, {{"lang", "fr"}, {"status", "published"}, {"access", "public"}, {"title", fr.title},
                               {"text", fr.body + " Les relevés sont conservés un an."}, {"summary", fr.summary}, {"why", fr.why}})
                  .res.status,
              303);
    after = module().store().by_slug("surv-notice-minimum");
    EXPECT_EQ(i18n::translation_state(after->source().body, after->text("fr")->translated_from, true), i18n::TranslationState::Complete);
    EXPECT_EQ(after->version, before->version + 1);
    // Retired: gone for readers and from the search.
    EXPECT_NE(anon("/search?q=surveillance&kind=clauses").body.find("surv-notice-minimum"), std::string::npos);
    ASSERT_EQ(dro->post(edit, {{"lang", "en"}, {"status", "retired"}, {"access", "public"}, {"title", after->source().title},
                               {"text", after->source().body}})
                  .res.status,
              303);
    EXPECT_EQ(anon("/bargaining/clauses/surv-notice-minimum").res.status, 404);
    EXPECT_EQ(anon("/search?q=surveillance&kind=clauses").body.find("surv-notice-minimum"), std::string::npos);
    EXPECT_EQ(as("member.a")->get(edit).res.status, 403);
}

INSTANTIATE_TEST_SUITE_P(Backends, BargainingHttp, ::testing::Values("sqlite", "postgres"), [](const auto& info) { return info.param; });

}  // namespace
}  // namespace avenir::testing
