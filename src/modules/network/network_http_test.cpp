// The practice exchange over HTTP, on both backends: a member submits a case with a hidden
// employer, the region's DRO publishes it, and the employer's name reaches no one else on any page,
// feed or search result; a hub-only case is invisible outside its hub by page, list, count, feed
// and search alike.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <sstream>

#include "core/clock.hpp"
#include "core/mail/message.hpp"
#include "modules/accounts/accounts_module.hpp"
#include "modules/network/network_module.hpp"
#include "modules/network/network_http_fixture.hpp"

namespace avenir::testing {
namespace {
namespace fs = std::filesystem;

TEST_P(NetworkHttp, AHiddenEmployerIsSeenOnlyByItsAuthorAndModerators) {
    auto author = as("author");
    author->get("/network/practices/new");
    auto bad = author->post("/network/practices/new", {{"title", "Too little"}});
    EXPECT_EQ(bad.res.status, 422);
    EXPECT_NE(bad.body.find("Tell what happened in 40 to 6,000 characters."), std::string::npos);
    author->get("/network/practices/new");
    auto sent = author->post("/network/practices/new", form("Rota scheduler at the clinics", "public", true));
    ASSERT_EQ(sent.res.status, 303);
    const std::string page = "/network/practices/" + std::to_string(submitted_id(sent));
    // Waiting: its author and the region's DRO see it; nobody else, anywhere.
    EXPECT_NE(author->get(page).body.find(kEmployer), std::string::npos);
    EXPECT_EQ(anon(page).res.status, 404);
    EXPECT_EQ(as("reader")->get(page).res.status, 404);
    EXPECT_EQ(anon("/network/practices").body.find("Rota scheduler at the clinics"), std::string::npos);
    auto dro = as("dro");
    auto queue = dro->get("/network/moderation");
    EXPECT_NE(queue.body.find("Rota scheduler at the clinics"), std::string::npos);
    EXPECT_EQ(as("dro.latam")->post(page + "/moderate", {{"decision", "publish"}}).res.status, 403);  // not their region
    dro->get(page);
    EXPECT_EQ(dro->post(page + "/moderate", {{"decision", "decline"}, {"message", ""}}).res.status, 422);  // a reason is needed
    dro->get(page);
    EXPECT_EQ(dro->post(page + "/moderate", {{"decision", "publish"}}).res.status, 303);
    // The author is told.
    app_->flush_mail();
    bool told = false;
    for (const auto& e : fs::directory_iterator(config_.outbox_dir)) {
        std::ifstream in(e.path(), std::ios::binary);
        const auto m = mail::parse_message(std::string(std::istreambuf_iterator<char>(in), {}));
        told = told || (m.header("To") == "author@example.org" && m.body.find(page) != std::string::npos);
    }
    EXPECT_TRUE(told);
    // Published: everyone reads it, and the employer's name reaches only the author and moderators.
    // (The search page repeats the query typed, so there the test is that the case is not a hit.)
    EXPECT_EQ(anon("/search?q=Zephyrine").body.find(page), std::string::npos);
    EXPECT_EQ(as("reader")->get("/search?q=Zephyrine").body.find(page), std::string::npos);
    for (const auto& path : {page, std::string("/network/practices"), std::string("/network/practices/feed.atom"),
                             std::string("/search?q=scheduler")}) {
        const auto r = anon(path);
        EXPECT_EQ(r.res.status, 200) << path;
        EXPECT_EQ(r.body.find("Zephyrine"), std::string::npos) << path;
        EXPECT_EQ(as("reader")->get(path).body.find("Zephyrine"), std::string::npos) << path;
    }
    EXPECT_NE(anon(page).body.find("Rota scheduler at the clinics"), std::string::npos);
    EXPECT_NE(anon("/search?q=scheduler").body.find("href=\"" + page + "\""), std::string::npos);
    EXPECT_NE(anon("/network/practices/feed.atom").body.find("Rota scheduler at the clinics"), std::string::npos);
    EXPECT_NE(author->get(page).body.find(kEmployer), std::string::npos);
    EXPECT_NE(dro->get(page).body.find(kEmployer), std::string::npos);
}

TEST_P(NetworkHttp, AHubOnlyCaseStaysInItsHubByPageListCountFeedAndSearch) {
    auto author = as("author");
    author->get("/network/practices/new");
    auto sent = author->post("/network/practices/new", form("Hub-only roster case", "hub", false));
    ASSERT_EQ(sent.res.status, 303);
    const std::string page = "/network/practices/" + std::to_string(submitted_id(sent));
    auto dro = as("dro");
    dro->get(page);
    ASSERT_EQ(dro->post(page + "/moderate", {{"decision", "publish"}}).res.status, 303);
    auto count = [](const std::string& body) {
        std::smatch m;
        return std::regex_search(body, m, std::regex("Cases: ([0-9]+)")) ? std::stoi(m[1]) : -1;
    };
    const int seen_by_hub = count(dro->get("/network/practices").body);
    for (auto* b : {as("reader").release(), as("dro.latam").release()}) {
        std::unique_ptr<Browser> who(b);
        EXPECT_EQ(who->get(page).res.status, 404);
        const auto list = who->get("/network/practices").body;
        EXPECT_EQ(list.find("Hub-only roster case"), std::string::npos);
        EXPECT_EQ(count(list), seen_by_hub - 1);
        EXPECT_EQ(who->get("/search?q=roster").body.find("href=\"" + page + "\""), std::string::npos);
    }
    EXPECT_EQ(anon(page).res.status, 404);
    EXPECT_EQ(anon("/network/practices/feed.atom").body.find("Hub-only roster case"), std::string::npos);
    EXPECT_EQ(as("dro")->get("/network/practices/feed.atom").body.find("Hub-only roster case"), std::string::npos);  // feeds: public only
    EXPECT_NE(dro->get("/search?q=roster").body.find("href=\"" + page + "\""), std::string::npos);
    EXPECT_NE(dro->get(page).body.find("Hub-only roster case"), std::string::npos);
}

// A hub names its DROs only with their consent to be listed publicly, counts the others, and shows
// a hub-only case to the hub's people only.
TEST_P(NetworkHttp, AHubNamesOnlyThoseWhoAgreedAndKeepsItsCasesToItsPeople) {
    auto& accounts = app_->module<accounts::AccountsModule>();
    accounts.create_user("listed@example.org", "Listed Organiser", kPassword);
    accounts.grant("listed@example.org", {"dro", "region", "asia-pacific"});
    accounts.store().give_consent(accounts.store().user_by_email("listed@example.org")->id, "listed_publicly", clock::unix_seconds());
    auto hub = anon("/network/hubs/asia-pacific");
    ASSERT_EQ(hub.res.status, 200);
    EXPECT_NE(hub.body.find("Listed Organiser"), std::string::npos);
    EXPECT_EQ(hub.body.find(">DRO<"), std::string::npos);  // the other DRO ("DRO") gave no consent...
    EXPECT_NE(hub.body.find("Not listed publicly, by their choice: 1"), std::string::npos);  // ...and is counted
    EXPECT_EQ(anon("/network/hubs/nowhere").res.status, 404);
    auto author = as("author");
    author->get("/network/practices/new");
    auto sent = author->post("/network/practices/new", form("Hub-only case on the hub page", "hub", false));
    const std::string page = "/network/practices/" + std::to_string(submitted_id(sent));
    auto dro = as("dro");
    dro->get(page);
    ASSERT_EQ(dro->post(page + "/moderate", {{"decision", "publish"}}).res.status, 303);
    EXPECT_NE(dro->get("/network/hubs/asia-pacific").body.find("Hub-only case on the hub page"), std::string::npos);
    EXPECT_EQ(anon("/network/hubs/asia-pacific").body.find("Hub-only case on the hub page"), std::string::npos);
    EXPECT_EQ(as("reader")->get("/network/hubs/asia-pacific").body.find("Hub-only case on the hub page"), std::string::npos);
}

// The shipped coalitions: listed, each with its partners and related cases, in the Atom feed and
// found by the platform search (by a partner's name too).
TEST_P(NetworkHttp, CoalitionsAreListedShownFedAndFound) {
    const auto coalitions = app_->module<network::NetworkModule>().store().coalitions();
    ASSERT_EQ(coalitions.size(), 3u);  // content/network/coalitions.toml
    const auto& c = coalitions.front();
    const std::string page = "/network/coalitions/" + std::to_string(c.id);
    const auto list = anon("/network/coalitions");
    ASSERT_EQ(list.res.status, 200);
    for (const auto& k : coalitions)  // each linked (names may hold characters the page escapes)
        EXPECT_NE(list.body.find("href=\"/network/coalitions/" + std::to_string(k.id) + "\""), std::string::npos);
    const auto shown = anon(page);
    ASSERT_EQ(shown.res.status, 200);
    ASSERT_FALSE(c.partners.empty());
    EXPECT_NE(shown.body.find(c.partners.front()), std::string::npos);
    EXPECT_NE(shown.body.find("Illustrative example"), std::string::npos);
    EXPECT_EQ(anon("/network/coalitions/999999").res.status, 404);
    const auto feed = anon("/network/coalitions/feed.atom");
    EXPECT_EQ(feed.res.status, 200);
    std::size_t entries = 0;
    for (auto at = feed.body.find("<entry"); at != std::string::npos; at = feed.body.find("<entry", at + 1)) ++entries;
    EXPECT_EQ(entries, 3u);
    // The longest word of the first partner's name finds the coalition.
    std::string word;
    std::istringstream words(c.partners.front());
    for (std::string w; words >> w;)
        if (w.size() > word.size()) word = w;
    EXPECT_NE(anon("/search?q=" + word + "&kind=coalitions").body.find("href=\"" + page + "\""), std::string::npos) << word;
}

// A case links to library resources, clauses and coalitions by their addresses (anything else is
// refused with what to fix); its page names them, and a linked coalition lists the case first.
TEST_P(NetworkHttp, ACaseLinksToResourcesClausesAndCoalitions) {
    auto author = as("author");
    author->get("/network/practices/new");
    auto f = form("Rota rules copied from a coalition toolkit", "public", false);
    f.emplace_back("links", "https://elsewhere.example.org/x");
    auto bad = author->post("/network/practices/new", f);
    EXPECT_EQ(bad.res.status, 422);
    EXPECT_NE(bad.body.find("Link only practice cases, coalitions, library resources and bargaining clauses"), std::string::npos);
    f.back().second = "http://localhost/fr/network/coalitions/1\n/library/1\n/bargaining/clauses/rest-between-shifts";
    author->get("/network/practices/new");
    const auto made = author->post("/network/practices/new", f);
    ASSERT_EQ(made.res.status, 303);
    const auto id = submitted_id(made);
    const std::string page = "/network/practices/" + std::to_string(id);
    auto dro = as("dro");
    dro->get(page);
    EXPECT_EQ(dro->post(page + "/moderate", {{"decision", "publish"}}).res.status, 303);
    const auto coalition = app_->module<network::NetworkModule>().store().coalition(1);
    ASSERT_TRUE(coalition);
    const auto shown = anon(page).body;
    EXPECT_NE(shown.find("Coalition: " + coalition->text_for("en").name), std::string::npos);
    EXPECT_NE(shown.find("href=\"/library/1\""), std::string::npos);
    EXPECT_NE(shown.find("rest-between-shifts"), std::string::npos);
    const auto listed = anon("/network/coalitions/1").body;
    const auto related = listed.find("related-title");
    ASSERT_NE(related, std::string::npos);
    EXPECT_NE(listed.find("href=\"" + page + "\"", related), std::string::npos) << "the coalition lists the case that links to it";
}

INSTANTIATE_TEST_SUITE_P(Backends, NetworkHttp, ::testing::Values("sqlite", "postgres"), [](const auto& info) { return info.param; });

}  // namespace
}  // namespace avenir::testing
