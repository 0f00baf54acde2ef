#pragma once
// Extension points: what one module offers for another to show, without either reaching into the
// other. A point is a plain struct declared here; a module provides items with
// Registration::provide(item) and the module that owns the point reads them with all<T>() when it
// renders (after every module has started, so the order of the module list does not matter).
//
// Points today:
//   RegionSection  a block of HTML on each region page (/regions/{slug}), e.g. the library's
//                  resources of that region.
//   HeaderSearch   where the search field in every page's header sends its query (the platform
//                  search module provides it; without one the header has no search field).
//   SearchSource   a kind of thing the platform search (/search) finds: documents the module keeps
//                  in the shared index (core/search/index.hpp), or a search of its own.
//   Directory      who people are, for modules that work with other people than the signed-in
//                  one (training: facilitators, participants, their e-mail language and time
//                  zone, their consents). Provided by the module that owns accounts, once.
//   Shelf          files another module's documents in the library as its resources (training: a
//                  session's recording), and finds them again by the module's own reference.
//                  Provided by the library, once.
//   LinkTitles     the titles of a module's pages, for another module's links to name what they
//                  open (training: the guide's workshops a session runs).
//   ResourceGate   who may open a library resource that is neither public nor for all members:
//                  the module that filed it answers for its references (training: the cycle's
//                  participants and staff).
//   CyclePlaces    a place in a region's next training cycle open for enrolment, taken for
//                  someone by another module (network: an approved Digital Rights Organiser).
//                  Provided by training, once.
//   TrainingRecords who completed a training cycle (network: who may log cascade sessions, and
//                  the people trained per region that the multiplier divides by). Provided by
//                  training, once.
//   RegisterFindings what the register holds about a supplier's product that this reader may read
//                  (network: a practice case links to the register's entries about its product).
//                  Provided by the register, once.
//   ClauseSuggestions model clauses of the bargaining hub for families another module names
//                  (register: the families its co-governance checklist ties to urgent areas), and
//                  where to post to start a proposal from them. Provided by bargaining, once.
// The next modules add theirs the same way (one struct here, one provider, one reader): feed
// sources, dashboard cards, indicators.
#include <algorithm>
#include <any>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <stdexcept>
#include <typeindex>
#include <utility>
#include <vector>

#include "core/http/request.hpp"
#include "core/search/index.hpp"
#include "storage/database.hpp"

namespace avenir::kit {

// A section of a region page: HTML for the request's language (already escaped/rendered).
struct RegionSection {
    int order = 100;  // lower first
    std::function<std::string(http::Request& req, const std::string& region_slug)> render;
};

// The page that answers the header's search field (GET, parameter q).
struct HeaderSearch {
    std::string path;  // unprefixed, e.g. "/search"
};

// A source of the platform search. Visibility is decided per reader by `audiences` and applied
// inside the query, so a reader never sees, nor counts, what they may not open.
struct SearchSource {
    std::string kind;   // the source name in the shared index and in /search?kind=...
    std::string label;  // English msgid for the results heading, e.g. "Library resources"
    int order = 100;    // lower first
    // The audiences of the shared index this reader may see besides "" (everyone). Unset: "" only.
    std::function<std::vector<std::string>(http::Request& req)> audiences;
    // A source with an index of its own (the library) answers here instead, with its visibility
    // applied: the total it may show and the hits from offset (url without the language prefix).
    struct Own {
        std::int64_t total = 0;
        std::vector<search::IndexHit> hits;
    };
    std::function<Own(http::Request& req, const search::SearchQuery& q, int offset, int limit)> search;
};

// A person as another module may see them: enough to name, notify and place them in time.
struct PersonCard {
    std::int64_t id = 0;
    std::string name, email;
    std::string lang;       // preferred language ("" = none)
    std::string time_zone;  // IANA name ("" = UTC)
};

// The people directory (one provider: accounts). Each call is one query, whatever the number of ids.
struct Directory {
    // The people among ids who exist, in id order.
    std::function<std::vector<PersonCard>(const std::vector<std::int64_t>& ids)> people;
    // A person by e-mail address (compared without case).
    std::function<std::optional<PersonCard>(const std::string& email)> by_email;
    // Holders of a role over a region ("facilitator", "asia-pacific"), by name.
    std::function<std::vector<PersonCard>(const std::string& role, const std::string& region)> holders;
    // Holders of a role in a union ("union_rep", 12), by name.
    std::function<std::vector<PersonCard>(const std::string& role, std::int64_t union_id)> union_holders;
    // Of ids, those who currently give the consent `kind` ("recorded", "listed_publicly").
    std::function<std::set<std::int64_t>(const std::vector<std::int64_t>& ids, const std::string& kind)> consenting;
    // The region of each union among ids (unknown ids left out).
    std::function<std::map<std::int64_t, std::string>(const std::vector<std::int64_t>& union_ids)> union_regions;
    // The unions among ids, by name (unknown ids left out).
    struct Union {
        std::int64_t id = 0;
        std::string name, country, region;
        std::string sector;  // as the union gave it ("local government")
    };
    std::function<std::vector<Union>(const std::vector<std::int64_t>& union_ids)> unions;
    // Gives person `user_id` a role over a region ("dro", "europe") on behalf of `by`, in the
    // caller's transaction, with its audit entry; nothing when they already hold it. Returns false
    // when there is no such person.
    std::function<bool(storage::Executor& tx, std::int64_t user_id, const std::string& role, const std::string& region, std::int64_t by)>
        grant_region_role;
};

// A recording another module files in the library. The same ref files the same resource again.
struct ShelfRecording {
    std::string ref;  // the filer's stable reference ("training-session-<uid>")
    std::string lang, title, summary, transcript;
    std::string url;  // where the video plays (an http(s) link), optional
    std::string date;  // YYYY-MM-DD
    std::vector<std::string> regions;
    std::int64_t duration_seconds = 0;
    std::string access = "public";  // "public", "members" or "gated"
    std::string gate;               // for "gated": the key a ResourceGate answers for
};

// A filed resource as the filer sees it.
struct ShelfItem {
    std::int64_t id = 0;
    std::string ref, title, lang, access, url;
    std::int64_t duration_seconds = 0;
    bool video_file = false, audio_file = false, transcript = false;  // what it carries besides the link
};

struct Shelf {
    // Creates or updates the resource filed under r.ref; returns its id, or what is wrong with it
    // (English, one line per problem) and 0.
    std::function<std::pair<std::int64_t, std::vector<std::string>>(const ShelfRecording& r, std::optional<std::int64_t> by)> file;
    // The resources filed under these refs (absent ones left out), in four statements whatever their number.
    std::function<std::map<std::string, ShelfItem>(const std::vector<std::string>& refs)> find;
};

// Titles of the pages under `prefix` by their keys ("/guide/" + slug), in a reader's language.
struct LinkTitles {
    std::string prefix;  // "/guide/"
    struct Title {
        std::string text, lang;  // lang: the title's language (another one when lang has none)
    };
    // key -> title; unknown keys left out; no keys: every page's.
    std::function<std::map<std::string, Title>(const std::vector<std::string>& keys, const std::string& lang)> titles;
};

// Answers for the library's gated resources whose gate starts with `prefix`.
struct ResourceGate {
    std::string prefix;  // "training-session:"
    std::function<bool(http::Request& req, const std::string& gate)> allows;
};

// A place taken in a cycle for someone.
struct CyclePlace {
    std::int64_t cycle_id = 0;
    std::string title;
    std::string state;  // "enrolled" or "waiting" (the cycle was full)
    std::string path;   // unprefixed: "/training/cycles/12"
};

struct CyclePlaces {
    // In the caller's transaction: enrols user_id in the region's cycle for `audience` ("dro",
    // "members") whose enrolment is open at `now` and whose first session comes first; nothing
    // (and no place) when none is open. Someone already in it keeps their place.
    std::function<std::optional<CyclePlace>(storage::Executor& tx, std::int64_t user_id, const std::string& audience,
                                            const std::string& region, std::int64_t by, std::int64_t now)>
        enrol_next;
};

struct TrainingRecords {
    struct Completed {
        std::int64_t cycle_id = 0;
        std::string title, region;
        std::int64_t user_id = 0;
    };
    // Every completed place (the all-sessions rule), at `now`; a handful of queries whatever
    // their number.
    std::function<std::vector<Completed>(std::int64_t now)> completed;
};

struct ClauseSuggestions {
    struct Suggestion {
        std::string family, clause, ladder;  // the family's strongest rung this reader may read
        std::string title, lang, path;       // its title (in lang), and its page (unprefixed)
    };
    // For each family, in the order given (families none of whose rungs the reader may read are
    // left out); a handful of statements whatever their number.
    std::function<std::vector<Suggestion>(http::Request& req, const std::vector<std::string>& families)> suggest;
    // POST title, union, lang and clause (repeated) here to start a proposal (unprefixed).
    std::string propose_path;
};

struct RegisterFindings {
    struct Summary {
        std::int64_t entries = 0, unions = 0;  // entries the reader may read, and the unions that made them
        std::string path;                      // the register's list of them (unprefixed)
        std::string pooled_path;               // the pooled findings, for a reader who may see them ("" otherwise)
    };
    // One statement. The product's name is matched without case; suppliers are left out because
    // a practice case and a register entry often spell the same supplier differently.
    std::function<Summary(http::Request& req, const std::string& product)> about;
};

class Extensions {
public:
    template <class Point>
    void add(std::string module, Point item) {
        items_[std::type_index(typeid(Point))].push_back({std::move(module), std::any(std::move(item))});
    }
    // Every item provided for Point, ordered by its `order` field when it has one.
    template <class Point>
    std::vector<const Point*> all() const {
        std::vector<const Point*> out;
        const auto it = items_.find(std::type_index(typeid(Point)));
        if (it == items_.end()) return out;
        for (const auto& entry : it->second) out.push_back(std::any_cast<Point>(&entry.item));
        if constexpr (requires(const Point& p) { p.order; })
            std::stable_sort(out.begin(), out.end(), [](const Point* a, const Point* b) { return a->order < b->order; });
        return out;
    }

    // The single item provided for Point; throws std::logic_error when none was.
    template <class Point>
    const Point& one() const {
        const auto items = all<Point>();
        if (items.empty()) throw std::logic_error(std::string("no module provides ") + typeid(Point).name());
        return *items.front();
    }

    // The single item provided for Point, or nullptr when the module that provides it is not
    // installed (a point that only adds to a page).
    template <class Point>
    const Point* optional() const {
        const auto items = all<Point>();
        return items.empty() ? nullptr : items.front();
    }

private:
    struct Entry {
        std::string module;
        std::any item;
    };
    std::map<std::type_index, std::vector<Entry>> items_;
};

// The titles that the module providing `prefix` ("/guide/": the guide's workshops) gives to `keys`
// in lang (every page's when keys is empty); none when no module provides that prefix.
inline std::map<std::string, LinkTitles::Title> link_titles(const Extensions& ext, std::string_view prefix, const std::vector<std::string>& keys,
                                                            const std::string& lang) {
    for (const auto* source : ext.all<LinkTitles>())
        if (source->prefix == prefix) return source->titles(keys, lang);
    return {};
}

}  // namespace avenir::kit
