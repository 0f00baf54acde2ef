// Questions and answers in the hubs (/network/questions): a member asks a region's hub, with links
// to practice cases and clauses; Digital Rights Organisers of any region and coordinators answer;
// the asker marks the answer that helped (and is told of each answer by e-mail). Questions are for
// everyone or for members signed in; the list, the Atom feed (public ones only), the hub page and
// the platform search apply that inside their queries. Each region's DROs get a daily digest of
// new questions unless they turned it off on their profile.
#include <algorithm>
#include <charconv>

#include "core/auth/principal.hpp"
#include "core/clock.hpp"
#include "core/errors.hpp"
#include "core/feed/atom.hpp"
#include "core/http/pipeline.hpp"
#include "core/i18n/i18n.hpp"
#include "core/log.hpp"
#include "core/search/index.hpp"
#include "core/text/list.hpp"
#include "core/view/layout.hpp"
#include "modules/network/network_module.hpp"
#include "modules/network/network_rules.hpp"

namespace avenir::network {
using nlohmann::json;

namespace {

constexpr int kQuestionsPerPage = 20;

std::string_view question_visibility_label(const std::string& v) {
    return v == "public" ? i18n::noop("Everyone") : i18n::noop("Members signed in");
}

}  // namespace

void NetworkModule::index_question(storage::Executor& tx, const Question& q) {
    search::SearchIndex index(tx);
    const std::string key = "question-" + std::to_string(q.id);
    index.remove("questions", key);
    if (std::find(std::begin(search::kIndexLanguages), std::end(search::kIndexLanguages), q.lang) == std::end(search::kIndexLanguages)) return;
    std::string body = q.body + "\n";
    for (const auto& a : q.answers) body += a.body + "\n";
    index.put("questions", {key, q.lang, q.title, body, "/network/questions/" + std::to_string(q.id), q.visibility == "public" ? "" : "members"});
}

json NetworkModule::link_list(http::Request& req, const Viewer& v, const std::vector<std::string>& paths) {
    // Cases by their titles, those the reader may see (one statement); coalitions by name (two,
    // when there are some); library resources and clauses by their address.
    std::vector<std::int64_t> case_ids;
    bool coalitions = false;
    for (const auto& l : paths) {
        if (const auto id = case_of_link(l)) case_ids.push_back(id);
        coalitions = coalitions || l.rfind("/network/coalitions/", 0) == 0;
    }
    const auto titles = store().case_titles(v, case_ids, req.lang);
    std::map<std::string, std::string> names;
    if (coalitions)
        for (const auto& c : store().coalitions()) names["/network/coalitions/" + std::to_string(c.id)] = c.text_for(req.lang).name;
    json out = json::array();
    for (const auto& l : paths) {
        const std::string tail = l.substr(l.rfind('/') + 1);
        if (const auto id = case_of_link(l)) {
            if (const auto t = titles.find(id); t != titles.end()) out.push_back({{"href", href(req, l)}, {"text", t->second}});
        } else if (l.rfind("/network/coalitions/", 0) == 0) {
            if (const auto n = names.find(l); n != names.end()) out.push_back({{"href", href(req, l)}, {"text", tr(req, "Coalition:") + " " + n->second}});
        } else if (l.rfind("/library/", 0) == 0) {
            out.push_back({{"href", href(req, l)}, {"text", tr(req, "Library resource") + " " + tail}});
        } else {
            out.push_back({{"href", href(req, l)}, {"text", tr(req, "Bargaining clause:") + " " + tail}});
        }
    }
    return out;
}

json NetworkModule::question_summary(http::Request& req, const Question& q) {
    return {{"href", href(req, "/network/questions/" + std::to_string(q.id))},
            {"title", q.title},
            {"content_lang", q.lang},
            {"region", ctx_->reference.get()->region_name(q.region, req.lang)},
            {"date", ctx_->formatter.format_date(req.lang, q.created_at, "UTC")},
            {"answers", q.answer_count},
            {"solved", q.helpful_answer_id.has_value()}};
}

// GET /network/questions?region=&open=1&page=
http::Response NetworkModule::questions(http::Request& req) {
    const auth::Principal* who = auth::current_principal(req);
    if (who) http::mark_private(req);  // members' questions for those signed in
    const Viewer v = viewer_of(who);
    const auto ref = ctx_->reference.get();
    std::string region = req.query("region");
    if (!ref->has_region(region)) region.clear();
    const bool open_only = req.query("open") == "1";
    int page_no = 1;
    const std::string p = req.query("page");
    if (std::from_chars(p.data(), p.data() + p.size(), page_no).ec != std::errc()) page_no = 1;
    page_no = std::clamp(page_no, 1, 500);
    const auto page = store().questions(v, region, open_only, (page_no - 1) * kQuestionsPerPage, kQuestionsPerPage);
    json items = json::array();
    for (const auto& q : page.questions) items.push_back(question_summary(req, q));
    json regions = json::array();
    for (const auto& [slug, name] : ref->region_names(req.lang)) regions.push_back({{"value", slug}, {"label", name}, {"selected", region == slug}});
    const std::string base = href(req, "/network/questions") + "?region=" + region + (open_only ? "&open=1" : "");
    json d{{"questions", items},
           {"has_questions", !items.empty()},
           {"total", page.total},
           {"regions", regions},
           {"open_only", open_only},
           {"action", href(req, "/network/questions")},
           {"new_href", href(req, "/network/questions/new") + (region.empty() ? "" : "?region=" + region)},
           {"feed_href", href(req, "/network/questions/feed.atom")},
           {"practices_href", href(req, "/network/practices")}};
    if (page_no > 1) d["prev_href"] = base + "&page=" + std::to_string(page_no - 1);
    if (page.total > static_cast<std::int64_t>(page_no) * kQuestionsPerPage) d["next_href"] = base + "&page=" + std::to_string(page_no + 1);
    return ctx_->layout.page(req, "network/questions", std::move(d), tr(req, "Questions to the hubs"));
}

// GET /network/questions/feed.atom: public questions only.
http::Response NetworkModule::questions_feed(http::Request& req) {
    const auto page = store().questions(Viewer{}, "", false, 0, 30);
    const std::string prefix = req.lang == "en" ? "" : "/" + req.lang;
    feed::Feed out = feed_head(req, "/network/questions", tr(req, "Avenir: questions to the hubs"));
    std::int64_t newest = 0;
    for (const auto& q : page.questions) {
        feed::Entry e;
        e.id = ctx_->base_url + "/network/questions/" + std::to_string(q.id);
        e.title = q.title;
        e.updated = feed::rfc3339(q.created_at);
        e.published = feed::rfc3339(q.created_at);
        e.summary = q.body.substr(0, 400);
        e.lang = q.lang;
        e.links.push_back({ctx_->base_url + prefix + "/network/questions/" + std::to_string(q.id), "alternate", "text/html", q.lang, "", 0});
        e.categories.push_back({q.region, ""});
        newest = std::max(newest, q.created_at);
        out.entries.push_back(std::move(e));
    }
    out.updated = feed::rfc3339(newest);
    return feed::atom_response(out);
}

// GET /network/questions/new?region=
http::Response NetworkModule::new_question(http::Request& req) {
    Question q;
    q.region = req.query("region");
    q.lang = one_of(kCaseLanguages, req.lang) ? req.lang : "en";
    return question_form(req, q, {}, 200);
}

http::Response NetworkModule::question_form(http::Request& req, const Question& q, const std::vector<std::string>& errors, int status) {
    const auto ref = ctx_->reference.get();
    json regions = json::array();
    for (const auto& [slug, name] : ref->region_names(req.lang)) regions.push_back({{"value", slug}, {"label", name}, {"selected", q.region == slug}});
    json visibilities = json::array();
    for (auto x : kQuestionVisibilities)
        visibilities.push_back({{"value", std::string(x)}, {"label", tr(req, question_visibility_label(std::string(x)))}, {"selected", q.visibility == x}});
    json langs = json::array();
    for (auto l : kCaseLanguages) langs.push_back({{"value", std::string(l)}, {"label", i18n::find_language(std::string(l))->native_name}, {"selected", q.lang == l}});
    std::string links;
    for (const auto& l : q.links) links += l + "\n";
    json d{{"action", href(req, "/network/questions/new")},
           {"cancel_href", href(req, "/network/questions")},
           {"regions", regions},
           {"visibilities", visibilities},
           {"langs", langs},
           {"question_title", q.title},
           {"details", q.body},
           {"links", links}};
    return form_page(req, "network/question_new", std::move(d), tr(req, "Ask the hub"), errors, status);
}

// POST /network/questions/new
http::Response NetworkModule::create_question(http::Request& req) {
    const auth::Principal& who = auth::require_principal(req);
    const auto& f = req.form();
    Question q;
    q.region = f.get("region");
    q.author_id = who.user_id;
    q.lang = f.get("lang");
    q.title = f.get("title");
    q.body = f.get("details");
    q.visibility = f.get("visibility");
    std::string links = f.get("links");
    std::replace(links.begin(), links.end(), '\n', ',');
    std::replace(links.begin(), links.end(), ' ', ',');
    q.links = text::split_list(links);
    auto errors = validate(q);
    if (!q.region.empty() && !ctx_->reference.get()->has_region(q.region)) errors.emplace_back(i18n::noop("Choose the region."));
    if (!errors.empty()) return question_form(req, q, errors, 422);
    const std::int64_t now = clock::unix_seconds();
    q.id = ctx_->db.with_tx([&](storage::Transaction& tx) {
        q.id = NetworkStore(tx).create_question(q, now);
        index_question(tx, q);
        ctx_->audit.record(tx, {"network_question_asked", who.user_id, who.user_id, std::to_string(q.id)});
        return q.id;
    });
    ctx_->pages_changed();
    return http::Response::redirect(href(req, "/network/questions/" + std::to_string(q.id)));
}

// GET /network/questions/{id}
http::Response NetworkModule::question(http::Request& req) {
    const auth::Principal* who = auth::current_principal(req);
    if (who) http::mark_private(req);
    const Viewer v = viewer_of(who);
    const auto found = store().question(req.path_int("id"));
    if (!found || !may_see(v, *found)) throw NotFound("There is no such question, or it is not shared with you.");
    const Question& q = *found;
    const auto ref = ctx_->reference.get();
    const json links = link_list(req, v, q.links);
    // Answerers are named to people signed in only.
    std::map<std::int64_t, std::string> names;
    if (who) {
        std::vector<std::int64_t> ids;
        for (const auto& a : q.answers)
            if (a.author_id) ids.push_back(*a.author_id);
        for (const auto& p : ctx_->extensions.one<kit::Directory>().people(ids)) names[p.id] = p.name;
    }
    const bool asker = may_mark_helpful(v, q);
    json answers = json::array();
    for (const auto& a : q.answers) {
        json item{{"text", a.body},
                  {"date", ctx_->formatter.format_date(req.lang, a.created_at, "UTC")},
                  {"by", a.author_id && names.contains(*a.author_id) ? names[*a.author_id] : tr(req, "A Digital Rights Organiser")},
                  {"helpful", q.helpful_answer_id == a.id},
                  {"answer_id", a.id}};
        if (asker && q.helpful_answer_id != a.id) item["helpful_action"] = href(req, "/network/questions/" + std::to_string(q.id) + "/helpful");
        answers.push_back(std::move(item));
    }
    json d = question_summary(req, q);
    d["details"] = q.body;
    d["links"] = links;
    d["has_links"] = !links.empty();
    d["answer_list"] = answers;
    d["has_answers"] = !answers.empty();
    d["hub_href"] = href(req, "/network/hubs/" + q.region);
    d["list_href"] = href(req, "/network/questions");
    d["visibility"] = tr(req, question_visibility_label(q.visibility));
    if (who) d["csrf"] = ctx_->access.csrf(req);
    if (may_answer(v)) d["answer_action"] = href(req, "/network/questions/" + std::to_string(q.id) + "/answers");
    if (!who) d["sign_in_href"] = href(req, "/account/sign-in");
    return ctx_->layout.page(req, "network/question", std::move(d), q.title);
}

// POST /network/questions/{id}/answers
http::Response NetworkModule::answer_question(http::Request& req) {
    const auth::Principal& who = auth::require_principal(req);
    const Viewer v = viewer_of(&who);
    auto found = store().question(req.path_int("id"));
    if (!found || !may_see(v, *found)) throw NotFound("There is no such question, or it is not shared with you.");
    if (!may_answer(v)) throw Forbidden("Digital Rights Organisers and coordinators answer the hubs' questions.");
    Question q = std::move(*found);
    std::string body = req.form().get("answer");
    std::erase(body, '\0');
    if (body.find_first_not_of(" \t\r\n") == std::string::npos || body.size() > 4000)
        throw Unprocessable(tr(req, "Write your answer in at most 4,000 characters."));
    const std::int64_t now = clock::unix_seconds();
    ctx_->db.with_tx([&](storage::Transaction& tx) {
        NetworkStore st(tx);
        const auto id = st.add_answer(q.id, who.user_id, body, now);
        q.answers.push_back({id, q.id, who.user_id, body, now});
        index_question(tx, q);
        ctx_->audit.record(tx, {"network_question_answered", who.user_id, q.author_id, std::to_string(q.id)});
    });
    ctx_->pages_changed();
    if (q.author_id && *q.author_id != who.user_id)
        for (const auto& p : ctx_->extensions.one<kit::Directory>().people({*q.author_id}))
            mail_person(p, q.lang, i18n::noop("Your question has an answer"), [&](const std::string& lang) {
                return q.title + "\n\n" + link(lang, "/network/questions/" + std::to_string(q.id)) + "\n";
            }, "question " + std::to_string(q.id));
    return http::Response::redirect(href(req, "/network/questions/" + std::to_string(q.id)));
}

// POST /network/questions/{id}/helpful: answer = the answer's id (the asker only).
http::Response NetworkModule::mark_helpful(http::Request& req) {
    const auth::Principal& who = auth::require_principal(req);
    const Viewer v = viewer_of(&who);
    const auto q = store().question(req.path_int("id"));
    if (!q || !may_see(v, *q)) throw NotFound("There is no such question, or it is not shared with you.");
    if (!may_mark_helpful(v, *q)) throw Forbidden("Only the person who asked marks the answer that helped.");
    const std::string a = req.form().get("answer");
    std::int64_t answer_id = 0;
    std::from_chars(a.data(), a.data() + a.size(), answer_id);
    if (std::none_of(q->answers.begin(), q->answers.end(), [&](const Answer& x) { return x.id == answer_id; }))
        throw Unprocessable(tr(req, "Choose one of the answers."));
    ctx_->db.with_tx([&](storage::Transaction& tx) {
        NetworkStore(tx).mark_helpful(q->id, answer_id, clock::unix_seconds());
        ctx_->audit.record(tx, {"network_question_helpful", who.user_id, who.user_id, std::to_string(q->id)});
    });
    ctx_->pages_changed();
    return http::Response::redirect(href(req, "/network/questions/" + std::to_string(q->id)));
}

int NetworkModule::send_question_digest() {
    const auto fresh = store().undigested();
    if (fresh.empty()) return 0;
    std::map<std::string, std::vector<const Question*>> by_region;
    for (const auto& q : fresh) by_region[q.region].push_back(&q);
    const auto& directory = ctx_->extensions.one<kit::Directory>();
    int sent = 0;
    for (const auto& [region, list] : by_region) {
        const auto dros = directory.holders("dro", region);
        std::vector<std::int64_t> ids;
        for (const auto& p : dros) ids.push_back(p.id);
        const auto profiles = store().profiles(ids);
        for (const auto& p : dros) {
            if (const auto pr = profiles.find(p.id); pr != profiles.end() && !pr->second.digest) continue;
            mail_person(p, "en", i18n::noop("New questions in your hub"), [&](const std::string& lang) {
                std::string text = ctx_->catalog.translate(lang, "Members asked these questions in your region's hub:") + " " +
                                   ctx_->reference.get()->region_name(region, lang) + "\n\n";
                for (const auto* q : list) text += "- " + q->title + "\n  " + link(lang, "/network/questions/" + std::to_string(q->id)) + "\n";
                text += "\n" + ctx_->catalog.translate(lang, "To stop this daily digest, change your profile:") + " " + link(lang, "/network/profile") + "\n";
                return text;
            }, "digest " + region);
            ++sent;
        }
    }
    std::vector<std::int64_t> done;
    for (const auto& q : fresh) done.push_back(q.id);
    store().mark_digested(done);
    log::info("network_question_digest", log::kv("questions", static_cast<long long>(done.size())) + " " + log::kv("mails", static_cast<long long>(sent)));
    return sent;
}

}  // namespace avenir::network
