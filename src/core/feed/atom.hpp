#pragma once
// Atom 1.0 (RFC 4287) feed writer built on libxml2's xmlTextWriter, so escaping and well-formedness come from a
// maintained XML library rather than hand-written string concatenation.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/http/response.hpp"

namespace avenir::feed {

struct Link {
    std::string href;
    std::string rel = "alternate";  // empty: attribute omitted (Atom then defaults to "alternate")
    std::string type;
    std::string hreflang;
    std::string title;
    std::int64_t length = 0;  // written only when > 0
};

struct Person {
    std::string name;  // required by RFC 4287 §3.2
    std::string uri;
};

struct Category {
    std::string term;  // required by RFC 4287 §4.2.2
    std::string label;
};

struct Entry {
    std::string id;  // an IRI, e.g. from tag_uri()
    std::string title;
    std::string updated;  // RFC 3339, see rfc3339()
    std::string published;
    std::string summary;       // plain text
    std::string content_html;  // optional; written as escaped text with type="html"
    std::vector<Link> links;   // needs a rel="alternate" link unless content_html is set
    std::vector<Person> authors;
    std::vector<Category> categories;
    std::string lang;  // xml:lang on the entry, optional
    std::string rights;
};

struct Feed {
    std::string id;
    std::string title;
    std::string subtitle;
    std::string updated;  // RFC 3339
    std::string lang;     // xml:lang on the feed, optional
    std::vector<Link> links;      // must include rel="self"
    std::vector<Person> authors;  // required unless every entry has its own author
    std::string generator = "Avenir";
    std::vector<Entry> entries;
};

// Serialises the feed as a UTF-8 XML document. Text is first cleaned of anything XML 1.0 cannot carry (invalid UTF-8,
// control characters other than tab/LF/CR, surrogates, U+FFFE/U+FFFF), so user content cannot make it unparsable.
// Throws std::invalid_argument when a required Atom element would be missing or a date is not RFC 3339
// (a programming error: the caller built an invalid feed), std::runtime_error when libxml2 fails.
std::string write_atom(const Feed& feed);

// The feed as an HTTP response: Atom's media type, public and cached for five minutes.
http::Response atom_response(const Feed& feed);

// "2026-11-28T22:47:26Z". Throws std::out_of_range outside years 0000-9999, which RFC 3339 cannot express.
std::string rfc3339(std::int64_t unix_seconds);

// RFC 4151 tag URI "tag:AUTHORITY,DATE:SPECIFIC" for stable entry ids. authority is a DNS name or an email address
// (lowercased where case does not matter), date is YYYY, YYYY-MM or YYYY-MM-DD; characters of specific outside the
// RFC's pchar set (and '%' itself, so distinct inputs stay distinct) are percent-encoded. Throws std::invalid_argument.
std::string tag_uri(std::string_view authority, std::string_view date, std::string_view specific);

// Exposed for tests and for callers that want the same cleaning elsewhere: drops what XML 1.0 does not allow.
std::string xml_safe(std::string_view text);

}  // namespace avenir::feed
