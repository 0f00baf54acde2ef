#pragma once
// The regional resource library: publications, guides, slides, recordings and other documents,
// each in one or more language versions, tagged by region, theme, audience and type.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace avenir::library {

// The library's languages: those of the interface, each with its own stemmer.
inline constexpr std::string_view kLanguages[] = {"en", "fr", "es", "ar"};
bool is_language(std::string_view lang);

// Resource types, by their stable key (used in URLs, imports and the database).
inline constexpr std::string_view kTypes[] = {"publication", "guide",   "slides",          "recording",
                                              "audio",       "article", "law-policy", "collective-agreement"};
bool is_type(std::string_view type);

// "global" or one of the programme's five regions.
inline constexpr std::string_view kRegions[] = {"global", "north-america", "europe-caribbean", "asia-pacific",
                                                "latin-america", "africa-mena"};
bool is_region(std::string_view region);

// The programme's seven themes (numbers 1..7), with stable keys for URLs and imports.
inline constexpr std::string_view kThemes[] = {"data-ai", "public-services", "rights", "joint-governance",
                                               "bargaining", "solidarity", "coalitions"};
// Theme number (1..7) for a key or a number written as text ("3"); nullopt when unknown.
std::optional<int> theme_number(std::string_view key_or_number);
std::string_view theme_key(int number);

// Who a resource is for.
inline constexpr std::string_view kAudiences[] = {"union-leaders", "organisers", "stewards", "union-staff",
                                                  "negotiators", "trainers", "members", "public"};
bool is_audience(std::string_view audience);

// A file attached to a language version (stored by content hash in the blob store).
struct FileRef {
    std::int64_t id = 0;
    std::string role = "main";  // main | audio (audio-only version of a recording) | transcript
    std::string hash;           // SHA-256, hex
    std::string name;           // sanitised download name
    std::string content_type;
    std::int64_t size = 0;
};

// One language version of a resource.
struct Version {
    std::string lang;
    std::string title;
    std::string summary;
    std::string body_md;     // Markdown
    std::string transcript;  // recordings: plain text, when available
    std::string url;         // external link for this language, when the document lives elsewhere
    std::vector<FileRef> files;
};

struct Resource {
    std::int64_t id = 0;
    // A stable reference given by imports ("primer-data-and-algorithms"): lines with the same ref
    // are language versions of one resource, and importing again updates instead of adding.
    std::string ref;
    std::string type = "publication";
    std::vector<std::string> regions;    // kRegions keys
    std::vector<int> themes;             // 1..7
    std::vector<std::string> audiences;  // kAudiences keys
    std::string date;                    // YYYY-MM-DD
    std::string publisher;
    std::string licence;
    bool key_publication = false;
    std::string url;                 // external link common to all languages (optional)
    std::int64_t duration_seconds = 0;  // recordings and audio
    // Who may open it: "public" (listed, searched, in feeds), "members" (anyone signed in) or
    // "gated" (the module owning `gate`'s prefix decides, kit::ResourceGate; editors always may).
    std::string access = "public";
    std::string gate;  // "training-session:12"; empty unless gated
    std::vector<Version> versions;   // at least one
    std::int64_t created_at = 0;
    std::int64_t updated_at = 0;

    bool is_public() const { return access == "public"; }
    const Version* version(std::string_view lang) const;
    // The version to show to a reader of lang: that language, else English, else the first.
    const Version& best_version(std::string_view lang) const;
    int year() const;
};

// What is wrong with a resource, one message per problem (field named); empty when valid.
// Fills defaults (sorts and de-duplicates lists).
std::vector<std::string> validate(Resource& r);

}  // namespace avenir::library
