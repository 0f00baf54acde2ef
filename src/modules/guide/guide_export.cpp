#include "modules/guide/guide_export.hpp"

#include <toml++/toml.h>

#include <fstream>
#include <sstream>

namespace avenir::guide {
namespace fs = std::filesystem;
using nlohmann::json;
namespace {

toml::array to_toml_array(const json& j);

toml::table to_toml_table(const json& j) {
    toml::table t;
    for (const auto& [k, v] : j.items()) {
        if (v.is_object()) t.insert(k, to_toml_table(v));
        else if (v.is_array()) t.insert(k, to_toml_array(v));
        else if (v.is_string()) t.insert(k, v.get<std::string>());
        else if (v.is_boolean()) t.insert(k, v.get<bool>());
        else if (v.is_number_integer()) t.insert(k, v.get<std::int64_t>());
        else if (v.is_number()) t.insert(k, v.get<double>());
    }
    return t;
}

toml::array to_toml_array(const json& j) {
    toml::array a;
    for (const auto& v : j) {
        if (v.is_object()) a.push_back(to_toml_table(v));
        else if (v.is_string()) a.push_back(v.get<std::string>());
        else if (v.is_boolean()) a.push_back(v.get<bool>());
        else if (v.is_number_integer()) a.push_back(v.get<std::int64_t>());
        else if (v.is_number()) a.push_back(v.get<double>());
    }
    return a;
}

void write(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out) throw std::runtime_error("cannot write " + p.string());
}

std::string page(const json& front, const std::string& body) {
    std::ostringstream s;
    s << "+++\n" << toml::toml_formatter(to_toml_table(front)) << "\n+++\n" << body;
    return s.str();
}

}  // namespace

void export_guide(const GuideContent& c, const fs::path& dir) {
    for (const auto& [lang, title] : c.introduction.title)
        write(dir / ("introduction." + lang + ".md"), page(json{{"title", title}}, c.introduction.body_md.at(lang)));
    for (const auto& w : c.workshops) {
        const fs::path folder = dir / "workshops" / w.slug;
        std::ostringstream structure;
        structure << toml::toml_formatter(to_toml_table(structure_json(w))) << "\n";
        write(folder / "workshop.toml", structure.str());
        for (const auto& [lang, doc] : w.texts) {
            json front = doc;
            front.erase("overview");
            write(folder / (lang + ".md"), page(front, doc.value("overview", std::string())));
        }
    }
}

}  // namespace avenir::guide
