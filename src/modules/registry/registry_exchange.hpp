#pragma once
// An entry in other registers' shapes: the Eurocities Algorithmic Transparency Standard v0.3.1
// (export and import, with every problem of an import named by its JSON path), an ATRS-shaped
// crosswalk, and the register as CSV. The schema written from the standard's field list is
// docs/register/eurocities-0.3.1.schema.json; the mapping is in docs/register-exchange.md.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "modules/registry/registry_types.hpp"

namespace avenir::registry {

// What an export knows besides the entry.
struct ExportContext {
    std::string base_url;       // for the entry's web address
    std::string country;        // the union's country
    std::string contact_email;  // who exports it (a representative)
    std::string uuid;           // the entry's stable identifier
    std::string verdict;        // of the latest assessment ("" none)
    std::int64_t review_on = 0; // a date before which the entry is to be revisited (unix seconds)
};

// The entry as a Eurocities v0.3.1 object; every Avenir field is also kept under "x_avenir", so
// that an import gives the same entry back.
nlohmann::json to_eurocities(const Entry& e, const ExportContext& c);

struct ImportProblem {
    std::string path, message;
};
// An entry from a Eurocities v0.3.1 object: from "x_avenir" where present, else mapped from the
// standard's fields. Problems name their JSON path; the entry is usable only when there are none.
Entry from_eurocities(const nlohmann::json& j, std::vector<ImportProblem>& problems);

// An ATRS-shaped record (UK Algorithmic Transparency Recording Standard, tiers 1 and 2), labelled
// as a crosswalk: the ATRS asks for more than a union knows, and the labels say what is mapped.
nlohmann::json to_atrs_crosswalk(const Entry& e, const ExportContext& c);

// A stable UUID (version 4 layout) for an entry of this deployment.
std::string entry_uuid(const std::string& base_url, std::int64_t id);

}  // namespace avenir::registry
