#include "modules/guide/guide_search.hpp"

namespace avenir::guide {
namespace {

std::string text_of(const nlohmann::json& doc, const char* field) {
    const auto it = doc.find(field);
    if (it == doc.end()) return "";
    if (it->is_string()) return it->get<std::string>();
    std::string out;
    if (it->is_array())
        for (const auto& item : *it)
            if (item.is_string()) out += item.get<std::string>() + "\n";
    return out;
}

}  // namespace

std::vector<search::Document> search_documents(const Workshop& w) {
    std::vector<search::Document> docs;
    if (w.status == "retired") return docs;
    const bool draft = w.status == "draft";
    const std::string audience = draft ? kDraftAudience : "";
    const std::string page = "/guide/" + w.slug + (draft ? "/edit" : "");
    for (const auto& [lang, doc] : w.texts) {
        const std::string title = doc.value("title", w.slug);
        docs.push_back({w.slug, lang, title,
                        text_of(doc, "summary") + "\n" + text_of(doc, "objectives") + text_of(doc, "key_points") + text_of(doc, "overview"),
                        page, audience});
        const nlohmann::json steps = doc.value("steps", nlohmann::json::object());
        for (const auto& s : w.steps) {
            const auto it = steps.find(s.id);
            if (it == steps.end() || !it->is_object()) continue;
            docs.push_back({w.slug + "#" + s.id, lang, it->value("title", s.id),
                            title + "\n" + text_of(*it, "facilitator") + "\n" + text_of(*it, "participants"),
                            draft ? page : page + "#step-" + s.id, audience});
        }
    }
    return docs;
}

int index_guide(storage::Transaction& tx, const GuideContent& content) {
    std::vector<search::Document> docs;
    for (const auto& w : content.workshops)
        for (auto& d : search_documents(w)) docs.push_back(std::move(d));
    return search::SearchIndex(tx).replace(kSearchSource, docs);
}

int index_workshop(storage::Transaction& tx, const Workshop& w) {
    return search::SearchIndex(tx).replace(kSearchSource, search_documents(w), w.slug);
}

}  // namespace avenir::guide
