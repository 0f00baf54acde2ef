// Versioned migrations compiled into the binary (see database.hpp for the file naming).
// Each migration runs in its own transaction together with its schema_migrations row, so a
// failed migration leaves nothing behind. On SQLite the transaction runs with foreign keys on;
// a table rebuild should use PRAGMA defer_foreign_keys=ON (PRAGMA foreign_keys is ignored there).
#include <algorithm>
#include <ctime>
#include <map>
#include <set>

#include "core/embedded.hpp"
#include "core/log.hpp"
#include "storage/database.hpp"

namespace avenir::storage {
namespace {

enum class Kind { Both, Sqlite, Postgres };

struct MigrationFile {
    int version = 0;
    std::string name;
    Kind kind = Kind::Both;
    std::string path;
    std::string text;
};

bool ends_with(std::string_view s, std::string_view end) {
    return s.size() >= end.size() && s.substr(s.size() - end.size()) == end;
}

// "modules/x/migrations/0003_add_y.sqlite.sql" -> {3, "add_y", Sqlite}; false when malformed.
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
    const int v = files.front().version;
    if (clash || (both && (lite || pg))) {
        errors.push_back("version " + std::to_string(v) + " is used by several files: " + join_paths(files));
    } else if (both) {
        out.push_back({v, both->name, both->text, both->text});
    } else if (lite && pg) {
        out.push_back({v, lite->name, lite->text, pg->text});
    } else {
        errors.push_back(files.front().path + " has no " + (lite ? ".postgres.sql" : ".sqlite.sql") + " counterpart");
    }
}

constexpr const char* kCreateTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";

bool table_exists(Executor& ex, Dialect d) {
    if (d == Dialect::Sqlite)
        return !ex.exec("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").empty();
    return !ex.exec("SELECT to_regclass('schema_migrations')").at(0).is_null(0);
}

// Serialises migrate() across instances. SQLite's BEGIN IMMEDIATE already does; PostgreSQL takes a
// transaction-scoped advisory lock keyed by the schema, released at COMMIT/ROLLBACK.
void lock_migrations(Transaction& tx, Dialect d) {
    if (d == Dialect::Postgres)
        tx.exec("SELECT pg_advisory_xact_lock(hashtext('avenir.migrate.' || current_schema()))");
}

std::string utc_now() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

int known_version(const std::vector<Migration>& migrations) {
    int v = 0;
    for (const auto& m : migrations) v = std::max(v, m.version);
    return v;
}

}  // namespace

std::vector<Migration> load_migrations(const std::vector<std::pair<std::string, std::string>>& files) {
    std::map<int, std::vector<MigrationFile>> by_version;
    std::vector<std::string> errors;
    for (const auto& [path, text] : files) {
        MigrationFile f;
        if (!parse_name(path, f)) {
            errors.push_back(path + ": name must be NNNN_name.sql, NNNN_name.sqlite.sql or NNNN_name.postgres.sql");
            continue;
        }
        f.text = text;
        by_version[f.version].push_back(std::move(f));
    }
    std::vector<Migration> out;
    for (const auto& [version, group] : by_version) build_version(group, out, errors);
    if (!errors.empty()) {
        std::string msg = "bad migration files: ";
        for (std::size_t i = 0; i < errors.size(); ++i) msg += (i ? "; " : "") + errors[i];
        throw SchemaError(msg);
    }
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

int schema_version(Database& db) {
    if (!table_exists(db, db.dialect())) return 0;
    const Result r = db.exec("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
    return static_cast<int>(r.at(0).get_int(0));
}

void check_schema_not_newer(Database& db, const std::vector<Migration>& migrations) {
    const int current = schema_version(db);
    const int known = known_version(migrations);
    if (current > known)
        throw SchemaError("database schema is version " + std::to_string(current) +
                          " but this Avenir knows migrations up to " + std::to_string(known) +
                          "; upgrade Avenir or restore a matching backup");
}

int migrate(Database& db, const std::vector<Migration>& migrations) {
    const Dialect d = db.dialect();
    check_schema_not_newer(db, migrations);
    db.with_tx([&](Transaction& tx) {
        lock_migrations(tx, d);
        tx.exec(kCreateTable);
    });
    std::set<int> applied;
    for (const auto& row : db.exec("SELECT version FROM schema_migrations"))
        applied.insert(static_cast<int>(row.get_int(0)));

    std::vector<const Migration*> pending;
    for (const auto& m : migrations)
        if (!applied.count(m.version)) pending.push_back(&m);
    std::sort(pending.begin(), pending.end(), [](auto* a, auto* b) { return a->version < b->version; });

    int ran = 0;
    for (const Migration* m : pending) {
        bool did = false;
        try {
            db.with_tx([&](Transaction& tx) {
                lock_migrations(tx, d);
                // Another instance may have applied it while we waited for the lock.
                const std::vector<Value> version = {std::int64_t{m->version}};
                if (!tx.exec("SELECT 1 FROM schema_migrations WHERE version = $1", version).empty()) return;
                tx.exec_script(d == Dialect::Sqlite ? m->sqlite_sql : m->postgres_sql);
                tx.exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
                        {std::int64_t{m->version}, m->name, utc_now()});
                did = true;
            });
        } catch (const DbError& e) {
            throw SchemaError("migration " + std::to_string(m->version) + " (" + m->name + ") failed: " + e.what());
        }
        if (did) {
            ++ran;
            log::info("migration_applied", log::kv("version", m->version) + " " + log::kv("name", m->name));
        }
    }
    return ran;
}

}  // namespace avenir::storage
