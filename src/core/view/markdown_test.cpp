#include "core/view/markdown.hpp"

#include <gtest/gtest.h>

using namespace avenir::view;

TEST(Markdown, RendersHeadingsListsAndTables) {
    const auto html = markdown_to_html("## Title\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
    EXPECT_NE(html.find("<h2>Title</h2>"), std::string::npos);
    EXPECT_NE(html.find("<li>one</li>"), std::string::npos);
    EXPECT_NE(html.find("<table>"), std::string::npos);
}

TEST(Markdown, DropsRawHtmlAndScriptLinks) {
    const auto html = markdown_to_html("<script>alert(1)</script>\n\n[x](javascript:alert(1)) <b onclick=\"x\">b</b>\n\n"
                                       "[y](vbscript:msgbox) ![i](data:text/html;base64,AAAA)");
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_EQ(html.find("javascript:"), std::string::npos);
    EXPECT_EQ(html.find("vbscript:"), std::string::npos);
    EXPECT_EQ(html.find("onclick"), std::string::npos);
    EXPECT_EQ(html.find("data:text/html"), std::string::npos);
}

TEST(Markdown, LocalizesLocalLinksOnly) {
    const std::string html = R"(<a href="/contacts">c</a> <a href="https://x.org/">x</a> <a href="//evil">e</a>)";
    EXPECT_EQ(localize_links(html, "fr"),
              R"(<a href="/fr/contacts">c</a> <a href="https://x.org/">x</a> <a href="//evil">e</a>)");
    EXPECT_EQ(localize_links(html, "en"), html);
}

TEST(Markdown, EscapesHtml) {
    EXPECT_EQ(html_escape("<a href=\"x\">'&'</a>"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
}
