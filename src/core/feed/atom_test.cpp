#include "core/feed/atom.hpp"

#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>

namespace {

using namespace avenir::feed;
namespace fs = std::filesystem;

constexpr const char* kAtomNs = "http://www.w3.org/2005/Atom";

// The output is read back with an independent parser and queried with XPath, so the tests check the document a
// reader would see rather than the writer's string layout.
class Parsed {
public:
    explicit Parsed(const std::string& xml) {
        doc_ = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "feed.xml", nullptr, XML_PARSE_NONET);
        if (!doc_) return;
        ctx_ = xmlXPathNewContext(doc_);
        if (ctx_) xmlXPathRegisterNs(ctx_, BAD_CAST "a", BAD_CAST kAtomNs);
    }
    ~Parsed() {
        if (ctx_) xmlXPathFreeContext(ctx_);
        if (doc_) xmlFreeDoc(doc_);
    }
    Parsed(const Parsed&) = delete;
    Parsed& operator=(const Parsed&) = delete;

    bool ok() const { return doc_ && ctx_; }
    int count(const std::string& path) { return static_cast<int>(number("count(" + path + ")")); }
    double number(const std::string& expr) {
        xmlXPathObjectPtr o = eval(expr);
        const double v = xmlXPathCastToNumber(o);
        xmlXPathFreeObject(o);
        return v;
    }
    std::string str(const std::string& expr) {
        xmlXPathObjectPtr o = eval("string(" + expr + ")");
        xmlChar* s = xmlXPathCastToString(o);
        std::string v = s ? reinterpret_cast<const char*>(s) : "";
        xmlFree(s);
        xmlXPathFreeObject(o);
        return v;
    }

private:
    xmlXPathObjectPtr eval(const std::string& expr) {
        if (!ok()) throw std::runtime_error("document did not parse");
        xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST expr.c_str(), ctx_);
        if (!o) throw std::runtime_error("bad XPath: " + expr);
        return o;
    }
    xmlDocPtr doc_ = nullptr;
    xmlXPathContextPtr ctx_ = nullptr;
};

// Designated initialisers would be shorter, but GCC 12 flags every omitted member under -Wextra.
Link link(std::string href, std::string rel = "alternate", std::string type = "") {
    Link l;
    l.href = std::move(href);
    l.rel = std::move(rel);
    l.type = std::move(type);
    return l;
}

Person person(std::string name, std::string uri = "") {
    Person p;
    p.name = std::move(name);
    p.uri = std::move(uri);
    return p;
}

Category category(std::string term, std::string label = "") {
    Category c;
    c.term = std::move(term);
    c.label = std::move(label);
    return c;
}

Feed sample_feed() {
    Feed f;
    f.id = tag_uri("example.org", "2026-11-28", "feed/guide");
    f.title = "Guide updates";
    f.subtitle = "What changed";
    f.updated = "2026-11-28T22:47:26Z";
    f.links = {link("https://example.org/feed.atom", "self", "application/atom+xml"),
               link("https://example.org/", "alternate", "text/html")};
    f.authors = {person("Avenir team", "https://example.org/about")};

    Entry a;
    a.id = tag_uri("example.org", "2026-11-28", "guide/1");
    a.title = "First";
    a.updated = "2026-11-28T22:47:26Z";
    a.published = "2026-11-27T10:00:00+01:00";
    a.summary = "Plain summary";
    a.links = {link("https://example.org/guide/1")};
    a.categories = {category("news", "News")};

    Entry b;
    b.id = tag_uri("example.org", "2026-11-28", "guide/2");
    b.title = "Second";
    b.updated = "2026-11-28T20:00:00.5Z";
    b.content_html = "<p>Hello</p>";
    b.links = {link("https://example.org/guide/2")};
    b.authors = {person("Ada")};
    f.entries = {a, b};
    return f;
}

TEST(Atom, WritesRequiredFeedAndEntryElements) {
    const std::string xml = write_atom(sample_feed());
    ASSERT_TRUE(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")) << xml.substr(0, 60);
    Parsed p(xml);
    ASSERT_TRUE(p.ok()) << xml;
    EXPECT_EQ(p.count("/a:feed"), 1);  // root in the Atom namespace
    EXPECT_EQ(p.str("/a:feed/a:id"), "tag:example.org,2026-11-28:feed/guide");
    EXPECT_EQ(p.str("/a:feed/a:title"), "Guide updates");
    EXPECT_EQ(p.str("/a:feed/a:subtitle"), "What changed");
    EXPECT_EQ(p.str("/a:feed/a:updated"), "2026-11-28T22:47:26Z");
    EXPECT_EQ(p.str("/a:feed/a:link[@rel='self']/@href"), "https://example.org/feed.atom");
    EXPECT_EQ(p.str("/a:feed/a:link[@rel='self']/@type"), "application/atom+xml");
    EXPECT_EQ(p.str("/a:feed/a:author/a:name"), "Avenir team");
    EXPECT_EQ(p.str("/a:feed/a:author/a:uri"), "https://example.org/about");
    EXPECT_EQ(p.str("/a:feed/a:generator"), "Avenir");
    ASSERT_EQ(p.count("/a:feed/a:entry"), 2);
    // Every entry carries exactly one id, title and updated, and an alternate link.
    EXPECT_EQ(p.count("/a:feed/a:entry[count(a:id) = 1 and count(a:title) = 1 and count(a:updated) = 1]"), 2);
    EXPECT_EQ(p.count("/a:feed/a:entry[a:link[@rel='alternate' and @href != '']]"), 2);
    EXPECT_EQ(p.str("/a:feed/a:entry[1]/a:id"), "tag:example.org,2026-11-28:guide/1");
    EXPECT_EQ(p.str("/a:feed/a:entry[1]/a:published"), "2026-11-27T10:00:00+01:00");
    EXPECT_EQ(p.str("/a:feed/a:entry[1]/a:summary"), "Plain summary");
    EXPECT_EQ(p.str("/a:feed/a:entry[1]/a:category/@term"), "news");
    EXPECT_EQ(p.str("/a:feed/a:entry[1]/a:category/@label"), "News");
    EXPECT_EQ(p.count("/a:feed/a:entry[1]/a:content"), 0);
    EXPECT_EQ(p.str("/a:feed/a:entry[2]/a:author/a:name"), "Ada");
    EXPECT_EQ(p.str("/a:feed/a:entry[2]/a:content/@type"), "html");
    // HTML content travels as text, not as child elements.
    EXPECT_EQ(p.str("/a:feed/a:entry[2]/a:content"), "<p>Hello</p>");
    EXPECT_EQ(p.count("/a:feed/a:entry[2]/a:content/*"), 0);
    // Nothing may leak outside the Atom namespace.
    EXPECT_EQ(p.count("//*[namespace-uri() != 'http://www.w3.org/2005/Atom']"), 0);
}

TEST(Atom, EscapesMarkupInTextAndAttributes) {
    const std::string nasty = R"(Fish & Chips <b>"bold"</b> 'single' ]]> &amp;)";
    Feed f = sample_feed();
    f.title = nasty;
    f.entries[0].title = nasty;
    f.entries[0].summary = "</summary><script>alert('x')</script>";
    f.entries[0].links[0].href = R"(https://example.org/?a=1&b="2"&c='3'<>)";
    f.entries[0].links[0].title = nasty;
    f.entries[0].categories = {category(R"(a"b'c<d>&e)", nasty)};
    f.entries[0].content_html = "<p>x &amp; y</p></content><evil/>";
    const std::string xml = write_atom(f);

    EXPECT_EQ(xml.find("<script>"), std::string::npos) << xml;
    EXPECT_EQ(xml.find("<evil/>"), std::string::npos) << xml;
    EXPECT_EQ(xml.find("<b>"), std::string::npos) << xml;
    EXPECT_NE(xml.find("Fish &amp; Chips &lt;b&gt;"), std::string::npos) << xml;

    Parsed p(xml);
    ASSERT_TRUE(p.ok()) << xml;
    EXPECT_EQ(p.str("/a:feed/a:title"), nasty);
    EXPECT_EQ(p.str("/a:feed/a:entry[1]/a:title"), nasty);
    EXPECT_EQ(p.str("/a:feed/a:entry[1]/a:summary"), "</summary><script>alert('x')</script>");
    EXPECT_EQ(p.str("/a:feed/a:entry[1]/a:link/@href"), R"(https://example.org/?a=1&b="2"&c='3'<>)");
    EXPECT_EQ(p.str("/a:feed/a:entry[1]/a:link/@title"), nasty);
    EXPECT_EQ(p.str("/a:feed/a:entry[1]/a:category/@term"), R"(a"b'c<d>&e)");
    EXPECT_EQ(p.str("/a:feed/a:entry[1]/a:category/@label"), nasty);
    EXPECT_EQ(p.str("/a:feed/a:entry[1]/a:content"), "<p>x &amp; y</p></content><evil/>");
    EXPECT_EQ(p.count("//a:script | //a:evil | //a:b | //script | //evil"), 0);
    EXPECT_EQ(p.count("/a:feed/a:entry"), 2);  // the injected end tags did not close anything
}

TEST(Atom, StripsCharactersXmlCannotCarry) {
    // C0 controls, DEL-free surrogates, U+FFFE, overlong and truncated sequences go; tab/LF/CR and real Unicode stay.
    const std::string dirty = std::string("a\x01") + "b\x0B" + "c\x1F" + "d" + '\0' + "e\tf\r\ng" +
                              "\xED\xA0\x80" /* U+D800 */ + "\xEF\xBF\xBE" /* U+FFFE */ + "\xC0\xAF" /* overlong '/' */ +
                              "\xC3\x28" /* bad continuation */ + "\xFF" + "\xC3\xA9" /* é */ + "\xF0\x9F\x98\x80" /* 😀 */ +
                              "\xE2\x82" /* truncated */;
    const std::string clean = "abcde\tf\r\ng(\xC3\xA9\xF0\x9F\x98\x80";
    EXPECT_EQ(xml_safe(dirty), clean);
    EXPECT_EQ(xml_safe(""), "");
    EXPECT_EQ(xml_safe("plain ascii"), "plain ascii");

    Feed f = sample_feed();
    f.title = dirty;
    f.entries[0].summary = dirty;
    f.entries[0].links[0].title = dirty;
    f.entries[0].categories[0].label = dirty;
    f.entries[1].content_html = dirty;
    const std::string xml = write_atom(f);
    for (char bad : {'\x01', '\x0B', '\x1F', '\0'}) EXPECT_EQ(xml.find(bad), std::string::npos) << int(bad);
    EXPECT_EQ(xml.find("\xED\xA0\x80"), std::string::npos);

    Parsed p(xml);
    ASSERT_TRUE(p.ok()) << xml;  // would fail on any control character or invalid UTF-8
    EXPECT_EQ(p.str("/a:feed/a:title"), clean);
    EXPECT_EQ(p.str("/a:feed/a:entry[1]/a:summary"), clean);
    EXPECT_EQ(p.str("/a:feed/a:entry[1]/a:link/@title"), clean);  // \t \r \n survive as character references
    EXPECT_EQ(p.str("/a:feed/a:entry[1]/a:category/@label"), clean);
    EXPECT_EQ(p.str("/a:feed/a:entry[2]/a:content"), clean);
}

TEST(Atom, WritesXmlLangOnFeedAndEntries) {
    Feed f = sample_feed();
    f.lang = "en";
    f.entries[1].lang = "fr-CA";
    Parsed p(write_atom(f));
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(p.str("/a:feed/@xml:lang"), "en");
    EXPECT_EQ(p.count("/a:feed/a:entry[1]/@xml:lang"), 0);  // inherits from the feed
    EXPECT_EQ(p.str("/a:feed/a:entry[2]/@xml:lang"), "fr-CA");
    EXPECT_EQ(p.count("/a:feed/a:entry[lang('fr')]"), 1);
    EXPECT_EQ(p.count("/a:feed/a:entry[lang('en')]"), 1);

    f.lang.clear();
    f.entries[1].lang.clear();
    Parsed q(write_atom(f));
    ASSERT_TRUE(q.ok());
    EXPECT_EQ(q.count("//@xml:lang"), 0);
}

TEST(Atom, EmptyEntryListIsStillAValidFeed) {
    Feed f = sample_feed();
    f.entries.clear();
    f.authors.clear();  // RFC 4287 §4.1.1: no entries means no entry lacks an author
    Parsed p(write_atom(f));
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(p.count("/a:feed/a:id"), 1);
    EXPECT_EQ(p.count("/a:feed/a:title"), 1);
    EXPECT_EQ(p.count("/a:feed/a:updated"), 1);
    EXPECT_EQ(p.count("/a:feed/a:link[@rel='self']"), 1);
    EXPECT_EQ(p.count("/a:feed/a:entry"), 0);
}

TEST(Atom, LinkAttributesAreWrittenOnlyWhenSet) {
    Feed f = sample_feed();
    f.entries[0].links = {link("https://example.org/a", ""), link("https://example.org/a.mp3", "enclosure", "audio/mpeg")};
    f.entries[0].links[0].hreflang = "de";
    f.entries[0].links[1].length = 12345;
    Parsed p(write_atom(f));
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(p.count("/a:feed/a:entry[1]/a:link[1]/@rel"), 0);  // omitted rel means alternate
    EXPECT_EQ(p.str("/a:feed/a:entry[1]/a:link[1]/@hreflang"), "de");
    EXPECT_EQ(p.count("/a:feed/a:entry[1]/a:link[1]/@type | /a:feed/a:entry[1]/a:link[1]/@length"), 0);
    EXPECT_EQ(p.str("/a:feed/a:entry[1]/a:link[2]/@rel"), "enclosure");
    EXPECT_EQ(p.number("number(/a:feed/a:entry[1]/a:link[2]/@length)"), 12345);
}

TEST(Atom, AuthorRequiredAtFeedLevelOnlyWhenAnEntryLacksOne) {
    Feed f = sample_feed();
    f.authors.clear();
    EXPECT_THROW(write_atom(f), std::invalid_argument);  // entry 1 has no author
    f.entries[0].authors = {person("Grace")};
    Parsed p(write_atom(f));
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(p.count("/a:feed/a:author"), 0);
    EXPECT_EQ(p.count("/a:feed/a:entry[a:author/a:name != '']"), 2);
}

TEST(Atom, RejectsFeedsThatWouldBeInvalidAtom) {
    const auto throws = [](auto mutate) {
        Feed f = sample_feed();
        mutate(f);
        EXPECT_THROW(write_atom(f), std::invalid_argument);
    };
    EXPECT_NO_THROW(write_atom(sample_feed()));
    throws([](Feed& f) { f.id.clear(); });
    throws([](Feed& f) { f.id = "42"; });  // not an absolute IRI
    throws([](Feed& f) { f.title = " \n"; });
    throws([](Feed& f) { f.title = "\x01\x02"; });  // empty once cleaned
    throws([](Feed& f) { f.updated.clear(); });
    throws([](Feed& f) { f.updated = "2026-11-28 22:47:26"; });
    throws([](Feed& f) { f.updated = "2026-02-30T00:00:00Z"; });
    throws([](Feed& f) { f.updated = "2026-11-28T22:47:26+0100"; });
    throws([](Feed& f) { f.links.erase(f.links.begin()); });  // no rel=self
    // A second alternate link with the same type and hreflang.
    throws([](Feed& f) { f.links.push_back(link("https://example.org/other", "alternate", "text/html")); });
    throws([](Feed& f) { f.authors = {person("")}; });
    throws([](Feed& f) { f.entries[0].id.clear(); });
    throws([](Feed& f) { f.entries[0].title.clear(); });
    throws([](Feed& f) { f.entries[0].updated = "yesterday"; });
    throws([](Feed& f) { f.entries[0].published = "2026-11-28"; });
    throws([](Feed& f) { f.entries[0].links.clear(); });  // neither alternate link nor content
    throws([](Feed& f) { f.entries[0].links = {link("https://example.org/x", "related")}; });
    throws([](Feed& f) { f.entries[0].links[0].href.clear(); });
    throws([](Feed& f) { f.entries[0].categories = {category("")}; });

    // Content alone satisfies RFC 4287 §4.1.1 without an alternate link.
    Feed f = sample_feed();
    f.entries[1].links.clear();
    EXPECT_NO_THROW(write_atom(f));
}

TEST(Atom, Rfc3339FormatsUtcSeconds) {
    EXPECT_EQ(rfc3339(0), "1970-01-01T00:00:00Z");
    EXPECT_EQ(rfc3339(1795906046), "2026-11-28T22:47:26Z");
    EXPECT_EQ(rfc3339(951782400), "2000-02-29T00:00:00Z");
    EXPECT_EQ(rfc3339(-1), "1969-12-31T23:59:59Z");
    EXPECT_EQ(rfc3339(-62167219200), "0000-01-01T00:00:00Z");
    EXPECT_EQ(rfc3339(253402300799), "9999-12-31T23:59:59Z");
    EXPECT_THROW(rfc3339(253402300800), std::out_of_range);
    EXPECT_THROW(rfc3339(-62167219201), std::out_of_range);
    // What rfc3339() produces, write_atom() accepts.
    Feed f = sample_feed();
    f.updated = rfc3339(1795906046);
    EXPECT_NO_THROW(write_atom(f));
}

TEST(Atom, TagUriFollowsRfc4151) {
    EXPECT_EQ(tag_uri("example.org", "2026-11-28", "guide/42"), "tag:example.org,2026-11-28:guide/42");
    EXPECT_EQ(tag_uri("Example.ORG", "2026", "x"), "tag:example.org,2026:x");
    EXPECT_EQ(tag_uri("Web.Master@Example.org", "2026-11", "a:b@c?d=e"), "tag:Web.Master@example.org,2026-11:a:b@c?d=e");
    EXPECT_EQ(tag_uri("example.org", "2026-11-28", "a b#c%d/\xC3\xA9"), "tag:example.org,2026-11-28:a%20b%23c%25d/%C3%A9");
    EXPECT_EQ(tag_uri("example.org", "2026-11-28", ""), "tag:example.org,2026-11-28:");
    EXPECT_THROW(tag_uri("exa mple.org", "2026", "x"), std::invalid_argument);
    EXPECT_THROW(tag_uri("-example.org", "2026", "x"), std::invalid_argument);
    EXPECT_THROW(tag_uri("example..org", "2026", "x"), std::invalid_argument);
    EXPECT_THROW(tag_uri("", "2026", "x"), std::invalid_argument);
    EXPECT_THROW(tag_uri("@example.org", "2026", "x"), std::invalid_argument);
    EXPECT_THROW(tag_uri("a+b@example.org", "2026", "x"), std::invalid_argument);
    EXPECT_THROW(tag_uri("example.org", "2026-13", "x"), std::invalid_argument);
    EXPECT_THROW(tag_uri("example.org", "2026-02-30", "x"), std::invalid_argument);
    EXPECT_THROW(tag_uri("example.org", "26-11-28", "x"), std::invalid_argument);
    EXPECT_THROW(tag_uri("example.org", "", "x"), std::invalid_argument);
}

// --- feedparser cross-check: the same checker CI and operators use on live feeds --------------------------------------

std::string shell_quote(std::string_view s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

struct Outcome {
    int status = -1;
    std::string output;
};

Outcome run_command(const std::string& command, const fs::path& log) {
    const int rc = std::system((command + " >" + shell_quote(log.string()) + " 2>&1").c_str());
    Outcome r;
    r.status = rc != -1 && WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
    std::ifstream in(log, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    r.output = ss.str();
    return r;
}

class CheckAtom : public ::testing::Test {
protected:
    void SetUp() override {
        char tmpl[] = "/tmp/avenir_atom_XXXXXX";
        ASSERT_NE(::mkdtemp(tmpl), nullptr);
        dir_ = tmpl;
        python_ = find_python();
        if (!python_) {
            if (std::getenv("AVENIR_REQUIRE_FEEDPARSER"))
                FAIL() << "AVENIR_REQUIRE_FEEDPARSER is set but no python3 can import feedparser "
                          "(apt-get install python3-feedparser)";
            GTEST_SKIP() << "python3 with the feedparser module not found; make test installs python3-feedparser";
        }
    }
    void TearDown() override {
        std::error_code ec;
        if (!dir_.empty()) fs::remove_all(dir_, ec);
    }

    // Debian's python3-feedparser lives in /usr/bin/python3's site-packages; a python3 earlier on PATH (pyenv, venv)
    // may not see it, so each candidate is probed. AVENIR_FEED_PYTHON overrides, like AVENIR_SINK_PYTHON for mail.
    std::optional<std::string> find_python() {
        std::vector<std::string> candidates;
        if (const char* v = std::getenv("AVENIR_FEED_PYTHON"); v && *v) candidates.emplace_back(v);
        candidates.insert(candidates.end(), {"python3", "/usr/bin/python3"});
        for (const auto& c : candidates)
            if (run_command(shell_quote(c) + " -c 'import feedparser'", dir_ / "probe.log").status == 0) return c;
        return std::nullopt;
    }

    static fs::path script() {
#ifdef AVENIR_SOURCE_DIR
        return fs::path(AVENIR_SOURCE_DIR) / "tests/feeds/check_atom.py";
#else
        return "tests/feeds/check_atom.py";  // standalone builds run from the repository root
#endif
    }

    Outcome check(const std::string& xml, const std::string& extra = "") {
        const fs::path file = dir_ / ("feed" + std::to_string(++n_) + ".atom");
        std::ofstream(file, std::ios::binary) << xml;
        const std::string command =
            shell_quote(*python_) + " " + shell_quote(script().string()) + " " + shell_quote(file.string()) + extra;
        return run_command(command, dir_ / "check.log");
    }

    fs::path dir_;
    std::optional<std::string> python_;
    int n_ = 0;
};

TEST_F(CheckAtom, FeedparserAcceptsWrittenFeedAndRejectsEntryWithoutId) {
    ASSERT_TRUE(fs::exists(script())) << script();
    Feed f = sample_feed();
    f.lang = "en";
    f.entries[0].title = R"(Fish & Chips <b>"bold"</b> 'single')";
    f.entries[0].summary = std::string("ctrl\x01\x02 chars and bad \xFF utf-8");
    const std::string xml = write_atom(f);

    const Outcome good = check(xml);
    EXPECT_EQ(good.status, 0) << good.output << xml;
    EXPECT_EQ(good.output, "ok: atom10, 2 entries\n");

    // Same document with the first entry's <id> cut out: still well-formed XML, so only the Atom check can catch it.
    std::string broken = xml;
    const auto entry = broken.find("<entry");
    ASSERT_NE(entry, std::string::npos);
    const auto open = broken.find("<id>", entry), close = broken.find("</id>", entry);
    ASSERT_TRUE(open != std::string::npos && close != std::string::npos && open < close);
    broken.erase(open, close + 5 - open);
    ASSERT_TRUE(Parsed(broken).ok());
    const Outcome bad = check(broken);
    EXPECT_NE(bad.status, 0) << bad.output;
    EXPECT_NE(bad.output.find("lacks id"), std::string::npos) << bad.output;
}

TEST_F(CheckAtom, FeedparserCheckerRejectsOtherBrokenFeeds) {
    Feed f = sample_feed();
    const std::string xml = write_atom(f);

    const Outcome enough = check(xml, " --min-entries 2");
    EXPECT_EQ(enough.status, 0) << enough.output;
    const Outcome few = check(xml, " --min-entries 3");
    EXPECT_NE(few.status, 0) << few.output;

    f.entries.clear();
    const Outcome empty = check(write_atom(f));
    EXPECT_EQ(empty.status, 0) << empty.output;
    EXPECT_EQ(empty.output, "ok: atom10, 0 entries\n");

    const Outcome truncated = check(xml.substr(0, xml.size() / 2));  // not well-formed: bozo
    EXPECT_NE(truncated.status, 0) << truncated.output;

    const Outcome rss = check(R"(<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>https://e.org/</link>)"
                          R"(<description>d</description></channel></rss>)");
    EXPECT_NE(rss.status, 0) << rss.output;
    EXPECT_NE(rss.output.find("atom10"), std::string::npos) << rss.output;

    std::string no_link = xml;  // entry 2's only link removed: feedparser sees no href
    const auto entry2 = no_link.find("<entry", no_link.find("<entry") + 1);
    const auto link = no_link.find("<link", entry2), link_end = no_link.find("/>", link);
    ASSERT_TRUE(entry2 != std::string::npos && link != std::string::npos && link_end != std::string::npos);
    no_link.erase(link, link_end + 2 - link);
    const Outcome bad_link = check(no_link);
    EXPECT_NE(bad_link.status, 0) << bad_link.output;
    EXPECT_NE(bad_link.output.find("no link"), std::string::npos) << bad_link.output;

    const Outcome missing = run_command(shell_quote(*python_) + " " + shell_quote(script().string()) + " " +
                                shell_quote((dir_ / "does-not-exist.atom").string()),
                            dir_ / "check.log");
    EXPECT_EQ(missing.status, 1) << missing.output;
}

}  // namespace
