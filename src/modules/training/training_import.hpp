#pragma once
// Reading a video-conference attendance report (CSV from Zoom, Teams, Jitsi, BigBlueButton...)
// into marks for one session. Parsing is libcsv's (RFC 4180: quotes, doubled quotes, line breaks
// inside quotes); this file adds what the reports need: the encoding (UTF-8, with or without a
// byte order mark, or UTF-16 with one, as Teams writes), the separator (comma, semicolon or tab,
// whichever splits the header best), a summary block before the participants' header (Zoom), the
// columns chosen by the person importing, and matching rows to the session's participants.
//
// Decisions:
// - A row is matched by e-mail address first (without case), else by name (without case, accents
//   kept, spaces collapsed; with a trailing "(...)", as Zoom writes "Shown name (Original Name)",
//   the name before it, then the one inside it, are tried too). Two
//   participants with that name make the row ambiguous; none makes it unmatched.
// - A person on several rows (left and joined again) gets the sum of their minutes, capped at
//   the session's length; each later row is reported as a duplicate, by line, and kept.
// - With a minutes column: minutes * 100 >= threshold * session minutes is "present", fewer is
//   "partial" with the minutes. Without one, a listed person is "present".
// - Line numbers are those of the file as the person sees it (1 = first line); a row spanning
//   lines (a quoted line break) is reported at its last line.
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "modules/training/training_completion.hpp"

namespace avenir::training {

struct CsvTable {
    std::vector<std::string> header;
    std::size_t header_line = 0;
    struct Record {
        std::size_t line = 0;
        std::vector<std::string> fields;
    };
    std::vector<Record> records;
};

// What makes a file unreadable as a report, with the line where it shows.
struct ReportError : std::invalid_argument {
    ReportError(std::size_t at, const std::string& what) : std::invalid_argument(what), line(at) {}
    std::size_t line;  // 0 when no line is to blame (no header)
};

// The report as a table: the header is the first row of the largest block of rows (blocks are
// separated by blank lines, so a summary block above the participants is skipped). Throws
// ReportError naming the line when the file is not CSV.
CsvTable parse_report(const std::string& bytes);

struct ImportColumns {
    int email = -1, name = -1, minutes = -1;  // indexes into the header; -1 = none
};
// A guess from the header's words ("Email", "User Email", "Name (Original Name)", "Duration
// (Minutes)", "Durée", "Correo"...), for the form's first choice.
ImportColumns guess_columns(const std::vector<std::string>& header);

struct Participant {
    std::int64_t enrolment_id = 0;
    std::string name, email;
};

struct ImportLine {
    enum class Kind { Matched, Duplicate, Unmatched, Ambiguous, Bad };
    std::size_t line = 0;
    Kind kind = Kind::Matched;
    std::string who;   // the name or address on the row
    std::string note;  // for Bad: what is wrong (an English msgid)
    std::int64_t enrolment_id = 0;
};

struct ImportResult {
    std::vector<ImportLine> lines;  // every data row, in file order
    struct Mark_ {
        std::int64_t enrolment_id = 0;
        Mark mark = Mark::Present;
        int minutes = 0;
    };
    std::vector<Mark_> marks;  // one per matched participant
};

ImportResult match_report(const CsvTable& table, const ImportColumns& columns, const std::vector<Participant>& participants,
                          int session_minutes, int threshold_percent);

}  // namespace avenir::training
