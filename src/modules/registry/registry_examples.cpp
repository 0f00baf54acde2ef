// The illustrative entries shipped for the demo (content/registry/examples.toml): public entries
// of no union, marked as examples on every page, each created once by its name.
#include <set>

#include "core/content/toml_file.hpp"
#include "core/errors.hpp"
#include "modules/registry/registry_module.hpp"

namespace avenir::registry {

void index_entry(storage::Executor& tx, const Entry& e);

int RegistryModule::seed_examples(const std::filesystem::path& dir, std::int64_t now) {
    const auto file = dir / "examples.toml";
    if (!std::filesystem::exists(file)) return 0;
    const toml::table doc = content::parse_toml_file(file);
    std::set<std::string> existing;
    for (const auto& e : store().list("e.example = 1", {}, 1000)) existing.insert(e.name());
    int created = 0;
    const auto* entries = doc["entry"].as_array();
    if (!entries) return 0;
    for (std::size_t i = 0; i < entries->size(); ++i) {
        const auto* t = entries->at(i).as_table();
        const std::string where = file.string() + ": entry " + std::to_string(i + 1);
        if (!t) throw ContentError(where + " is not a table");
        Entry e;
        e.tier = "public";
        e.example = true;
        if (const auto* values = (*t)["values"].as_table())
            for (const auto& [k, v] : *values) {
                if (!field(k.str())) throw ContentError(where + ": \"" + std::string(k.str()) + "\" is not a field of the register");
                e.values[std::string(k.str())] = v.value_or(std::string());
            }
        for (const auto& fd : fields()) {
            const std::string v = e.value(fd.key);
            if (fd.required && v.empty() && fd.key != "art26_notice") throw ContentError(where + ": \"" + std::string(fd.key) + "\" is needed");
            if (fd.kind == Field::Kind::Choice && !v.empty() && std::find(fd.choices.begin(), fd.choices.end(), v) == fd.choices.end())
                throw ContentError(where + ": \"" + v + "\" is not a choice of " + std::string(fd.key));
        }
        if (existing.contains(e.name())) continue;
        std::vector<Evidence> evidence;
        if (const auto* list = (*t)["evidence"].as_array())
            for (const auto& node : *list) {
                const auto* x = node.as_table();
                if (!x) continue;
                Evidence ev;
                ev.field = (*x)["field"].value_or(std::string());
                ev.side = (*x)["side"].value_or(std::string());
                ev.text = (*x)["text"].value_or(std::string());
                ev.source = (*x)["source"].value_or(std::string());
                ev.date = (*x)["date"].value_or(std::string());
                ev.confidence = (*x)["confidence"].value_or(std::string("medium"));
                if (!field(ev.field) || (ev.side != "employer" && ev.side != "workers") || ev.text.empty())
                    throw ContentError(where + ": evidence needs a field of the register, a side (employer or workers) and a text");
                evidence.push_back(std::move(ev));
            }
        ctx_->db.with_tx([&](storage::Transaction& tx) {
            RegistryStore st(tx);
            e.id = st.create(e, std::nullopt, now);
            for (auto& ev : evidence) {
                ev.entry_id = e.id;
                st.add_evidence(ev, now);
            }
            index_entry(tx, e);
        });
        ++created;
    }
    return created;
}

}  // namespace avenir::registry
