// The accounts module's registration: settings, commands, routes, permissions, identity, audit
// log and personal data.
#include "modules/accounts/accounts_module.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <iostream>

#include "core/clock.hpp"
#include "core/errors.hpp"
#include "core/log.hpp"
#include "modules/accounts/accounts_rules.hpp"

namespace avenir::accounts {

std::unique_ptr<kit::Module> make_module() { return std::make_unique<AccountsModule>(); }

void AccountsModule::declare(kit::Declarations& d) {
    d.setting({"sessions.idle_minutes", "AVENIR_SESSION_IDLE_MINUTES", "30",
               "minutes without a request after which a session ends (ASVS level 2: 30)", SettingSpec::Type::Number, 24 * 60});
    d.setting({"sessions.absolute_hours", "AVENIR_SESSION_ABSOLUTE_HOURS", "12",
               "hours after sign-in after which a session ends whatever happens (ASVS level 2: 12)", SettingSpec::Type::Number, 24 * 30});
    const char* roles = "admin, coordinator, dro, facilitator, interpreter, member or union_rep";
    d.command({{"user", "create"},
               "create a verified account, optionally with a role",
               [this, roles](CLI::App& c) {
                   c.add_option("--email", cli_.email, "e-mail address")->required();
                   c.add_option("--name", cli_.name, "display name (default: the e-mail's local part)");
                   c.add_option("--role", cli_.role, roles);
                   c.add_option("--region", cli_.region, "region slug, for coordinator, dro, facilitator and interpreter");
                   c.add_option("--union", cli_.union_id, "union id, for member and union_rep");
                   c.add_flag("--password-stdin", cli_.password_stdin, "read the password from the first line of standard input");
               },
               [this] { return user_create_command(); }});
    d.command({{"user", "grant"},
               "grant a role to an existing account",
               [this, roles](CLI::App& c) {
                   c.add_option("--email", cli_.email, "e-mail address")->required();
                   c.add_option("--role", cli_.role, roles)->required();
                   c.add_option("--region", cli_.region, "region slug, for coordinator, dro, facilitator and interpreter");
                   c.add_option("--union", cli_.union_id, "union id, for member and union_rep");
               },
               [this] { return user_grant_command(); }});
    d.command({{"union", "create"},
               "register a union; prints its id (for --union of user create and grant)",
               [this](CLI::App& c) {
                   c.add_option("--name", cli_.name, "the union's name")->required();
                   c.add_option("--country", cli_.country, "its country")->required();
                   c.add_option("--region", cli_.region, "its region slug")->required();
                   c.add_option("--sector", cli_.sector, "its sector, e.g. health or local government")->required();
               },
               [this] {
                   const auto id = store_->create_union({0, cli_.name, cli_.country, cli_.region, cli_.sector}, clock::unix_seconds());
                   std::cout << id << "\n";
                   return 0;
               }});
}

void AccountsModule::start(kit::Context& ctx, kit::Registration& reg) {
    ctx_ = &ctx;
    layout_ = &ctx.layout;
    store_.emplace(ctx.db);
    SecurityOptions security;
    security.idle_lifetime = std::chrono::minutes(ctx.config.number("sessions.idle_minutes"));
    security.absolute_lifetime = std::chrono::hours(ctx.config.number("sessions.absolute_hours"));
    security.secure_cookies = ctx.config.behind_tls;
    security_.emplace(*store_, security);
    hasher_.emplace(options_.hash_params);
    loader_ = [this](http::Request& req) { return security_->load_principal(req); };

    // Expired sessions, tokens and throttle entries are deleted, not kept: once a deployment, every
    // ten minutes, whichever instance takes the job.
    ctx.jobs.every("accounts.purge_expired", std::chrono::minutes(10), [this, security] {
        const std::int64_t now = clock::unix_seconds();
        const auto idle = std::chrono::duration_cast<std::chrono::seconds>(security.idle_lifetime).count();
        const auto absolute = std::chrono::duration_cast<std::chrono::seconds>(security.absolute_lifetime).count();
        const std::int64_t purged = store_->purge_expired(now, now - idle, now - absolute, now - 24 * 3600);
        if (purged > 0) log::info("accounts_purged", log::kv("rows", static_cast<long long>(purged)));
    });

    declare_permissions(reg);
    routes(reg);
    reg.identity(identity());
    reg.provide(directory());
    ctx.access.set_csrf([this](http::Request& req) { return security_->csrf_token(req); });
    ctx.audit.set_writer([](storage::Executor& ex, const kit::AuditEvent& e) {
        AccountsStore(ex).audit(e.event, e.actor, e.subject, e.detail, clock::unix_seconds());
    });
    reg.personal_data({"accounts_users", {"id"}, {"password_hash", "totp_secret"}});
    reg.personal_data({"accounts_sessions", {"user_id"}, {"id_hash"}});
    reg.personal_data({"accounts_tokens", {"user_id"}, {"token_hash"}});
    reg.personal_data({"accounts_grants", {"user_id", "granted_by"}, {}});
    reg.personal_data({"accounts_audit", {"actor_id", "subject_id"}, {}});
    reg.personal_data({"accounts_recovery_codes", {"user_id"}, {"code_hash"}});
    reg.personal_data({"accounts_consents", {"user_id"}, {}});
}

kit::Identity AccountsModule::identity() {
    kit::Identity id;
    id.attach = [this](http::Request& req) { auth::attach_principal_loader(req, &loader_); };
    id.guard = [this](http::Request& req, const http::Route& route) { return guard(req, route); };
    id.after = [this](http::Request& req, http::Response& res) { security_->apply_cookies(req, res); };
    id.may_be_signed_in = [](const http::Request& req) {
        const auto c = req.cookie(kSessionCookie);
        return c && !c->empty();
    };
    id.preferred_language = [](http::Request& req) {
        const auth::Principal* p = auth::current_principal(req);
        return p ? p->lang : std::string();
    };
    id.account_menu = [](http::Request& req) {
        const bool in = auth::current_principal(req) != nullptr;
        return nlohmann::json{{"signed_in", in}, {"account_href", view::Layout::href(req, "/account")},
                              {"sign_in_href", view::Layout::href(req, "/account/sign-in")}};
    };
    return id;
}

namespace {

// The scope a role is held over, from --region / --union; throws ConfigError when it does not fit.
auth::Grant grant_of(const std::string& role, const std::string& region, const std::string& union_id) {
    if (role == "admin") return {"admin", "global", ""};
    if (role == "coordinator" || role == "dro" || role == "facilitator" || role == "interpreter") {
        if (region.empty()) throw ConfigError("--role " + role + " needs --region SLUG (e.g. asia-pacific)");
        return {role, "region", region};
    }
    if (role == "member" || role == "union_rep") {
        if (union_id.empty()) throw ConfigError("--role " + role + " needs --union ID");
        return {role, "union", union_id};
    }
    throw ConfigError("unknown role '" + role + "': use admin, coordinator, dro, facilitator, interpreter, member or union_rep");
}

}  // namespace

int AccountsModule::user_create_command() {
    std::string password;
    if (cli_.password_stdin) std::getline(std::cin, password);
    const auto grant_to = cli_.role.empty() ? std::optional<auth::Grant>() : grant_of(cli_.role, cli_.region, cli_.union_id);
    const std::string name = cli_.name.empty() ? cli_.email.substr(0, cli_.email.find('@')) : cli_.name;
    std::int64_t id = 0;
    try {
        id = create_user(cli_.email, name, password);
    } catch (const storage::UniqueViolation&) {
        std::cerr << "avenir: that account already exists\n";
        return 4;
    }
    if (grant_to) grant(cli_.email, *grant_to);
    std::cout << "account " << id << " created" << (grant_to ? " with role " + grant_to->role : std::string()) << "\n";
    if (password.empty()) std::cout << "no password set: use \"Forgot your password\" or --password-stdin\n";
    return 0;
}

int AccountsModule::user_grant_command() {
    const auto g = grant_of(cli_.role, cli_.region, cli_.union_id);
    grant(cli_.email, g);
    std::cout << "role " << g.role << " granted\n";
    return 0;
}

}  // namespace avenir::accounts
