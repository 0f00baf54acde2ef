#include "app/app.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/auth/principal.hpp"
#include "core/clock.hpp"
#include "core/errors.hpp"
#include "core/files/blob_store.hpp"
#include "core/http/forwarded.hpp"
#include "core/http/health.hpp"
#include "core/log.hpp"
#include "core/mail/queued_mailer.hpp"
#include "core/mail/outbox_mailer.hpp"
#include "core/mail/smtp_mailer.hpp"
#include "core/thread_priority.hpp"

namespace avenir {
namespace {

std::vector<std::string> module_names(const std::vector<std::unique_ptr<kit::Module>>& modules) {
    std::vector<std::string> names;
    for (const auto& m : modules) names.push_back(m->name());
    return names;
}

}  // namespace

std::vector<kit::Command> declare_modules(const std::vector<std::unique_ptr<kit::Module>>& modules, Config& config) {
    std::vector<kit::Command> commands;
    for (const auto& m : modules) {
        kit::Declarations d(m->name());
        m->declare(d);
        for (const auto& spec : d.settings()) {
            const bool known = std::any_of(config.declared().begin(), config.declared().end(),
                                           [&](const SettingSpec& s) { return s.key == spec.key; });
            if (!known) config.declare(spec);
        }
        for (auto& c : d.commands()) commands.push_back(std::move(c));
    }
    return commands;
}

App::App(const Config& config, bool migrate, std::vector<std::unique_ptr<kit::Module>> modules)
    : config_([&] {
          Config c = config;
          declare_modules(modules, c);  // before the database opens: a module may register SQLite functions
          return c;
      }()),
      db_(storage::open_database(config_.database_url, config_.effective_db_pool())),
      catalog_(config_.locale_dir),
      views_(catalog_),
      formatter_(catalog_),
      static_files_(config_.static_dir),
      page_cache_(std::chrono::milliseconds(config_.page_cache_ttl_ms)),
      health_([this] { return db_->ping(); }),
      modules_(std::move(modules)) {
    storage::check_schema_not_newer(*db_);
    if (migrate) storage::migrate(*db_, module_names(modules_));
    layout_ = std::make_unique<view::Layout>(views_, catalog_, static_files_.url("app.css"));
    base_url_ = config_.base_url.empty() ? "http://" + config_.host + ":" + std::to_string(config_.port) : config_.base_url;
    while (!base_url_.empty() && base_url_.back() == '/') base_url_.pop_back();
    mailer_ = make_mailer();
    blobs_ = std::make_unique<files::BlobStore>(config_.files_dir);
    reference_ = std::make_unique<kit::ReferenceData>(*db_);
    generations_ = std::make_unique<kit::Generations>(*db_);
    try {
        generations_->refresh();
    } catch (const storage::DbError&) {
        // Not migrated yet (a command that does not migrate): no stamps to read.
    }
    trusted_proxies_ = http::parse_address_list(config_.trusted_proxies);
    started_unix_ = clock::unix_seconds();
    scheduler_ = std::make_unique<jobs::Scheduler>(*db_);
    start_modules();
}

App::~App() {
    {
        std::lock_guard lock(maintenance_mutex_);
        stopping_ = true;
    }
    maintenance_wake_.notify_all();
    if (maintenance_.joinable()) maintenance_.join();
    // The scheduler's jobs call into modules and the mailer's thread into the database: both stop
    // before anything they use is destroyed.
    scheduler_.reset();
    mailer_.reset();
}

void App::start_modules() {
    static_files_.add_routes(router_);
    // Answered on the io thread from the last probe (refreshed every second by the maintenance thread).
    router_.get("/healthz", http::health_handler(health_), {.permission = "public", .inline_handler = true});
    // Prometheus text, for the addresses of server.metrics_allow only (after X-Forwarded-For from a
    // trusted proxy, so a visitor coming through the proxy is not taken for the proxy).
    metrics_allow_ = http::parse_address_list(config_.metrics_allow);
    router_.get("/metrics", [this](http::Request& req) { return metrics_page(req); }, {.permission = "public"});

    context_ = std::make_unique<kit::Context>(kit::Context{config_, *db_, views_, *layout_, catalog_, formatter_, *mailer_, access_,
                                                           audit_, personal_data_, *reference_, *generations_, page_cache_, static_files_, *blobs_, extensions_,
                                                           base_url_, outbox_dir_, *scheduler_});
    std::vector<view::NavItem> nav;
    std::optional<kit::Identity> identity;
    for (const auto& m : modules_) {
        kit::Registration reg(m->name(), router_, access_, personal_data_, extensions_);
        m->start(*context_, reg);
        for (const auto& e : reg.nav()) nav.push_back({e.path, e.label, e.order, e.permission});
        for (const auto& s : reg.seeders()) seeders_.push_back(s);
        if (reg.provided_identity()) {
            if (identity) throw std::logic_error("module " + m->name() + " provides the identity, but another module already does");
            identity = reg.provided_identity();
        }
        if (reg.provided_reference_loader()) reference_->set_loader(reg.provided_reference_loader());
    }
    if (!identity) throw std::logic_error("no module provides the identity (sessions, CSRF, permissions): add accounts to the module list");
    // Every route names a permission some module declared: a typo would otherwise deny everyone.
    std::string unknown;
    for (const auto& r : router_.routes())
        if (!access_.known(r.options.permission)) unknown += " " + std::string(http::method_name(r.method)) + " " + r.pattern + " (" + r.options.permission + ")";
    if (!unknown.empty()) throw std::logic_error("routes name undeclared permissions:" + unknown);
    layout_->set_nav(std::move(nav), [this](http::Request& req, std::string_view p) { return access_.allowed(req, p); });
    layout_->set_account_menu(identity->account_menu);
    if (const auto search = extensions_.all<kit::HeaderSearch>(); !search.empty()) layout_->set_search_path(search.front()->path);
    build_pipeline(*identity);
    // Every route is registered by now: the counters are sized once from the table.
    metrics_ = std::make_unique<http::Metrics>(router_);
    metrics_->add_collector([this](std::string& out) { platform_metrics(out); });
}

http::Response App::metrics_page(http::Request& req) {
    if (std::find(metrics_allow_.begin(), metrics_allow_.end(), req.remote_address) == metrics_allow_.end())
        throw Forbidden("You do not have permission to do this.", "metrics refused: address not in server.metrics_allow");
    http::Response res;
    res.set_header("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
    res.set_header("Cache-Control", "no-store");
    res.body = metrics_->render();
    return res;
}

namespace {
// VmRSS of /proc/self/status, in bytes (0 when unreadable).
double resident_bytes() {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmRSS:", 0) == 0) return std::strtod(line.c_str() + 6, nullptr) * 1024.0;
    return 0;
}
}  // namespace

// What the database, the mail queue, the jobs, the page cache and the process hold at scrape time.
void App::platform_metrics(std::string& out) {
    using M = http::Metrics;
    const auto pool = db_->pool_stats();
    M::single(out, "avenir_db_pool_connections", "gauge", "Database connections the pool may open.", pool.size);
    M::single(out, "avenir_db_pool_open", "gauge", "Database connections open.", pool.open);
    M::single(out, "avenir_db_pool_in_use", "gauge", "Database connections lent to a request or job now.", pool.in_use);
    M::single(out, "avenir_db_pool_timeouts_total", "counter", "Waits for a connection that ended in a 503 (pool exhausted).", static_cast<double>(pool.timeouts));
    M::single(out, "avenir_db_statements_total", "counter", "Statements sent to the database by this process.", static_cast<double>(storage::statements_total()));
    M::single(out, "avenir_db_up", "gauge", "1 when the database answered the last health probe.", health_.last() ? 1 : 0);
    try {
        M::single(out, "avenir_mail_queue_depth", "gauge", "E-mails waiting to be sent (every instance's).", static_cast<double>(mailer_->depth()));
        const auto jobs = scheduler_->status();
        M::family(out, "avenir_job_runs_total", "counter", "Runs of each periodic job, by every instance.");
        for (const auto& j : jobs) M::sample(out, "avenir_job_runs_total", "job=\"" + M::label_value(j.name) + "\"", static_cast<double>(j.runs));
        M::family(out, "avenir_job_last_run_timestamp_seconds", "gauge", "When each periodic job last ran (Unix time).");
        for (const auto& j : jobs)
            M::sample(out, "avenir_job_last_run_timestamp_seconds", "job=\"" + M::label_value(j.name) + "\"", static_cast<double>(j.last_run_ms / 1000));
    } catch (const storage::DbError&) {
        // The database is away: avenir_db_up says so; these families are left out of this scrape.
    }
    M::single(out, "avenir_page_cache_entries", "gauge", "Pages held by the page cache.", static_cast<double>(page_cache_.entries()));
    M::single(out, "avenir_page_cache_hits_total", "counter", "Requests answered from the page cache.", static_cast<double>(page_cache_.hits()));
    M::single(out, "avenir_page_cache_stores_total", "counter", "Pages rendered and kept by the page cache.", static_cast<double>(page_cache_.stores()));
    M::single(out, "process_resident_memory_bytes", "gauge", "Resident memory size in bytes.", static_cast<double>(resident_bytes()));
    M::single(out, "process_start_time_seconds", "gauge", "Start time of the process since the Unix epoch in seconds.", static_cast<double>(started_unix_));
}

void App::build_pipeline(const kit::Identity& identity) {
    http::PipelineOptions options;
    options.default_max_body = config_.max_body_bytes;
    options.hsts = config_.behind_tls;
    options.page_cache = &page_cache_;
    options.upload_dir = config_.upload_dir();
    options.before_route = [this](http::Request& req) {
        auto split = i18n::split_lang_prefix(req.path);
        req.path = split.rest;
        req.secure = req.secure || config_.behind_tls;
        http::apply_forwarded_for(req, trusted_proxies_);
        req.lang = split.had_prefix ? split.lang : negotiated_language(req);
    };
    options.before_handler = [this, identity](http::Request& req) {
        identity.attach(req);
        // Without a language prefix, a signed-in person's own choice wins over the browser's.
        if (!i18n::split_lang_prefix(req.raw_path).had_prefix && req.path != "/healthz" && !req.path.starts_with("/static/") &&
            identity.may_be_signed_in && identity.may_be_signed_in(req))
            if (const std::string preferred = identity.preferred_language(req); !preferred.empty()) req.lang = preferred;
    };
    options.guard = identity.guard;
    options.may_be_signed_in = identity.may_be_signed_in;
    options.signed_in = [](http::Request& req) { return auth::current_principal(req) != nullptr; };
    options.viewer_key = [this](http::Request& req) { return access_.viewer_key(req); };
    options.after = [after = identity.after](http::Request& req, http::Response& res) {
        after(req, res);
        // Unprefixed pages depend on the browser's languages and the signed-in person.
        if (!i18n::split_lang_prefix(req.raw_path).had_prefix && !req.path.starts_with("/static/"))
            res.set_header("Vary", res.header("Vary") ? std::string(*res.header("Vary")) + ", Accept-Language, Cookie"
                                                      : std::string("Accept-Language, Cookie"));
    };
    // The after hook's Vary depends only on whether the address had a language prefix.
    options.after_variant = [](const http::Request& req) -> unsigned { return i18n::split_lang_prefix(req.raw_path).had_prefix ? 1 : 0; };
    options.error_page = [this](http::Request& req, int status, std::string_view message) {
        return layout_->error_page(req, status, message);
    };
    options.retry_after = [](const std::exception& e) -> std::optional<int> {
        if (dynamic_cast<const storage::BusyError*>(&e)) return 2;        // a lock or an exhausted pool
        if (dynamic_cast<const storage::ConnectionError*>(&e)) return 5;  // the database is restarting
        // The disk is full: the write was refused whole; reads go on, writes work again once
        // space returns (nothing to restart).
        if (dynamic_cast<const storage::StorageFullError*>(&e)) return 30;
        if (const auto* b = dynamic_cast<const files::BlobStoreError*>(&e); b && b->out_of_space()) return 30;
        return std::nullopt;
    };
    pipeline_ = std::make_unique<http::Pipeline>(router_, std::move(options));
}

// Without a language prefix: the browser's Accept-Language (a signed-in person's preference is
// applied later, on the worker, where reading it may block).
std::string App::negotiated_language(http::Request& req) const {
    if (req.path.starts_with("/static/") || req.path == "/healthz") return "en";
    return i18n::negotiate_language(req.header("accept-language").value_or(""));
}

int App::seed() {
    int changed = 0;
    for (const auto& s : seeders_) changed += s(config_.content_dir);
    return changed;
}

void App::start_maintenance() {
    if (maintenance_.joinable()) return;
    // Health every second; reference data as often (one cheap query), so content changed by another
    // instance shows within about a second, well inside the page cache's lifetime.
    const auto every = std::chrono::milliseconds(1000);
    mailer_->start();     // e-mail queued by any instance, and this one's at once
    scheduler_->start();  // periodic jobs, each run by one instance
    maintenance_ = std::thread([this, every] {
        lower_thread_priority(10);  // a refresh a second; never ahead of a request
        std::unique_lock lock(maintenance_mutex_);
        while (!maintenance_wake_.wait_for(lock, every, [this] { return stopping_; })) {
            lock.unlock();
            try {
                health_.refresh();
                // A stamp bumped by any instance (pages_changed, content reloads): cached pages may
                // show what changed, so they go.
                const bool stamps = generations_->refresh();
                if (reference_->refresh_if_changed() || stamps) page_cache_.clear();
            } catch (const std::exception& e) {
                log::warn("reference_refresh_failed", log::kv("error", e.what()));
            }
            lock.lock();
        }
    });
}

void App::flush_mail() { mailer_->flush(); }

std::unique_ptr<mail::QueuedMailer> App::make_mailer() {
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
    return std::make_unique<mail::QueuedMailer>(*db_, std::move(inner));
}

}  // namespace avenir
