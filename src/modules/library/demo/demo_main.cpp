// avenir-demo: generated multilingual library resources for demos and benchmarks, kept out of
// the server binary (its phrase banks are large). Uses the same configuration as `avenir`
// (avenir.toml, AVENIR_* variables, --database).
//   avenir-demo --resources N [--seed S]   add N resources to the configured database
//   avenir-demo --queries N [--seed S]     print N realistic queries per language (lang<TAB>query)
// Exit codes as avenir's: 0 done, 1 failed, 2 usage, 3 database, 4 configuration.
#include <CLI/CLI.hpp>

#include <iostream>

#include "app/app.hpp"
#include "core/clock.hpp"
#include "modules/library/demo/library_demo.hpp"
#include "modules/library/library_module.hpp"

int main(int argc, char** argv) {
    CLI::App cli{"avenir-demo: generated multilingual demo content for the Avenir library (demos and benchmarks)."};
    std::string config_file = "avenir.toml", database;
    std::size_t resources = 0, queries = 0;
    std::uint64_t seed = 2022;
    auto* config_opt = cli.add_option("--config", config_file, "configuration file (default avenir.toml if present)");
    cli.add_option("--database", database, "database URL (env AVENIR_DATABASE_URL)");
    cli.add_option("--resources", resources, "how many library resources to add");
    cli.add_option("--queries", queries, "print N realistic search queries per language (lang<TAB>query) instead");
    cli.add_option("--seed", seed, "seed of the generator (same seed, same resources)");
    try {
        cli.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return cli.exit(e) == 0 ? 0 : 2;
    }
    if (queries > 0) {
        for (const char* lang : {"en", "fr", "es", "ar"})
            for (const auto& q : avenir::library::demo_queries(lang, queries, seed)) std::cout << lang << "\t" << q << "\n";
        return 0;
    }
    if (resources == 0) {
        std::cerr << "avenir-demo: give --resources N (or --queries N)\n";
        return 2;
    }
    try {
        avenir::Config c;
        auto modules = avenir::make_modules();
        avenir::declare_modules(modules, c);
        c.load_file(config_file, config_opt->count() > 0);
        c.load_env();
        if (!database.empty()) c.database_url = database;
        avenir::App app(c, /*migrate=*/true, std::move(modules));
        auto store = app.module<avenir::library::LibraryModule>().store();
        const std::size_t first = static_cast<std::size_t>(store.count());
        const std::int64_t now = avenir::clock::unix_seconds();
        for (std::size_t done = 0; done < resources;) {
            const std::size_t n = std::min<std::size_t>(5000, resources - done);
            store.create_many(avenir::library::demo_resources(n, seed, first + done), now);
            done += n;
            if (done % 50000 == 0 || done == resources) std::cerr << "\r" << done << " / " << resources << std::flush;
        }
        std::cerr << "\n";
        app.page_cache().clear();
        std::cout << "added " << resources << " demo resource(s); the library now holds " << store.count() << "\n";
        return 0;
    } catch (const avenir::ConfigError& e) {
        std::cerr << "avenir-demo: configuration: " << e.what() << "\n";
        return 4;
    } catch (const avenir::storage::DbError& e) {
        std::cerr << "avenir-demo: database: " << e.what() << "\n";
        return 3;
    } catch (const std::exception& e) {
        std::cerr << "avenir-demo: " << e.what() << "\n";
        return 1;
    }
}
