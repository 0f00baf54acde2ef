// The training store on both backends: places and the waiting list, sessions and their calendar
// SEQUENCE, marks, make-ups, filters, and erasure that keeps anonymous counts.
#include <gtest/gtest.h>

#include <algorithm>

#include "modules/training/training_store.hpp"
#include "storage/store_test_support.hpp"

namespace avenir::training {
namespace {

class TrainingStoreTest : public storage::testing::StoreConformance {
protected:
    void SetUp() override {
        StoreConformance::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        storage::migrate(db());
        st_ = std::make_unique<TrainingStore>(db());
        Format f;
        f.slug = "dro";
        f.phase = 1;
        f.audience = "dro";
        f.session_count = 3;
        f.session_minutes = 180;
        f.names = {{"en", "Digital Rights Organisers"}, {"fr", "ODN"}};
        ASSERT_TRUE(st_->put_format(f, 1));
        ASSERT_FALSE(st_->put_format(f, 2));  // unchanged: no write
        format_ = f;
        for (int i = 1; i <= 5; ++i)
            users_.push_back(db().exec("INSERT INTO accounts_users (email, display_name, created_at) VALUES ($1, $2, 0) RETURNING id",
                                       {"p" + std::to_string(i) + "@example.org", "Person " + std::to_string(i)})
                                 .at(0)
                                 .get_int("id"));
    }
    std::int64_t cycle(const std::string& region, std::vector<std::string> languages, int capacity = 2, const std::string& status = "open") {
        Cycle c;
        c.region = region;
        c.title = "Cycle in " + region;
        c.languages = std::move(languages);
        c.time_zone = "Europe/Paris";
        c.capacity = capacity;
        c.status = status;
        c.enrol_opens = 0;
        c.enrol_closes = 2'000'000'000;
        EXPECT_TRUE(validate(c).empty());
        const auto id = st_->create_cycle(c, format_, std::nullopt, 10);
        for (int n = 0; n < 3; ++n) {
            Session s;
            s.cycle_id = id;
            s.starts_at = 1'800'000'000 + n * 7 * 86400;
            s.conference_url = "https://meet.example.org/x";
            st_->add_session(s, 10);
        }
        return id;
    }
    std::unique_ptr<TrainingStore> st_;
    Format format_;
    std::vector<std::int64_t> users_;
};

TEST_P(TrainingStoreTest, ACycleCopiesItsFormatAndNumbersItsSessions) {
    const auto id = cycle("africa-mena", {"en", "fr"});
    const auto c = st_->cycle(id);
    ASSERT_TRUE(c);
    EXPECT_EQ(c->session_count, 3);
    EXPECT_EQ(c->session_minutes, 180);
    EXPECT_EQ(c->audience, "dro");
    EXPECT_EQ(c->languages, (std::vector<std::string>{"en", "fr"}));
    const auto sessions = st_->sessions(id);
    ASSERT_EQ(sessions.size(), 3u);
    for (int n = 0; n < 3; ++n) EXPECT_EQ(sessions[static_cast<std::size_t>(n)].number, n + 1);
    EXPECT_NE(sessions[0].uid, sessions[1].uid);
    EXPECT_EQ(sessions[0].checkin_code.size(), 6u);
    // A later change of the format leaves the cycle as it was.
    Format longer = format_;
    longer.session_count = 4;
    st_->put_format(longer, 20);
    EXPECT_EQ(st_->cycle(id)->session_count, 3);
}

TEST_P(TrainingStoreTest, CapacityWaitingListAndPromotion) {
    const auto id = cycle("africa-mena", {"en"}, 2);
    EXPECT_EQ(st_->enrol(id, users_[0], std::nullopt, 100).enrolment.state, "enrolled");
    EXPECT_EQ(st_->enrol(id, users_[1], users_[4], 101).enrolment.state, "enrolled");
    const auto third = st_->enrol(id, users_[2], std::nullopt, 102);
    EXPECT_EQ(third.enrolment.state, "waiting");
    EXPECT_FALSE(third.enrolment.confirmed_at);
    EXPECT_EQ(st_->enrol(id, users_[3], std::nullopt, 103).enrolment.state, "waiting");
    // Asking again changes nothing.
    EXPECT_EQ(st_->enrol(id, users_[0], std::nullopt, 104).enrolment.requested_at, 100);
    EXPECT_EQ(st_->cycle(id)->enrolled, 2);
    EXPECT_EQ(st_->cycle(id)->waiting, 2);
    // The first to withdraw frees a place for the first on the list, confirmed at that moment.
    const auto change = st_->withdraw(id, users_[0], 200);
    ASSERT_TRUE(change);
    EXPECT_EQ(change->enrolment.state, "withdrawn");
    ASSERT_TRUE(change->promoted);
    EXPECT_EQ(change->promoted->user_id, users_[2]);
    EXPECT_EQ(change->promoted->confirmed_at, 200);
    EXPECT_EQ(st_->enrolment(id, users_[3])->state, "waiting");
    // Withdrawing from the waiting list promotes nobody; withdrawing twice does nothing.
    EXPECT_FALSE(st_->withdraw(id, users_[3], 201)->promoted);
    EXPECT_FALSE(st_->withdraw(id, users_[3], 202));
    // A withdrawn person who asks again joins the end of the queue (or takes a free place).
    EXPECT_EQ(st_->enrol(id, users_[0], std::nullopt, 300).enrolment.state, "waiting");
    // More places: the list moves up at once.
    Cycle c = *st_->cycle(id);
    c.capacity = 5;
    st_->update_cycle(c, 400);
    const auto promoted = st_->promote_waiting(id, 400);
    ASSERT_EQ(promoted.size(), 1u);
    EXPECT_EQ(promoted[0].user_id, users_[0]);
    EXPECT_EQ(st_->cycle(id)->enrolled, 3);
    // Codes are distinct and short.
    std::set<std::string> codes;
    for (const auto& e : st_->enrolments(id)) codes.insert(e.code);
    EXPECT_EQ(codes.size(), st_->enrolments(id).size());
}

TEST_P(TrainingStoreTest, ChangingASessionRaisesItsSequenceOnlyForWhatCalendarsShow) {
    const auto id = cycle("africa-mena", {"en"});
    Session s = st_->sessions(id)[0];
    EXPECT_EQ(s.sequence, 0);
    EXPECT_FALSE(st_->update_session(s, 20));  // nothing changed
    s.starts_at += 3600;
    EXPECT_TRUE(st_->update_session(s, 21));
    EXPECT_EQ(st_->session(s.id)->sequence, 1);
    s.cancelled = true;
    EXPECT_TRUE(st_->update_session(s, 22));
    EXPECT_EQ(st_->session(s.id)->sequence, 2);
    s.not_recorded_reason = "A participant did not consent.";
    EXPECT_FALSE(st_->update_session(s, 23));  // saved, not a change to announce
    EXPECT_EQ(st_->session(s.id)->not_recorded_reason, "A participant did not consent.");
    EXPECT_EQ(st_->session(s.id)->sequence, 2);
}

TEST_P(TrainingStoreTest, MarksAreUpsertedAndMakeUpsDecided) {
    const auto id = cycle("africa-mena", {"en"});
    const auto e = st_->enrol(id, users_[0], std::nullopt, 100).enrolment;
    const auto sessions = st_->sessions(id);
    st_->record({{sessions[0].id, e.id, Mark::Absent, 0, "roster", users_[4], 1}, {sessions[1].id, e.id, Mark::Partial, 150, "import", std::nullopt, 2}});
    st_->record({{sessions[0].id, e.id, Mark::Late, 0, "checkin", users_[0], 3}});
    auto marks = st_->attendance(id);
    ASSERT_EQ(marks.size(), 2u);
    EXPECT_EQ(marks[0].mark, Mark::Late);
    EXPECT_EQ(marks[0].source, "checkin");
    EXPECT_EQ(marks[1].minutes, 150);
    st_->record({{sessions[1].id, e.id, Mark::None, 0, "roster", users_[4], 4}});  // cleared
    EXPECT_EQ(st_->attendance(id).size(), 1u);
    st_->submit_make_up(sessions[2].id, e, "I watched the recording and discussed it with my branch.", 5);
    ASSERT_EQ(st_->make_ups(id).size(), 1u);
    EXPECT_EQ(st_->make_ups(id)[0].state, MakeUp::Submitted);
    st_->decide_make_up(sessions[2].id, e.id, MakeUp::Approved, users_[4], 6);
    EXPECT_EQ(st_->make_ups(id)[0].state, MakeUp::Approved);
}

TEST_P(TrainingStoreTest, ErasingAPersonKeepsAnonymousCountsAndDropsTheirWriting) {
    const auto id = cycle("africa-mena", {"en"});
    const auto e = st_->enrol(id, users_[0], std::nullopt, 100).enrolment;
    const auto sessions = st_->sessions(id);
    st_->record({{sessions[0].id, e.id, Mark::Present, 0, "roster", users_[4], 1}});
    st_->submit_make_up(sessions[1].id, e, "My reflection.", 2);
    st_->decide_make_up(sessions[1].id, e.id, MakeUp::Approved, users_[4], 3);
    db().exec("DELETE FROM accounts_users WHERE id = $1", {users_[0]});
    const auto places = st_->enrolments(id);
    ASSERT_EQ(places.size(), 1u);
    EXPECT_FALSE(places[0].user_id);
    EXPECT_EQ(st_->cycle(id)->enrolled, 1);
    EXPECT_EQ(st_->attendance(id).size(), 1u);
    ASSERT_EQ(st_->make_ups(id).size(), 1u);
    EXPECT_EQ(st_->make_ups(id)[0].state, MakeUp::Approved);
    EXPECT_EQ(st_->make_ups(id)[0].reflection, "");
    EXPECT_TRUE(db().exec("SELECT 1 FROM training_reflections").empty());
}

struct FilterCase {
    CycleFilter filter;
    std::vector<std::string> titles;
};

TEST_P(TrainingStoreTest, FilterCases) {
    cycle("africa-mena", {"en", "fr"}, 10, "open");
    cycle("latin-america", {"es", "pt"}, 10, "running");
    cycle("asia-pacific", {"ben", "en"}, 10, "planned");
    const std::vector<FilterCase> cases = {
        {{}, {"Cycle in africa-mena", "Cycle in asia-pacific", "Cycle in latin-america"}},
        {{"latin-america", "", "", ""}, {"Cycle in latin-america"}},
        {{"", "dro", "", ""}, {"Cycle in africa-mena", "Cycle in asia-pacific", "Cycle in latin-america"}},
        {{"", "leaders", "", ""}, {}},
        {{"", "", "en", ""}, {"Cycle in africa-mena", "Cycle in asia-pacific"}},
        {{"", "", "be", ""}, {}},  // a whole code, not part of "ben"
        {{"", "", "pt", "running"}, {"Cycle in latin-america"}},
        {{"", "", "", "open"}, {"Cycle in africa-mena"}},
        {{"europe-caribbean", "", "", ""}, {}},
    };
    for (const auto& c : cases) {
        std::vector<std::string> got;
        for (const auto& cy : st_->cycles(c.filter)) got.push_back(cy.title);
        std::sort(got.begin(), got.end());
        EXPECT_EQ(got, c.titles) << c.filter.region << "/" << c.filter.format << "/" << c.filter.language << "/" << c.filter.status;
    }
    const auto all = st_->cycles({});
    EXPECT_EQ(all[0].first_start, 1'800'000'000);
    EXPECT_EQ(all[0].last_start, 1'800'000'000 + 14 * 86400);
}

INSTANTIATE_TEST_SUITE_P(Backends, TrainingStoreTest, ::testing::Values("sqlite", "postgres"), [](const auto& info) { return info.param; });

}  // namespace
}  // namespace avenir::training
