#include "app/app.hpp"

#include <filesystem>

#include "core/http/forwarded.hpp"
#include "core/http/health.hpp"
#include "core/mail/async_mailer.hpp"
#include "core/mail/outbox_mailer.hpp"
#include "core/mail/smtp_mailer.hpp"
#include "modules/library/library_text.hpp"

namespace avenir {

App::App(const Config& config, bool migrate)
    : config_(config),
      search_ready_((library::install_sqlite_search(), true)),
      db_(storage::open_database(config.database_url, config.db_pool)),
      catalog_(config.locale_dir),
      views_(catalog_),
      formatter_(catalog_),
      static_files_(config.static_dir) {
    storage::check_schema_not_newer(*db_);
    if (migrate) storage::migrate(*db_, {"accounts", "programme", "guide", "library"});
    layout_ = std::make_unique<view::Layout>(
        views_, catalog_, static_files_.url("app.css"),
        std::vector<view::NavItem>{{"/", "Home"}, {"/guide", "Guide"}, {"/library", "Library"}, {"/regions", "Regions"}, {"/contacts", "Contacts"}});
    mailer_ = make_mailer();
    accounts::AccountsOptions account_options;
    account_options.security.idle_lifetime = std::chrono::minutes(config.session_idle_minutes);
    account_options.security.absolute_lifetime = std::chrono::hours(config.session_absolute_hours);
    account_options.security.secure_cookies = config.behind_tls;
    account_options.base_url = config.base_url.empty() ? "http://" + config.host + ":" + std::to_string(config.port) : config.base_url;
    account_options.outbox_notice = outbox_dir_;
    account_options.region_slugs = [this] { return programme_->region_slugs(); };
    account_options.formatter = &formatter_;
    accounts::AccountsModule::register_personal_data(personal_data_);
    accounts_ = std::make_unique<accounts::AccountsModule>(*db_, *layout_, *mailer_, personal_data_, account_options);
    layout_->set_account_menu([this](http::Request& req) {
        const bool in = auth::current_principal(req) != nullptr;
        return nlohmann::json{{"signed_in", in}, {"account_href", view::Layout::href(req, "/account")},
                              {"sign_in_href", view::Layout::href(req, "/account/sign-in")}};
    });
    programme_ = std::make_unique<programme::ProgrammeModule>(*db_, *layout_, std::chrono::milliseconds(config.page_cache_ttl_ms));
    guide::GuideOptions guide_options;
    guide_options.cache_ttl = std::chrono::milliseconds(config.page_cache_ttl_ms);
    guide_options.stylesheet = static_files_.content("app.css");
    guide_options.planner_script = static_files_.url("planner.js");
    guide_options.csrf = [this](http::Request& req) { return accounts_->csrf_token(req); };
    guide_options.allowed = [this](http::Request& req, std::string_view p) { return accounts_->allowed(req, p); };
    personal_data_.add({"guide_plans", {"owner_id"}, {"share_token"}});
    personal_data_.add({"guide_workshop_versions", {"saved_by"}, {}});  // erasure leaves the edit, anonymous
    guide_options.theme_title = [this](int theme, const std::string& lang) { return programme_->theme_title(theme, lang); };
    guide_ = std::make_unique<guide::GuideModule>(*db_, *layout_, guide_options);
    library::LibraryOptions library_options;
    library_options.cache_ttl = std::chrono::milliseconds(config.page_cache_ttl_ms);
    library_options.files_dir = config.files_dir;
    library_options.max_upload_bytes = static_cast<std::uint64_t>(config.max_upload_mb) << 20;
    library_options.base_url = account_options.base_url;
    library_options.theme_title = guide_options.theme_title;
    library_options.region_names = [this](const std::string& lang) { return programme_->region_names(lang); };
    library_options.csrf = guide_options.csrf;
    library_options.allowed = guide_options.allowed;
    personal_data_.add({"library_resources", {"created_by"}, {}});  // erasure keeps the resource, anonymous
    personal_data_.add({"library_files", {"uploaded_by"}, {}});
    library_ = std::make_unique<library::LibraryModule>(*db_, *layout_, library_options);
    programme_->add_region_section([this](http::Request& req, const std::string& slug) { return library_->region_section(req, slug); });
    register_routes();

    trusted_proxies_ = http::parse_address_list(config.trusted_proxies);
    http::PipelineOptions options;
    options.default_max_body = config.max_body_bytes;
    options.hsts = config.behind_tls;
    options.before_route = [this](http::Request& req) {
        auto split = i18n::split_lang_prefix(req.path);
        req.path = split.rest;
        req.secure = req.secure || config_.behind_tls;
        http::apply_forwarded_for(req, trusted_proxies_);
        auth::attach_principal_loader(req, &accounts_->principal_loader());
        req.lang = split.had_prefix ? split.lang : negotiated_language(req);
    };
    options.guard = [this](http::Request& req, const http::Route& route) { return accounts_->guard(req, route); };
    options.after = [this](http::Request& req, http::Response& res) {
        accounts_->after(req, res);
        // Unprefixed pages depend on the browser's languages and the signed-in person.
        if (!i18n::split_lang_prefix(req.raw_path).had_prefix && !req.path.starts_with("/static/"))
            res.set_header("Vary", res.header("Vary") ? std::string(*res.header("Vary")) + ", Accept-Language, Cookie"
                                                      : std::string("Accept-Language, Cookie"));
    };
    options.error_page = [this](http::Request& req, int status, std::string_view message) {
        return layout_->error_page(req, status, message);
    };
    pipeline_ = std::make_unique<http::Pipeline>(router_, std::move(options));
}

// Without a language prefix: the person's preference, else the browser's Accept-Language.
std::string App::negotiated_language(http::Request& req) const {
    if (req.path.starts_with("/static/") || req.path == "/healthz") return "en";
    if (req.cookie(accounts::kSessionCookie))
        if (const auth::Principal* p = auth::current_principal(req); p && !p->lang.empty()) return p->lang;
    return i18n::negotiate_language(req.header("accept-language").value_or(""));
}

void App::register_routes() {
    static_files_.add_routes(router_);
    router_.get("/healthz", http::health_handler([this] { return db_->ping(); }), {.permission = "public"});
    accounts_->register_routes(router_);
    programme_->register_routes(router_);
    guide_->register_routes(router_);
    library_->register_routes(router_);
}

void App::flush_mail() { static_cast<mail::AsyncMailer&>(*mailer_).flush(); }

std::unique_ptr<mail::Mailer> App::make_mailer() {
    std::unique_ptr<mail::Mailer> inner;
    if (config_.smtp_url.empty()) {
        outbox_dir_ = std::filesystem::absolute(config_.outbox_dir).string();
        inner = std::make_unique<mail::OutboxMailer>(outbox_dir_, "Avenir <" + config_.smtp_from + ">");
    } else {
        mail::SmtpConfig smtp;
        smtp.url = config_.smtp_url;
        smtp.from = config_.smtp_from;
        smtp.username = config_.smtp_username;
        smtp.password = config_.smtp_password;
        inner = std::make_unique<mail::SmtpMailer>(smtp);
    }
    return std::make_unique<mail::AsyncMailer>(std::move(inner));
}

int App::seed() {
    return programme_->seed(std::filesystem::path(config_.content_dir) / "programme") +
           guide_->seed(std::filesystem::path(config_.content_dir) / "guide") +
           library_->seed(std::filesystem::path(config_.content_dir) / "library");
}

}  // namespace avenir
