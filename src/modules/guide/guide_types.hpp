#pragma once
// The facilitator's guide: workshops with timed steps, in several languages.
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace avenir::guide {

struct Step {
    std::string id, phase, grouping;
    int min_minutes = 0, max_minutes = 0;
    bool optional = false, speaking = true;
    std::vector<std::string> materials;
};

struct Material {
    std::string id;
    bool printable = false;
};

struct Workshop {
    std::string slug, status, level;
    int version = 1;
    std::vector<int> themes;
    std::vector<std::string> audiences, delivery, prerequisites, resources, clauses;
    std::vector<Material> materials;
    std::vector<Step> steps;
    // Per language: the front matter's texts plus "overview" (Markdown body).
    std::map<std::string, nlohmann::json, std::less<>> texts;

    int total_min() const;
    int total_max() const;
    // The English texts a translation is made from (translations store its fingerprint in
    // `translated_from`).
    std::string source_text() const;
    // complete, outdated or missing, for one language.
    std::string translation_state(const std::string& lang) const;
};

struct Introduction {
    std::map<std::string, std::string, std::less<>> title, body_md;
};

struct GuideContent {
    Introduction introduction;
    std::vector<Workshop> workshops;  // ordered by first theme, then slug
};

// workshop.toml as JSON and back (what the store keeps and export writes).
nlohmann::json structure_json(const Workshop& w);
Workshop from_structure_json(const nlohmann::json& j);

}  // namespace avenir::guide
