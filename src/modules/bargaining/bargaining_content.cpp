#include "modules/bargaining/bargaining_content.hpp"

#include <algorithm>
#include <set>

#include "core/content/toml_file.hpp"
#include "core/errors.hpp"
#include "core/i18n/i18n.hpp"

namespace avenir::bargaining {
namespace fs = std::filesystem;
using Node = toml::node_view<const toml::node>;

namespace {

std::string str(Node n) { return n.value_or(std::string()); }

std::vector<std::string> strings(Node n) {
    std::vector<std::string> out;
    if (const auto* a = n.as_array())
        for (const auto& v : *a)
            if (auto s = v.value<std::string>()) out.push_back(*s);
    return out;
}

std::vector<Placeholder> placeholders(Node n) {
    std::vector<Placeholder> out;
    if (const auto* a = n.as_array())
        for (const auto& v : *a)
            if (const auto* t = v.as_table()) {
                const Node p{t};
                out.push_back({str(p["name"]), str(p["type"]), str(p["default"])});
            }
    return out;
}

// A clause (or a model's article) from its table; texts for en, fr, es, ar when present.
Clause clause_of(Node n) {
    Clause c;
    c.slug = str(n["slug"]);
    c.status = "published";
    c.kind = n["kind"].value_or(std::string("model"));
    c.lang = "en";
    c.topic = str(n["topic"]);
    c.subtopic = str(n["subtopic"]);
    c.family = str(n["family"]);
    c.ladder = str(n["ladder"]);
    c.mechanisms = strings(n["mechanisms"]);
    c.lifecycle = strings(n["lifecycle"]);
    c.technologies = strings(n["technologies"]);
    c.sectors = strings(n["sectors"]);
    c.related = strings(n["related"]);
    c.legal_basis = str(n["legal_basis"]);
    c.placeholders = placeholders(n["placeholders"]);
    c.access = "public";
    c.illustrative = true;
    c.level = "model";
    for (const char* lang : {"en", "fr", "es", "ar"}) {
        const Node t = n[lang];
        if (!t.is_table()) continue;
        c.texts.push_back({lang, str(t["title"]), str(t["text"]), str(t["summary"]), str(t["why"]), str(t["enforcement"]), std::nullopt});
    }
    // Shipped translations are made from the English text they come with.
    if (const auto* en = c.text("en"))
        for (auto& t : c.texts)
            if (t.lang != "en") t.translated_from = i18n::source_fingerprint(en->body);
    return c;
}

}  // namespace

Content read_content(const fs::path& folder) {
    Content out;
    if (!fs::exists(folder)) return out;
    const fs::path topics_file = folder / "topics.toml";
    if (fs::exists(topics_file)) {
        const toml::table doc = content::parse_toml_file(topics_file);
        if (const auto* list = doc["topic"].as_array())
            for (const auto& node : *list) {
                const Node n{node.as_table()};
                Topic t;
                t.slug = str(n["slug"]);
                t.position = n["position"].value_or(0);
                t.workshops = strings(n["workshops"]);
                if (const auto* subs = n["subtopic"].as_array())
                    for (const auto& s : *subs) {
                        const Node sn{s.as_table()};
                        Subtopic st{str(sn["slug"]), {}};
                        for (const char* lang : {"en", "fr", "es", "ar"})
                            if (auto name = sn[lang].value<std::string>()) st.names[lang] = *name;
                        t.subtopics.push_back(std::move(st));
                    }
                for (const char* lang : {"en", "fr", "es", "ar"})
                    if (n[lang].is_table()) t.texts[lang] = {str(n[lang]["name"]), str(n[lang]["commentary"]), str(n[lang]["why"])};
                if (t.slug.empty() || !t.texts.contains("en")) throw ContentError(topics_file.string() + ": a topic needs a slug and an English name");
                out.topics.push_back(std::move(t));
            }
    }
    std::vector<fs::path> files;
    for (const char* sub : {"clauses", "models"})
        if (fs::exists(folder / sub))
            for (const auto& entry : fs::directory_iterator(folder / sub))
                if (entry.path().extension() == ".toml") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    std::vector<std::string> file_of;  // the file of each clause, for error messages
    for (const auto& file : files) {
        const toml::table doc = content::parse_toml_file(file);
        if (file.parent_path().filename() == "clauses") {
            if (const auto* list = doc["clause"].as_array())
                for (const auto& node : *list) {
                    out.clauses.push_back(clause_of(Node{node.as_table()}));
                    file_of.push_back(file.string());
                }
            continue;
        }
        Model m;
        m.slug = doc["slug"].value_or(std::string());
        for (const char* lang : {"en", "fr", "es", "ar"})
            if (doc[lang].is_table()) m.texts[lang] = {doc[lang]["title"].value_or(std::string()), doc[lang]["summary"].value_or(std::string())};
        if (m.slug.empty() || !m.texts.contains("en")) throw ContentError(file.string() + ": a model needs a slug and an English title");
        int position = 0;
        if (const auto* list = doc["article"].as_array())
            for (const auto& node : *list) {
                Clause c = clause_of(Node{node.as_table()});
                c.model = m.slug;
                c.model_position = ++position;
                out.clauses.push_back(std::move(c));
                file_of.push_back(file.string());
            }
        out.models.push_back(std::move(m));
    }
    std::set<std::string> slugs;
    for (std::size_t i = 0; i < out.clauses.size(); ++i) {
        Clause& c = out.clauses[i];
        auto problems = validate(c, out.topics);
        if (!slugs.insert(c.slug).second) problems.emplace_back("slug: used twice");
        if (!problems.empty()) {
            std::string text;
            for (const auto& p : problems) text += "\n  " + p;
            throw ContentError(file_of[i] + ": clause \"" + c.slug + "\":" + text);
        }
    }
    for (std::size_t i = 0; i < out.clauses.size(); ++i)
        for (const auto& r : out.clauses[i].related)
            if (!slugs.contains(r))
                throw ContentError(file_of[i] + ": clause \"" + out.clauses[i].slug + "\": related \"" + r + "\" does not exist");
    return out;
}

}  // namespace avenir::bargaining
