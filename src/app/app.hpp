#pragma once
// Wires the platform: database, catalogs, templates, static files, the modules and their routes.
// With main.cpp, the only code that knows every module.
#include <memory>

#include "core/config.hpp"
#include "core/http/pipeline.hpp"
#include "core/http/router.hpp"
#include "core/http/static_files.hpp"
#include "core/i18n/format.hpp"
#include "core/i18n/i18n.hpp"
#include "core/view/layout.hpp"
#include "core/view/views.hpp"
#include "core/mail/mailer.hpp"
#include "modules/accounts/accounts_module.hpp"
#include "modules/guide/guide_module.hpp"
#include "modules/library/library_module.hpp"
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
    accounts::AccountsModule& accounts() { return *accounts_; }
    guide::GuideModule& guide() { return *guide_; }
    library::LibraryModule& library() { return *library_; }
    const privacy::PersonalDataRegistry& personal_data() const { return personal_data_; }
    // Waits until queued e-mail has been handed over (tests, shutdown).
    void flush_mail();
    // Where mail goes when no relay is configured ("" when a relay is).
    const std::string& outbox_dir() const { return outbox_dir_; }

private:
    void register_routes();
    std::string negotiated_language(http::Request& req) const;
    std::unique_ptr<mail::Mailer> make_mailer();

    Config config_;
    bool search_ready_;  // the SQLite search tokenizer is registered before the database opens
    std::unique_ptr<storage::Database> db_;
    i18n::Catalog catalog_;
    view::Views views_;
    i18n::Formatter formatter_;
    http::StaticFiles static_files_;
    std::unique_ptr<view::Layout> layout_;
    std::string outbox_dir_;
    std::vector<std::string> trusted_proxies_;
    std::unique_ptr<mail::Mailer> mailer_;
    privacy::PersonalDataRegistry personal_data_;
    std::unique_ptr<accounts::AccountsModule> accounts_;
    std::unique_ptr<programme::ProgrammeModule> programme_;
    std::unique_ptr<guide::GuideModule> guide_;
    std::unique_ptr<library::LibraryModule> library_;
    http::Router router_;
    std::unique_ptr<http::Pipeline> pipeline_;
};

}  // namespace avenir
