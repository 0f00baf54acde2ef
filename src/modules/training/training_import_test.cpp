// Video-conference reports into marks: the acceptance case (a bad row, an unmatched name and a
// duplicate reported by line, the good rows kept), and the shapes reports come in.
#include <gtest/gtest.h>

#include "modules/training/training_import.hpp"

namespace avenir::training {
namespace {

const std::vector<Participant> kPeople = {
    {11, "Amina Diallo", "amina@example.org"},
    {12, "José Pérez", "jose@example.org"},
    {13, "Li Wei", ""},
    {14, "Sam Taylor", "sam.t@example.org"},
    {15, "Sam Taylor", "sam.taylor@example.org"},  // same name as 14
    {16, "فاطمة الزهراء", "fatima@example.org"},
};

using Kind = ImportLine::Kind;

// A Zoom "participants" export: a meeting summary, a blank line, then the participants.
const std::string kZoom =
    "Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants\n"
    "812 3456 7890,Digital rights session 2,10/27/2026 10:00:00 AM,10/27/2026 01:00:00 PM,host@example.org,180,7\n"
    "\n"
    "Name (Original Name),User Email,Total Duration (Minutes),Guest\n"
    "Amina Diallo,AMINA@example.org,178,No\n"                      // line 5: present by e-mail
    "jose  pérez (José Pérez),,120,Yes\n"                          // line 6: by name, partial (120 < 144)
    "Li Wei,,70,Yes\n"                                             // line 7: Li Wei, first part
    "Nobody Known,nobody@example.org,180,Yes\n"                    // line 8: unmatched
    "Li Wei,,90,Yes\n"                                             // line 9: duplicate, minutes added (160)
    "Sam Taylor,,180,Yes\n"                                        // line 10: ambiguous (two Sam Taylors)
    "\"Broken, row\",x@example.org,twelve,No\n"                    // line 11: bad duration
    "Short row,1\n"                                                // line 12: bad, too few columns
    "\"فاطمة الزهراء\",,181,No\n";                                  // line 13: by name, capped at 180

TEST(TrainingImport, ReportsEveryProblemByLineAndKeepsTheGoodRows) {
    const CsvTable t = parse_report(kZoom);
    ASSERT_EQ(t.header.size(), 4u);
    EXPECT_EQ(t.header_line, 4u);
    const ImportColumns cols = guess_columns(t.header);
    EXPECT_EQ(cols.name, 0);
    EXPECT_EQ(cols.email, 1);
    EXPECT_EQ(cols.minutes, 2);
    const ImportResult r = match_report(t, cols, kPeople, 180, 80);
    ASSERT_EQ(r.lines.size(), 9u);
    const std::vector<std::pair<std::size_t, Kind>> expected = {{5, Kind::Matched},  {6, Kind::Matched},   {7, Kind::Matched},
                                                                {8, Kind::Unmatched}, {9, Kind::Duplicate}, {10, Kind::Ambiguous},
                                                                {11, Kind::Bad},      {12, Kind::Bad},      {13, Kind::Matched}};
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(r.lines[i].line, expected[i].first) << i;
        EXPECT_EQ(static_cast<int>(r.lines[i].kind), static_cast<int>(expected[i].second)) << "line " << r.lines[i].line;
    }
    EXPECT_EQ(r.lines[3].who, "Nobody Known");
    EXPECT_EQ(r.lines[6].note, "The duration is not a number of minutes.");
    EXPECT_EQ(r.lines[7].note, "The row does not have as many columns as the header.");
    // One mark per matched person: Amina present, José partial 120, Li Wei 70 + 90 = 160 present, Fatima present.
    ASSERT_EQ(r.marks.size(), 4u);
    EXPECT_EQ(r.marks[0].enrolment_id, 11);
    EXPECT_EQ(r.marks[0].mark, Mark::Present);
    EXPECT_EQ(r.marks[1].enrolment_id, 12);
    EXPECT_EQ(r.marks[1].mark, Mark::Partial);
    EXPECT_EQ(r.marks[1].minutes, 120);
    EXPECT_EQ(r.marks[2].enrolment_id, 13);
    EXPECT_EQ(r.marks[2].mark, Mark::Present);
    EXPECT_EQ(r.marks[3].enrolment_id, 16);
    EXPECT_EQ(r.marks[3].mark, Mark::Present);
}

TEST(TrainingImport, TeamsWritesUtf16TabsAndMinutesAsClockTimes) {
    const std::string text = "Full Name\tJoin Time\tLeave Time\tDuration\tEmail\n"
                             "Amina Diallo\t10:00\t12:55\t2:55:10\tamina@example.org\n"
                             "José Pérez\t10:05\t10:50\t45:00\tjose@example.org\n";
    std::string bytes = "\xFF\xFE";  // UTF-16LE with a byte order mark
    std::u16string units;
    for (std::size_t i = 0; i < text.size();) {  // UTF-8 -> UTF-16 (the text has no surrogates)
        const auto c = static_cast<unsigned char>(text[i]);
        char32_t cp = c;
        if (c >= 0xE0) { cp = (c & 0x0F) << 12 | (text[i + 1] & 0x3F) << 6 | (text[i + 2] & 0x3F); i += 3; }
        else if (c >= 0xC0) { cp = (c & 0x1F) << 6 | (text[i + 1] & 0x3F); i += 2; }
        else { i += 1; }
        units.push_back(static_cast<char16_t>(cp));
    }
    for (char16_t u : units) {
        bytes += static_cast<char>(u & 0xFF);
        bytes += static_cast<char>(u >> 8);
    }
    const CsvTable t = parse_report(bytes);
    ASSERT_EQ(t.header.size(), 5u);
    ImportColumns cols = guess_columns(t.header);
    EXPECT_EQ(cols.name, 0);
    EXPECT_EQ(cols.email, 4);
    EXPECT_EQ(cols.minutes, 3);
    const ImportResult r = match_report(t, cols, kPeople, 180, 80);
    ASSERT_EQ(r.marks.size(), 2u);
    EXPECT_EQ(r.marks[0].mark, Mark::Present);  // 175 minutes
    EXPECT_EQ(r.marks[1].mark, Mark::Partial);
    EXPECT_EQ(r.marks[1].minutes, 45);
}

TEST(TrainingImport, SemicolonsBomAndQuotedLineBreaks) {
    const std::string text = "\xEF\xBB\xBFNom;Courriel;Durée (minutes)\r\n"
                             "\"Amina\nDiallo\";amina@example.org;150,5\r\n"
                             "Li Wei;;10\r\n";
    const CsvTable t = parse_report(text);
    ASSERT_EQ(t.header.size(), 3u);
    EXPECT_EQ(t.header[0], "Nom");
    ASSERT_EQ(t.records.size(), 2u);
    EXPECT_EQ(t.records[0].line, 3u);  // the row spanning lines 2 and 3 is reported at its last line
    EXPECT_EQ(t.records[1].line, 4u);
    const ImportResult r = match_report(t, guess_columns(t.header), kPeople, 180, 80);
    ASSERT_EQ(r.marks.size(), 2u);
    EXPECT_EQ(r.marks[0].mark, Mark::Present);  // matched by e-mail: 150 >= 144
    EXPECT_EQ(r.marks[1].mark, Mark::Partial);
}

TEST(TrainingImport, WhatIsNotCsvIsRefusedWithItsLine) {
    EXPECT_THROW(parse_report("just one column\nand another line\n"), std::invalid_argument);
    try {
        parse_report("Name,Email\n\"Amina \"Diallo\",a@example.org\n");
        FAIL() << "a stray quote must be refused";
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("line 2"), std::string::npos) << e.what();
    }
}

}  // namespace
}  // namespace avenir::training
