// avenir: the command line. Exit codes: 0 done, 1 failed, 2 usage error, 3 database or schema
// problem, 4 bad content or configuration.
#include <CLI/CLI.hpp>

#include <iostream>

#include "app/app.hpp"
#include "core/http/server.hpp"
#include "core/log.hpp"
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
};

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
    const int applied = avenir::storage::migrate(*db);
    std::cout << "applied " << applied << " migration(s); schema version " << avenir::storage::schema_version(*db) << "\n";
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

int run(CLI::App& cli, const Options& o, const std::function<int(const Config&)>& command) {
    try {
        return command(load_config(o));
    } catch (const avenir::ConfigError& e) {
        std::cerr << "avenir: configuration: " << e.what() << "\n";
        return kContent;
    } catch (const avenir::programme::ContentError& e) {
        std::cerr << "avenir: content: " << e.what() << "\nNothing was changed in the database.\n";
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
    if (*backup_cmd) return run(cli, o, [&](const Config& c) { return backup(c, o.backup_file); });
    return kUsage;
}
