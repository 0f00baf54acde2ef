#pragma once
// Demo and benchmark data for the library: realistic, multilingual resources composed from phrase banks
// about the programme's subjects (algorithmic management, data protection at work, AI in public services,
// bargaining, joint governance, coalitions...), in English, French, Spanish and Arabic.
//
// Every item depends only on (seed, index), so a large library can be generated in batches:
// demo_resources(10000, seed, 20000) returns items 20000..29999, exactly as one big call would.
// All names of people, unions, employers and institutes are invented or generic; links use example.org and
// example.net only; no e-mail addresses.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "modules/library/library_types.hpp"

namespace avenir::library {

// count resources starting at first_index of the sequence for seed. Each passes validate() with no problems.
// Mix: first version ~45% en, 25% fr, 20% es, 10% ar; ~30% have a second language, ~10% a third; bodies of
// about 120-250 words of Markdown; recordings and audio have a duration, half of them a transcript.
std::vector<Resource> demo_resources(std::size_t count, std::uint64_t seed, std::size_t first_index = 0);

// count search queries of 1 to 3 words in lang (en, fr, es, ar; empty result for others), drawn from the
// vocabulary of demo_resources: some lower-cased, some without accents ("numerique"), some plurals.
std::vector<std::string> demo_queries(std::string_view lang, std::size_t count, std::uint64_t seed);

}  // namespace avenir::library
