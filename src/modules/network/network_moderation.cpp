// Moderation of the practice exchange: the queue of a moderator's regions, and decisions
// (publish, ask for changes with a message, decline) told to the author by e-mail.
#include "core/auth/principal.hpp"
#include "core/clock.hpp"
#include "core/errors.hpp"
#include "core/i18n/i18n.hpp"
#include "core/log.hpp"
#include "core/view/layout.hpp"
#include "modules/network/network_module.hpp"
#include "modules/network/network_rules.hpp"

namespace avenir::network {
using nlohmann::json;

// GET /network/moderation
http::Response NetworkModule::moderation(http::Request& req) {
    const Viewer v = viewer_of(auth::current_principal(req));
    json items = json::array();
    for (const auto& c : store().queue(v)) {
        json s = case_summary(req, v, c);
        s["sent_back"] = c.state == "changes";
        items.push_back(std::move(s));
    }
    json d{{"cases", items}, {"has_cases", !items.empty()}, {"list_href", href(req, "/network/practices")}};
    return ctx_->layout.page(req, "network/moderation", std::move(d), tr(req, "Cases to moderate"));
}

// POST /network/practices/{id}/moderate: decision = publish | changes | decline; a message is
// needed to ask for changes or to decline.
http::Response NetworkModule::moderate(http::Request& req) {
    const auth::Principal& who = auth::require_principal(req);
    const Viewer v = viewer_of(&who);
    auto found = store().get(req.path_int("id"));
    if (!found) throw NotFound("There is no such case, or it is not shared with you.");
    Case c = std::move(*found);
    if (!may_moderate(v, c.region)) throw Forbidden("You moderate only the cases of the regions you work in.");
    const std::string decision = req.form().get("decision");
    std::string message = req.form().get("message");
    std::erase(message, '\0');
    const std::string state = decision == "publish" ? "published" : decision == "changes" ? "changes" : decision == "decline" ? "declined" : "";
    if (state.empty()) throw Unprocessable(tr(req, "Choose a decision: publish, ask for changes or decline."));
    if (state != "published" && message.size() < 10)
        throw Unprocessable(tr(req, "Tell the author, in a sentence or more, what to change or why the case is declined."));
    if (message.size() > 2000) throw Unprocessable(tr(req, "Keep the message under 2,000 characters."));
    const std::int64_t now = clock::unix_seconds();
    ctx_->db.with_tx([&](storage::Transaction& tx) {
        NetworkStore st(tx);
        st.decide(c.id, state, who.user_id, message, now);
        c.state = state;
        index_case(tx, c);
        ctx_->audit.record(tx, {"network_case_" + state, who.user_id, c.author_id, std::to_string(c.id)});
    });
    ctx_->pages_changed();
    log::info("network_case_moderated", log::kv("case", static_cast<long long>(c.id)) + " " + log::kv("state", state));
    // The author is told, in their language.
    if (c.author_id) {
        const std::string_view subject = state == "published" ? i18n::noop("Your practice case is published")
                                         : state == "changes" ? i18n::noop("Your practice case: changes asked")
                                                              : i18n::noop("Your practice case was declined");
        for (const auto& p : ctx_->extensions.one<kit::Directory>().people({*c.author_id}))
            mail_person(p, c.lang, subject, [&](const std::string& lang) {
                std::string text = c.text_for(lang).title + "\n\n";
                if (!message.empty()) text += message + "\n\n";
                return text + link(lang, "/network/practices/" + std::to_string(c.id)) + "\n";
            }, "case " + std::to_string(c.id));
    }
    return http::Response::redirect(href(req, "/network/moderation"));
}

}  // namespace avenir::network
