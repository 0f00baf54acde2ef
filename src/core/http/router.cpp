// Route matching by exact segments. A pattern is split on '/': literal segments, "{name}"
// (one non-empty segment) and a final "{name...}" (the rest of the path, '/' included, possibly
// empty). Among routes that match both method and path, the most specific wins, comparing
// segment by segment: literal > {param} > {rest...}; ties go to the first registered.
// Patterns are split once, when added; matching walks the split segments without allocating.
#include "core/http/router.hpp"

#include <algorithm>
#include <stdexcept>

namespace avenir::http {
namespace {

enum Rank : int { kCatchAll = 0, kParam = 1, kLiteral = 2 };

struct Segment {
    Rank rank;
    std::string_view text;  // literal text, or the parameter name
};

// "/a/{b}/{c...}" -> [a literal, b param, c catch-all]. The pattern must have been validated.
std::vector<Segment> split_pattern(std::string_view pattern) {
    std::vector<Segment> out;
    std::string_view rest = pattern.substr(1);
    for (;;) {
        const std::size_t slash = rest.find('/');
        const std::string_view s = rest.substr(0, slash);
        if (s.size() > 5 && s.front() == '{' && s.ends_with("...}")) out.push_back({kCatchAll, s.substr(1, s.size() - 5)});
        else if (s.size() > 2 && s.front() == '{' && s.back() == '}') out.push_back({kParam, s.substr(1, s.size() - 2)});
        else out.push_back({kLiteral, s});
        if (slash == std::string_view::npos) return out;
        rest = rest.substr(slash + 1);
    }
}

bool valid_name(std::string_view name) {
    return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    });
}

void validate_pattern(std::string_view pattern) {
    auto fail = [&](std::string_view why) {
        throw std::logic_error("route pattern \"" + std::string(pattern) + "\": " + std::string(why));
    };
    if (pattern.empty() || pattern[0] != '/') fail("must start with '/'");
    const std::vector<Segment> segments = split_pattern(pattern);
    std::vector<std::string_view> names;
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const Segment& s = segments[i];
        if (s.rank == kLiteral) {
            if (s.text.find_first_of("{}") != std::string_view::npos) fail("malformed parameter segment");
            continue;
        }
        if (!valid_name(s.text)) fail("parameter names are letters, digits and '_'");
        if (s.rank == kCatchAll && i + 1 != segments.size()) fail("{name...} must be the last segment");
        if (std::find(names.begin(), names.end(), s.text) != names.end()) fail("repeated parameter name");
        names.push_back(s.text);
    }
}

// The pattern with parameter names erased, so "/a/{x}" and "/a/{y}" count as the same route.
std::string shape_of(std::string_view pattern) {
    std::string out;
    for (const Segment& s : split_pattern(pattern)) {
        out += '/';
        out += s.rank == kLiteral ? std::string(s.text) : s.rank == kParam ? "{}" : "{...}";
    }
    return out;
}

// Matches path against the pattern; on success returns the ranks (for specificity) and, when
// params is not null, fills it.
using Compiled = std::vector<std::pair<int, std::string>>;

std::optional<std::vector<int>> match_pattern(const Compiled& segments, std::string_view path,
                                              std::map<std::string, std::string, std::less<>>* params) {
    if (path.empty() || path[0] != '/') return std::nullopt;
    std::vector<int> ranks;
    std::string_view rest = path.substr(1);
    bool more = true;  // whether a segment (possibly empty) remains in rest
    for (const auto& [rank, text] : segments) {
        if (!more) return std::nullopt;
        if (rank == kLiteral) {  // cheap rejection before any allocation
            const std::size_t slash = rest.find('/');
            if (rest.substr(0, slash) != text) return std::nullopt;
        }
        if (ranks.empty()) ranks.reserve(segments.size());
        ranks.push_back(rank);
        if (rank == kCatchAll) {
            if (params) params->insert_or_assign(text, std::string(rest));
            return ranks;
        }
        const std::size_t slash = rest.find('/');
        const std::string_view s = rest.substr(0, slash);
        if (rank == kParam) {
            if (s.empty()) return std::nullopt;
            if (params) params->insert_or_assign(text, std::string(s));
        }
        more = slash != std::string_view::npos;
        rest = more ? rest.substr(slash + 1) : std::string_view{};
    }
    if (more) return std::nullopt;
    return ranks;
}

}  // namespace

void Router::add(Method m, std::string pattern, Handler h, RouteOptions o) {
    validate_pattern(pattern);
    const std::string shape = shape_of(pattern);
    for (const Route& r : routes_)
        if (r.method == m && shape_of(r.pattern) == shape)
            throw std::logic_error("route " + std::string(method_name(m)) + " " + pattern + " registered twice (as " +
                                   r.pattern + ")");
    Compiled compiled;
    for (const Segment& seg : split_pattern(pattern)) compiled.emplace_back(seg.rank, std::string(seg.text));
    segments_.push_back(std::move(compiled));
    routes_.push_back(Route{m, std::move(pattern), std::move(h), std::move(o)});
}

Match Router::match(Method m, std::string_view path, std::map<std::string, std::string, std::less<>>* params) const {
    Match result;
    std::vector<int> best_ranks;
    const Route* best_get = nullptr;  // for HEAD without an explicit HEAD route
    std::vector<int> best_get_ranks;
    for (std::size_t i = 0; i < routes_.size(); ++i) {
        const Route& r = routes_[i];
        const auto ranks = match_pattern(segments_[i], path, nullptr);
        if (!ranks) continue;
        if (r.method == m) {
            if (!result.route || *ranks > best_ranks) {
                result.route = &r;
                best_ranks = *ranks;
            }
        } else if (m == Method::Head && r.method == Method::Get) {
            if (!best_get || *ranks > best_get_ranks) {
                best_get = &r;
                best_get_ranks = *ranks;
            }
        }
        result.allowed.push_back(r.method);
        if (r.method == Method::Get) result.allowed.push_back(Method::Head);
    }
    if (!result.route) result.route = best_get;
    if (result.route) {
        result.allowed.clear();
        if (params) {
            params->clear();
            match_pattern(segments_[static_cast<std::size_t>(result.route - routes_.data())], path, params);
        }
        return result;
    }
    std::sort(result.allowed.begin(), result.allowed.end());
    result.allowed.erase(std::unique(result.allowed.begin(), result.allowed.end()), result.allowed.end());
    return result;
}

}  // namespace avenir::http
