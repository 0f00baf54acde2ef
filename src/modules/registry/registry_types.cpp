#include "modules/registry/registry_types.hpp"

#include <algorithm>

#include "core/i18n/i18n.hpp"

namespace avenir::registry {

const std::vector<Field>& fields() {
    using K = Field::Kind;
    static const std::vector<Field> kFields = {
        // identity
        {"name", "identity", i18n::noop("Name of the system"), i18n::noop("As the employer or workers call it."), K::Line, {}, true, true},
        {"description", "identity", i18n::noop("What it is"), i18n::noop("A few sentences a colleague would understand."), K::Text},
        {"lang", "identity", i18n::noop("Language of this entry"), "", K::Choice, {"en", "fr", "es", "ar"}, true, true},
        {"started_on", "identity", i18n::noop("In place since"), "", K::Date},
        {"ended_on", "identity", i18n::noop("Retired on"), "", K::Date},
        // where
        {"employer", "where", i18n::noop("Employer"), "", K::Line, {}, true, true},
        {"department", "where", i18n::noop("Department or service"), "", K::Line},
        {"workplace", "where", i18n::noop("Workplace"), i18n::noop("Hidden from readers outside the union when the entry is public."), K::Line},
        {"sector", "where", i18n::noop("Sector"), "", K::Choice,
         {"", "health", "social-services", "local-government", "central-government", "education", "tax-revenue", "justice", "utilities",
          "transport", "employment-services"},
         false, true},
        // lifecycle
        {"lifecycle", "identity", i18n::noop("Stage"), i18n::noop("Each change is kept in the entry's history."), K::Choice, {"planned", "procurement", "pilot", "in-use", "retired"}, true, true},
        // accountability
        {"responsible_manager", "accountability", i18n::noop("Responsible manager"), i18n::noop("A role rather than a person's name where possible."), K::Line},
        {"supplier", "accountability", i18n::noop("Supplier"), "", K::Line, {}, false, true},
        {"product", "accountability", i18n::noop("Product"), i18n::noop("The supplier's name for it: entries about the same product are pooled."), K::Line, {}, false, true},
        {"contract_ref", "accountability", i18n::noop("Contract reference"), "", K::Line},
        // purpose and process
        {"goal", "purpose", i18n::noop("What it is for"), "", K::Text},
        {"process_before", "purpose", i18n::noop("How the work was done before"), "", K::Text},
        {"human_review", "purpose", i18n::noop("Human review of its outputs"), "", K::Text},
        {"appeal_route", "purpose", i18n::noop("How a worker can challenge its outputs"), "", K::Text},
        // technical
        {"technique", "technical", i18n::noop("How it works"), "", K::Choice, {"", "rule-based", "learning", "mixed"}},
        {"decides", "technical", i18n::noop("What it does with people"), "", K::Choice, {"", "decides", "recommends", "informs"}},
        {"decides_what", "technical", i18n::noop("What it decides or recommends"), "", K::Text},
        {"data_collected", "technical", i18n::noop("Data collected about workers"), "", K::Text},
        {"data_inferred", "technical", i18n::noop("Data inferred about workers"), i18n::noop("Scores, profiles, predictions made from other data."), K::Text},
        {"retention", "technical", i18n::noop("How long data is kept"), "", K::Line},
        {"deletion_on_leave", "technical", i18n::noop("What happens to a worker's data when they leave"), "", K::Text},
        // legal (EU AI Act, GDPR)
        {"annex3_point", "legal", i18n::noop("AI Act Annex III point"), i18n::noop("4 is employment and workers management; 5 access to essential public services."), K::Choice, {"", "1", "2", "3", "4", "5", "6", "7", "8"}, false, true},
        {"art5_practice", "legal", i18n::noop("AI Act Art. 5(1) prohibited practice"), i18n::noop("For example (f): emotion recognition at the workplace."), K::Choice, {"", "a", "b", "c", "d", "e", "f", "g", "h"}, false, true},
        {"art26_notice", "legal", i18n::noop("Art. 26(7) notice to workers' representatives"), "", K::Choice, {"unknown", "received", "not-received"}, true, true},
        {"art26_notice_date", "legal", i18n::noop("Date of the notice"), "", K::Date},
        {"art26_adequacy", "legal", i18n::noop("Was the notice adequate?"), "", K::Text},
        {"dpia", "legal", i18n::noop("Data protection impact assessment (GDPR Art. 35)"), "", K::Choice, {"unknown", "done", "not-done"}},
        {"fria", "legal", i18n::noop("Fundamental-rights impact assessment (AI Act Art. 27)"), "", K::Choice, {"unknown", "done", "not-done", "not-required"}},
        // workers affected
        {"job_groups", "workers", i18n::noop("Job groups affected"), "", K::Text},
        {"headcount", "workers", i18n::noop("Number of workers affected"), "", K::Number},
        // work-specific impacts
        {"impact_surveillance", "impacts", i18n::noop("Surveillance"), "", K::Text},
        {"impact_workload", "impacts", i18n::noop("Workload and intensification"), "", K::Text},
        {"impact_autonomy", "impacts", i18n::noop("Autonomy and discretion"), "", K::Text},
        {"impact_deskilling", "impacts", i18n::noop("Deskilling"), "", K::Text},
        {"impact_job_security", "impacts", i18n::noop("Job security"), "", K::Text},
        {"impact_health_safety", "impacts", i18n::noop("Health and safety"), "", K::Text},
        {"impact_discrimination", "impacts", i18n::noop("Discrimination"), "", K::Text},
    };
    return kFields;
}

const Field* field(std::string_view key) {
    for (const auto& f : fields())
        if (f.key == key) return &f;
    return nullptr;
}

const std::vector<std::string_view>& sections() {
    static const std::vector<std::string_view> kSections = {"identity", "where", "accountability", "purpose",
                                                            "technical", "legal", "workers",   "impacts"};
    return kSections;
}

int tier_rank(std::string_view tier) {
    for (int i = 0; i < 4; ++i)
        if (kTiers[i] == tier) return i;
    return -1;
}

std::string Entry::value(std::string_view key) const {
    const auto it = values.find(std::string(key));
    return it == values.end() ? std::string() : it->second;
}

int Entry::annex3_point() const {
    const std::string p = value("annex3_point");
    return p.size() == 1 && p[0] >= '1' && p[0] <= '8' ? p[0] - '0' : 0;
}

}  // namespace avenir::registry
