// From findings to action: the co-governance checklist's questions ranked by what the latest
// assessment found, the bargaining hub's clause families for them (through its extension point),
// and the information request to the employer as DOCX, ODT or a page to print (core/documents).
#include <algorithm>
#include <regex>
#include <sstream>

#include "core/auth/principal.hpp"
#include "core/clock.hpp"
#include "core/content/toml_file.hpp"
#include "core/documents/document.hpp"
#include "core/errors.hpp"
#include "core/http/pipeline.hpp"
#include "core/text/trim.hpp"
#include "core/view/content_lang.hpp"
#include "core/view/layout.hpp"
#include "modules/registry/registry_module.hpp"

namespace avenir::registry {
using nlohmann::json;

namespace {

std::string in_lang(const json& block, const std::string& lang, const std::string& key) {
    for (const std::string l : {lang, std::string("en")})
        if (block.contains(l) && block[l].contains(key) && block[l][key].is_string()) return block[l][key].get<std::string>();
    return "";
}

std::string fill(std::string text, const std::map<std::string, std::string>& blanks) {
    for (const auto& [k, v] : blanks) {
        const std::string mark = "{{" + k + "}}";
        for (auto at = text.find(mark); at != std::string::npos; at = text.find(mark, at + v.size())) text.replace(at, mark.size(), v);
    }
    return text;
}

}  // namespace

void RegistryModule::seed_texts(const std::filesystem::path& dir, std::int64_t now) {
    for (const std::string slug : {"checklist", "information-request"}) {
        const auto file = dir / (slug + ".toml");
        if (!std::filesystem::exists(file)) continue;
        const toml::table t = content::parse_toml_file(file);
        std::stringstream out;
        out << toml::json_formatter{t};
        const json body = json::parse(out.str());
        if (slug == "checklist") {
            if (!body.contains("area") || !body["area"].is_array() || body["area"].empty()) throw ContentError(file.string() + ": no [[area]]");
            for (const auto& a : body["area"])
                if (!a.contains("slug") || in_lang(a, "en", "name").empty() || !a.contains("question"))
                    throw ContentError(file.string() + ": each area needs a slug, an English name and questions");
        } else if (!body.contains("section") || in_lang(body, "en", "title").empty()) {
            throw ContentError(file.string() + ": the template needs [en] title and [[section]]s");
        }
        store().put_text(slug, body.dump(), now);
    }
}

std::vector<RegistryModule::Area> RegistryModule::checklist(http::Request& req, const Entry& e, const std::vector<Assessment>& assessments) {
    std::vector<Area> out;
    const auto text = store().text("checklist");
    if (!text) return out;
    const json body = json::parse(*text, nullptr, false);
    if (!body.is_object() || !body.contains("area")) return out;
    const std::map<std::string, double> dims = assessments.empty() ? std::map<std::string, double>{} : assessments.front().dimensions;
    const bool flagged = !flags(legal_facts(e)).empty();
    for (const auto& a : body["area"]) {
        Area area;
        area.slug = a.value("slug", "");
        area.name = in_lang(a, req.lang, "name");
        area.why = in_lang(a, req.lang, "why");
        for (const auto& d : a.value("dimensions", json::array()))
            if (d.is_string() && dims.contains(d.get<std::string>())) area.urgency = std::max(area.urgency, dims.at(d.get<std::string>()));
        // A flagged system makes its assessment before launch and its human role urgent whatever the answers.
        if (flagged && (area.slug == "assessment-before-launch" || area.slug == "human-role")) area.urgency = std::max(area.urgency, 4.5);  // above any dimension
        for (const auto& f : a.value("families", json::array()))
            if (f.is_string()) area.families.push_back(f.get<std::string>());
        for (const auto& q : a.value("question", json::array())) area.questions.push_back({q.value("slug", ""), in_lang(q, req.lang, "text")});
        out.push_back(std::move(area));
    }
    std::stable_sort(out.begin(), out.end(), [](const Area& x, const Area& y) { return x.urgency > y.urgency; });
    return out;
}

json RegistryModule::actions_json(http::Request& req, const Entry& e, const std::vector<Assessment>& assessments) {
    const auto areas = checklist(req, e, assessments);
    json top = json::array();
    std::vector<std::string> families;
    for (std::size_t i = 0; i < areas.size() && i < kUrgentAreas; ++i) {
        json qs = json::array();
        for (const auto& q : areas[i].questions) qs.push_back(q.text);
        top.push_back({{"name", areas[i].name}, {"why", areas[i].why}, {"questions", qs}});
        for (const auto& f : areas[i].families)
            if (std::find(families.begin(), families.end(), f) == families.end()) families.push_back(f);
    }
    json clauses = json::array(), slugs = json::array();
    std::string propose;
    if (const auto* s = ctx_->extensions.optional<kit::ClauseSuggestions>()) {
        for (const auto& c : s->suggest(req, families)) {
            clauses.push_back({{"href", href(req, c.path)}, {"title", c.title}, {"content", view::content_language(c.lang, req.lang)}});
            slugs.push_back(c.clause);
        }
        propose = s->propose_path;
    }
    json d{{"areas", top}, {"has_areas", !top.empty()}, {"clauses", clauses}, {"has_clauses", !clauses.empty()}};
    if (may_edit(viewer_of(auth::current_principal(req)), e) && !slugs.empty() && !propose.empty())
        d["propose"] = {{"action", href(req, propose)},
                        {"title", e.name() + ": " + tr(req, "clauses to negotiate")},
                        {"union", e.union_id},
                        {"lang", req.lang},
                        {"clauses", slugs}};
    return d;
}

// GET /register/{id}/request: which questions to include, the national law, the reply time.
http::Response RegistryModule::request_form(http::Request& req) {
    http::mark_private(req);
    const Entry e = editable_entry(req);
    const auto areas = checklist(req, e, store().assessments(e.id));
    json list = json::array();
    for (std::size_t i = 0; i < areas.size(); ++i) {
        json qs = json::array();
        for (const auto& q : areas[i].questions) qs.push_back({{"slug", q.slug}, {"text", q.text}, {"checked", i < kUrgentAreas}});
        list.push_back({{"name", areas[i].name}, {"questions", qs}});
    }
    const std::string base = "/register/" + std::to_string(e.id);
    json d{{"entry_name", e.name()},
           {"entry_href", href(req, base)},
           {"areas", list},
           {"docx_action", href(req, base + "/request.docx")},
           {"odt_action", href(req, base + "/request.odt")},
           {"print_action", href(req, base + "/request/print")}};
    return ctx_->layout.page(req, "registry/request", std::move(d), tr(req, "Information request") + " · " + e.name());
}

documents::Document RegistryModule::request_document(http::Request& req, const Entry& e) {
    const auto text = store().text("information-request");
    if (!text) throw NotFound("The information request template is not installed: run avenir seed.");
    const json t = json::parse(*text);
    std::string lang = e.value("lang");
    if (!t.contains(lang)) lang = t.contains(req.lang) ? req.lang : "en";
    std::string union_name;
    for (const auto& u : ctx_->extensions.one<kit::Directory>().unions({e.union_id})) union_name = u.name;
    std::string days = req.query("reply_days");
    if (days.empty() || days.size() > 3 || !std::all_of(days.begin(), days.end(), [](char c) { return c >= '0' && c <= '9'; })) days = "30";
    std::string law = text::trim(req.query("national_law")).substr(0, 300);
    if (law.empty()) law = ctx_->catalog.translate(lang, "the national law on informing and consulting workers' representatives");
    const std::string date = ctx_->formatter.format_date(lang, clock::unix_seconds(), "UTC");
    const std::map<std::string, std::string> blanks = {{"union", union_name},     {"employer", e.value("employer")}, {"system", e.name()},
                                                       {"department", e.value("department").empty() ? e.value("employer") : e.value("department")},
                                                       {"date", date},            {"reply_days", days},              {"national_law", law}};
    documents::Document doc;
    doc.lang = lang;
    doc.title = fill(in_lang(t, lang, "title"), blanks);
    doc.subtitle = fill(in_lang(t, lang, "subtitle"), blanks);
    doc.note = fill(in_lang(t, lang, "note"), blanks);
    doc.date = date;
    const bool high_risk = e.annex3_point() > 0;
    std::vector<std::string> chosen;
    for (const auto& [k, v] : http::parse_query(req.query_string))
        if (k == "q") chosen.push_back(v);
    std::vector<std::string> questions;
    if (const auto c = store().text("checklist")) {
        const json body = json::parse(*c);
        for (const auto& a : body.value("area", json::array()))
            for (const auto& q : a.value("question", json::array()))
                if (std::find(chosen.begin(), chosen.end(), q.value("slug", "")) != chosen.end()) questions.push_back(in_lang(q, lang, "text"));
    }
    int n = 0;
    for (const auto& s : t.value("section", json::array())) {
        if (s.value("when", "always") == "high-risk" && !high_risk) continue;
        if (s.value("slug", "") == "questions" && questions.empty()) continue;
        documents::Article a;
        a.heading = std::to_string(++n) + ". " + fill(in_lang(s, lang, "heading"), blanks);
        const std::string l = s.contains(lang) ? lang : "en";
        for (const auto& p : s[l].value("paragraphs", json::array()))
            if (p.is_string()) a.paragraphs.push_back(fill(p.get<std::string>(), blanks));
        if (s.value("slug", "") == "questions")
            for (std::size_t i = 0; i < questions.size(); ++i) a.paragraphs.push_back(std::to_string(n) + "." + std::to_string(i + 1) + " " + questions[i]);
        doc.articles.push_back(std::move(a));
    }
    return doc;
}

// GET /register/{id}/request.docx, .odt
http::Response RegistryModule::request_file(http::Request& req) {
    const Entry e = editable_entry(req);
    http::mark_private(req);
    const auto format = req.path.ends_with(".odt") ? documents::Format::Odt : documents::Format::Docx;
    std::string bytes;
    try {
        bytes = documents::render(request_document(req, e), format);
    } catch (const std::runtime_error& ex) {
        throw ServiceUnavailable("The document could not be made just now. Please try again in a moment.", std::string("pandoc: ") + ex.what());
    }
    http::Response res;
    res.body = std::move(bytes);
    res.set_header("Content-Type", documents::content_type(format));
    res.set_header("Content-Disposition",
                   "attachment; filename=\"information-request-" + std::to_string(e.id) + "." + documents::extension(format) + "\"");
    res.set_header("Cache-Control", "private, no-store");
    return res;
}

// GET /register/{id}/request/print
http::Response RegistryModule::request_print(http::Request& req) {
    const Entry e = editable_entry(req);
    http::mark_private(req);
    const auto doc = request_document(req, e);
    json articles = json::array();
    for (const auto& a : doc.articles) articles.push_back({{"heading", a.heading}, {"paragraphs", a.paragraphs}});
    json d{{"doc_title", doc.title},
           {"doc_subtitle", doc.subtitle},
           {"doc_date", doc.date},
           {"doc_note", doc.note},
           {"articles", articles},
           {"content", view::content_language(doc.lang, req.lang)},
           {"back_href", href(req, "/register/" + std::to_string(e.id) + "/request")}};
    return ctx_->layout.page(req, "registry/print", std::move(d), doc.title);
}

}  // namespace avenir::registry
