#include "modules/programme/programme_store.hpp"

#include <map>
#include <set>

namespace avenir::programme {
namespace {
using storage::Value;
using Rows = std::vector<std::vector<Value>>;

std::string key_string(const std::vector<Value>& row, std::size_t nkeys) {
    std::string k;
    for (std::size_t i = 0; i < nkeys; ++i) {
        if (const auto* s = std::get_if<std::string>(&row[i])) k += *s;
        else if (const auto* n = std::get_if<std::int64_t>(&row[i])) k += std::to_string(*n);
        k.push_back('\x1f');
    }
    return k;
}

// Makes `table` hold exactly `rows` (first `keys.size()` values are the primary key).
int sync(storage::Transaction& tx, const std::string& table, const std::vector<std::string>& keys,
         const std::vector<std::string>& values, const Rows& rows) {
    std::string cols, params, key_list, sets, differs;
    const auto all = [&] { auto v = keys; v.insert(v.end(), values.begin(), values.end()); return v; }();
    for (std::size_t i = 0; i < all.size(); ++i) {
        cols += (i ? ", " : "") + all[i];
        params += (i ? ", $" : "$") + std::to_string(i + 1);
    }
    for (std::size_t i = 0; i < keys.size(); ++i) key_list += (i ? ", " : "") + keys[i];
    for (std::size_t i = 0; i < values.size(); ++i) {
        sets += (i ? ", " : "") + values[i] + " = excluded." + values[i];
        differs += (i ? " OR " : "") + table + "." + values[i] + " IS DISTINCT FROM excluded." + values[i];
    }
    std::string upsert = "INSERT INTO " + table + " (" + cols + ") VALUES (" + params + ") ON CONFLICT (" + key_list + ") DO ";
    upsert += values.empty() ? "NOTHING" : "UPDATE SET " + sets + " WHERE " + differs;

    int changed = 0;
    std::set<std::string> wanted;
    for (const auto& row : rows) {
        wanted.insert(key_string(row, keys.size()));
        changed += static_cast<int>(tx.exec(upsert, row).affected);
    }
    std::string where;
    for (std::size_t i = 0; i < keys.size(); ++i) where += (i ? " AND " : "") + keys[i] + " = $" + std::to_string(i + 1);
    for (const auto& existing : tx.exec("SELECT " + key_list + " FROM " + table).rows) {
        std::vector<Value> key;
        for (const auto& k : keys) key.push_back(existing.value(existing.index(k)));
        if (!wanted.contains(key_string(key, keys.size())))
            changed += static_cast<int>(tx.exec("DELETE FROM " + table + " WHERE " + where, key).affected);
    }
    return changed;
}

Value v(const std::string& s) { return s; }
Value v(int n) { return static_cast<std::int64_t>(n); }

// Adds one row per language of the first Texts, with the other Texts of the same language.
template <class... T>
void text_rows(Rows& rows, const Value& key, const Texts& first, const T&... more) {
    for (const auto& [lang, text] : first) {
        std::vector<Value> row{key, lang, text};
        (row.push_back(more.count(lang) ? more.at(lang) : std::string()), ...);
        rows.push_back(std::move(row));
    }
}

}  // namespace

int ProgrammeStore::save(const Content& c) {
    int changed = 0;
    db_.with_tx([&](storage::Transaction& tx) {
        Rows regions, region_texts, themes, theme_texts, groups, group_texts, phases, phase_texts;
        Rows cgroups, cgroup_texts, cgroup_regions, contacts, pages;
        for (const auto& r : c.regions) {
            regions.push_back({v(r.slug), v(r.position)});
            text_rows(region_texts, v(r.slug), r.name, r.summary_md);
        }
        for (const auto& t : c.themes) {
            themes.push_back({v(t.number)});
            text_rows(theme_texts, v(t.number), t.title, t.summary);
        }
        for (const auto& g : c.groups) {
            groups.push_back({v(g.slug), v(g.position), v(g.sessions), v(g.hours)});
            text_rows(group_texts, v(g.slug), g.name, g.description_md);
        }
        for (const auto& p : c.phases) {
            phases.push_back({v(p.slug), v(p.position)});
            text_rows(phase_texts, v(p.slug), p.when, p.title, p.description);
        }
        for (const auto& g : c.contact_groups) {
            cgroups.push_back({v(g.slug), v(g.position)});
            text_rows(cgroup_texts, v(g.slug), g.name);
            for (const auto& r : g.regions) cgroup_regions.push_back({v(g.slug), v(r)});
            for (std::size_t i = 0; i < g.contacts.size(); ++i) {
                const auto& p = g.contacts[i];
                contacts.push_back({v(g.slug), v(static_cast<int>(i + 1)), v(p.name), v(p.organisation), v(p.email)});
            }
        }
        for (const auto& p : c.pages) text_rows(pages, v(p.slug), p.title, p.body_md, p.translated_from);

        changed += sync(tx, "programme_regions", {"slug"}, {"position"}, regions);
        changed += sync(tx, "programme_region_texts", {"region_slug", "lang"}, {"name", "summary_md"}, region_texts);
        changed += sync(tx, "programme_themes", {"number"}, {}, themes);
        changed += sync(tx, "programme_theme_texts", {"theme_number", "lang"}, {"title", "summary"}, theme_texts);
        changed += sync(tx, "programme_groups", {"slug"}, {"position", "sessions", "hours"}, groups);
        changed += sync(tx, "programme_group_texts", {"group_slug", "lang"}, {"name", "description_md"}, group_texts);
        changed += sync(tx, "programme_phases", {"slug"}, {"position"}, phases);
        changed += sync(tx, "programme_phase_texts", {"phase_slug", "lang"}, {"when_label", "title", "description"}, phase_texts);
        changed += sync(tx, "programme_contact_groups", {"slug"}, {"position"}, cgroups);
        changed += sync(tx, "programme_contact_group_texts", {"group_slug", "lang"}, {"name"}, cgroup_texts);
        changed += sync(tx, "programme_contact_group_regions", {"group_slug", "region_slug"}, {}, cgroup_regions);
        changed += sync(tx, "programme_contacts", {"group_slug", "position"}, {"name", "organisation", "email"}, contacts);
        changed += sync(tx, "programme_pages", {"slug", "lang"}, {"title", "body_md", "translated_from"}, pages);
    });
    return changed;
}

void ProgrammeStore::load_regions_and_themes(Content& c) {
    for (const auto& row : db_.exec("SELECT slug, position FROM programme_regions ORDER BY position, slug").rows)
        c.regions.push_back({row.get_text("slug"), static_cast<int>(row.get_int("position"))});
    std::map<std::string, Region*> regions;
    for (auto& r : c.regions) regions[r.slug] = &r;
    for (const auto& row : db_.exec("SELECT region_slug, lang, name, summary_md FROM programme_region_texts").rows)
        if (const auto it = regions.find(row.get_text("region_slug")); it != regions.end()) {
            it->second->name[row.get_text("lang")] = row.get_text("name");
            it->second->summary_md[row.get_text("lang")] = row.get_text("summary_md");
        }

    for (const auto& row : db_.exec("SELECT number FROM programme_themes ORDER BY number").rows)
        c.themes.push_back({static_cast<int>(row.get_int("number"))});
    std::map<std::int64_t, Theme*> themes;
    for (auto& t : c.themes) themes[t.number] = &t;
    for (const auto& row : db_.exec("SELECT theme_number, lang, title, summary FROM programme_theme_texts").rows)
        if (const auto it = themes.find(row.get_int("theme_number")); it != themes.end()) {
            it->second->title[row.get_text("lang")] = row.get_text("title");
            it->second->summary[row.get_text("lang")] = row.get_text("summary");
        }
}

Content ProgrammeStore::load_reference() {
    Content c;
    load_regions_and_themes(c);
    return c;
}

Content ProgrammeStore::load() {
    Content c;
    load_regions_and_themes(c);

    for (const auto& row : db_.exec("SELECT slug, position, sessions, hours FROM programme_groups ORDER BY position, slug").rows)
        c.groups.push_back({row.get_text("slug"), static_cast<int>(row.get_int("position")), static_cast<int>(row.get_int("sessions")),
                            static_cast<int>(row.get_int("hours"))});
    for (const auto& row : db_.exec("SELECT group_slug, lang, name, description_md FROM programme_group_texts").rows)
        for (auto& g : c.groups)
            if (g.slug == row.get_text("group_slug"))
                g.name[row.get_text("lang")] = row.get_text("name"), g.description_md[row.get_text("lang")] = row.get_text("description_md");

    for (const auto& row : db_.exec("SELECT slug, position FROM programme_phases ORDER BY position, slug").rows)
        c.phases.push_back({row.get_text("slug"), static_cast<int>(row.get_int("position"))});
    for (const auto& row : db_.exec("SELECT phase_slug, lang, when_label, title, description FROM programme_phase_texts").rows)
        for (auto& p : c.phases)
            if (p.slug == row.get_text("phase_slug")) {
                const auto lang = row.get_text("lang");
                p.when[lang] = row.get_text("when_label"), p.title[lang] = row.get_text("title"), p.description[lang] = row.get_text("description");
            }

    // Contact groups: three queries for all of them, not three per group.
    for (const auto& row : db_.exec("SELECT slug, position FROM programme_contact_groups ORDER BY position, slug").rows)
        c.contact_groups.push_back({row.get_text("slug"), static_cast<int>(row.get_int("position"))});
    std::map<std::string, ContactGroup*> groups;
    for (auto& g : c.contact_groups) groups[g.slug] = &g;
    for (const auto& row : db_.exec("SELECT group_slug, lang, name FROM programme_contact_group_texts").rows)
        if (const auto it = groups.find(row.get_text("group_slug")); it != groups.end()) it->second->name[row.get_text("lang")] = row.get_text("name");
    for (const auto& row : db_.exec("SELECT group_slug, region_slug FROM programme_contact_group_regions ORDER BY group_slug, region_slug").rows)
        if (const auto it = groups.find(row.get_text("group_slug")); it != groups.end()) it->second->regions.push_back(row.get_text("region_slug"));
    for (const auto& row : db_.exec("SELECT group_slug, name, organisation, email FROM programme_contacts ORDER BY group_slug, position").rows)
        if (const auto it = groups.find(row.get_text("group_slug")); it != groups.end())
            it->second->contacts.push_back({row.get_text("name"), row.get_text("organisation"), row.get_text("email")});

    std::map<std::string, Page> pages;
    for (const auto& row : db_.exec("SELECT slug, lang, title, body_md, translated_from FROM programme_pages ORDER BY slug").rows) {
        Page& p = pages[row.get_text("slug")];
        const std::string lang = row.get_text("lang");
        p.slug = row.get_text("slug");
        p.title[lang] = row.get_text("title");
        p.body_md[lang] = row.get_text("body_md");
        if (const auto from = row.get_opt_text("translated_from"); from && !from->empty()) p.translated_from[lang] = *from;
    }
    for (auto& [slug, p] : pages) c.pages.push_back(std::move(p));
    return c;
}

}  // namespace avenir::programme
