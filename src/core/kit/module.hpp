#pragma once
// The module contract. A module is a folder under src/modules/<name>/ with one class derived from
// kit::Module; the app's module list (src/app/modules.inc) names it on one line. Everything a
// module brings is declared through the two calls below, so nothing outside its folder changes
// when it is added. docs/modules.md walks through an example.
//
//   declare(Declarations&)        before the configuration is read and any database is opened:
//                                 its configuration keys and its command-line commands.
//   start(Context&, Registration&) with the platform running: it builds its stores and services
//                                 from the context and registers its routes (each with its
//                                 permission), the rules of its permissions, its personal-data
//                                 tables, navigation entries, seeders and extension points.
// Migrations need no declaration: src/modules/<name>/migrations/NNNN_*.sql are the module's own
// sequence (see storage/database.hpp), applied in the order of the module list.
#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/config.hpp"
#include "core/files/blob_store.hpp"
#include "core/http/page_cache.hpp"
#include "core/http/router.hpp"
#include "core/http/static_files.hpp"
#include "core/i18n/format.hpp"
#include "core/i18n/i18n.hpp"
#include "core/jobs/scheduler.hpp"
#include "core/kit/access.hpp"
#include "core/kit/audit.hpp"
#include "core/kit/extensions.hpp"
#include "core/kit/generations.hpp"
#include "core/kit/reference.hpp"
#include "core/mail/mailer.hpp"
#include "core/privacy/personal_data.hpp"
#include "core/view/layout.hpp"
#include "core/view/views.hpp"

namespace CLI {
class App;
}

namespace avenir::kit {

// A command of the `avenir` program ("avenir library import FILE"). The options callback adds
// CLI11 options bound to the module's own members; run() is called after every module started,
// and returns the exit code (0 done, 4 bad content; throw for the other failures, which main maps
// to exit codes).
struct Command {
    std::vector<std::string> path;  // {"library", "import"}; the first word may be shared by modules
    std::string help;
    std::function<void(CLI::App&)> options;
    std::function<int()> run;
    bool needs_platform = true;  // false: run() needs no database (e.g. prints generated text)
};

// Phase one: what must be known before the configuration is read.
class Declarations {
public:
    explicit Declarations(std::string module) : module_(std::move(module)) {}
    // A configuration key of this module (avenir.toml key, AVENIR_* variable, default, help).
    void setting(SettingSpec spec) { settings_.push_back(std::move(spec)); }
    void command(Command c) { commands_.push_back(std::move(c)); }

    const std::string& module() const { return module_; }
    std::vector<SettingSpec>& settings() { return settings_; }
    std::vector<Command>& commands() { return commands_; }

private:
    std::string module_;
    std::vector<SettingSpec> settings_;
    std::vector<Command> commands_;
};

// The platform's services, handed to every module at start. The references stay valid for the
// module's lifetime.
struct Context {
    const Config& config;
    storage::Database& db;
    const view::Views& views;
    const view::Layout& layout;
    const i18n::Catalog& catalog;
    const i18n::Formatter& formatter;
    mail::Mailer& mailer;
    Access& access;                    // permission decisions and CSRF tokens
    AuditLog& audit;                   // who did what, in the caller's transaction
    const privacy::PersonalDataRegistry& personal_data;  // every module's personal-data tables
    ReferenceData& reference;          // regions and themes, one snapshot
    Generations& generations;          // stamps of content modules keep in memory
    http::PageCache& page_cache;       // whole anonymous pages; clear() after a write that shows
    const http::StaticFiles& static_files;
    files::BlobStore& blobs;           // uploaded files, by content hash
    Extensions& extensions;
    std::string base_url;              // public address for links in e-mails and feeds, no trailing slash
    std::string outbox_dir;            // where mail goes without a relay ("" when a relay is set)
    jobs::Scheduler& jobs;             // periodic work done once per deployment (declare in start())

    // After a committed write that changes what cached pages show: this instance's page cache is
    // cleared now, every other instance's within about a second (they read the "pages" stamp
    // every second). A failure to write the stamp is logged; the others then catch up at the
    // cache's TTL.
    void pages_changed() const;
};

// A navigation entry of the site's header.
struct NavEntry {
    std::string path;                  // unprefixed ("/library")
    std::string label;                 // English msgid, translated per request
    int order = 100;                   // lower first
    std::string permission = "public"; // who sees it
};

// Loads the module's shipped content from content/<module>/; returns the rows changed (0 when the
// database already held it). Throws ContentError (or std::invalid_argument) naming file and field.
using Seeder = std::function<int(const std::filesystem::path& content_root)>;

// What sessions and identity bring to the pipeline; provided by exactly one module (accounts).
struct Identity {
    // Attaches the principal loader to a request (called before the guard, on a worker).
    std::function<void(http::Request&)> attach;
    // CSRF and the route's permission, before the handler.
    std::function<std::optional<http::Response>(http::Request&, const http::Route&)> guard;
    // Cookies and headers on every response.
    std::function<void(http::Request&, http::Response&)> after;
    // Cheap, on the io thread: false when the request surely has no session (no cookie), so a
    // cached anonymous page may answer it.
    std::function<bool(const http::Request&)> may_be_signed_in;
    // The signed-in person's preferred language ("" for none): for pages without a language prefix.
    std::function<std::string(http::Request&)> preferred_language;
    // The header's account links ({signed_in, account_href, sign_in_href, ...}).
    std::function<nlohmann::json(http::Request&)> account_menu;
};

// Phase two: what a module registers when the platform starts.
class Registration {
public:
    Registration(std::string module, http::Router& router, Access& access, privacy::PersonalDataRegistry& personal_data,
                 Extensions& extensions)
        : module_(std::move(module)), router_(router), access_(access), personal_data_(personal_data), extensions_(extensions) {}

    // A route: method, pattern, the permission it requires, the handler. options.permission is
    // overwritten by `permission`.
    void route(http::Method method, std::string pattern, std::string permission, http::Handler handler,
               http::RouteOptions options = {});
    void get(std::string pattern, std::string permission, http::Handler handler, http::RouteOptions options = {}) {
        route(http::Method::Get, std::move(pattern), std::move(permission), std::move(handler), std::move(options));
    }
    void post(std::string pattern, std::string permission, http::Handler handler, http::RouteOptions options = {}) {
        route(http::Method::Post, std::move(pattern), std::move(permission), std::move(handler), std::move(options));
    }
    // A permission this module owns, with the rule that decides it.
    void permission(std::string name, std::string description, Rule rule);
    // A table holding personal data (exported by "My data", checked against the schema by a test).
    void personal_data(privacy::PersonalTable table) { personal_data_.add(std::move(table)); }
    void nav(NavEntry entry) { nav_.push_back(std::move(entry)); }
    void seeder(Seeder seeder) { seeders_.push_back(std::move(seeder)); }
    // An item for another module's extension point (see extensions.hpp).
    template <class Point>
    void provide(Point item) {
        extensions_.add(module_, std::move(item));
    }
    void identity(Identity identity);
    // The reference data's loader (the module that owns regions and themes).
    void reference_loader(ReferenceData::Loader loader) { reference_loader_ = std::move(loader); }

    const std::string& module() const { return module_; }
    const std::vector<NavEntry>& nav() const { return nav_; }
    const std::vector<Seeder>& seeders() const { return seeders_; }
    const std::optional<Identity>& provided_identity() const { return identity_; }
    const ReferenceData::Loader& provided_reference_loader() const { return reference_loader_; }

private:
    std::string module_;
    http::Router& router_;
    Access& access_;
    privacy::PersonalDataRegistry& personal_data_;
    Extensions& extensions_;
    std::vector<NavEntry> nav_;
    std::vector<Seeder> seeders_;
    std::optional<Identity> identity_;
    ReferenceData::Loader reference_loader_;
};

class Module {
public:
    virtual ~Module() = default;
    // Lower-case, as its folder: "library".
    virtual std::string name() const = 0;
    virtual void declare(Declarations&) {}
    virtual void start(Context& ctx, Registration& reg) = 0;
};

}  // namespace avenir::kit
