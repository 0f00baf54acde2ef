// The composer's page and its one form (save), the exports (DOCX, ODT) and the printable page.
#include <algorithm>
#include <map>

#include "core/text/trim.hpp"
#include "core/auth/principal.hpp"
#include "core/clock.hpp"
#include "core/documents/document.hpp"
#include "core/errors.hpp"
#include "core/i18n/i18n.hpp"
#include "core/http/pipeline.hpp"
#include "core/log.hpp"
#include "core/view/content_lang.hpp"
#include "core/view/layout.hpp"
#include "modules/bargaining/bargaining_labels.hpp"
#include "modules/bargaining/bargaining_module.hpp"

namespace avenir::bargaining {
using nlohmann::json;

namespace {

constexpr std::size_t kMaxItems = 80;

using text::trim;

bool valid_date(const std::string& s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
        if (s[i] < '0' || s[i] > '9') return false;
    const int m = std::stoi(s.substr(5, 2)), d = std::stoi(s.substr(8, 2));
    return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

bool valid_number(const std::string& s) {
    if (s.empty() || s.size() > 12) return false;
    bool dot = false;
    for (char c : s) {
        if (c == '.' && !dot) dot = true;
        else if (c < '0' || c > '9') return false;
    }
    return s.front() != '.' && s.back() != '.';
}

int number_or(const std::string& s, int fallback) {
    if (s.empty() || s.size() > 4 || !std::all_of(s.begin(), s.end(), ::isdigit)) return fallback;
    return std::stoi(s);
}

std::string fill_in(std::string text, const std::map<std::string, std::string>& values) {
    for (const auto& [name, value] : values) {
        const std::string token = "{{" + name + "}}";
        for (auto at = text.find(token); at != std::string::npos; at = text.find(token, at + value.size())) text.replace(at, token.size(), value);
    }
    return text;
}

std::vector<std::string> paragraphs(const std::string& text) {
    std::vector<std::string> out;
    std::size_t from = 0;
    while (from <= text.size()) {
        const auto at = text.find("\n\n", from);
        out.push_back(trim(text.substr(from, at == std::string::npos ? std::string::npos : at - from)));
        if (at == std::string::npos) break;
        from = at + 2;
    }
    std::erase(out, std::string());
    return out;
}

}  // namespace

// GET /bargaining/proposals/{id}
http::Response BargainingModule::proposal(http::Request& req) {
    const Proposal p = own_proposal(req);
    return composer_page(req, p, p.version, {}, 200);
}

http::Response BargainingModule::composer_page(http::Request& req, const Proposal& p, int seen_version, const std::vector<std::string>& errors, int status) {
    http::mark_private(req);
    const auto clauses = readable_clauses(req);
    const auto topics = store().topics();
    const std::string id = std::to_string(p.id);
    json items = json::array();
    int n = 0;
    for (std::size_t i = 0; i < p.items.size(); ++i) {
        const auto& item = p.items[i];
        json row{{"i", i}, {"number", ++n}, {"own", item.own()}};
        if (item.own()) {
            row["own_title"] = item.title;
            row["own_text"] = item.text;
        } else if (const auto c = clauses.find(item.clause); c != clauses.end()) {
            const ClauseText* t = &c->second.text_for(p.lang);
            row["item_title"] = t->title;
            row["item_href"] = href(req, "/bargaining/clauses/" + c->first);
            row["body_html"] = clause_html(t->body);
            row["content"] = view::content_language(t->lang, req.lang);
            if (t->lang != p.lang) row["other_language"] = tr(req, language_label(t->lang));
            json rungs = json::array();
            if (!c->second.family.empty())
                for (const auto& [slug, k] : clauses)
                    if (k.family == c->second.family)
                        rungs.push_back({{"value", slug}, {"label", tr(req, ladder_label(k.ladder))}, {"selected", slug == item.clause}, {"rank", k.ladder}});
            std::sort(rungs.begin(), rungs.end(), [](const json& a, const json& b) {
                return ladder_rank(a["rank"].get<std::string>()) < ladder_rank(b["rank"].get<std::string>());
            });
            if (rungs.size() > 1) {
                row["rungs"] = rungs;
                row["has_rungs"] = true;
            }
        } else {
            row["item_title"] = tr(req, "A clause that is no longer available");
        }
        items.push_back(std::move(row));
    }
    // What may be added: every clause the reader may read, by topic; the models.
    json groups = json::array();
    for (const auto& t : topics) {
        json options = json::array();
        for (const auto& [slug, c] : clauses)
            if (c.topic == t.slug) {
                const ClauseText* text = &c.text_for(req.lang);
                std::string label = text->title;
                if (!c.ladder.empty()) label += " (" + tr(req, ladder_label(c.ladder)) + ")";
                options.push_back({{"value", slug}, {"label", label}});
            }
        if (!options.empty())
            groups.push_back({{"group", t.text_for(req.lang).name}, {"options", options}});
    }
    json models = json::array();
    for (const auto& m : store().models()) {
        const auto& t = m.text_for(req.lang);
        models.push_back({{"value", m.slug}, {"label", t.first}});
    }
    json blanks = json::array();
    for (const auto& b : blanks_of(p, clauses)) {
        const auto v = p.fills.find(b.name);
        std::string label = b.name;
        std::replace(label.begin(), label.end(), '_', ' ');
        blanks.push_back({{"name", b.name},
                          {"label", label},
                          {"input_type", b.type == "date" ? "date" : "text"},
                          {"numeric", b.type == "number"},
                          {"value", v == p.fills.end() ? "" : v->second},
                          {"fallback", b.fallback.empty() ? "" : ctx_->catalog.translate(p.lang, b.fallback)}});
    }
    json langs = json::array();
    for (auto l : kLanguages) langs.push_back({{"value", std::string(l)}, {"label", tr(req, language_label(l))}, {"selected", p.lang == l}});
    json versions = json::array();
    for (const auto& v : store().proposal_versions(p.id))
        if (versions.size() < 5) versions.push_back({{"v", v.version}, {"saved", ctx_->formatter.format_datetime(req.lang, v.saved_at, "")}});
    json err = json::array();
    for (const auto& e : errors) err.push_back(tr(req, e));
    json d{{"proposal_title", p.title},
           {"version", seen_version},
           {"items", items},
           {"has_items", !items.empty()},
           {"groups", groups},
           {"models", models},
           {"blanks", blanks},
           {"has_blanks", !blanks.empty()},
           {"langs", langs},
           {"versions", versions},
           {"errors", err},
           {"has_errors", !errors.empty()},
           {"saved", req.query("saved") == "1" && errors.empty()},
           {"csrf", ctx_->access.csrf(req)},
           {"action", href(req, "/bargaining/proposals/" + id)},
           {"docx_href", href(req, "/bargaining/proposals/" + id + "/proposal.docx")},
           {"odt_href", href(req, "/bargaining/proposals/" + id + "/proposal.odt")},
           {"print_href", href(req, "/bargaining/proposals/" + id + "/print")},
           {"list_href", href(req, "/bargaining/proposals")}};
    return ctx_->layout.page(req, "bargaining/proposal", std::move(d), p.title, status);
}

// POST /bargaining/proposals/{id}: the whole composer form.
http::Response BargainingModule::save_proposal(http::Request& req) {
    const auth::Principal& who = auth::require_principal(req);
    const Proposal stored = own_proposal(req);
    const auto& f = req.form();
    const int seen = number_or(f.get("version"), -1);
    // A form made from an older version would undo what was saved since: refused, nothing lost.
    if (seen != stored.version) throw Conflict("Someone else saved this proposal in the meantime: reload it, then make your changes again.");
    const auto clauses = readable_clauses(req);
    Proposal p = stored;
    p.title = trim(f.get("title"));
    p.lang = f.get("lang");
    std::vector<std::string> errors;
    if (p.title.empty() || p.title.size() > 200) errors.emplace_back(i18n::noop("Give the proposal a title of at most 200 characters."));
    if (!one_of(kLanguages, p.lang)) errors.emplace_back(i18n::noop("Choose the language of the document."));
    std::vector<std::pair<int, ProposalItem>> placed;
    for (std::size_t i = 0; i < stored.items.size(); ++i) {
        const std::string at = "item-" + std::to_string(i) + "-";
        if (f.has(at + "remove")) continue;
        ProposalItem item = stored.items[i];
        if (item.own()) {
            item.title = trim(f.get(at + "title"));
            item.text = trim(f.get(at + "text"));
            if (item.title.empty() || item.text.empty()) errors.emplace_back(i18n::noop("Each of your own articles needs a title and a text."));
        } else if (const std::string slug = f.get(at + "clause"); !slug.empty() && slug != item.clause) {
            const auto now = clauses.find(item.clause), next = clauses.find(slug);
            if (now == clauses.end() || next == clauses.end() || now->second.family.empty() || now->second.family != next->second.family)
                errors.emplace_back(i18n::noop("Choose a rung of the clause's own ladder."));
            else item.clause = slug;
        }
        placed.emplace_back(number_or(f.get(at + "position"), static_cast<int>(i) + 1), std::move(item));
    }
    std::stable_sort(placed.begin(), placed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    p.items.clear();
    for (auto& [_, item] : placed) p.items.push_back(std::move(item));
    if (const std::string slug = f.get("add_clause"); !slug.empty()) {
        if (clauses.contains(slug)) p.items.push_back({slug, "", ""});
        else errors.emplace_back(i18n::noop("There is no such clause."));
    }
    if (const std::string model = f.get("add_model"); !model.empty()) {
        std::vector<const Clause*> articles;
        for (const auto& [slug, c] : clauses)
            if (c.model == model) articles.push_back(&c);
        std::sort(articles.begin(), articles.end(), [](const Clause* a, const Clause* b) { return a->model_position < b->model_position; });
        for (const Clause* c : articles) p.items.push_back({c->slug, "", ""});
        if (articles.empty()) errors.emplace_back(i18n::noop("There is no such model."));
    }
    const std::string new_title = trim(f.get("new_title")), new_text = trim(f.get("new_text"));
    if (!new_title.empty() || !new_text.empty()) {
        if (new_title.empty() || new_text.empty()) errors.emplace_back(i18n::noop("Each of your own articles needs a title and a text."));
        p.items.push_back({"", new_title, new_text});
    }
    if (p.items.size() > kMaxItems) errors.emplace_back(i18n::noop("A proposal holds at most 80 articles."));
    // The blanks of what the proposal now holds, each checked against its type.
    p.fills.clear();
    for (const auto& b : blanks_of(p, clauses)) {
        const std::string v = trim(f.get("fill-" + b.name));
        if (v.empty()) continue;
        p.fills[b.name] = v;
        if (b.type == "date" && !valid_date(v)) errors.emplace_back(i18n::noop("Write dates as year-month-day, for example 2027-03-31."));
        else if (b.type == "number" && !valid_number(v)) errors.emplace_back(i18n::noop("Write numbers with digits only, for example 30."));
        else if (v.size() > 300) errors.emplace_back(i18n::noop("A blank holds at most 300 characters."));
    }
    std::sort(errors.begin(), errors.end());
    errors.erase(std::unique(errors.begin(), errors.end()), errors.end());
    if (!errors.empty()) return composer_page(req, p, seen, errors, 422);
    ctx_->db.with_tx([&](storage::Transaction& tx) {
        p.version = BargainingStore(tx).save_proposal(p, seen, who.user_id, clock::unix_seconds());
        ctx_->audit.record(tx, {"bargaining_proposal_saved", who.user_id, std::nullopt, std::to_string(p.id)});
    });
    return http::Response::redirect(href(req, "/bargaining/proposals/" + std::to_string(p.id) + "?saved=1"));
}

documents::Document BargainingModule::document_of(const Proposal& p, const std::map<std::string, Clause>& clauses) {
    std::map<std::string, std::string> values;
    for (const auto& b : blanks_of(p, clauses)) {
        const auto v = p.fills.find(b.name);
        values[b.name] = v != p.fills.end() ? v->second : !b.fallback.empty() ? ctx_->catalog.translate(p.lang, b.fallback) : "________";
    }
    std::string union_name;
    for (const auto& u : ctx_->extensions.one<kit::Directory>().unions({p.union_id})) union_name = u.name;
    documents::Document doc;
    doc.lang = p.lang;
    doc.title = p.title;
    doc.subtitle = union_name.empty() ? ctx_->catalog.translate(p.lang, "Proposal for negotiation") : union_name + " · " + ctx_->catalog.translate(p.lang, "Proposal for negotiation");
    doc.date = ctx_->formatter.format_date(p.lang, clock::unix_seconds(), "");
    doc.note = ctx_->catalog.translate(p.lang, "Draft for negotiation, version") + " " + std::to_string(p.version) + ". " +
               ctx_->catalog.translate(p.lang, "Articles taken from Avenir's library are model texts, to be adapted to the law and the workplace.");
    int n = 0;
    for (const auto& item : p.items) {
        std::string title, text;
        if (item.own()) {
            title = item.title;
            text = item.text;
        } else if (const auto c = clauses.find(item.clause); c != clauses.end()) {
            const ClauseText* t = &c->second.text_for(p.lang);
            title = t->title;
            text = t->body;
        } else {
            continue;
        }
        doc.articles.push_back({ctx_->catalog.translate(p.lang, "Article") + " " + std::to_string(++n) + ". " + fill_in(title, values), paragraphs(fill_in(text, values))});
    }
    return doc;
}

// GET /bargaining/proposals/{id}/proposal.docx and .odt: the saved version as a document.
http::Response BargainingModule::export_proposal(http::Request& req) {
    const Proposal p = own_proposal(req);
    http::mark_private(req);
    const auto format = req.path.ends_with(".odt") ? documents::Format::Odt : documents::Format::Docx;
    std::string bytes;
    try {
        bytes = documents::render(document_of(p, readable_clauses(req)), format);
    } catch (const std::runtime_error& e) {
        throw ServiceUnavailable("The document could not be made just now. Please try again in a moment.", std::string("pandoc: ") + e.what());
    }
    http::Response res;
    res.body = std::move(bytes);
    res.set_header("Content-Type", documents::content_type(format));
    res.set_header("Content-Disposition", "attachment; filename=\"proposal-" + std::to_string(p.id) + "-v" + std::to_string(p.version) + "." +
                                              documents::extension(format) + "\"");
    res.set_header("Cache-Control", "private, no-store");
    return res;
}

// GET /bargaining/proposals/{id}/print: the document as a page to print.
http::Response BargainingModule::print_proposal(http::Request& req) {
    const Proposal p = own_proposal(req);
    http::mark_private(req);
    const auto doc = document_of(p, readable_clauses(req));
    json articles = json::array();
    for (const auto& a : doc.articles) articles.push_back({{"heading", a.heading}, {"paragraphs", a.paragraphs}});
    json d{{"doc_title", doc.title},
           {"doc_subtitle", doc.subtitle},
           {"doc_date", doc.date},
           {"doc_note", doc.note},
           {"articles", articles},
           {"content", view::content_language(p.lang, req.lang)},
           {"back_href", href(req, "/bargaining/proposals/" + std::to_string(p.id))}};
    return ctx_->layout.page(req, "bargaining/print", std::move(d), p.title);
}

}  // namespace avenir::bargaining
