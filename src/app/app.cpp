#include "app/app.hpp"

#include <filesystem>

#include "core/http/health.hpp"

namespace avenir {

App::App(const Config& config, bool migrate)
    : config_(config),
      db_(storage::open_database(config.database_url, config.db_pool)),
      catalog_(config.locale_dir),
      views_(catalog_),
      static_files_(config.static_dir) {
    storage::check_schema_not_newer(*db_);
    if (migrate) storage::migrate(*db_);
    layout_ = std::make_unique<view::Layout>(
        views_, catalog_, static_files_.url("app.css"),
        std::vector<view::NavItem>{{"/", "Home"}, {"/regions", "Regions"}, {"/contacts", "Contacts"}});
    programme_ = std::make_unique<programme::ProgrammeModule>(*db_, *layout_, std::chrono::milliseconds(config.page_cache_ttl_ms));
    register_routes();

    http::PipelineOptions options;
    options.default_max_body = config.max_body_bytes;
    options.hsts = config.behind_tls;
    options.before_route = [](http::Request& req) {
        auto split = i18n::split_lang_prefix(req.path);
        req.lang = split.lang;
        req.path = split.rest;
    };
    options.error_page = [this](http::Request& req, int status, std::string_view message) {
        return layout_->error_page(req, status, message);
    };
    pipeline_ = std::make_unique<http::Pipeline>(router_, std::move(options));
}

void App::register_routes() {
    static_files_.add_routes(router_);
    router_.get("/healthz", http::health_handler([this] { return db_->ping(); }), {.permission = "public"});
    programme_->register_routes(router_);
}

int App::seed() {
    return programme_->seed(std::filesystem::path(config_.content_dir) / "programme");
}

}  // namespace avenir
