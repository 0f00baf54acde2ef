#pragma once
// The interface's names of the register's fixed vocabularies (msgids, translated by the caller).
#include <string_view>

#include "core/i18n/i18n.hpp"

namespace avenir::registry {

inline std::string_view section_label(std::string_view s) {
    if (s == "identity") return i18n::noop("The system");
    if (s == "where") return i18n::noop("Where it is used");
    if (s == "accountability") return i18n::noop("Accountability");
    if (s == "purpose") return i18n::noop("Purpose and process");
    if (s == "technical") return i18n::noop("How it works and the data it uses");
    if (s == "legal") return i18n::noop("Legal position");
    if (s == "workers") return i18n::noop("Workers affected");
    return i18n::noop("Effects on work");
}

inline std::string_view tier_label(std::string_view t) {
    if (t == "members") return i18n::noop("Shared with the union's members");
    if (t == "dro") return i18n::noop("Shared with the region's Digital Rights Organisers");
    if (t == "public") return i18n::noop("Public, anonymised");
    return i18n::noop("Private to the union's representatives");
}

inline std::string_view side_label(std::string_view s) {
    return s == "employer" ? i18n::noop("What the employer says") : i18n::noop("What workers report");
}

inline std::string_view confidence_label(std::string_view c) {
    if (c == "high") return i18n::noop("High confidence");
    if (c == "medium") return i18n::noop("Medium confidence");
    return i18n::noop("Low confidence");
}

inline std::string_view verdict_label(std::string_view v) {
    if (v == "prohibited") return i18n::noop("Prohibited practice (AI Act Art. 5)");
    if (v == "red") return i18n::noop("Red: high-risk without notice to workers' representatives");
    if (v == "high-risk") return i18n::noop("High-risk (AI Act Annex III)");
    if (v == "level-1") return i18n::noop("Level I: little impact");
    if (v == "level-2") return i18n::noop("Level II: moderate impact");
    if (v == "level-3") return i18n::noop("Level III: high impact");
    if (v == "level-4") return i18n::noop("Level IV: very high impact");
    return i18n::noop("Not assessed yet");
}

inline std::string_view request_status_label(std::string_view s) {
    if (s == "sent") return i18n::noop("Sent, awaiting an answer");
    if (s == "answered") return i18n::noop("Answered");
    if (s == "closed") return i18n::noop("Closed");
    return i18n::noop("Draft");
}

inline std::string_view dimension_label(std::string_view d) {
    if (d == "surveillance") return i18n::noop("Surveillance");
    if (d == "consequences") return i18n::noop("Consequences for workers");
    if (d == "reversibility") return i18n::noop("Reversibility");
    if (d == "autonomy") return i18n::noop("Autonomy");
    if (d == "workload") return i18n::noop("Workload");
    if (d == "job-security") return i18n::noop("Job security");
    if (d == "data-sensitivity") return i18n::noop("Data sensitivity");
    if (d == "opacity") return i18n::noop("Opacity");
    return d;
}

// A choice of a field, for people ("in-use" -> "In use"); "" for an empty choice.
inline std::string_view choice_label(std::string_view field, std::string_view v) {
    if (v.empty()) return i18n::noop("Not known");
    if (field == "lifecycle") {
        if (v == "planned") return i18n::noop("Planned");
        if (v == "procurement") return i18n::noop("Being procured");
        if (v == "pilot") return i18n::noop("Pilot");
        if (v == "in-use") return i18n::noop("In use");
        return i18n::noop("Retired");
    }
    if (field == "lang") {
        if (v == "fr") return i18n::noop("French");
        if (v == "es") return i18n::noop("Spanish");
        if (v == "ar") return i18n::noop("Arabic");
        return i18n::noop("English");
    }
    if (field == "technique") {
        if (v == "rule-based") return i18n::noop("Rules written by people");
        if (v == "learning") return i18n::noop("Learns from data (machine learning)");
        return i18n::noop("Both");
    }
    if (field == "decides") {
        if (v == "decides") return i18n::noop("Takes decisions about workers");
        if (v == "recommends") return i18n::noop("Recommends decisions about workers");
        return i18n::noop("Informs work without recommending decisions");
    }
    if (field == "art26_notice") {
        if (v == "received") return i18n::noop("Received");
        if (v == "not-received") return i18n::noop("Not received");
        return i18n::noop("Not known");
    }
    if (field == "dpia" || field == "fria") {
        if (v == "done") return i18n::noop("Done");
        if (v == "not-done") return i18n::noop("Not done");
        if (v == "not-required") return i18n::noop("Not required");
        return i18n::noop("Not known");
    }
    if (field == "sector") {
        if (v == "health") return i18n::noop("Health");
        if (v == "social-services") return i18n::noop("Social services");
        if (v == "local-government") return i18n::noop("Local government");
        if (v == "central-government") return i18n::noop("Central government");
        if (v == "education") return i18n::noop("Education");
        if (v == "tax-revenue") return i18n::noop("Tax and revenue");
        if (v == "justice") return i18n::noop("Justice");
        if (v == "utilities") return i18n::noop("Utilities");
        if (v == "transport") return i18n::noop("Transport");
        return i18n::noop("Employment services");
    }
    return v;  // Annex III points and Art. 5 letters are shown as they are
}

}  // namespace avenir::registry
