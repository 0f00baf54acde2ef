#include "core/view/views.hpp"

#include <kainjow/mustache.hpp>
#include <nlohmann/json.hpp>

#include <memory>
#include <stdexcept>
#include <atomic>
#include <cstdint>
#include <map>

#include "core/embedded.hpp"
#include "core/view/markdown.hpp"

namespace avenir::view {
namespace mustache = kainjow::mustache;
namespace {

std::string template_name(std::string_view path) {
    // modules/programme/templates/home.mustache -> programme/home; core/view/templates/x.mustache -> x
    const auto slash = path.rfind('/');
    std::string file(path.substr(slash + 1));
    file = file.substr(0, file.size() - std::string_view(".mustache").size());
    if (path.starts_with("modules/")) {
        const auto rest = path.substr(8);
        return std::string(rest.substr(0, rest.find('/'))) + "/" + file;
    }
    return file;
}

// A kainjow value of the right kind for j, without its children yet (they are filled in place:
// kainjow's set() and push_back() copy a whole subtree, which made nested views quadratic).
mustache::data shell(const nlohmann::json& j) {
    switch (j.type()) {
        case nlohmann::json::value_t::object: return mustache::data{mustache::data::type::object};
        case nlohmann::json::value_t::array: return mustache::data{mustache::data::type::list};
        case nlohmann::json::value_t::string: return mustache::data{j.get_ref<const std::string&>()};
        case nlohmann::json::value_t::boolean:
            return j.get<bool>() ? mustache::data{mustache::data::type::bool_true} : mustache::data{mustache::data::type::bool_false};
        case nlohmann::json::value_t::null: return mustache::data{mustache::data::type::bool_false};
        default: return mustache::data{j.dump()};
    }
}

void fill(mustache::data& d, const nlohmann::json& j) {
    if (j.is_object()) {
        for (auto it = j.begin(); it != j.end(); ++it) {
            d.set(it.key(), shell(it.value()));
            if (it.value().is_structured()) fill(*const_cast<mustache::data*>(d.get(it.key())), it.value());
        }
    } else if (j.is_array()) {
        for (const auto& item : j) {
            d.push_back(shell(item));
            if (item.is_structured()) fill(const_cast<mustache::list&>(d.list_value()).back(), item);
        }
    }
}

mustache::data to_data(const nlohmann::json& j) {
    mustache::data d = shell(j);
    fill(d, j);
    return d;
}

}  // namespace

std::string translate_markers(std::string_view source, const std::function<std::string(std::string_view)>& translate,
                              std::vector<std::string>* msgids) {
    static constexpr std::string_view kOpen = "{{#t}}", kClose = "{{/t}}";
    std::string out;
    out.reserve(source.size());
    std::size_t pos = 0;
    while (true) {
        const auto open = source.find(kOpen, pos);
        if (open == std::string_view::npos) break;
        const auto close = source.find(kClose, open);
        if (close == std::string_view::npos) throw std::runtime_error("unclosed {{#t}} marker");
        out.append(source.substr(pos, open - pos));
        const auto msgid = source.substr(open + kOpen.size(), close - open - kOpen.size());
        if (msgids) msgids->emplace_back(msgid);
        out.append(html_escape(translate(msgid)));
        pos = close + kClose.size();
    }
    out.append(source.substr(pos));
    return out;
}

Views::Views(const i18n::Catalog& catalog) {
    static std::atomic<std::uint64_t> serials{0};
    serial_ = ++serials;
    for (const auto& file : embedded::avenir_templates_embed()) {
        const std::string name = template_name(file.path);
        for (const auto& lang : i18n::languages()) {
            std::string src = translate_markers(
                file.data, [&](std::string_view id) { return catalog.translate(lang.code, id); },
                lang.code == "en" ? &msgids_ : nullptr);
            mustache::mustache check{src};
            if (!check.is_valid()) throw std::runtime_error("template " + name + ": " + check.error_message());
            sources_.emplace(std::make_pair(lang.code, name), std::move(src));
        }
    }
}

bool Views::has(std::string_view name) const { return sources_.contains(std::make_pair(std::string("en"), std::string(name))); }

std::vector<std::string> Views::msgids() const { return msgids_; }

std::string Views::render(std::string_view lang, std::string_view name, const nlohmann::json& data) const {
    const auto key = std::make_pair(std::string(lang), std::string(name));
    const auto it = sources_.find(key);
    if (it == sources_.end()) throw std::runtime_error("no template " + key.second);
    // kainjow's render() mutates the template object, so each io thread keeps its own parsed copy.
    // Keyed by this Views' serial number too, so a later Views at the same address never reuses them.
    thread_local std::map<std::pair<std::uint64_t, const std::string*>, std::unique_ptr<mustache::mustache>> parsed;
    auto& tmpl = parsed[{serial_, &it->second}];
    if (!tmpl) tmpl = std::make_unique<mustache::mustache>(it->second);
    std::string out = tmpl->render(to_data(data));
    if (!tmpl->is_valid()) throw std::runtime_error("template " + key.second + ": " + tmpl->error_message());
    return out;
}

}  // namespace avenir::view
