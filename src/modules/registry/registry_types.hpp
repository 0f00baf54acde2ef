#pragma once
// What the register keeps: entries about workplace algorithmic systems, one union's each, with
// evidence from both sides on every field, a change log, and assessments.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace avenir::registry {

// The fields of an entry, in the order of the form: the one table the form, its checks, the
// evidence, the page and the exports are made from.
struct Field {
    std::string_view key, section;
    std::string_view label, hint;  // msgids
    enum class Kind { Line, Text, Date, Number, Choice } kind = Kind::Line;
    std::vector<std::string_view> choices = {};  // Kind::Choice: the values ("" allowed when listed)
    bool required = false;
    bool column = false;  // kept in its own column (filtered, flagged, pooled); else in `details`
};
const std::vector<Field>& fields();
const Field* field(std::string_view key);
// The sections, in order: identity (with the stage), where, accountability, purpose, technical, legal,
// workers, impacts.
const std::vector<std::string_view>& sections();

// Who may read an entry besides its union's representatives (who always may):
//   reps     nobody else
//   members  the union's members
//   dro      and the Digital Rights Organisers of the union's region
//   public   everyone, anonymised (no workplace, no names of people, no evidence supplier)
inline constexpr std::string_view kTiers[] = {"reps", "members", "dro", "public"};
int tier_rank(std::string_view tier);  // 0..3; -1 when not a tier

struct Entry {
    std::int64_t id = 0;
    std::int64_t union_id = 0;
    std::string region;  // the union's region when the entry was made (the DRO tier)
    std::string tier = "reps";
    bool example = false;  // an illustrative entry shipped for the demo
    int version = 1;
    std::map<std::string, std::string> values;  // field key -> value ("" = not known)
    std::int64_t created_at = 0, updated_at = 0;
    int latest_level = 0;  // of its latest assessment (0: none yet); read, never written
    std::string value(std::string_view key) const;
    std::string name() const { return value("name"); }
    // What the AI Act fields of the entry say (the hard flags are worked out from them).
    int annex3_point() const;
};

struct Evidence {
    std::int64_t id = 0, entry_id = 0;
    std::string field;       // a field key
    std::string side;        // "employer" (what the employer says) or "workers" (what workers report)
    std::string text, source, date;  // date YYYY-MM-DD ("" unknown)
    std::string confidence;  // "low", "medium", "high"
    std::optional<std::int64_t> supplied_by;  // shown to the union's representatives only
    std::int64_t created_at = 0;
};

struct Change {
    std::int64_t at = 0;
    std::optional<std::int64_t> by;
    std::string what;  // "lifecycle:pilot>in-use", "fields:goal,retention", "created", "tier:reps>members"
};

struct Assessment {
    std::int64_t id = 0, entry_id = 0;
    std::string questionnaire;  // slug
    int questionnaire_version = 1;
    std::map<std::string, std::vector<std::string>> answers;
    std::map<std::string, std::vector<std::int64_t>> evidence;  // mitigation question -> evidence ids
    int raw = 0, max_raw = 0, mitigation = 0, max_mitigation = 0;
    double current = 0, percent = 0;
    int level = 1;
    std::string verdict;  // "level-2", "high-risk", "red", "prohibited"
    std::vector<std::string> flags;
    std::map<std::string, double> dimensions;
    std::optional<std::int64_t> by;
    std::int64_t at = 0;
};

// A request or demand to the employer about an entry, tracked until it is answered.
struct Request {
    std::int64_t id = 0, entry_id = 0;
    std::string kind = "information-request";  // or "demand"
    std::string title, status = "draft";        // draft, sent, answered, closed
    std::string sent_on, deadline, review_on;   // YYYY-MM-DD ("" none)
    std::string answer;                         // the employer's answer, as the union records it
    std::optional<std::int64_t> created_by;
    std::int64_t created_at = 0, updated_at = 0;
};

// A reminder due: the request, its entry's name, and whom to tell.
struct DueReminder {
    Request request;
    std::string entry_name;
    std::string what;  // "deadline" or "review"
};

}  // namespace avenir::registry
