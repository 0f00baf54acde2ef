// Documents made by pandoc read back from their archives: the title page, the numbered headings
// and paragraphs in order, and the direction (right to left for Arabic in both formats).
#include "core/documents/document.hpp"
#include "core/documents/document_test_support.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace avenir::documents {
namespace {

using testing::text_of;

// member(archive, name): one part of the package.
std::string member(const std::string& archive, const char* name) {
    const std::string out = testing::zip_member(archive, name);
    if (out.empty() && archive.substr(0, 2) != "PK") throw std::runtime_error("not a ZIP archive");
    return out;
}

Document sample(const std::string& lang) {
    Document d;
    d.lang = lang;
    d.title = "Proposal on monitoring";
    d.subtitle = "Union A";
    d.date = "5 December 2026";
    d.note = "Draft for negotiation, version 2.";
    d.articles.push_back({"Article 1. Notice", {"The Employer shall inform the Union 60 days before.", "Second paragraph."}});
    d.articles.push_back({"Article 2. Review", {"Every 12 months."}});
    return d;
}

TEST(Documents, DocxHasTheTitlePageThenNumberedArticlesInOrder) {
    const std::string docx = render(sample("en"), Format::Docx);
    ASSERT_EQ(docx.substr(0, 2), "PK");
    const std::string raw = member(docx, "word/document.xml");
    const std::string xml = text_of(raw);
    const auto title = xml.find("Proposal on monitoring"), brk = xml.find("[PAGE]"), first = xml.find("Article 1. Notice"),
               para = xml.find("60 days before"), second = xml.find("Article 2. Review");
    ASSERT_NE(title, std::string::npos);
    ASSERT_NE(brk, std::string::npos);
    ASSERT_NE(second, std::string::npos);
    EXPECT_LT(title, brk);
    EXPECT_LT(brk, first);
    EXPECT_LT(first, para);
    EXPECT_LT(para, second);
    EXPECT_NE(raw.find("Heading1"), std::string::npos);
    EXPECT_EQ(raw.find("w:bidi"), std::string::npos);
}

TEST(Documents, OdtHasTheArticlesAndAPageBreakStyle) {
    const std::string odt = render(sample("fr"), Format::Odt);
    EXPECT_EQ(member(odt, "mimetype"), "application/vnd.oasis.opendocument.text");
    const std::string raw = member(odt, "content.xml");
    const std::string content = text_of(raw);
    EXPECT_LT(content.find("Draft for negotiation"), content.find("Article 1. Notice"));
    EXPECT_LT(content.find("Article 1. Notice"), content.find("Article 2. Review"));
    EXPECT_NE(raw.find("Pagebreak"), std::string::npos);
    const std::string styles = member(odt, "styles.xml");
    EXPECT_NE(styles.find("style:name=\"Pagebreak\""), std::string::npos);
    // Each namespace declared once, with its standard name (pandoc's own file declares some twice).
    for (const char* ns : {"xmlns:draw=", "xmlns:fo=", "xmlns:svg=", "xmlns:dc="}) {
        const auto first = styles.find(ns);
        ASSERT_NE(first, std::string::npos) << ns;
        EXPECT_EQ(styles.find(ns, first + 1), std::string::npos) << ns;
    }
    EXPECT_NE(styles.find("xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\""), std::string::npos);
}

TEST(Documents, ArabicRunsRightToLeftInBothFormats) {
    Document d = sample("ar");
    d.articles[0].heading = "المادة 1. الإشعار";
    const std::string docx_xml = member(render(d, Format::Docx), "word/document.xml");
    EXPECT_NE(docx_xml.find("w:bidi"), std::string::npos);
    EXPECT_NE(text_of(docx_xml).find("المادة 1. الإشعار"), std::string::npos);
    const std::string odt = render(d, Format::Odt);
    EXPECT_NE(member(odt, "styles.xml").find("style:writing-mode=\"rl-tb\""), std::string::npos);
    EXPECT_EQ(member(odt, "styles.xml").find("style:writing-mode=\"lr-tb\""), std::string::npos);
    EXPECT_NE(text_of(member(odt, "content.xml")).find("المادة 1. الإشعار"), std::string::npos);
}

TEST(Documents, TextIsCarriedAsWordsNotMarkup) {
    Document d = sample("en");
    d.articles[0].paragraphs = {"*Not emphasis* <b>nor HTML</b> & {{blank}}"};
    const auto ast = pandoc_ast(d, Format::Docx);
    const std::string xml = text_of(member(render(d, Format::Docx), "word/document.xml"));
    EXPECT_NE(xml.find("*Not emphasis* &lt;b&gt;nor HTML&lt;/b&gt; &amp; {{blank}}"), std::string::npos);
    EXPECT_EQ(ast["meta"]["lang"]["c"], "en");
}

TEST(Documents, AMissingConverterIsAnErrorNotACrash) {
    const char* path = std::getenv("PATH");
    const std::string saved = path ? path : "";
    setenv("PATH", "/nonexistent", 1);
    EXPECT_THROW(render(sample("en"), Format::Docx), std::runtime_error);
    setenv("PATH", saved.c_str(), 1);
}

}  // namespace
}  // namespace avenir::documents
