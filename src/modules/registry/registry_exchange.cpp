#include "modules/registry/registry_exchange.hpp"

#include <sodium.h>

#include <algorithm>
#include <regex>

#include "core/clock.hpp"

namespace avenir::registry {
using nlohmann::json;

namespace {

// Avenir's stage <-> the standard's status (the first pair of each is what an export writes).
const std::vector<std::pair<std::string, std::string>> kStatus = {
    {"planned", "planned"}, {"procurement", "design"}, {"pilot", "pilot"}, {"in-use", "operational"}, {"retired", "retired"},
    {"procurement", "development"}, {"pilot", "evaluation"}};
// Avenir's sector <-> the standard's domain.
const std::vector<std::pair<std::string, std::string>> kDomain = {
    {"health", "health and health care"},       {"social-services", "subsidies, benefits and allowances"},
    {"local-government", "government"},         {"education", "education and science"},
    {"tax-revenue", "taxes"},                   {"justice", "justice"},
    {"utilities", "environment, spacial planning and water"}, {"transport", "traffic and transportation"},
    {"employment-services", "work and career"}, {"", "generic"},
    {"central-government", "government"}};
const std::vector<std::pair<std::string, std::string>> kTechnique = {{"rule-based", "rule-based"}, {"learning", "self-learning"}, {"mixed", "hybrid"}};
const std::vector<std::pair<std::string, std::string>> kUse = {{"informs", "descriptive"}, {"recommends", "predictive"}, {"decides", "prescriptive"}};

std::string to_std(const std::vector<std::pair<std::string, std::string>>& map, const std::string& ours) {
    for (const auto& [a, b] : map)
        if (a == ours) return b;
    return "";
}
std::optional<std::string> from_std(const std::vector<std::pair<std::string, std::string>>& map, const std::string& theirs) {
    for (const auto& [a, b] : map)
        if (b == theirs) return a;
    return std::nullopt;
}

std::string day(std::int64_t t) { return clock::utc_iso8601(t).substr(0, 10); }

std::string impacts(const Entry& e) {
    std::string out;
    for (const auto& f : fields())
        if (f.section == "impacts" && !e.value(f.key).empty()) out += (out.empty() ? "" : "\n") + std::string(f.label) + ": " + e.value(f.key);
    return out;
}

std::string risk_category(const Entry& e) {
    if (!e.value("art5_practice").empty()) return "unacceptable";
    if (e.annex3_point() > 0) return "high risk";
    return e.value("decides") == "decides" || e.value("decides") == "recommends" ? "limited risk" : "minimal risk";
}

// The standard's fields in its order, and which are required (docs/register/eurocities-0.3.1.schema.json).
const std::vector<std::string> kRequired = {"standard_version", "lang", "publication_date", "last_change_date", "revision_date", "name",
                                            "organization", "department", "country", "contact_email", "description_short", "status",
                                            "decision_making_process", "domain", "area", "goal", "impact", "risks", "risk_category",
                                            "proportionality", "lawful_basis", "training_data", "source_data", "connected_data_sources",
                                            "algorithm_type", "type", "monitoring", "human_intervention", "objection_procedure"};

}  // namespace

std::string entry_uuid(const std::string& base_url, std::int64_t id) {
    const std::string seed = base_url + "#registry-entry-" + std::to_string(id);
    unsigned char h[16];
    crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(seed.data()), seed.size(), nullptr, 0);
    h[6] = static_cast<unsigned char>((h[6] & 0x0f) | 0x40);  // version 4 layout
    h[8] = static_cast<unsigned char>((h[8] & 0x3f) | 0x80);  // RFC 4122 variant
    static const char* hex = "0123456789abcdef";
    std::string out;
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
        out += hex[h[i] >> 4];
        out += hex[h[i] & 15];
    }
    return out;
}

json to_eurocities(const Entry& e, const ExportContext& c) {
    json avenir = json::object();
    for (const auto& f : fields())
        if (!e.value(f.key).empty()) avenir[std::string(f.key)] = e.value(f.key);
    std::string lawful = "AI Act Annex III point: " + (e.value("annex3_point").empty() ? std::string("none recorded") : e.value("annex3_point")) +
                         "; Art. 26(7) notice to workers' representatives: " + e.value("art26_notice");
    if (!e.value("art5_practice").empty()) lawful += "; Art. 5(1)(" + e.value("art5_practice") + ") practice";
    return json{
        {"standard_version", "0.3.1"},
        {"uuid", c.uuid},
        {"lang", e.value("lang")},
        {"publication_date", day(e.created_at)},
        {"last_change_date", day(e.updated_at)},
        {"revision_date", day(c.review_on ? c.review_on : e.updated_at + 365 * 24 * 3600)},
        {"name", e.name()},
        {"organization", e.value("employer")},
        {"department", e.value("department")},
        {"country", c.country},
        {"contact_email", c.contact_email},
        {"description_short", e.value("description").substr(0, 150)},
        {"website", c.base_url + "/register/" + std::to_string(e.id)},
        {"status", to_std(kStatus, e.value("lifecycle"))},
        {"remark", "Recorded by a trade union in Avenir: the workers' side of this system, not the employer's own registration."},
        {"decision_making_process", e.value("decides_what")},
        {"domain", to_std(kDomain, e.value("sector"))},
        {"area", e.value("workplace").empty() ? c.country : e.value("workplace")},
        {"goal", e.value("goal")},
        {"impact", impacts(e)},
        {"risks", c.verdict.empty() ? "Not assessed yet." : "Worker-impact assessment: " + c.verdict},
        {"risk_category", risk_category(e)},
        {"proportionality", ""},
        {"lawful_basis", lawful},
        {"training_data", ""},
        {"source_data", e.value("data_collected")},
        {"data_bias", e.value("impact_discrimination")},
        {"connected_data_sources", e.value("data_inferred")},
        {"DPIA_description", "DPIA: " + e.value("dpia")},
        {"description", e.value("description")},
        {"algorithm_type", to_std(kTechnique, e.value("technique"))},
        {"type", to_std(kUse, e.value("decides"))},
        {"monitoring", ""},
        {"human_intervention", e.value("human_review")},
        {"objection_procedure", e.value("appeal_route")},
        {"rollback", ""},
        {"x_avenir", avenir},
    };
}

Entry from_eurocities(const json& j, std::vector<ImportProblem>& problems) {
    Entry e;
    if (!j.is_object()) {
        problems.push_back({"$", "an entry is a JSON object"});
        return e;
    }
    if (j.value("standard_version", "") != "0.3.1") problems.push_back({"$.standard_version", "must be \"0.3.1\""});
    for (const auto& k : kRequired)
        if (!j.contains(k)) problems.push_back({"$." + k, "is required by the standard"});
        else if (!j[k].is_string()) problems.push_back({"$." + k, "must be a text"});
    auto text = [&](const char* k) { return j.contains(k) && j[k].is_string() ? j[k].get<std::string>() : std::string(); };
    static const std::regex kDate("^\\d{4}-\\d{2}-\\d{2}$");
    for (const char* k : {"publication_date", "last_change_date", "revision_date"})
        if (!text(k).empty() && !std::regex_match(text(k), kDate)) problems.push_back({std::string("$.") + k, "must be a date written YYYY-MM-DD"});
    if (j.contains("x_avenir")) {
        if (!j["x_avenir"].is_object()) problems.push_back({"$.x_avenir", "must be an object of Avenir fields"});
        else
            for (const auto& [k, v] : j["x_avenir"].items()) {
                if (!field(k)) problems.push_back({"$.x_avenir." + k, "is not a field of the register"});
                else if (!v.is_string()) problems.push_back({"$.x_avenir." + k, "must be a text"});
                else e.values[k] = v.get<std::string>();
            }
    } else {
        const auto status = from_std(kStatus, text("status"));
        if (!status) problems.push_back({"$.status", "\"" + text("status") + "\" is not a status of the standard"});
        const auto sector = from_std(kDomain, text("domain"));
        if (j.contains("domain") && !sector) problems.push_back({"$.domain", "\"" + text("domain") + "\" is not a domain of the standard"});
        std::optional<std::string> technique = text("algorithm_type").empty() ? std::optional<std::string>("") : from_std(kTechnique, text("algorithm_type"));
        if (!technique) problems.push_back({"$.algorithm_type", "must be self-learning, rule-based or hybrid"});
        std::optional<std::string> use = text("type").empty() ? std::optional<std::string>("") : from_std(kUse, text("type"));
        if (!use && text("type") != "diagnostic") problems.push_back({"$.type", "must be descriptive, diagnostic, predictive or prescriptive"});
        e.values = {{"name", text("name")},
                    {"lang", text("lang")},
                    {"employer", text("organization")},
                    {"department", text("department")},
                    {"sector", sector.value_or("")},
                    {"lifecycle", status.value_or("planned")},
                    {"description", text("description").empty() ? text("description_short") : text("description")},
                    {"decides_what", text("decision_making_process")},
                    {"goal", text("goal")},
                    {"data_collected", text("source_data")},
                    {"data_inferred", text("connected_data_sources")},
                    {"technique", technique.value_or("")},
                    {"decides", use.value_or("informs")},
                    {"human_review", text("human_intervention")},
                    {"appeal_route", text("objection_procedure")},
                    {"impact_discrimination", text("data_bias")},
                    {"art26_notice", "unknown"}};
    }
    // Every value as the register's own form would check it.
    for (const auto& f : fields()) {
        const std::string v = e.value(f.key);
        const std::string at = j.contains("x_avenir") ? "$.x_avenir." + std::string(f.key) : "$ (" + std::string(f.key) + ")";
        if (f.required && v.empty() && f.key != "art26_notice") problems.push_back({at, "is needed"});
        if (f.kind == Field::Kind::Choice && !v.empty() && std::find(f.choices.begin(), f.choices.end(), v) == f.choices.end())
            problems.push_back({at, "\"" + v + "\" is not one of the choices"});
        if ((f.kind == Field::Kind::Line && v.size() > 200) || v.size() > 4000) problems.push_back({at, "is too long"});
    }
    if (e.value("art26_notice").empty()) e.values["art26_notice"] = "unknown";
    return e;
}

json to_atrs_crosswalk(const Entry& e, const ExportContext& c) {
    return json{
        {"crosswalk", "Avenir register entry mapped to the shape of the UK Algorithmic Transparency Recording Standard (tiers 1 and 2). Approximate: "
                      "a union records the workers' side; fields it cannot know are empty."},
        {"tier_1",
         {{"name", e.name()}, {"description", e.value("description")}, {"website", c.base_url + "/register/" + std::to_string(e.id)},
          {"contact_email", c.contact_email}}},
        {"tier_2",
         {{"owner_and_responsibility",
           {{"organisation", e.value("employer")},
            {"team", e.value("department")},
            {"senior_responsible_owner", e.value("responsible_manager")},
            {"external_supplier", e.value("supplier")},
            {"external_supplier_identifier", ""},
            {"external_supplier_contract", e.value("contract_ref")}}},
          {"description_and_rationale",
           {{"scope", e.value("decides_what")}, {"benefit", e.value("goal")}, {"previous_process", e.value("process_before")}, {"alternatives", ""}}},
          {"decision_making_process",
           {{"process_integration", e.value("decides")}, {"provided_information", e.value("decides_what")}, {"human_decisions", e.value("human_review")},
            {"appeal", e.value("appeal_route")}}},
          {"data", {{"source_data", e.value("data_collected")}, {"data_inferred", e.value("data_inferred")}, {"data_retention", e.value("retention")}}},
          {"impact_assessment", {{"dpia", e.value("dpia")}, {"fundamental_rights", e.value("fria")}, {"workers_assessment", c.verdict}}},
          {"risks", {{"workers_reported_impacts", impacts(e)}, {"ai_act_annex_iii_point", e.value("annex3_point")}, {"ai_act_art_26_7_notice", e.value("art26_notice")}}}}}};
}

}  // namespace avenir::registry
