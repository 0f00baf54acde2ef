#pragma once
// The network module's SQL. Nothing else reads or writes these tables.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "modules/network/network_rules.hpp"
#include "modules/network/network_types.hpp"
#include "storage/database.hpp"

namespace avenir::network {

// Filters of the practice exchange's list ("" = any).
struct CaseFilter {
    std::string practice, region, sector, technology;
};

struct CasePage {
    std::vector<Case> cases;  // with their texts
    std::int64_t total = 0;   // of what the reader may see
};

class NetworkStore {
public:
    // Over the database (each call on its own) or a transaction (calls join it; create and update
    // write several rows: run them in one).
    explicit NetworkStore(storage::Executor& db) : db_(db) {}

    // A validated case with its texts and tags; returns its id.
    std::int64_t create(const Case& c, std::int64_t now);
    // Replaces a case's fields, texts and tags (not its state nor its moderation).
    void update(const Case& c, std::int64_t now);
    std::optional<Case> get(std::int64_t id);
    std::optional<std::int64_t> id_of_slug(const std::string& slug);
    // Published cases the reader may see, newest first, with the total; three statements.
    CasePage published(const Viewer& v, const CaseFilter& f, int offset, int limit);
    // Cases waiting for a decision (submitted, sent back) in the regions the reader moderates.
    std::vector<Case> queue(const Viewer& v);
    // A person's own cases, every state.
    std::vector<Case> by_author(std::int64_t user_id);
    // Records a moderator's decision (published, changes, declined) and its message.
    void decide(std::int64_t id, const std::string& state, std::int64_t moderator, const std::string& message, std::int64_t now);
    // An author's changes after a moderator sent the case back: it waits in the queue again.
    void resubmit(std::int64_t id, std::int64_t now);
    // Published cases the reader may see that share a technology, the product or the sector with c
    // (most shared first, any region), at most limit, with their titles only; one statement.
    std::vector<Case> similar(const Case& c, const Viewer& v, int limit);
    // Products or suppliers already named (for suggestions), most used first.
    std::vector<std::string> suggestions(const std::string& column, int limit);
    // Hubs: one region's (one statement), and writing one (its texts replaced).
    std::optional<Hub> hub(const std::string& region);
    void put_hub(const Hub& h, std::int64_t now);
    // Coalitions with their texts (two statements), one by id, and a new one.
    std::vector<Coalition> coalitions();
    std::optional<Coalition> coalition(std::int64_t id);
    std::optional<std::int64_t> coalition_of_slug(const std::string& slug);
    std::int64_t create_coalition(const Coalition& c, std::int64_t now);
    // Replaces a coalition's fields and the texts of the languages c carries (others kept).
    void update_coalition(const Coalition& c, std::int64_t now);
    // The unions of a coalition (one statement), and a union's stance set (or, with an empty
    // stance, the union leaving).
    std::vector<CoalitionUnion> coalition_unions(std::int64_t coalition_id);
    void put_coalition_union(const CoalitionUnion& u, std::int64_t by, std::int64_t now);
    // Published cases the reader may see in these regions, newest first (one statement and their texts).
    std::vector<Case> in_regions(const Viewer& v, const std::vector<std::string>& regions, int limit);
    // Published cases the reader may see that link to `path` (a coalition's), newest first.
    std::vector<Case> linking_to(const Viewer& v, const std::string& path, int limit);
    // Every published case (for the search index).
    std::vector<Case> all_published();

    // Applications to become a DRO (network_store_people.cpp): a new one, one by id, a person's
    // own (newest first), a person's pending one, and those to review in these regions (every
    // region when all): pending ones first, oldest first, then those decided since `decided_since`.
    std::int64_t create_application(const Application& a, std::int64_t now);
    std::optional<Application> application(std::int64_t id);
    std::vector<Application> applications_of(std::int64_t user_id);
    std::vector<Application> applications_to_review(const std::vector<std::string>& regions, bool all, std::int64_t decided_since);
    // Records the decision; false when the application was no longer pending (someone decided first).
    bool decide_application(std::int64_t id, const std::string& state, std::int64_t by, const std::string& message,
                            std::optional<std::int64_t> cycle_id, std::int64_t now);
    // Profiles: a person's, those of these people (one statement), and writing one.
    std::optional<Profile> profile(std::int64_t user_id);
    std::map<std::int64_t, Profile> profiles(const std::vector<std::int64_t>& user_ids);
    void put_profile(const Profile& p, std::int64_t now);

    // Questions (network_store_questions.cpp): a new one; one with its answers (two statements);
    // those the reader may see in a region ("" every region), newest first, with their answer
    // counts and the total (two statements); answers; the helpful one; the digest's.
    std::int64_t create_question(const Question& q, std::int64_t now);
    std::optional<Question> question(std::int64_t id);
    struct QuestionPage {
        std::vector<Question> questions;
        std::int64_t total = 0;
    };
    QuestionPage questions(const Viewer& v, const std::string& region, bool open_only, int offset, int limit);
    std::int64_t add_answer(std::int64_t question_id, std::int64_t author_id, const std::string& body, std::int64_t now);
    void mark_helpful(std::int64_t question_id, std::optional<std::int64_t> answer_id, std::int64_t now);
    // Questions not yet in a digest, by region and age; then marked as sent.
    std::vector<Question> undigested();
    void mark_digested(const std::vector<std::int64_t>& ids);
    // The cascade (network_store_people.cpp): a logged session, a person's (newest first), and the
    // totals per region and theme (one statement).
    std::int64_t add_cascade(const CascadeSession& s, std::int64_t now);
    std::vector<CascadeSession> cascade_of(std::int64_t user_id);
    std::vector<CascadeTotal> cascade_totals();
    // Titles of the published cases among ids the reader may see (one statement).
    std::map<std::int64_t, std::string> case_titles(const Viewer& v, const std::vector<std::int64_t>& ids, const std::string& lang);

private:
    std::vector<Case> read(const std::string& where, const std::vector<storage::Value>& params, const std::string& tail = "");
    void write_children(std::int64_t id, const Case& c);
    storage::Executor& db_;
};

// WHERE conditions on network_cases c: the published cases this reader may see.
std::string visible_sql(const Viewer& v, std::vector<storage::Value>& params);

}  // namespace avenir::network
