// Versioned migrations compiled into the binary, one sequence per module (see database.hpp for
// the file naming and the dialect tokens).
//
// Decisions:
// - Each module numbers its own migrations 0001, 0002, ... in src/modules/<m>/migrations; the
//   platform's own live in src/storage/migrations (module "core"). Modules never race for a global
//   number, and a module is added without touching anyone else's files.
// - Order of application: core, then the modules in the order the caller gives (the app's module
//   list, where a module comes after those whose tables it references), then any other module by
//   name; within a module by version.
// - State lives in avenir_migrations (module, version, name, applied_at). Databases made before
//   per-module sequences kept one global sequence in schema_migrations; their rows are carried over
//   once by name (kLegacy), and schema_migrations then holds only a marker row of version 999999,
//   so an older binary refuses the database with its "newer schema" message instead of trying to
//   create every table again. New databases get the same marker.
// - Each migration runs in its own transaction together with its avenir_migrations row, so a failed
//   migration leaves nothing behind. On SQLite the transaction runs with foreign keys on; a table
//   rebuild should use PRAGMA defer_foreign_keys=ON (PRAGMA foreign_keys is ignored there).
#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "core/clock.hpp"
#include "core/embedded.hpp"
#include "core/log.hpp"
#include "storage/database.hpp"

namespace avenir::storage {
namespace {

enum class Kind { Both, Sqlite, Postgres };

struct MigrationFile {
    std::string module;
    int version = 0;
    std::string name;
    Kind kind = Kind::Both;
    std::string path;
    std::string text;
};

constexpr int kLegacyMarker = 999999;

// The global sequence used before per-module sequences: legacy name -> (module, version).
struct LegacyName {
    const char* name;
    const char* module;
    int version;
};
constexpr LegacyName kLegacy[] = {
    {"core", "core", 1},          {"programme", "programme", 1}, {"accounts", "accounts", 1},
    {"programme_translated_from", "programme", 2},                {"guide", "guide", 1},
    {"guide_plans", "guide", 2},  {"guide_versions", "guide", 3}, {"library", "library", 1},
};

bool ends_with(std::string_view s, std::string_view end) {
    return s.size() >= end.size() && s.substr(s.size() - end.size()) == end;
}

// "modules/library/migrations/..." -> "library"; anything else (storage/migrations) -> "core".
std::string module_of(std::string_view path) {
    const std::string_view marker = "modules/";
    const auto at = path.find(marker);
    if (at == std::string_view::npos) return "core";
    const auto start = at + marker.size();
    const auto slash = path.find('/', start);
    if (slash == std::string_view::npos) return "core";
    return std::string(path.substr(start, slash - start));
}

// "modules/x/migrations/0003_add_y.sqlite.sql" -> {x, 3, "add_y", Sqlite}; false when malformed.
bool parse_name(const std::string& path, MigrationFile& out) {
    std::string_view stem(path);
    if (const auto slash = stem.rfind('/'); slash != std::string_view::npos) stem.remove_prefix(slash + 1);
    if (!ends_with(stem, ".sql")) return false;
    stem.remove_suffix(4);
    out.kind = Kind::Both;
    if (ends_with(stem, ".sqlite")) { out.kind = Kind::Sqlite; stem.remove_suffix(7); }
    else if (ends_with(stem, ".postgres")) { out.kind = Kind::Postgres; stem.remove_suffix(9); }
    if (stem.size() < 6 || stem[4] != '_') return false;
    for (std::size_t i = 0; i < stem.size(); ++i) {
        const char c = stem[i];
        const bool digit = c >= '0' && c <= '9';
        if (i < 4 ? !digit : !(digit || c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
    }
    out.module = module_of(path);
    out.version = std::stoi(std::string(stem.substr(0, 4)));
    out.name = std::string(stem.substr(5));
    out.path = path;
    return out.version > 0;
}

std::string join_paths(const std::vector<MigrationFile>& files) {
    std::string out;
    for (const auto& f : files) out += (out.empty() ? "" : ", ") + f.path;
    return out;
}

// Checks one version's files and builds its Migration; appends to errors when they do not fit.
void build_version(const std::vector<MigrationFile>& files, std::vector<Migration>& out,
                   std::vector<std::string>& errors) {
    const MigrationFile* of[3] = {nullptr, nullptr, nullptr};
    bool clash = false;
    for (const auto& f : files) {
        auto& slot = of[static_cast<int>(f.kind)];
        clash = clash || slot != nullptr || f.name != files.front().name;
        slot = &f;
    }
    const auto* both = of[0];
    const auto* lite = of[1];
    const auto* pg = of[2];
    const auto& first = files.front();
    const std::string where = "module " + first.module + " version " + std::to_string(first.version);
    try {
        if (clash || (both && (lite || pg))) {
            errors.push_back(where + " is used by several files: " + join_paths(files));
        } else if (both) {
            out.push_back({first.module, first.version, both->name, expand_dialect(both->text, Dialect::Sqlite),
                           expand_dialect(both->text, Dialect::Postgres)});
        } else if (lite && pg) {
            out.push_back({first.module, first.version, lite->name, expand_dialect(lite->text, Dialect::Sqlite),
                           expand_dialect(pg->text, Dialect::Postgres)});
        } else {
            errors.push_back(first.path + " has no " + (lite ? ".postgres.sql" : ".sqlite.sql") + " counterpart");
        }
    } catch (const SchemaError& e) {
        errors.push_back((both ? both->path : lite ? lite->path : pg->path) + ": " + e.what());
    }
}

constexpr const char* kCreateTable =
    "CREATE TABLE IF NOT EXISTS avenir_migrations ("
    "module TEXT NOT NULL, version INTEGER NOT NULL, name TEXT NOT NULL, applied_at TEXT NOT NULL, "
    "PRIMARY KEY (module, version))";
constexpr const char* kCreateLegacy =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";

bool table_exists(Executor& ex, const char* table) {
    if (ex.dialect() == Dialect::Sqlite)
        return !ex.exec("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = $1", {std::string(table)}).empty();
    return !ex.exec("SELECT to_regclass($1) AS t", {std::string(table)}).at(0).is_null("t");
}

// Serialises migrate() across instances. SQLite's BEGIN IMMEDIATE already does; PostgreSQL takes a
// transaction-scoped advisory lock keyed by the schema, released at COMMIT/ROLLBACK.
void lock_migrations(Transaction& tx) {
    if (tx.dialect() == Dialect::Postgres)
        tx.exec("SELECT pg_advisory_xact_lock(hashtext('avenir.migrate.' || current_schema()))");
}

const LegacyName* legacy(std::string_view name) {
    for (const auto& l : kLegacy)
        if (name == l.name) return &l;
    return nullptr;
}

// The versions a database holds: module -> highest version applied. Reads the legacy table when
// avenir_migrations does not exist yet; throws SchemaError for a legacy row it cannot place.
std::map<std::string, int> applied_versions(Executor& ex) {
    std::map<std::string, int> out;
    if (table_exists(ex, "avenir_migrations")) {
        for (const auto& row : ex.exec("SELECT module, MAX(version) AS v FROM avenir_migrations GROUP BY module"))
            out[row.get_text("module")] = static_cast<int>(row.get_int("v"));
        return out;
    }
    if (!table_exists(ex, "schema_migrations")) return out;
    for (const auto& row : ex.exec("SELECT version, name FROM schema_migrations ORDER BY version")) {
        const auto version = row.get_int("version");
        const LegacyName* l = legacy(row.get_text("name"));
        if (!l || version > static_cast<std::int64_t>(std::size(kLegacy)))
            throw SchemaError("database schema is version " + std::to_string(version) + " (" + row.get_text("name") +
                              ") but this Avenir knows migrations up to " + std::to_string(std::size(kLegacy)) +
                              " in that numbering; upgrade Avenir or restore a matching backup");
        out[l->module] = std::max(out[l->module], l->version);
    }
    return out;
}

// Creates avenir_migrations (carrying over a legacy schema_migrations) and the legacy marker.
void prepare_tables(Transaction& tx) {
    lock_migrations(tx);
    if (table_exists(tx, "avenir_migrations")) return;
    const bool had_legacy = table_exists(tx, "schema_migrations");
    const auto legacy_rows = had_legacy ? tx.exec("SELECT version, name, applied_at FROM schema_migrations") : Result{};
    tx.exec(kCreateTable);
    tx.exec(kCreateLegacy);
    for (const auto& row : legacy_rows) {
        const LegacyName* l = legacy(row.get_text("name"));
        if (!l) continue;  // applied_versions() has refused unknown rows already
        tx.exec("INSERT INTO avenir_migrations (module, version, name, applied_at) VALUES ($1, $2, $3, $4)",
                {std::string(l->module), std::int64_t{l->version}, row.get_text("name"), row.get_text("applied_at")});
    }
    tx.exec("DELETE FROM schema_migrations");
    tx.exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
            {std::int64_t{kLegacyMarker}, std::string("moved_to_avenir_migrations"), clock::utc_iso8601()});
}

std::map<std::string, int> known_versions(const std::vector<Migration>& migrations) {
    std::map<std::string, int> out;
    for (const auto& m : migrations) out[m.module] = std::max(out[m.module], m.version);
    return out;
}

}  // namespace

std::string expand_dialect(std::string_view text, Dialect d) {
    const bool lite = d == Dialect::Sqlite;
    std::string out;
    out.reserve(text.size());
    enum class Section { Both, Sqlite, Postgres } section = Section::Both;
    std::size_t line_no = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        ++line_no;
        if (line.starts_with("-- dialect:")) {
            std::string_view which = line.substr(11);
            while (!which.empty() && (which.front() == ' ' || which.front() == '\t')) which.remove_prefix(1);
            while (!which.empty() && (which.back() == ' ' || which.back() == '\r')) which.remove_suffix(1);
            if (which == "sqlite") section = Section::Sqlite;
            else if (which == "postgres") section = Section::Postgres;
            else if (which == "both") section = Section::Both;
            else throw SchemaError("line " + std::to_string(line_no) + ": \"-- dialect:\" takes sqlite, postgres or both");
            continue;
        }
        if ((section == Section::Sqlite && !lite) || (section == Section::Postgres && lite)) continue;
        for (std::size_t i = 0; i < line.size();) {
            const auto open = line.find("{{", i);
            if (open == std::string_view::npos) {
                out.append(line.substr(i));
                break;
            }
            out.append(line.substr(i, open - i));
            const auto close = line.find("}}", open);
            if (close == std::string_view::npos)
                throw SchemaError("line " + std::to_string(line_no) + ": unclosed {{ token");
            const std::string_view token = line.substr(open + 2, close - open - 2);
            if (token == "id") out += lite ? "INTEGER PRIMARY KEY" : "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY";
            else if (token == "int") out += lite ? "INTEGER" : "BIGINT";
            else if (token == "without_rowid") out += lite ? " WITHOUT ROWID" : "";
            else
                throw SchemaError("line " + std::to_string(line_no) + ": unknown token {{" + std::string(token) +
                                  "}} (known: {{id}}, {{int}}, {{without_rowid}})");
            i = close + 2;
        }
        out.push_back('\n');
    }
    return out;
}

std::vector<Migration> load_migrations(const std::vector<std::pair<std::string, std::string>>& files) {
    std::map<std::pair<std::string, int>, std::vector<MigrationFile>> by_version;
    std::vector<std::string> errors;
    for (const auto& [path, text] : files) {
        MigrationFile f;
        if (!parse_name(path, f)) {
            errors.push_back(path + ": name must be NNNN_name.sql, NNNN_name.sqlite.sql or NNNN_name.postgres.sql");
            continue;
        }
        f.text = text;
        by_version[{f.module, f.version}].push_back(std::move(f));
    }
    std::vector<Migration> out;
    for (const auto& [key, group] : by_version) build_version(group, out, errors);
    // Each module's sequence starts at 1 and has no gap, so a missing file is noticed.
    std::map<std::string, int> expected;
    for (const auto& m : out) {
        int& next = expected[m.module];
        if (m.version != next + 1)
            errors.push_back("module " + m.module + ": version " + std::to_string(m.version) + " follows " +
                             std::to_string(next) + " (versions are 1, 2, 3, ... without gaps)");
        next = m.version;
    }
    if (!errors.empty()) {
        std::string msg = "bad migration files: ";
        for (std::size_t i = 0; i < errors.size(); ++i) msg += (i ? "; " : "") + errors[i];
        throw SchemaError(msg);
    }
    std::stable_sort(out.begin(), out.end(), [](const Migration& a, const Migration& b) {
        return std::make_tuple(a.module != "core", a.module, a.version) < std::make_tuple(b.module != "core", b.module, b.version);
    });
    return out;
}

const std::vector<Migration>& builtin_migrations() {
    // A throwing initialiser is retried on the next call, so every call reports the problem.
    static const std::vector<Migration> list = [] {
        std::vector<std::pair<std::string, std::string>> files;
        for (const auto& f : embedded::avenir_migrations_embed()) files.emplace_back(f.path, std::string(f.data));
        return load_migrations(files);
    }();
    return list;
}

std::map<std::string, int> schema_versions(Database& db) { return applied_versions(db); }

void check_schema_not_newer(Database& db, const std::vector<Migration>& migrations) {
    const auto known = known_versions(migrations);
    for (const auto& [module, version] : applied_versions(db)) {
        const auto it = known.find(module);
        const int knows = it == known.end() ? 0 : it->second;
        if (version > knows)
            throw SchemaError("database schema of module " + module + " is version " + std::to_string(version) +
                              " but this Avenir knows migrations up to " + std::to_string(knows) +
                              "; upgrade Avenir or restore a matching backup");
    }
}

int migrate(Database& db, const std::vector<std::string>& module_order, const std::vector<Migration>& migrations) {
    check_schema_not_newer(db, migrations);
    db.with_tx([&](Transaction& tx) { prepare_tables(tx); });
    std::set<std::pair<std::string, int>> applied;
    for (const auto& row : db.exec("SELECT module, version FROM avenir_migrations"))
        applied.emplace(row.get_text("module"), static_cast<int>(row.get_int("version")));

    auto rank = [&](const std::string& module) -> std::size_t {
        if (module == "core") return 0;
        const auto it = std::find(module_order.begin(), module_order.end(), module);
        return it == module_order.end() ? module_order.size() + 1 : static_cast<std::size_t>(it - module_order.begin()) + 1;
    };
    std::vector<const Migration*> pending;
    for (const auto& m : migrations)
        if (!applied.contains({m.module, m.version})) pending.push_back(&m);
    std::stable_sort(pending.begin(), pending.end(), [&](auto* a, auto* b) {
        return std::make_tuple(rank(a->module), a->module, a->version) < std::make_tuple(rank(b->module), b->module, b->version);
    });

    int ran = 0;
    for (const Migration* m : pending) {
        bool did = false;
        try {
            db.with_tx([&](Transaction& tx) {
                lock_migrations(tx);
                // Another instance may have applied it while we waited for the lock.
                if (!tx.exec("SELECT 1 FROM avenir_migrations WHERE module = $1 AND version = $2",
                             {m->module, std::int64_t{m->version}}).empty())
                    return;
                tx.exec_script(tx.dialect() == Dialect::Sqlite ? m->sqlite_sql : m->postgres_sql);
                tx.exec("INSERT INTO avenir_migrations (module, version, name, applied_at) VALUES ($1, $2, $3, $4)",
                        {m->module, std::int64_t{m->version}, m->name, clock::utc_iso8601()});
                did = true;
            });
        } catch (const DbError& e) {
            throw SchemaError("migration " + m->module + " " + std::to_string(m->version) + " (" + m->name +
                              ") failed: " + e.what());
        }
        if (did) {
            ++ran;
            log::info("migration_applied", log::kv("module", m->module) + " " + log::kv("version", m->version) + " " +
                                               log::kv("name", m->name));
        }
    }
    return ran;
}

}  // namespace avenir::storage
