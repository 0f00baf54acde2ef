// avenir: the command line. Exit codes: 0 done, 1 failed, 2 usage error, 3 database or schema
// problem, 4 bad content or configuration.
#include <CLI/CLI.hpp>

#include <fstream>
#include <iostream>

#include "app/app.hpp"
#include "core/http/server.hpp"
#include "core/errors.hpp"
#include "core/log.hpp"
#include "modules/guide/guide_content.hpp"
#include "modules/library/library_demo.hpp"
#include "modules/library/library_text.hpp"
#include "modules/programme/programme_content.hpp"

namespace {
using avenir::Config;

enum Exit { kOk = 0, kFailed = 1, kUsage = 2, kDatabase = 3, kContent = 4 };

struct Options {
    std::string config_file = "avenir.toml";
    bool config_given = false;
    std::string database, host, content;
    int port = -1, threads = -1;
    std::string backup_file;
    std::string email, name, role, region, union_id, export_dir;
    bool password_stdin = false;
    std::string import_file;
    std::size_t demo_resources = 0;
    std::size_t demo_queries = 0;
    std::uint64_t demo_seed = 2022;
};

// The scope a role is held over, from --region / --union; throws ConfigError when it does not fit.
avenir::auth::Grant grant_of(const Options& o) {
    if (o.role == "admin") return {"admin", "global", ""};
    if (o.role == "coordinator" || o.role == "dro" || o.role == "facilitator") {
        if (o.region.empty()) throw avenir::ConfigError("--role " + o.role + " needs --region SLUG (e.g. asia-pacific)");
        return {o.role, "region", o.region};
    }
    if (o.role == "member" || o.role == "union_rep") {
        if (o.union_id.empty()) throw avenir::ConfigError("--role " + o.role + " needs --union ID");
        return {o.role, "union", o.union_id};
    }
    throw avenir::ConfigError("unknown role '" + o.role + "': use admin, coordinator, dro, facilitator, member or union_rep");
}

int user_create(const Config& c, const Options& o) {
    std::string password;
    if (o.password_stdin) std::getline(std::cin, password);
    avenir::App app(c, /*migrate=*/true);
    const auto grant = o.role.empty() ? std::optional<avenir::auth::Grant>() : grant_of(o);
    const auto id = app.accounts().create_user(o.email, o.name.empty() ? o.email.substr(0, o.email.find('@')) : o.name, password);
    if (grant) app.accounts().grant(o.email, *grant);
    std::cout << "account " << id << " created" << (grant ? " with role " + grant->role : std::string()) << "\n";
    if (password.empty()) std::cout << "no password set: use \"Forgot your password\" or --password-stdin\n";
    return kOk;
}

int user_grant(const Config& c, const Options& o) {
    const auto grant = grant_of(o);
    avenir::App app(c, /*migrate=*/true);
    app.accounts().grant(o.email, grant);
    std::cout << "role " << grant.role << " granted\n";
    return kOk;
}

Config load_config(const Options& o) {
    Config c;
    c.load_file(o.config_file, o.config_given);
    c.load_env();
    if (!o.database.empty()) c.database_url = o.database;
    if (!o.host.empty()) c.host = o.host;
    if (o.port >= 0) c.port = static_cast<std::uint16_t>(o.port);
    if (o.threads >= 0) c.threads = static_cast<unsigned>(o.threads);
    if (!o.content.empty()) c.content_dir = o.content;
    if (c.log_level == "debug") avenir::log::set_level(avenir::log::Level::Debug);
    else if (c.log_level == "warn") avenir::log::set_level(avenir::log::Level::Warn);
    else if (c.log_level == "error") avenir::log::set_level(avenir::log::Level::Error);
    return c;
}

int serve(const Config& c) {
    avenir::App app(c, /*migrate=*/true);
    avenir::http::ServerConfig sc;
    sc.host = c.host;
    sc.port = c.port;
    sc.threads = c.threads;
    sc.header_timeout = std::chrono::milliseconds(c.header_timeout_ms);
    sc.idle_timeout = std::chrono::milliseconds(c.idle_timeout_ms);
    sc.max_connections = c.max_connections;
    sc.access_log = c.access_log;
    avenir::http::Server server(sc, app.pipeline());
    server.listen();
    avenir::log::info("listening", avenir::log::kv("url", "http://" + c.host + ":" + std::to_string(server.port()) + "/"));
    std::cout << "Avenir is serving on http://" << c.host << ":" << server.port() << "/ (Ctrl-C to stop)" << std::endl;
    server.run();
    avenir::log::info("stopped");
    return kOk;
}

int migrate(const Config& c) {
    auto db = avenir::storage::open_database(c.database_url, 1);
    const int applied = avenir::storage::migrate(*db, {"accounts", "programme", "guide", "library"});
    std::cout << "applied " << applied << " migration(s); schema version";
    for (const auto& [module, version] : avenir::storage::schema_versions(*db)) std::cout << " " << module << " " << version;
    std::cout << "\n";
    return kOk;
}

int seed(const Config& c) {
    avenir::App app(c, /*migrate=*/true);
    const int changed = app.seed();
    std::cout << "content loaded from " << c.content_dir << ": " << changed << " row(s) changed\n";
    return kOk;
}

int backup(const Config& c, const std::string& file) {
    auto db = avenir::storage::open_database(c.database_url, 1);
    db->backup_to(file);
    std::cout << "backup written to " << file << "\n";
    return kOk;
}

// Imports the good lines of a JSONL file; reports each bad line with its number (exit 4 if any).
int library_import(const Config& c, const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        std::cerr << "avenir: cannot read " << file << "\n";
        return kContent;
    }
    avenir::App app(c, /*migrate=*/true);
    const auto summary = app.library().import_jsonl(in);
    for (const auto& [line, message] : summary.errors) std::cerr << file << ":" << line << ": " << message << "\n";
    std::cout << "imported " << summary.imported << " resource(s) from " << file;
    if (summary.unchanged > 0) std::cout << " (" << summary.unchanged << " already up to date)";
    if (!summary.errors.empty()) std::cout << "; " << summary.errors.size() << " line(s) refused (see above), nothing else changed";
    std::cout << "\n";
    return summary.errors.empty() ? kOk : kContent;
}

int demo_data(const Config& c, const Options& o) {
    avenir::App app(c, /*migrate=*/true);
    const auto n = app.library().add_demo(o.demo_resources, o.demo_seed, [&](std::size_t done) {
        if (done % 50000 == 0 || done == o.demo_resources) std::cerr << "\r" << done << " / " << o.demo_resources << std::flush;
    });
    std::cerr << "\n";
    std::cout << "added " << n << " demo resource(s); the library now holds " << app.library().store().count() << "\n";
    return kOk;
}

int run(CLI::App& cli, const Options& o, const std::function<int(const Config&)>& command) {
    try {
        return command(load_config(o));
    } catch (const avenir::ConfigError& e) {
        std::cerr << "avenir: configuration: " << e.what() << "\n";
        return kContent;
    } catch (const avenir::guide::GuideContentError& e) {
        std::cerr << "avenir: guide content: " << e.what() << "\nNothing was changed in the database.\n";
        return kContent;
    } catch (const avenir::programme::ContentError& e) {
        std::cerr << "avenir: content: " << e.what() << "\nNothing was changed in the database.\n";
        return kContent;
    } catch (const std::invalid_argument& e) {
        std::cerr << "avenir: " << e.what() << "\n";
        return kContent;
    } catch (const avenir::HttpError& e) {
        std::cerr << "avenir: " << e.public_message() << "\n";
        return kContent;
    } catch (const avenir::storage::UniqueViolation&) {
        std::cerr << "avenir: that account already exists\n";
        return kContent;
    } catch (const avenir::storage::SchemaError& e) {
        std::cerr << "avenir: " << e.what() << "\n";
        return kDatabase;
    } catch (const avenir::storage::DbError& e) {
        std::cerr << "avenir: database: " << e.what() << "\n";
        return kDatabase;
    } catch (const std::exception& e) {
        std::cerr << "avenir: " << e.what() << "\n";
        return kFailed;
    }
}

}  // namespace

int main(int argc, char** argv) {
    avenir::library::install_sqlite_search();  // before any SQLite database is opened
    CLI::App cli{"Avenir: the platform of the trade-union programme \"Our Digital Future\"."};
    cli.require_subcommand(1);
    cli.fallthrough();  // global options may also follow the command
    Options o;
    auto* config_opt = cli.add_option("--config", o.config_file, "configuration file (default avenir.toml if present)");
    cli.add_option("--database", o.database, "database URL: sqlite:PATH or postgresql://... (env AVENIR_DATABASE_URL)");

    auto* serve_cmd = cli.add_subcommand("serve", "serve the platform over HTTP (applies migrations first)");
    serve_cmd->add_option("--host", o.host, "address to listen on (env AVENIR_HOST, default 127.0.0.1)");
    serve_cmd->add_option("--port", o.port, "port to listen on (env AVENIR_PORT, default 8080)")->check(CLI::Range(0, 65535));
    serve_cmd->add_option("--threads", o.threads, "io threads, 0 = one per core (env AVENIR_THREADS)")->check(CLI::Range(0, 256));
    auto* migrate_cmd = cli.add_subcommand("migrate", "apply pending database migrations");
    auto* seed_cmd = cli.add_subcommand("seed", "load the shipped content into the database (idempotent)");
    seed_cmd->add_option("--content", o.content, "content folder (env AVENIR_CONTENT_DIR, default content)");
    auto* backup_cmd = cli.add_subcommand("backup", "write an online backup of the SQLite database to FILE");
    backup_cmd->add_option("FILE", o.backup_file, "backup file to write")->required();
    auto* version_cmd = cli.add_subcommand("version", "print the version");
    auto* guide_cmd = cli.add_subcommand("guide", "the facilitator's guide");
    guide_cmd->require_subcommand(1);
    auto* guide_export_cmd = guide_cmd->add_subcommand("export", "write the live guide to DIR in the content/guide format");
    guide_export_cmd->add_option("DIR", o.export_dir, "folder to write (created when missing)")->required();
    auto* library_cmd = cli.add_subcommand("library", "the resource library");
    library_cmd->require_subcommand(1);
    auto* import_cmd = library_cmd->add_subcommand(
        "import", "import resources from a JSON Lines file (one object per line: title, summary, body, lang, regions, themes, type, "
                  "date, publisher, url); bad lines are reported with their number, good lines imported; exit 4 if any line was refused");
    import_cmd->add_option("FILE", o.import_file, "the .jsonl file")->required();
    auto* demo_cmd = cli.add_subcommand("demo-data", "add generated multilingual demo content (for demos and benchmarks)");
    demo_cmd->add_option("--resources", o.demo_resources, "how many library resources to add");
    demo_cmd->add_option("--queries", o.demo_queries, "print N realistic search queries per language (lang<TAB>query) instead (benchmarks)");
    demo_cmd->add_option("--seed", o.demo_seed, "seed of the generator (same seed, same resources)");
    auto* user_cmd = cli.add_subcommand("user", "manage accounts from the shell (e.g. the first admin)");
    user_cmd->require_subcommand(1);
    auto* create_cmd = user_cmd->add_subcommand("create", "create a verified account, optionally with a role");
    create_cmd->add_option("--email", o.email, "e-mail address")->required();
    create_cmd->add_option("--name", o.name, "display name (default: the e-mail's local part)");
    create_cmd->add_option("--role", o.role, "admin, coordinator, dro, facilitator, member or union_rep");
    create_cmd->add_option("--region", o.region, "region slug, for coordinator, dro and facilitator");
    create_cmd->add_option("--union", o.union_id, "union id, for member and union_rep");
    create_cmd->add_flag("--password-stdin", o.password_stdin, "read the password from the first line of standard input");
    auto* grant_cmd = user_cmd->add_subcommand("grant", "grant a role to an existing account");
    grant_cmd->add_option("--email", o.email, "e-mail address")->required();
    grant_cmd->add_option("--role", o.role, "admin, coordinator, dro, facilitator, member or union_rep")->required();
    grant_cmd->add_option("--region", o.region, "region slug, for coordinator, dro and facilitator");
    grant_cmd->add_option("--union", o.union_id, "union id, for member and union_rep");

    try {
        cli.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = cli.exit(e);
        return code == 0 ? kOk : kUsage;
    }
    o.config_given = config_opt->count() > 0;
    if (*version_cmd) {
        std::cout << "avenir " << AVENIR_VERSION << "\n";
        return kOk;
    }
    if (*serve_cmd) return run(cli, o, serve);
    if (*migrate_cmd) return run(cli, o, migrate);
    if (*seed_cmd) return run(cli, o, seed);
    if (*guide_export_cmd)
        return run(cli, o, [&](const Config& c) {
            avenir::App app(c, /*migrate=*/true);
            app.guide().export_to(o.export_dir);
            std::cout << "guide written to " << o.export_dir << "\n";
            return kOk;
        });
    if (*import_cmd) return run(cli, o, [&](const Config& c) { return library_import(c, o.import_file); });
    if (*demo_cmd && o.demo_queries > 0) {
        for (const char* lang : {"en", "fr", "es", "ar"})
            for (const auto& q : avenir::library::demo_queries(lang, o.demo_queries, o.demo_seed)) std::cout << lang << "\t" << q << "\n";
        return kOk;
    }
    if (*demo_cmd && o.demo_resources == 0) {
        std::cerr << "avenir: demo-data needs --resources N (or --queries N)\n";
        return kUsage;
    }
    if (*demo_cmd) return run(cli, o, [&](const Config& c) { return demo_data(c, o); });
    if (*create_cmd) return run(cli, o, [&](const Config& c) { return user_create(c, o); });
    if (*grant_cmd) return run(cli, o, [&](const Config& c) { return user_grant(c, o); });
    if (*backup_cmd) return run(cli, o, [&](const Config& c) { return backup(c, o.backup_file); });
    return kUsage;
}
