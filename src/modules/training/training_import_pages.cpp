// Importing a video-conference attendance report for a session, in three steps without
// JavaScript: upload (or paste), choose the columns and see every row's fate by line, then import
// the matched rows in one transaction. The report travels in the form between steps; nothing is
// stored until the last one.
#include <algorithm>
#include <charconv>

#include "core/auth/principal.hpp"
#include "core/clock.hpp"
#include "core/errors.hpp"
#include "core/i18n/message.hpp"
#include "core/view/layout.hpp"
#include "modules/training/training_import.hpp"
#include "modules/training/training_module.hpp"
#include "modules/training/training_rules.hpp"
#include "modules/training/training_views.hpp"

namespace avenir::training {

using nlohmann::json;

namespace {

int column(const std::string& text) {
    int v = -1;
    if (std::from_chars(text.data(), text.data() + text.size(), v).ptr != text.data() + text.size()) return -1;
    return v;
}

}  // namespace

http::Response TrainingModule::import_form(http::Request& req) { return import_page(req); }
http::Response TrainingModule::import_report(http::Request& req) { return import_page(req); }

http::Response TrainingModule::import_page(http::Request& req) {
    const auto [s, cycle] = facilitated_session(req);
    const Cycle* c = &cycle;
    TrainingStore st = store();
    const auth::Principal& who = auth::require_principal(req);
    const ViewEnv env{req, *ctx_, who.time_zone};
    const std::string base = "/training/sessions/" + std::to_string(s.id);
    json d{{"csrf", ctx_->access.csrf(req)},
           {"action", env.href(base + "/import")},
           {"roster_href", env.href(base + "/roster")},
           {"cycle_title", c->title},
           {"session", session_view(env, *c, s)},
           {"upload", true}};
    const std::string title = env.tr("Import a video-conference report");
    if (req.method == http::Method::Get) return ctx_->layout.page(req, "training/import", std::move(d), title);

    const auto& form = req.form();
    const http::UploadedFile* file = form.file("report");
    const std::string text = file && file->size() > 0 ? file->read() : form.get("report_text");
    auto refuse = [&](const std::string& message) {
        d["error"] = message;
        return ctx_->layout.page(req, "training/import", std::move(d), title, 422);
    };
    if (text.empty()) return refuse(env.tr("Choose the report file (CSV) or paste its text."));
    CsvTable table;
    try {
        table = parse_report(text);
    } catch (const ReportError& e) {
        if (e.line == 0) return refuse(env.tr("No header row was found: the report needs a first row naming at least two columns."));
        return refuse(i18n::message(ctx_->catalog, req.lang, "The report is not a readable CSV table near line {1} (a quote may be missing). Export it again as CSV and retry.",
                                    std::to_string(e.line)));
    }
    const std::string step = form.get("step");
    ImportColumns cols = guess_columns(table.header);
    if (step == "preview" || step == "confirm") {
        cols = {column(form.get("email_column")), column(form.get("name_column")), column(form.get("minutes_column"))};
        const int n = static_cast<int>(table.header.size());
        if (cols.email >= n || cols.name >= n || cols.minutes >= n || cols.email < -1 || cols.name < -1 || cols.minutes < -1)
            return refuse(env.tr("Choose the columns among those of the report."));
    }
    // The session's participants, with their names and addresses for matching.
    const auto enrolments = st.enrolments(c->id);
    std::vector<std::int64_t> ids;
    for (const auto& e : enrolments)
        if (e.state == "enrolled" && e.user_id) ids.push_back(*e.user_id);
    std::vector<Participant> participants;
    const auto people = directory().people(ids);
    for (const auto& e : enrolments) {
        if (e.state != "enrolled" || !e.user_id) continue;
        const auto p = std::find_if(people.begin(), people.end(), [&](const kit::PersonCard& x) { return x.id == *e.user_id; });
        if (p != people.end()) participants.push_back({e.id, p->name, p->email});
    }
    if (cols.email < 0 && cols.name < 0) return refuse(env.tr("Choose the column with the e-mail addresses or the one with the names."));
    const ImportResult result = match_report(table, cols, participants, s.minutes, c->threshold_percent);

    if (step == "confirm") {
        const std::int64_t now = clock::unix_seconds();
        std::vector<AttendanceMark> marks;
        for (const auto& m : result.marks) marks.push_back({s.id, m.enrolment_id, m.mark, m.minutes, "import", who.user_id, now});
        ctx_->db.with_tx([&](storage::Transaction& tx) {
            TrainingStore(tx).record(marks);
            ctx_->audit.record(tx, {"training_attendance_imported", who.user_id, std::nullopt,
                                    std::to_string(s.id) + ":" + std::to_string(marks.size())});
        });
        return http::Response::redirect(env.href(base + "/roster?saved=1"));
    }

    auto options = [&](int chosen) {
        json out = json::array();
        out.push_back({{"value", "-1"}, {"label", env.tr("(none)")}, {"selected", chosen < 0}});
        for (std::size_t i = 0; i < table.header.size(); ++i)
            out.push_back({{"value", std::to_string(i)}, {"label", table.header[i]}, {"selected", static_cast<int>(i) == chosen}});
        return out;
    };
    json lines = json::array();
    int problems = 0;
    for (const auto& l : result.lines) {
        std::string what;
        switch (l.kind) {
            case ImportLine::Kind::Matched: what = env.tr("matched"); break;
            case ImportLine::Kind::Duplicate: what = env.tr("appears again: the minutes are added to the person's earlier row"); break;
            case ImportLine::Kind::Unmatched: what = env.tr("no participant of this cycle has this name or address"); break;
            case ImportLine::Kind::Ambiguous: what = env.tr("several participants have this name: add the e-mail column or mark this person on the roster"); break;
            case ImportLine::Kind::Bad: what = env.tr(l.note); break;
        }
        const bool problem = l.kind == ImportLine::Kind::Unmatched || l.kind == ImportLine::Kind::Ambiguous || l.kind == ImportLine::Kind::Bad;
        problems += problem;
        lines.push_back({{"line", l.line}, {"who", l.who}, {"what", what}, {"problem", problem}});
    }
    d["upload"] = false;
    d["report_text"] = text;
    d["email_columns"] = options(cols.email);
    d["name_columns"] = options(cols.name);
    d["minutes_columns"] = options(cols.minutes);
    d["lines"] = lines;
    d["problems"] = problems;
    d["matched"] = result.marks.size();
    d["can_import"] = !result.marks.empty();
    return ctx_->layout.page(req, "training/import", std::move(d), title);
}

}  // namespace avenir::training
