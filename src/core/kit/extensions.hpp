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
// The next modules add theirs the same way (one struct here, one provider, one reader): feed
// sources, dashboard cards, indicators.
#include <algorithm>
#include <any>
#include <functional>
#include <map>
#include <string>
#include <typeindex>
#include <vector>

#include "core/http/request.hpp"
#include "core/search/index.hpp"

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

private:
    struct Entry {
        std::string module;
        std::any item;
    };
    std::map<std::type_index, std::vector<Entry>> items_;
};

}  // namespace avenir::kit
