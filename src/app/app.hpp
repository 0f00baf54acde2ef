#pragma once
// The platform: configuration, database, catalogs, templates, static files, mail, the shared
// services of the module kit, and the modules of the module list, each started with one context
// and one registration. It knows no module by name: the list (src/app/modules.inc) does.
#include <condition_variable>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "app/module_list.hpp"
#include "core/config.hpp"
#include "core/http/health.hpp"
#include "core/http/metrics.hpp"
#include "core/http/page_cache.hpp"
#include "core/http/pipeline.hpp"
#include "core/http/router.hpp"
#include "core/http/static_files.hpp"
#include "core/i18n/format.hpp"
#include "core/i18n/i18n.hpp"
#include "core/kit/module.hpp"
#include "core/jobs/scheduler.hpp"
#include "core/mail/queued_mailer.hpp"
#include "core/view/layout.hpp"
#include "core/view/views.hpp"
#include "storage/database.hpp"

namespace avenir::files {
class BlobStore;
}

namespace avenir {

// Runs every module's declare(): their configuration keys are declared on config (when not
// already) and their commands returned.
std::vector<kit::Command> declare_modules(const std::vector<std::unique_ptr<kit::Module>>& modules, Config& config);

class App {
public:
    // Opens the database, refuses a schema newer than this binary, applies migrations when
    // `migrate` is true, loads templates and static files and starts every module.
    App(const Config& config, bool migrate, std::vector<std::unique_ptr<kit::Module>> modules = make_modules());
    ~App();

    // Loads content/ into the database through every module's seeders (idempotent); returns the
    // rows changed.
    int seed();
    // Starts the maintenance thread (reference data refresh from other instances); for serve.
    void start_maintenance();

    storage::Database& db() { return *db_; }
    http::Router& router() { return router_; }
    const http::Pipeline& pipeline() const { return *pipeline_; }
    const view::Layout& layout() const { return *layout_; }
    const Config& config() const { return config_; }
    const privacy::PersonalDataRegistry& personal_data() const { return personal_data_; }
    kit::Access& access() { return access_; }
    kit::AuditLog& audit() { return audit_; }
    kit::ReferenceData& reference() { return *reference_; }
    http::PageCache& page_cache() { return page_cache_; }
    // Requests by route and the platform's gauges, for GET /metrics (the server records into it).
    http::Metrics& metrics() { return *metrics_; }
    const std::vector<std::unique_ptr<kit::Module>>& modules() const { return modules_; }
    // What the modules provide one another (extension points, the people directory).
    const kit::Extensions& extensions() const { return extensions_; }
    // The started module of type M; throws std::logic_error when the list has none.
    template <class M>
    M& module() {
        for (const auto& m : modules_)
            if (auto* typed = dynamic_cast<M*>(m.get())) return *typed;
        throw std::logic_error("no such module in the module list");
    }
    // Waits until queued e-mail has been handed over (tests, shutdown).
    void flush_mail();
    mail::QueuedMailer& mail_queue() { return *mailer_; }
    jobs::Scheduler& scheduler() { return *scheduler_; }
    // Where mail goes when no relay is configured ("" when a relay is).
    const std::string& outbox_dir() const { return outbox_dir_; }

private:
    void start_modules();
    void build_pipeline(const kit::Identity& identity);
    std::string negotiated_language(http::Request& req) const;
    std::unique_ptr<mail::QueuedMailer> make_mailer();
    http::Response metrics_page(http::Request& req);
    void platform_metrics(std::string& out);

    Config config_;  // with the modules' settings declared
    std::unique_ptr<storage::Database> db_;
    i18n::Catalog catalog_;
    view::Views views_;
    i18n::Formatter formatter_;
    http::StaticFiles static_files_;
    std::unique_ptr<view::Layout> layout_;
    std::string outbox_dir_;
    std::string base_url_;
    std::vector<std::string> trusted_proxies_;
    std::unique_ptr<mail::QueuedMailer> mailer_;
    std::unique_ptr<jobs::Scheduler> scheduler_;
    std::unique_ptr<files::BlobStore> blobs_;
    privacy::PersonalDataRegistry personal_data_;
    kit::Access access_;
    kit::AuditLog audit_;
    std::unique_ptr<kit::ReferenceData> reference_;
    std::unique_ptr<kit::Generations> generations_;
    kit::Extensions extensions_;
    http::PageCache page_cache_;
    http::HealthProbe health_;
    http::Router router_;
    std::vector<kit::Seeder> seeders_;
    std::unique_ptr<kit::Context> context_;
    std::unique_ptr<http::Pipeline> pipeline_;
    std::unique_ptr<http::Metrics> metrics_;
    std::vector<std::string> metrics_allow_;
    std::int64_t started_unix_ = 0;

    std::mutex maintenance_mutex_;
    std::condition_variable maintenance_wake_;
    bool stopping_ = false;
    std::thread maintenance_;
    // Last: destroyed first, while everything they hold references to still exists.
    std::vector<std::unique_ptr<kit::Module>> modules_;
};

}  // namespace avenir
