#pragma once
// The register of tables that hold personal data, filled by each module at start. "My data"
// exports every row these tables hold about a person; a test derived from the schema fails when
// a table that refers to a person is missing here.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "storage/database.hpp"

namespace avenir::privacy {

struct PersonalTable {
    std::string table;
    std::vector<std::string> person_columns;  // columns holding the person's id
    std::vector<std::string> secret_columns;  // exported as "(set)" or null, never in clear (hashes, keys)
};

class PersonalDataRegistry {
public:
    void add(PersonalTable t) { tables_.push_back(std::move(t)); }
    const std::vector<PersonalTable>& tables() const { return tables_; }
    // Every row of every registered table that refers to person_id, by table name.
    nlohmann::json export_person(storage::Database& db, std::int64_t person_id) const;

private:
    std::vector<PersonalTable> tables_;
};

}  // namespace avenir::privacy
