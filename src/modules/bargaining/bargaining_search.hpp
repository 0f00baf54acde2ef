#pragma once
// The clause library in the platform search. Each published clause is one document per language;
// its facets are indexed with it as tokens (zb<facet><number>), so that the database view's
// filters are part of the full-text match and the readers' audiences apply inside the query.
#include <string>
#include <string_view>

#include "modules/bargaining/bargaining_types.hpp"

namespace avenir::bargaining {

// Facets, one letter each: t topic, s sub-topic ("topic/subtopic"), k kind, m mechanism,
// c lifecycle stage, g technology, r region, n country, e sector, l language, w won ("1") or
// proposed ("0"), a every clause ("all").
std::string facet_token(char facet, std::string_view value);

}  // namespace avenir::bargaining
