#include "modules/training/training_completion.hpp"

namespace avenir::training {

bool counts_as_attended(Mark mark, int minutes_attended, int session_minutes, int threshold_percent) {
    switch (mark) {
        case Mark::Present:
        case Mark::Late: return true;
        case Mark::Partial:
            return minutes_attended > 0 &&
                   static_cast<std::int64_t>(minutes_attended) * 100 >= static_cast<std::int64_t>(threshold_percent) * session_minutes;
        default: return false;
    }
}

Completion evaluate(const std::vector<SessionFacts>& sessions, const CycleRule& rule, std::int64_t enrolled_at, std::int64_t now) {
    Completion c;
    for (const auto& s : sessions) {
        SessionOutcome o;
        if (s.cancelled) {
            o = SessionOutcome::Cancelled;
        } else {
            ++c.required;
            const bool ended = s.ends_at() <= now;
            const bool attended = counts_as_attended(s.mark, s.minutes_attended, s.minutes, rule.threshold_percent);
            if (attended) {
                o = SessionOutcome::Attended;
            } else if (rule.make_ups_allowed && s.make_up == MakeUp::Approved) {
                o = SessionOutcome::MadeUp;
            } else if (!ended) {
                o = SessionOutcome::Upcoming;  // an absence typed in early only counts once the session is over
            } else if (s.mark != Mark::None || s.ends_at() <= enrolled_at) {
                o = SessionOutcome::Missed;
            } else {
                o = SessionOutcome::Unrecorded;
            }
            switch (o) {
                case SessionOutcome::Attended: ++c.attended; break;
                case SessionOutcome::MadeUp: ++c.made_up; break;
                case SessionOutcome::Missed: ++c.missed; break;
                case SessionOutcome::Unrecorded: ++c.unrecorded; break;
                default: break;
            }
        }
        c.sessions.push_back(o);
    }
    if (c.missed > 0) c.standing = rule.make_ups_allowed ? Standing::AtRisk : Standing::CannotComplete;
    else if (c.required > 0 && c.attended + c.made_up == c.required) c.standing = Standing::Complete;
    else c.standing = Standing::OnTrack;
    return c;
}

std::string_view to_string(Mark m) {
    switch (m) {
        case Mark::Present: return "present";
        case Mark::Late: return "late";
        case Mark::Partial: return "partial";
        case Mark::Excused: return "excused";
        case Mark::Absent: return "absent";
        case Mark::None: break;
    }
    return "";
}

std::optional<Mark> mark_from(std::string_view s) {
    for (Mark m : {Mark::Present, Mark::Late, Mark::Partial, Mark::Excused, Mark::Absent})
        if (to_string(m) == s) return m;
    return std::nullopt;
}

std::string_view to_string(MakeUp m) {
    switch (m) {
        case MakeUp::Submitted: return "submitted";
        case MakeUp::Approved: return "approved";
        case MakeUp::Declined: return "declined";
        case MakeUp::None: break;
    }
    return "";
}

MakeUp make_up_from(std::string_view s) {
    for (MakeUp m : {MakeUp::Submitted, MakeUp::Approved, MakeUp::Declined})
        if (to_string(m) == s) return m;
    return MakeUp::None;
}

std::string_view to_string(Standing s) {
    switch (s) {
        case Standing::OnTrack: return "on_track";
        case Standing::AtRisk: return "at_risk";
        case Standing::CannotComplete: return "cannot_complete";
        case Standing::Complete: return "complete";
    }
    return "";
}

}  // namespace avenir::training
