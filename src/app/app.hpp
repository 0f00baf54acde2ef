#pragma once
// Wires the platform: database, catalogs, templates, static files, the modules and their routes.
// With main.cpp, the only code that knows every module.
#include <memory>

#include "core/config.hpp"
#include "core/http/pipeline.hpp"
#include "core/http/router.hpp"
#include "core/http/static_files.hpp"
#include "core/i18n/i18n.hpp"
#include "core/view/layout.hpp"
#include "core/view/views.hpp"
#include "modules/programme/programme_module.hpp"
#include "storage/database.hpp"

namespace avenir {

class App {
public:
    // Opens the database, refuses a schema newer than this binary, applies migrations when
    // `migrate` is true, loads templates and static files and registers every route.
    App(const Config& config, bool migrate);

    // Loads content/ into the database (idempotent); returns the rows changed.
    int seed();

    storage::Database& db() { return *db_; }
    http::Router& router() { return router_; }
    const http::Pipeline& pipeline() const { return *pipeline_; }
    const view::Layout& layout() const { return *layout_; }
    const Config& config() const { return config_; }

private:
    void register_routes();

    Config config_;
    std::unique_ptr<storage::Database> db_;
    i18n::Catalog catalog_;
    view::Views views_;
    http::StaticFiles static_files_;
    std::unique_ptr<view::Layout> layout_;
    std::unique_ptr<programme::ProgrammeModule> programme_;
    http::Router router_;
    std::unique_ptr<http::Pipeline> pipeline_;
};

}  // namespace avenir
