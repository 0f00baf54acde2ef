#pragma once
// The register's SQL. Nothing else reads or writes these tables. Who may read what is decided in
// registry_rules.cpp, which hands the store its WHERE conditions.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "modules/registry/registry_types.hpp"
#include "storage/database.hpp"

namespace avenir::registry {

class RegistryStore {
public:
    explicit RegistryStore(storage::Executor& db) : db_(db) {}

    // A new entry (its change log says "created"); returns its id.
    std::int64_t create(const Entry& e, std::optional<std::int64_t> by, std::int64_t now);
    // Saves an entry's fields and tier, refused (Conflict) when someone saved since seen_version
    // was read; logs what changed (lifecycle and tier with their values, other fields by key).
    // Returns the new version.
    int save(const Entry& e, int seen_version, std::optional<std::int64_t> by, std::int64_t now);
    std::optional<Entry> get(std::int64_t id);
    // Entries by a WHERE on registry_entries e (from the rules), most recently changed first.
    std::vector<Entry> list(const std::string& where, const std::vector<storage::Value>& params, int limit, int offset = 0);
    std::int64_t count(const std::string& where, const std::vector<storage::Value>& params);
    // The entries and the distinct unions that made them, by a WHERE as above (one statement).
    struct Tally {
        std::int64_t entries = 0, unions = 0;
    };
    Tally tally(const std::string& where, const std::vector<storage::Value>& params);
    // A condition (" AND ...") on registry_entries e: entries about this product, its name matched
    // without case; its parameter appended to params.
    static std::string about_product(const std::string& product, std::vector<storage::Value>& params);
    void remove(std::int64_t id);

    std::int64_t add_evidence(const Evidence& ev, std::int64_t now);
    // An entry's evidence by field, employer's side first, oldest first (one statement).
    std::vector<Evidence> evidence(std::int64_t entry_id);
    // Removes one item of the entry's evidence; false when it is not the entry's.
    bool remove_evidence(std::int64_t entry_id, std::int64_t evidence_id);
    std::vector<Change> changes(std::int64_t entry_id);

    // Stores a questionnaire definition; false when that slug and version exist already.
    bool put_questionnaire(const std::string& slug, int version, const std::string& definition, std::optional<std::int64_t> by, std::int64_t now);
    // A definition's JSON text: that version, or the latest (version 0).
    std::optional<std::pair<int, std::string>> questionnaire(const std::string& slug, int version = 0);
    // The latest version of each questionnaire: (slug, version, definition).
    struct Stored {
        std::string slug;
        int version = 0;
        std::string definition;
    };
    std::vector<Stored> questionnaires();

    // The tracker (registry_store_requests.cpp).
    std::int64_t add_request(const Request& r, std::int64_t now);
    // Saves status, dates and answer; a changed deadline or review date arms its reminder again.
    // False when the request is not the entry's.
    bool save_request(const Request& r, std::int64_t now);
    std::vector<Request> requests(std::int64_t entry_id);
    // Claims the reminders due on `today` (YYYY-MM-DD): requests sent and unanswered whose
    // deadline has passed, and open requests whose review date has passed, each marked as
    // reminded in the same statement, so that no reminder is claimed twice.
    std::vector<DueReminder> claim_due_reminders(const std::string& today, std::int64_t now);

    // Shipped texts by slug (JSON): written whole by the seed, read by the pages.
    void put_text(const std::string& slug, const std::string& body, std::int64_t now);
    std::optional<std::string> text(const std::string& slug);

    std::int64_t add_assessment(const Assessment& a);
    // An entry's assessments, newest first.
    std::vector<Assessment> assessments(std::int64_t entry_id);

private:
    storage::Executor& db_;
};

}  // namespace avenir::registry
