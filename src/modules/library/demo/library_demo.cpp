#include "modules/library/demo/library_demo.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <span>
#include <stdexcept>
#include <unordered_set>

// How the text is made: each resource picks a "focus" (subject, sector, tool, harm, occupation, country,
// city, union, employer...) from concept banks aligned across the four languages, so its translations talk
// about the same things; each language then fills its own sentence templates from those concepts. Banks are
// ordered roughly from common to rare and picked with a Zipf-like law, which gives word frequencies a long
// tail and keeps most 1-3 word queries selective. All text below was written for this generator.

namespace avenir::library {
namespace {

#include "modules/library/demo/library_demo_concepts.inc"
#include "modules/library/demo/library_demo_concepts_work.inc"
#include "modules/library/demo/library_demo_countries.inc"
#include "modules/library/demo/library_demo_cities.inc"
#include "modules/library/demo/library_demo_names.inc"
#include "modules/library/demo/library_demo_text_en.inc"
#include "modules/library/demo/library_demo_text_fr.inc"
#include "modules/library/demo/library_demo_text_es.inc"
#include "modules/library/demo/library_demo_text_ar.inc"
#include "modules/library/demo/library_demo_grammar.inc"
#include "modules/library/demo/library_demo_resources.inc"
#include "modules/library/demo/library_demo_queries.inc"
}  // namespace

std::vector<Resource> demo_resources(std::size_t count, std::uint64_t seed, std::size_t first_index) {
    std::vector<Resource> out;
    out.reserve(count);
    for (std::size_t i = 0; i < count; ++i) out.push_back(make_resource(seed, first_index + i));
    return out;
}

std::vector<std::string> demo_queries(std::string_view lang, std::size_t count, std::uint64_t seed) {
    std::vector<std::string> out;
    const auto it = std::find(std::begin(kLangKeys), std::end(kLangKeys), lang);
    if (it == std::end(kLangKeys)) return out;
    const int l = static_cast<int>(it - std::begin(kLangKeys));
    out.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        Rng r{mix(seed ^ 0x5155455259ull, i * 4 + static_cast<std::size_t>(l))};
        out.push_back(make_query(l, r));
    }
    return out;
}

}  // namespace avenir::library
