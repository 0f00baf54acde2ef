#pragma once
// The interface's names of the clause library's fixed vocabularies (msgids, translated by the caller).
#include <string_view>

#include "core/i18n/i18n.hpp"

namespace avenir::bargaining {

inline std::string_view kind_label(std::string_view k) {
    if (k == "agreement") return i18n::noop("Agreement clause");
    if (k == "framework") return i18n::noop("Framework agreement");
    if (k == "law") return i18n::noop("Law extract");
    if (k == "definition") return i18n::noop("Definition");
    return i18n::noop("Union model text");
}

inline std::string_view ladder_label(std::string_view l) {
    if (l == "preferred") return i18n::noop("Preferred");
    if (l == "fallback") return i18n::noop("Fallback");
    if (l == "minimum") return i18n::noop("Minimum acceptable");
    return "";
}

inline std::string_view mechanism_label(std::string_view m) {
    if (m == "information") return i18n::noop("Information");
    if (m == "consultation") return i18n::noop("Consultation");
    if (m == "co-determination") return i18n::noop("Co-determination or veto");
    if (m == "ban") return i18n::noop("Ban");
    if (m == "safeguard") return i18n::noop("Procedural safeguard");
    if (m == "joint-body") return i18n::noop("Joint body");
    if (m == "training-right") return i18n::noop("Training right");
    return i18n::noop("Compensation");
}

inline std::string_view lifecycle_label(std::string_view l) {
    if (l == "procurement") return i18n::noop("Procurement");
    if (l == "before-deployment") return i18n::noop("Before deployment");
    if (l == "in-use") return i18n::noop("In use");
    if (l == "review") return i18n::noop("Review");
    return i18n::noop("Retirement");
}

inline std::string_view sector_label(std::string_view s) {
    if (s == "health") return i18n::noop("Health");
    if (s == "social-services") return i18n::noop("Social services");
    if (s == "local-government") return i18n::noop("Local government");
    if (s == "central-government") return i18n::noop("Central government");
    if (s == "education") return i18n::noop("Education");
    if (s == "tax-revenue") return i18n::noop("Tax and revenue");
    if (s == "justice") return i18n::noop("Justice");
    if (s == "utilities") return i18n::noop("Utilities");
    if (s == "transport") return i18n::noop("Transport");
    return i18n::noop("Employment services");
}

inline std::string_view language_label(std::string_view l) {
    if (l == "fr") return i18n::noop("French");
    if (l == "es") return i18n::noop("Spanish");
    if (l == "ar") return i18n::noop("Arabic");
    return i18n::noop("English");
}

// Blanks' defaults that the interface catalog translates, so that a proposal in French does not
// fall back on "the Employer" (the shipped clauses' defaults are English).
inline constexpr std::string_view kTranslatedDefaults[] = {i18n::noop("the Employer"), i18n::noop("the Union")};

}  // namespace avenir::bargaining
