#include "modules/programme/programme_content.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <fstream>
#include <set>

#include "core/content/toml_file.hpp"
#include "core/i18n/i18n.hpp"
#include "core/text/utf8.hpp"

namespace avenir::programme {
namespace fs = std::filesystem;
namespace {

[[noreturn]] void fail(const fs::path& file, const std::string& where, const std::string& what) {
    throw ContentError(file.string() + ": " + where + ": " + what);
}

std::string slug_of(const fs::path& file, const std::string& where, const toml::table& t, const char* key) {
    const auto v = t[key].value<std::string>();
    if (!v || v->empty()) fail(file, where, std::string("missing text key '") + key + "'");
    if (!std::all_of(v->begin(), v->end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }))
        fail(file, where, "'" + *v + "' is not a slug (use a-z, 0-9 and '-')");
    return *v;
}

int int_of(const fs::path& file, const std::string& where, const toml::table& t, const char* key, int min = 0) {
    const auto v = t[key].value<int64_t>();
    if (!v) fail(file, where, std::string("missing integer key '") + key + "'");
    if (*v < min || *v > 10000) fail(file, where, std::string("'") + key + "' must be between " + std::to_string(min) + " and 10000");
    return static_cast<int>(*v);
}

// Reads [entry.<lang>] tables into one Texts per key; English is required.
void texts_of(const fs::path& file, const std::string& where, const toml::table& entry,
              std::initializer_list<std::pair<const char*, Texts*>> keys) {
    for (const auto& lang : i18n::languages()) {
        const toml::table* t = entry[lang.code].as_table();
        if (!t) {
            if (lang.code == "en") fail(file, where, "missing [" + where + ".en] table (English is required)");
            continue;
        }
        for (const auto& [key, texts] : keys) {
            const auto v = (*t)[key].value<std::string>();
            if (!v || v->empty()) fail(file, where + "." + lang.code, std::string("missing text key '") + key + "'");
            (*texts)[lang.code] = *v;
        }
    }
}

const toml::array& entries(const fs::path& file, const toml::table& doc, const char* key) {
    const toml::array* arr = doc[key].as_array();
    if (!arr || arr->empty()) fail(file, key, std::string("expected one or more [[") + key + "]] entries");
    return *arr;
}

template <class F>
void each_entry(const fs::path& file, const toml::table& doc, const char* key, F&& f) {
    std::size_t i = 0;
    for (const auto& node : entries(file, doc, key)) {
        const std::string where = std::string(key) + "[" + std::to_string(i++) + "]";
        const toml::table* t = node.as_table();
        if (!t) fail(file, where, "expected a table");
        f(*t, where);
    }
}

}  // namespace

Content load_content(const fs::path& dir) {
    Content c;
    auto file = dir / "regions.toml";
    auto doc = content::parse_toml_file(file);
    each_entry(file, doc, "region", [&](const toml::table& t, const std::string& w) {
        Region r{slug_of(file, w, t, "slug"), int_of(file, w, t, "position")};
        texts_of(file, w, t, {{"name", &r.name}, {"summary", &r.summary_md}});
        c.regions.push_back(std::move(r));
    });
    file = dir / "themes.toml";
    doc = content::parse_toml_file(file);
    each_entry(file, doc, "theme", [&](const toml::table& t, const std::string& w) {
        Theme th{int_of(file, w, t, "number", 1)};
        texts_of(file, w, t, {{"title", &th.title}, {"summary", &th.summary}});
        c.themes.push_back(std::move(th));
    });
    file = dir / "groups.toml";
    doc = content::parse_toml_file(file);
    each_entry(file, doc, "group", [&](const toml::table& t, const std::string& w) {
        Group g{slug_of(file, w, t, "slug"), int_of(file, w, t, "position"), int_of(file, w, t, "sessions", 1),
                int_of(file, w, t, "hours", 1)};
        texts_of(file, w, t, {{"name", &g.name}, {"description", &g.description_md}});
        c.groups.push_back(std::move(g));
    });
    file = dir / "calendar.toml";
    doc = content::parse_toml_file(file);
    each_entry(file, doc, "phase", [&](const toml::table& t, const std::string& w) {
        Phase p{slug_of(file, w, t, "slug"), int_of(file, w, t, "position")};
        texts_of(file, w, t, {{"when", &p.when}, {"title", &p.title}, {"description", &p.description}});
        c.phases.push_back(std::move(p));
    });
    std::set<std::string> region_slugs;
    for (const auto& r : c.regions) region_slugs.insert(r.slug);
    file = dir / "contacts.toml";
    doc = content::parse_toml_file(file);
    each_entry(file, doc, "contact_group", [&](const toml::table& t, const std::string& w) {
        ContactGroup g{slug_of(file, w, t, "slug"), int_of(file, w, t, "position")};
        texts_of(file, w, t, {{"name", &g.name}});
        if (const auto* regions = t["regions"].as_array()) {
            for (const auto& r : *regions) {
                const auto slug = r.value<std::string>();
                if (!slug || !region_slugs.contains(*slug))
                    fail(file, w + ".regions", "'" + slug.value_or("?") + "' is not a region of regions.toml");
                g.regions.push_back(*slug);
            }
        }
        std::size_t i = 0;
        if (const auto* contacts = t["contact"].as_array()) {
            for (const auto& node : *contacts) {
                const std::string cw = w + ".contact[" + std::to_string(i++) + "]";
                const toml::table* ct = node.as_table();
                if (!ct) fail(file, cw, "expected a table");
                Contact person{(*ct)["name"].value_or(std::string()), (*ct)["organisation"].value_or(std::string()),
                               (*ct)["email"].value_or(std::string())};
                if (person.name.empty()) fail(file, cw, "missing text key 'name'");
                if (person.email.find('@') == std::string::npos) fail(file, cw, "'email' must be an e-mail address");
                g.contacts.push_back(std::move(person));
            }
        }
        c.contact_groups.push_back(std::move(g));
    });
    c.pages = {};
    std::map<std::string, Page> pages;
    const fs::path pages_dir = dir / "pages";
    if (!fs::is_directory(pages_dir)) throw ContentError(pages_dir.string() + ": folder is missing");
    for (const auto& entry : fs::directory_iterator(pages_dir)) {
        const fs::path& p = entry.path();
        if (p.extension() != ".md") continue;
        if (!entry.is_regular_file()) throw ContentError(p.string() + ": not a file");
        const std::string stem = p.stem().string();  // home-intro.fr
        const auto dot = stem.rfind('.');
        if (dot == std::string::npos || !i18n::find_language(stem.substr(dot + 1)))
            throw ContentError(p.string() + ": name pages <slug>.<lang>.md with lang one of en, fr, es, ar");
        const std::string slug = stem.substr(0, dot), lang = stem.substr(dot + 1);
        std::ifstream in(p, std::ios::binary);
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (const auto bad = utf8::invalid_at(text); bad != std::string::npos)
            throw ContentError(p.string() + ": not valid UTF-8 at byte " + std::to_string(bad) + " (save the file as UTF-8)");
        if (!text.starts_with("+++\n")) throw ContentError(p.string() + ": expected TOML front matter starting with '+++'");
        const auto end = text.find("\n+++\n", 3);
        if (end == std::string::npos) throw ContentError(p.string() + ": front matter is not closed by a '+++' line");
        toml::table front;
        try {
            front = toml::parse(std::string_view(text).substr(4, end - 3), p.string());
        } catch (const toml::parse_error& e) {
            throw ContentError(p.string() + ": front matter: " + std::string(e.description()));
        }
        const auto title = front["title"].value<std::string>();
        if (!title || title->empty()) throw ContentError(p.string() + ": front matter needs title = \"...\"");
        Page& page = pages[slug];
        page.slug = slug;
        page.title[lang] = *title;
        page.body_md[lang] = text.substr(end + 5);
        if (const auto from = front["translated_from"].value<std::string>()) page.translated_from[lang] = *from;
    }
    for (auto& [slug, page] : pages) {
        if (!page.title.contains("en")) throw ContentError((pages_dir / (slug + ".en.md")).string() + ": missing (English is required)");
        c.pages.push_back(std::move(page));
    }
    return c;
}

std::string page_source(const Page& page) {
    const auto t = page.title.find("en"), b = page.body_md.find("en");
    return (t == page.title.end() ? std::string() : t->second) + "\n" + (b == page.body_md.end() ? std::string() : b->second);
}

std::vector<std::pair<std::string, std::string>> outdated_translations(const Content& content) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& page : content.pages) {
        const std::string source = page_source(page);
        for (const auto& [lang, body] : page.body_md) {
            if (lang == "en") continue;
            const auto from = page.translated_from.find(lang);
            const auto state = i18n::translation_state(
                source, from == page.translated_from.end() ? std::nullopt : std::optional<std::string_view>(from->second), true);
            if (state == i18n::TranslationState::Outdated) out.emplace_back(page.slug + "." + lang, i18n::source_fingerprint(source));
        }
    }
    return out;
}

}  // namespace avenir::programme
