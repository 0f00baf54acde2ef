// The register's tracker of requests to employers, and the claiming of reminders.
#include "modules/registry/registry_store.hpp"

#include "storage/bind.hpp"

namespace avenir::registry {
using storage::Value;

namespace {

constexpr const char* kRequestColumns = "r.id, r.entry_id, r.kind, r.title, r.status, r.sent_on, r.deadline, r.review_on, r.answer, r.created_by, r.created_at, r.updated_at";

Request request_of(const storage::Row& row) {
    Request r;
    r.id = row.get_int("id");
    r.entry_id = row.get_int("entry_id");
    r.kind = row.get_text("kind");
    r.title = row.get_text("title");
    r.status = row.get_text("status");
    r.sent_on = row.get_text("sent_on");
    r.deadline = row.get_text("deadline");
    r.review_on = row.get_text("review_on");
    r.answer = row.get_text("answer");
    r.created_by = row.get_opt_int("created_by");
    r.created_at = row.get_int("created_at");
    r.updated_at = row.get_int("updated_at");
    return r;
}

}  // namespace

std::int64_t RegistryStore::add_request(const Request& r, std::int64_t now) {
    return db_.exec("INSERT INTO registry_requests (entry_id, kind, title, status, sent_on, deadline, review_on, answer, created_by, created_at, updated_at) "
                    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id",
                    {r.entry_id, r.kind, r.title, r.status, r.sent_on, r.deadline, r.review_on, r.answer, storage::nullable(r.created_by), now})
        .at(0)
        .get_int("id");
}

bool RegistryStore::save_request(const Request& r, std::int64_t now) {
    return db_.exec("UPDATE registry_requests SET status = $1, sent_on = $2, answer = $3, updated_at = $4, "
                    "deadline_reminded_at = CASE WHEN deadline = $5 THEN deadline_reminded_at ELSE NULL END, deadline = $5, "
                    "review_reminded_at = CASE WHEN review_on = $6 THEN review_reminded_at ELSE NULL END, review_on = $6 "
                    "WHERE id = $7 AND entry_id = $8",
                    {r.status, r.sent_on, r.answer, now, r.deadline, r.review_on, r.id, r.entry_id})
               .affected > 0;
}

std::vector<Request> RegistryStore::requests(std::int64_t entry_id) {
    std::vector<Request> out;
    for (const auto& row : db_.exec(std::string("SELECT ") + kRequestColumns + " FROM registry_requests r WHERE r.entry_id = $1 ORDER BY r.created_at, r.id", {entry_id}))
        out.push_back(request_of(row));
    return out;
}

std::vector<DueReminder> RegistryStore::claim_due_reminders(const std::string& today, std::int64_t now) {
    std::vector<DueReminder> out;
    // Each UPDATE ... RETURNING claims its rows: another instance running at the same moment
    // finds them already marked.
    const struct {
        const char* what;
        const char* sql;
    } kinds[] = {
        {"deadline",
         "UPDATE registry_requests SET deadline_reminded_at = $2 WHERE deadline_reminded_at IS NULL AND status = 'sent' AND deadline <> '' AND deadline < $1 "
         "RETURNING id"},
        {"review",
         "UPDATE registry_requests SET review_reminded_at = $2 WHERE review_reminded_at IS NULL AND status <> 'closed' AND review_on <> '' AND review_on < $1 "
         "RETURNING id"},
    };
    for (const auto& k : kinds) {
        std::vector<std::int64_t> ids;
        for (const auto& row : db_.exec(k.sql, {today, now})) ids.push_back(row.get_int("id"));
        if (ids.empty()) continue;
        std::vector<Value> params;
        const std::string in = storage::bind_in(params, ids);
        for (const auto& row : db_.exec(std::string("SELECT ") + kRequestColumns + ", e.name FROM registry_requests r JOIN registry_entries e ON e.id = r.entry_id "
                                                                                   "WHERE r.id IN (" + in + ") ORDER BY r.id",
                                        params))
            out.push_back({request_of(row), row.get_text("name"), k.what});
    }
    return out;
}

}  // namespace avenir::registry
