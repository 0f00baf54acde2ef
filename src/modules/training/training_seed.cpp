// Seeding: the groups' formats (content/programme/groups.toml with content/training/cycles.toml)
// and the illustrative cycles of content/training/cycles.toml, dated from the day of seeding.
#include <toml++/toml.h>


#include "core/clock.hpp"
#include "core/content/toml_file.hpp"
#include "core/errors.hpp"
#include "core/i18n/i18n.hpp"
#include "core/i18n/zoned_time.hpp"
#include "modules/training/training_module.hpp"

namespace avenir::training {
namespace fs = std::filesystem;
namespace {

[[noreturn]] void fail(const fs::path& file, const std::string& where, const std::string& what) {
    throw ContentError(file.string() + ": " + where + ": " + what);
}

std::string text(const fs::path& file, const std::string& where, const toml::table& t, const char* key, bool required = true) {
    const auto v = t[key].value<std::string>();
    if (!v && required) fail(file, where, std::string("missing text key '") + key + "'");
    return v.value_or("");
}

std::int64_t integer(const fs::path& file, const std::string& where, const toml::table& t, const char* key) {
    const auto v = t[key].value<std::int64_t>();
    if (!v) fail(file, where, std::string("missing integer key '") + key + "'");
    return *v;
}

std::vector<std::string> texts(const toml::array* a) {
    std::vector<std::string> out;
    if (a)
        for (const auto& v : *a)
            if (auto s = v.value<std::string>()) out.push_back(*s);
    return out;
}

}  // namespace

int TrainingModule::seed(const fs::path& content_root) {
    const fs::path groups_file = content_root / "programme" / "groups.toml", training_file = content_root / "training" / "cycles.toml";
    if (!fs::exists(groups_file) || !fs::exists(training_file)) return 0;
    const toml::table groups = content::parse_toml_file(groups_file), training = content::parse_toml_file(training_file);
    const std::int64_t now = clock::unix_seconds();
    int changed = 0;
    std::map<std::string, std::string> audience;
    if (const auto* formats = training["format"].as_array())
        for (const auto& node : *formats)
            if (const auto* t = node.as_table()) audience[text(training_file, "format", *t, "group")] = text(training_file, "format", *t, "audience");
    std::map<std::string, Format> formats;
    if (const auto* list = groups["group"].as_array())
        for (const auto& node : *list) {
            const auto* t = node.as_table();
            if (!t) continue;
            Format f;
            f.slug = text(groups_file, "group", *t, "slug");
            const std::string where = "group " + f.slug;
            f.phase = static_cast<int>(integer(groups_file, where, *t, "position"));
            f.session_count = static_cast<int>(integer(groups_file, where, *t, "sessions"));
            f.session_minutes = static_cast<int>(integer(groups_file, where, *t, "hours") * 60);
            for (const auto& lang : i18n::languages())
                if (const auto* names = (*t)[lang.code].as_table()) f.names[lang.code] = text(groups_file, where + "." + lang.code, *names, "name");
            const auto a = audience.find(f.slug);
            if (a == audience.end()) fail(training_file, "format", "no [[format]] for the group '" + f.slug + "'");
            if (a->second != "dro" && a->second != "members") fail(training_file, "format " + f.slug, "audience must be \"dro\" or \"members\"");
            f.audience = a->second;
            changed += store().put_format(f, now) ? 1 : 0;
            formats.emplace(f.slug, f);
        }

    // The illustrative cycles, once.
    if (!ctx_->db.exec("SELECT 1 FROM training_cycles WHERE illustrative = 1 LIMIT 1").empty()) return changed;
    const auto* cycles = training["cycle"].as_array();
    if (!cycles) return changed;
    const auto ref = ctx_->reference.get();
    ctx_->db.with_tx([&](storage::Transaction& tx) {
        TrainingStore st(tx);
        int n = 0;
        for (const auto& node : *cycles) {
            const auto* t = node.as_table();
            const std::string where = "cycle " + std::to_string(++n);
            if (!t) fail(training_file, where, "not a table");
            Cycle c;
            c.illustrative = true;
            c.format_slug = text(training_file, where, *t, "group");
            const auto f = formats.find(c.format_slug);
            if (f == formats.end()) fail(training_file, where, "unknown group '" + c.format_slug + "'");
            c.region = text(training_file, where, *t, "region");
            if (!ref->has_region(c.region)) fail(training_file, where, "unknown region '" + c.region + "'");
            c.title = text(training_file, where, *t, "title");
            c.languages = texts((*t)["languages"].as_array());
            c.interpretation = text(training_file, where, *t, "interpretation", false);
            c.time_zone = text(training_file, where, *t, "time_zone");
            c.status = text(training_file, where, *t, "status");
            c.capacity = static_cast<int>(integer(training_file, where, *t, "capacity"));
            const std::int64_t today = now - now % 86400;
            c.enrol_opens = today + integer(training_file, where, *t, "enrol_from") * 86400;
            c.enrol_closes = today + integer(training_file, where, *t, "enrol_until") * 86400 + 86399;
            if (const auto errors = validate(c); !errors.empty()) fail(training_file, where, errors.front());
            const std::int64_t id = st.create_cycle(c, f->second, std::nullopt, now);
            const auto* days = (*t)["session_days"].as_array();
            const auto* workshops = (*t)["workshops"].as_array();
            if (!days || static_cast<int>(days->size()) != f->second.session_count)
                fail(training_file, where, "session_days must list " + std::to_string(f->second.session_count) + " days (the group's sessions)");
            const auto clock_time = text(training_file, where, *t, "start_time");
            for (std::size_t i = 0; i < days->size(); ++i) {
                Session s;
                s.cycle_id = id;
                const i18n::WallTime day = i18n::utc_to_local(today + (*days)[i].value_or<std::int64_t>(0) * 86400 + 43200, "UTC");
                char date[16];
                std::snprintf(date, sizeof date, "%04d-%02d-%02d", day.year, day.month, day.day);
                const auto start = i18n::parse_local(date, clock_time, c.time_zone);
                if (!start) fail(training_file, where, "start_time must be hours:minutes (such as 10:00)");
                s.starts_at = *start;
                s.minutes = f->second.session_minutes;
                s.mode = text(training_file, where, *t, "mode");
                s.place = text(training_file, where, *t, "place", false);
                s.conference_url = text(training_file, where, *t, "conference_url", false);
                if (workshops && i < workshops->size()) s.workshops = texts((*workshops)[i].as_array());
                if (const auto errors = validate(s); !errors.empty()) fail(training_file, where, errors.front());
                st.add_session(s, now);
            }
            ++changed;
        }
    });
    index_cycles();
    ctx_->pages_changed();
    return changed;
}

}  // namespace avenir::training
