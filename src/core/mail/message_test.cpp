// RFC 5322 formatting and parsing: headers, encodings, line lengths, header injection.
#include "core/mail/message.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "core/mail/encoding.hpp"

namespace avenir::mail {
namespace {

constexpr std::string_view kFrom = "Notre avenir numérique <noreply@avenir.test>";
constexpr std::string_view kId = "<1.abc@avenir.test>";

std::vector<std::string> raw_lines(const std::string& raw) {
    std::vector<std::string> lines;
    std::size_t pos = 0;
    while (pos < raw.size()) {
        const auto end = raw.find("\r\n", pos);
        EXPECT_NE(end, std::string::npos) << "every line ends with CRLF";
        if (end == std::string::npos) break;
        lines.push_back(raw.substr(pos, end - pos));
        pos = end + 2;
    }
    return lines;
}

void expect_wire_safe(const std::string& raw) {
    for (const auto& line : raw_lines(raw)) EXPECT_LE(line.size(), kMaxLine) << line;
    for (char c : raw) EXPECT_EQ(c & 0x80, 0) << "7-bit only";
    for (std::size_t i = 0; i < raw.size(); ++i)
        if (raw[i] == '\n') {
            ASSERT_TRUE(i > 0 && raw[i - 1] == '\r') << "bare LF at " << i;
        }
}

TEST(MailFormat, WritesEveryHeader) {
    const Message m{"ana@example.org", "Welcome", "Hello Ana,\nyour account is ready.\n", "en"};
    const std::string raw = format_message(m, "Avenir <noreply@avenir.test>", kId);
    expect_wire_safe(raw);
    EXPECT_NE(raw.find("\r\nFrom: Avenir <noreply@avenir.test>\r\n"), std::string::npos);
    EXPECT_NE(raw.find("\r\nTo: ana@example.org\r\n"), std::string::npos);
    EXPECT_NE(raw.find("\r\nSubject: Welcome\r\n"), std::string::npos);
    EXPECT_NE(raw.find("\r\nMessage-ID: <1.abc@avenir.test>\r\n"), std::string::npos);
    EXPECT_NE(raw.find("\r\nMIME-Version: 1.0\r\n"), std::string::npos);
    EXPECT_NE(raw.find("\r\nContent-Type: text/plain; charset=utf-8\r\n"), std::string::npos);
    EXPECT_NE(raw.find("\r\nContent-Transfer-Encoding: quoted-printable\r\n"), std::string::npos);
    EXPECT_NE(raw.find("\r\nContent-Language: en\r\n"), std::string::npos);
    EXPECT_EQ(raw.rfind("Date: ", 0), 0u);
    EXPECT_NE(raw.find(" +0000\r\n"), std::string::npos);

    const ParsedMessage p = parse_message(raw);
    EXPECT_EQ(p.header("to"), "ana@example.org");
    EXPECT_EQ(p.body, m.text);
}

TEST(MailFormat, FrenchSubjectBecomesEncodedWords) {
    const Message m{"lea@example.org", "Vérifiez votre adresse électronique — « Notre avenir numérique »",
                    "Bonjour Léa,\n\nCliquez sur le lien ci-dessous pour vérifier votre adresse.\n", "fr"};
    const std::string raw = format_message(m, kFrom, kId);
    expect_wire_safe(raw);
    EXPECT_NE(raw.find("Subject: =?UTF-8?B?"), std::string::npos);
    EXPECT_NE(raw.find("From: =?UTF-8?B?"), std::string::npos);
    EXPECT_NE(raw.find("Content-Language: fr\r\n"), std::string::npos);
    const ParsedMessage p = parse_message(raw);
    EXPECT_EQ(p.header("Subject"), m.subject);
    EXPECT_EQ(p.header("From"), "Notre avenir numérique <noreply@avenir.test>");
    EXPECT_EQ(p.body, m.text);
}

TEST(MailFormat, NonAsciiBodiesRoundTrip) {
    const std::string texts[] = {
        "Votre inscription à l'atelier « Négociation collective » est confirmée.\nÀ bientôt !\n",
        "مرحبا بكم في برنامج مستقبلنا الرقمي.\nيرجى تأكيد عنوان بريدكم الإلكتروني.\n",
        "Sí, señora: ¿mañana? 🎉 = done\n\tindented line with trailing spaces   \n.\n. leading dot\n",
    };
    for (const auto& text : texts) {
        const std::string raw = format_message({"x@example.org", "s", text, "fr"}, kFrom, kId);
        expect_wire_safe(raw);
        EXPECT_EQ(parse_message(raw).body, text);
    }
}

TEST(MailFormat, MostlyNonLatinTextUsesBase64) {
    const std::string arabic = "مرحبا بكم في برنامج مستقبلنا الرقمي.\n";
    EXPECT_NE(format_message({"x@example.org", "s", arabic, "ar"}, kFrom, kId).find("Transfer-Encoding: base64"),
              std::string::npos);
    EXPECT_NE(format_message({"x@example.org", "s", "Votre inscription à l'atelier est confirmée.\n", "fr"}, kFrom, kId).find("quoted-printable"),
              std::string::npos);
}

TEST(MailFormat, LongLinesAreWrappedAndRestored) {
    const std::string link = "https://avenir.example.org/fr/accounts/verify?token=" + std::string(300, 'a');
    const std::string french = "Nous avons reçu une demande de création de compte pour cette adresse électronique ; "
                               "si ce n'était pas vous, ignorez ce message, rien ne sera créé. ";
    const std::string text = link + "\n" + french + french + french + "\n";
    const std::string raw = format_message({"x@example.org", "Lien", text, "fr"}, kFrom, kId);
    expect_wire_safe(raw);
    EXPECT_EQ(parse_message(raw).body, text);

    // base64 body, long non-ASCII subject.
    const std::string arabic = "صباح الخير، " + std::string(200, 'x') + "\n" + "مرحبا بكم في برنامج مستقبلنا الرقمي\n";
    const std::string subject = "Atelier sur la négociation : " + french;
    const std::string raw2 = format_message({"x@example.org", subject, arabic, "ar"}, kFrom, kId);
    expect_wire_safe(raw2);
    EXPECT_EQ(parse_message(raw2).header("Subject"), subject);
    EXPECT_EQ(parse_message(raw2).body, arabic);

    // Long ASCII subject: folded at spaces, unfolded on reading.
    const std::string ascii = "Your registration for the workshop on collective bargaining in the digital "
                              "economy is confirmed for next week";
    const std::string raw3 = format_message({"x@example.org", ascii, "t\n"}, kFrom, kId);
    expect_wire_safe(raw3);
    EXPECT_EQ(parse_message(raw3).header("Subject"), ascii);
}

TEST(MailFormat, RejectsHeaderInjectionWithoutQuotingTheValue) {
    const Message good{"ana@example.org", "Hello", "body"};
    auto expect_rejected = [](const Message& m, std::string_view from, std::string_view id) {
        try {
            format_message(m, from, id);
            ADD_FAILURE() << "accepted";
        } catch (const std::invalid_argument& e) {
            EXPECT_EQ(std::string(e.what()).find("evil"), std::string::npos) << e.what();
        }
    };
    Message m = good;
    m.to = "ana@example.org\r\nBcc: evil@example.org";
    expect_rejected(m, kFrom, kId);
    m = good;
    m.subject = "Hello\nBcc: evil@example.org";
    expect_rejected(m, kFrom, kId);
    m = good;
    m.subject = "Hello\revil";
    expect_rejected(m, kFrom, kId);
    m = good;
    m.lang = "fr\r\nX-evil: 1";
    expect_rejected(m, kFrom, kId);
    expect_rejected(good, "Avenir <noreply@avenir.test>\r\nBcc: evil@example.org", kId);
    expect_rejected(good, kFrom, "<1@avenir.test>\r\nBcc: evil@example.org");
    // Not one plain address: a second recipient, a display name, a comment.
    for (const char* to : {"a@example.org, evil@example.org", "Ana <evil@example.org>", "evil(x)@example.org",
                           "no-at-sign", "évil@example.org", ""}) {
        m = good;
        m.to = to;
        expect_rejected(m, kFrom, kId);
        EXPECT_THROW(validate_message(m), std::invalid_argument) << to;
    }
    EXPECT_NO_THROW(validate_message(good));
}

TEST(MailParse, ReadsFoldedHeadersAndForeignEncodings) {
    const std::string raw =
        "Subject: =?utf-8?q?Caf=C3=A9_cr=C3=A8me?=\r\n =?ISO-8859-1?Q?_=E0_emporter?=\r\n"
        "To: a@example.org\r\nContent-Transfer-Encoding: 7bit\r\n\r\nline one\r\nline two\r\n";
    const ParsedMessage p = parse_message(raw);
    EXPECT_EQ(p.header("subject"), "Café crème à emporter");
    EXPECT_EQ(p.header("TO"), "a@example.org");
    EXPECT_EQ(p.header("X-Missing"), "");
    EXPECT_EQ(p.body, "line one\nline two\n");
}

TEST(MailParse, EncodingsRoundTrip) {
    for (std::string s : {"", "f", "fo", "foo", "foob", "fooba", "foobar"})
        EXPECT_EQ(base64_decode(base64_encode(s)), s);
    EXPECT_EQ(base64_encode("foobar"), "Zm9vYmFy");
    EXPECT_EQ(qp_encode("a=b \n"), "a=3Db=20\r\n");
    EXPECT_EQ(qp_decode("a=3Db=20\r\nsoft=\r\nbreak\r\n"), "a=b \nsoftbreak\n");
    EXPECT_EQ(redact("failed for Ana@Example.org twice: ana@example.org", "ana@example.org"),
              "failed for [recipient] twice: [recipient]");
}

}  // namespace
}  // namespace avenir::mail
