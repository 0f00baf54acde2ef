#include "core/privacy/personal_data.hpp"

#include <algorithm>

namespace avenir::privacy {
namespace {

nlohmann::json to_json(const storage::Value& v) {
    if (std::holds_alternative<std::nullptr_t>(v)) return nullptr;
    if (const auto* i = std::get_if<std::int64_t>(&v)) return *i;
    if (const auto* d = std::get_if<double>(&v)) return *d;
    return std::get<std::string>(v);
}

}  // namespace

nlohmann::json PersonalDataRegistry::export_person(storage::Database& db, std::int64_t person_id) const {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& t : tables_) {
        std::string where;
        for (const auto& c : t.person_columns) where += (where.empty() ? "" : " OR ") + c + " = $1";
        const auto result = db.exec("SELECT * FROM " + t.table + " WHERE " + where, {person_id});
        auto& rows = out[t.table] = nlohmann::json::array();
        for (const auto& row : result.rows) {
            nlohmann::json r = nlohmann::json::object();
            for (std::size_t i = 0; i < result.columns.size(); ++i) {
                const std::string& col = result.columns[i];
                const bool secret = std::find(t.secret_columns.begin(), t.secret_columns.end(), col) != t.secret_columns.end();
                r[col] = secret ? (row.is_null(i) ? nlohmann::json(nullptr) : nlohmann::json("(set)")) : to_json(row.value(i));
            }
            rows.push_back(std::move(r));
        }
        // The same rows give the same export whatever order the database read them in (a restored
        // PostgreSQL database plans the query differently): sorted by their serialised form.
        std::sort(rows.begin(), rows.end(), [](const nlohmann::json& a, const nlohmann::json& b) { return a.dump() < b.dump(); });
    }
    return out;
}

}  // namespace avenir::privacy
