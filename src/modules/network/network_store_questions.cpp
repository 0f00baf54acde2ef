// The network store's questions and answers in the hubs.
#include <map>

#include "core/text/list.hpp"
#include "modules/network/network_store.hpp"
#include "storage/bind.hpp"

namespace avenir::network {
using storage::Value;

namespace {

constexpr const char* kQuestionColumns =
    "q.id, q.region, q.author_id, q.lang, q.title, q.body, q.links, q.visibility, q.helpful_answer_id, q.created_at";

Question to_question(const storage::Row& r) {
    Question q;
    q.id = r.get_int("id");
    q.region = r.get_text("region");
    q.author_id = r.get_opt_int("author_id");
    q.lang = r.get_text("lang");
    q.title = r.get_text("title");
    q.body = r.get_text("body");
    q.links = text::split_list(r.get_text("links"));
    q.visibility = r.get_text("visibility");
    q.helpful_answer_id = r.get_opt_int("helpful_answer_id");
    q.created_at = r.get_int("created_at");
    return q;
}

// WHERE conditions on network_questions q for a reader, a region and open questions.
std::string question_filter(const Viewer& v, const std::string& region, bool open_only, std::vector<Value>& params) {
    std::string where = v.signed_in() ? "1 = 1" : "q.visibility = 'public'";
    if (!region.empty()) {
        params.emplace_back(region);
        where += " AND q.region = $" + std::to_string(params.size());
    }
    if (open_only) where += " AND q.helpful_answer_id IS NULL";
    return where;
}

}  // namespace

std::int64_t NetworkStore::create_question(const Question& q, std::int64_t now) {
    return db_
        .exec("INSERT INTO network_questions (region, author_id, lang, title, body, links, visibility, created_at, updated_at) "
              "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id",
              {q.region, storage::nullable(q.author_id), q.lang, q.title, q.body, text::join_list(q.links), q.visibility, now})
        .at(0)
        .get_int("id");
}

std::optional<Question> NetworkStore::question(std::int64_t id) {
    const auto rows = db_.exec(std::string("SELECT ") + kQuestionColumns + " FROM network_questions q WHERE q.id = $1", {id});
    if (rows.empty()) return std::nullopt;
    Question q = to_question(rows.at(0));
    for (const auto& r : db_.exec("SELECT id, question_id, author_id, body, created_at FROM network_answers WHERE question_id = $1 ORDER BY created_at, id",
                                  {id}))
        q.answers.push_back({r.get_int("id"), r.get_int("question_id"), r.get_opt_int("author_id"), r.get_text("body"), r.get_int("created_at")});
    q.answer_count = static_cast<int>(q.answers.size());
    return q;
}

NetworkStore::QuestionPage NetworkStore::questions(const Viewer& v, const std::string& region, bool open_only, int offset, int limit) {
    QuestionPage page;
    std::vector<Value> params;
    const std::string where = question_filter(v, region, open_only, params);
    page.total = db_.exec("SELECT count(*) AS n FROM network_questions q WHERE " + where, params).at(0).get_int("n");
    if (page.total == 0) return page;
    params.emplace_back(std::int64_t{limit});
    params.emplace_back(std::int64_t{offset});
    const std::string n = std::to_string(params.size());
    for (const auto& r : db_.exec(std::string("SELECT ") + kQuestionColumns +
                                      ", (SELECT count(*) FROM network_answers a WHERE a.question_id = q.id) AS answers FROM network_questions q WHERE " +
                                      where + " ORDER BY q.created_at DESC, q.id DESC LIMIT $" + std::to_string(params.size() - 1) + " OFFSET $" + n,
                                  params)) {
        Question q = to_question(r);
        q.answer_count = static_cast<int>(r.get_int("answers"));
        page.questions.push_back(std::move(q));
    }
    return page;
}

std::int64_t NetworkStore::add_answer(std::int64_t question_id, std::int64_t author_id, const std::string& body, std::int64_t now) {
    const auto id = db_.exec("INSERT INTO network_answers (question_id, author_id, body, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
                             {question_id, author_id, body, now})
                        .at(0)
                        .get_int("id");
    db_.exec("UPDATE network_questions SET updated_at = $2 WHERE id = $1", {question_id, now});
    return id;
}

void NetworkStore::mark_helpful(std::int64_t question_id, std::optional<std::int64_t> answer_id, std::int64_t now) {
    db_.exec("UPDATE network_questions SET helpful_answer_id = $2, updated_at = $3 WHERE id = $1", {question_id, storage::nullable(answer_id), now});
}

std::vector<Question> NetworkStore::undigested() {
    std::vector<Question> out;
    for (const auto& r : db_.exec(std::string("SELECT ") + kQuestionColumns +
                                  " FROM network_questions q WHERE q.digested = 0 ORDER BY q.region, q.created_at, q.id LIMIT 1000"))
        out.push_back(to_question(r));
    return out;
}

void NetworkStore::mark_digested(const std::vector<std::int64_t>& ids) {
    std::vector<Value> params;
    const std::string in = storage::bind_in(params, ids);
    if (!params.empty()) db_.exec("UPDATE network_questions SET digested = 1 WHERE id IN (" + in + ")", params);
}

std::map<std::int64_t, std::string> NetworkStore::case_titles(const Viewer& v, const std::vector<std::int64_t>& ids, const std::string& lang) {
    std::map<std::int64_t, std::string> out;
    if (ids.empty()) return out;
    std::vector<Value> params;
    std::string where = visible_sql(v, params);
    where += " AND c.id IN (" + storage::bind_in(params, ids) + ")";
    std::map<std::int64_t, std::pair<int, std::string>> best;  // 0: the reader's language, 1: the case's, 2: another
    for (const auto& r : db_.exec("SELECT c.id, c.lang AS case_lang, t.lang, t.title FROM network_cases c JOIN network_case_texts t ON t.case_id = c.id WHERE " +
                                      where,
                                  params)) {
        const int rank = r.get_text("lang") == lang ? 0 : r.get_text("lang") == r.get_text("case_lang") ? 1 : 2;
        auto [it, fresh] = best.try_emplace(r.get_int("id"), rank, r.get_text("title"));
        if (!fresh && rank < it->second.first) it->second = {rank, r.get_text("title")};
    }
    for (auto& [id, t] : best) out.emplace(id, std::move(t.second));
    return out;
}

}  // namespace avenir::network
