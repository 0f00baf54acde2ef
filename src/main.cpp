// avenir: the command line. The platform's own commands are here (serve, migrate, seed, backup,
// version); each module adds its own through its declaration (kit::Declarations::command).
// Exit codes: 0 done, 1 failed, 2 usage error, 3 database or schema problem, 4 bad content or
// configuration.
#include <CLI/CLI.hpp>

#include <iostream>
#include <map>

#include "app/app.hpp"
#include "core/errors.hpp"
#include "core/http/server.hpp"
#include "core/log.hpp"

namespace {
using avenir::Config;

enum Exit { kOk = 0, kFailed = 1, kUsage = 2, kDatabase = 3, kContent = 4 };

struct Options {
    std::string config_file = "avenir.toml";
    bool config_given = false;
    std::string database, host, content;
    int port = -1, threads = -1, workers = -1;
    std::string backup_file;
};

void load_config(Config& c, const Options& o) {
    c.load_file(o.config_file, o.config_given);
    c.load_env();
    if (!o.database.empty()) c.database_url = o.database;
    if (!o.host.empty()) c.host = o.host;
    if (o.port >= 0) c.port = static_cast<std::uint16_t>(o.port);
    if (o.threads >= 0) c.threads = static_cast<unsigned>(o.threads);
    if (o.workers >= 0) c.workers = static_cast<unsigned>(o.workers);
    if (!o.content.empty()) c.content_dir = o.content;
    c.check();
    if (c.log_level == "debug") avenir::log::set_level(avenir::log::Level::Debug);
    else if (c.log_level == "warn") avenir::log::set_level(avenir::log::Level::Warn);
    else if (c.log_level == "error") avenir::log::set_level(avenir::log::Level::Error);
    avenir::log::set_json(c.log_format == "json");
}

std::vector<std::string> module_names(const std::vector<std::unique_ptr<avenir::kit::Module>>& modules) {
    std::vector<std::string> names;
    for (const auto& m : modules) names.push_back(m->name());
    return names;
}

int serve(avenir::App& app) {
    const Config& c = app.config();
    avenir::http::ServerConfig sc;
    sc.host = c.host;
    sc.port = c.port;
    sc.threads = c.threads;
    sc.workers = c.effective_workers();
    sc.queue = c.effective_queue();
    sc.header_timeout = std::chrono::milliseconds(c.header_timeout_ms);
    sc.idle_timeout = std::chrono::milliseconds(c.idle_timeout_ms);
    sc.max_connections = c.max_connections;
    sc.access_log = c.access_log;
    sc.upload_dir = c.upload_dir();
    sc.metrics = &app.metrics();
    avenir::http::Server server(sc, app.pipeline());
    server.listen();
    app.start_maintenance();
    avenir::log::info("listening", avenir::log::kv("url", "http://" + c.host + ":" + std::to_string(server.port()) + "/") + " " +
                                       avenir::log::kv("workers", static_cast<long long>(sc.workers)));
    std::cout << "Avenir is serving on http://" << c.host << ":" << server.port() << "/ (Ctrl-C to stop)" << std::endl;
    avenir::log::set_buffered(true);  // the access log never makes a request wait for a write
    server.run();
    avenir::log::info("stopped");
    avenir::log::set_buffered(false);
    return kOk;
}

// Runs a command, mapping errors to exit codes and clear messages.
int run(const std::function<int()>& command) {
    try {
        return command();
    } catch (const avenir::ConfigError& e) {
        std::cerr << "avenir: configuration: " << e.what() << "\n";
        return kContent;
    } catch (const avenir::ContentError& e) {
        std::cerr << "avenir: content: " << e.what() << "\nNothing was changed in the database.\n";
        return kContent;
    } catch (const std::invalid_argument& e) {
        std::cerr << "avenir: " << e.what() << "\n";
        return kContent;
    } catch (const avenir::HttpError& e) {
        std::cerr << "avenir: " << e.public_message() << "\n";
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
    auto modules = avenir::make_modules();
    Config config;
    std::vector<avenir::kit::Command> commands = avenir::declare_modules(modules, config);

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
    serve_cmd->add_option("--workers", o.workers, "handler threads, 0 = four per core (env AVENIR_WORKERS)")->check(CLI::Range(0, 1024));
    auto* migrate_cmd = cli.add_subcommand("migrate", "apply pending database migrations");
    auto* seed_cmd = cli.add_subcommand("seed", "load the shipped content into the database (idempotent)");
    seed_cmd->add_option("--content", o.content, "content folder (env AVENIR_CONTENT_DIR, default content)");
    auto* backup_cmd = cli.add_subcommand("backup", "write an online backup of the SQLite database to FILE");
    backup_cmd->add_option("FILE", o.backup_file, "backup file to write")->required();
    auto* version_cmd = cli.add_subcommand("version", "print the version");
    auto* routes_cmd = cli.add_subcommand("routes",
        "print the route table, one route a line: method, pattern, permission, module, cache (tab-separated)");

    // The modules' commands: "library import" is subcommand "import" of a group "library".
    std::map<std::string, CLI::App*> groups;
    std::vector<std::pair<CLI::App*, const avenir::kit::Command*>> module_cmds;
    for (const auto& c : commands) {
        CLI::App* parent = &cli;
        for (std::size_t i = 0; i + 1 < c.path.size(); ++i) {
            auto& g = groups[c.path[i]];
            if (!g) {
                g = parent->add_subcommand(c.path[i], "commands of " + c.path[i]);
                g->require_subcommand(1);
            }
            parent = g;
        }
        CLI::App* sub = parent->add_subcommand(c.path.back(), c.help);
        if (c.options) c.options(*sub);
        module_cmds.emplace_back(sub, &c);
    }

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
    const auto started = [&] {
        load_config(config, o);
        return avenir::App(config, /*migrate=*/true, std::move(modules));
    };
    if (*serve_cmd) return run([&] {
        avenir::App app = started();
        return serve(app);
    });
    if (*migrate_cmd) return run([&] {
        load_config(config, o);
        auto db = avenir::storage::open_database(config.database_url, 1);
        const int applied = avenir::storage::migrate(*db, module_names(modules));
        std::cout << "applied " << applied << " migration(s); schema version";
        for (const auto& [module, version] : avenir::storage::schema_versions(*db)) std::cout << " " << module << " " << version;
        std::cout << "\n";
        return kOk;
    });
    if (*seed_cmd) return run([&] {
        avenir::App app = started();
        const int changed = app.seed();
        std::cout << "content loaded from " << config.content_dir << ": " << changed << " row(s) changed\n";
        return kOk;
    });
    if (*backup_cmd) return run([&] {
        load_config(config, o);
        auto db = avenir::storage::open_database(config.database_url, 1);
        db->backup_to(o.backup_file);
        std::cout << "backup written to " << o.backup_file << "\n";
        return kOk;
    });
    if (*routes_cmd) return run([&] {
        avenir::App app = started();
        for (const auto& r : app.router().routes()) {
            const auto& op = r.options;
            const char* cache = !op.cache_anonymous ? "-" : op.cache_signed_in ? "anonymous+signed-in" : "anonymous";
            std::cout << avenir::http::method_name(r.method) << '\t' << r.pattern << '\t' << op.permission << '\t'
                      << (op.owner.empty() ? "platform" : op.owner) << '\t' << cache << '\n';
        }
        return kOk;
    });
    for (const auto& [sub, c] : module_cmds)
        if (*sub) return run([&] {
            if (!c->needs_platform) return c->run();
            avenir::App app = started();
            return c->run();
        });
    return kUsage;
}
