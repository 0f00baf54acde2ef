// The search documents of clauses, with their facet tokens.
#include "modules/bargaining/bargaining_search.hpp"

#include <algorithm>

#include "core/search/index.hpp"
#include "modules/bargaining/bargaining_module.hpp"
#include "modules/bargaining/bargaining_rules.hpp"

namespace avenir::bargaining {

std::string facet_token(char facet, std::string_view value) {
    // FNV-1a, in decimal: a token with digits is never stemmed, and any value fits in one word.
    std::uint32_t h = 2166136261u;
    for (unsigned char ch : value) {
        h ^= ch;
        h *= 16777619u;
    }
    return std::string("zb") + facet + std::to_string(h);
}

void BargainingModule::index_clause(storage::Executor& tx, const Clause& c) {
    search::SearchIndex index(tx);
    const std::string key = c.slug;
    index.remove("clauses", key);
    if (c.status != "published") return;
    std::string facets = facet_token('a', "all") + " " + facet_token('t', c.topic) + " " + facet_token('k', c.kind) + " " +
                         facet_token('w', c.won ? "1" : "0");
    if (!c.subtopic.empty()) facets += " " + facet_token('s', c.topic + "/" + c.subtopic);
    for (const auto& m : c.mechanisms) facets += " " + facet_token('m', m);
    for (const auto& l : c.lifecycle) facets += " " + facet_token('c', l);
    for (const auto& g : c.technologies) facets += " " + facet_token('g', g);
    for (const auto& e : c.sectors) facets += " " + facet_token('e', e);
    if (!c.sector.empty()) facets += " " + facet_token('e', c.sector);
    if (!c.region.empty()) facets += " " + facet_token('r', c.region);
    if (!c.country.empty()) facets += " " + facet_token('n', c.country);
    for (const auto& t : c.texts) {
        if (std::find(std::begin(search::kIndexLanguages), std::end(search::kIndexLanguages), t.lang) == std::end(search::kIndexLanguages)) continue;
        std::string body = t.summary + "\n" + t.body + "\n" + t.why + "\n";
        for (const auto& g : c.technologies) body += g + " ";
        if (!c.hide_employer && !c.parties.empty()) body += c.parties + " ";
        body += c.country + " " + c.legal_basis + search::kHiddenTerms + facets + " " + facet_token('l', t.lang);
        index.put("clauses", {key, t.lang, t.title, body, "/bargaining/clauses/" + c.slug, audience_of(c)});
    }
}

}  // namespace avenir::bargaining
