// Accept-Language negotiation (RFC 9110 section 12.5.4, basic filtering of RFC 4647 reduced to
// the primary subtag, since each of our languages has one locale).
//
// Decisions:
// - Parsing is strict per element and lenient per header: an element whose range or weight does
//   not follow the grammar (range 1*8ALPHA *("-" 1*8alphanum) or "*"; only a "q" parameter; qvalue
//   "0[.ddd]" or "1[.000]") is ignored and the others still count. Browsers send well-formed
//   headers; a broken one must not cost the person the languages it does name.
// - Several ranges with the same primary subtag ("fr-CA;q=0, fr"): the highest q counts, so a
//   person refusing one regional variant still gets our French.
// - "*" gives its q to the languages no other range names; a named language keeps its own q,
//   even when lower ("fr;q=0.1, *" prefers English to French).
// - Ties: the range written first wins; between languages only "*" reaches, our order (en first).
#include "core/i18n/i18n.hpp"

#include <limits>

namespace avenir::i18n {
namespace {

constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

struct Weight {
    int q = -1;              // thousandths; -1: no range applies
    std::size_t at = kNone;  // index of the element that gave q
    void offer(int new_q, std::size_t new_at) {
        if (new_q > q) q = new_q, at = new_at;
    }
};

bool is_ows(char c) { return c == ' ' || c == '\t'; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_ows(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_ows(s.back())) s.remove_suffix(1);
    return s;
}

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool valid_range(std::string_view range) {
    if (range == "*") return true;
    std::size_t n = 0;  // characters in the current subtag
    bool first = true;
    for (const char c : range) {
        if (c == '-') {
            if (n == 0) return false;
            first = false, n = 0;
            continue;
        }
        if (!(is_alpha(c) || (!first && is_digit(c))) || ++n > 8) return false;
    }
    return n > 0;
}

// "0", "0.5", "0.125", "1", "1.000" -> thousandths; -1 when malformed.
int parse_qvalue(std::string_view s) {
    if (s.empty() || (s[0] != '0' && s[0] != '1')) return -1;
    int q = s[0] == '1' ? 1000 : 0;
    if (s.size() == 1) return q;
    if (s[1] != '.' || s.size() > 5) return -1;
    int scale = 100;
    for (const char c : s.substr(2)) {
        if (!is_digit(c) || (q == 1000 && c != '0')) return -1;
        q += (c - '0') * scale;
        scale /= 10;
    }
    return q;
}

// The q of an element's parameters ("" -> 1000); -1 when malformed.
int parse_weight(std::string_view params) {
    int q = 1000;
    bool seen = false;
    while (!params.empty()) {
        const std::size_t semi = params.find(';');
        const std::string_view param = trim(params.substr(0, semi));
        params = semi == std::string_view::npos ? std::string_view() : params.substr(semi + 1);
        if (seen || param.size() < 2 || (param[0] != 'q' && param[0] != 'Q') || param[1] != '=') return -1;
        q = parse_qvalue(param.substr(2));
        if (q < 0) return -1;
        seen = true;
    }
    return q;
}

std::size_t language_index(std::string_view range) {
    const std::string_view primary = range.substr(0, range.find('-'));
    const auto& all = languages();
    for (std::size_t i = 0; i < all.size(); ++i) {
        const std::string& code = all[i].code;
        if (primary.size() != code.size()) continue;
        bool same = true;
        for (std::size_t k = 0; k < code.size() && same; ++k)
            same = static_cast<char>(primary[k] | 0x20) == code[k];  // codes are lowercase ASCII letters
        if (same) return i;
    }
    return kNone;
}

}  // namespace

std::string negotiate_language(std::string_view header) {
    const auto& all = languages();
    std::vector<Weight> named(all.size());
    Weight star;
    std::size_t index = 0;
    while (!header.empty()) {
        const std::size_t comma = header.find(',');
        const std::string_view element = trim(header.substr(0, comma));
        header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
        if (element.empty()) continue;  // "a,,b" and a trailing comma are allowed by the list rule
        const std::size_t semi = element.find(';');
        const std::string_view range = trim(element.substr(0, semi));
        const int q = semi == std::string_view::npos ? 1000 : parse_weight(element.substr(semi + 1));
        const std::size_t at = index++;
        if (q < 0 || !valid_range(range)) continue;
        if (range == "*") {
            star.offer(q, at);
        } else if (const std::size_t i = language_index(range); i != kNone) {
            named[i].offer(q, at);
        }
    }
    std::size_t best = kNone;
    Weight best_weight;
    for (std::size_t i = 0; i < all.size(); ++i) {
        const Weight w = named[i].q >= 0 ? named[i] : star;
        if (w.q <= 0) continue;
        if (best == kNone || w.q > best_weight.q || (w.q == best_weight.q && w.at < best_weight.at))
            best = i, best_weight = w;
    }
    return best == kNone ? "en" : all[best].code;
}

}  // namespace avenir::i18n
