// Who may reach each library route (tried by tests/http/route_security_test.cpp).
#include <gtest/gtest.h>

#include <sstream>

#include "app/app.hpp"
#include "modules/library/library_module.hpp"
#include "tests/http/route_expectations.hpp"

namespace avenir::testing {
namespace {
using enum Outcome;

// Personas: anonymous, member of union A, member of union B, coordinator elsewhere, admin.
const bool kRegistered = register_route_table({
    "library",
    {
        {"GET /library", {Allow, Allow, Allow, Allow, Allow}},
        {"GET /library/search", {Allow, Allow, Allow, Allow, Allow}},
        {"GET /library/feed.atom", {Allow, Allow, Allow, Allow, Allow}},
        {"GET /library/feeds/regions/{slug}", {Allow, Allow, Allow, Allow, Allow}},
        {"GET /library/feeds/themes/{theme}", {Allow, Allow, Allow, Allow, Allow}},
        {"GET /library/new", {SignIn, Deny, Deny, Allow, Allow}},
        {"POST /library/new", {Deny, Deny, Deny, Allow, Allow}},  // the handler then checks the regions chosen
        {"GET /library/{id}", {Allow, Allow, Allow, Allow, Allow}},
        {"GET /library/{id}/files/{file_id}", {Allow, Allow, Allow, Allow, Allow}},
        // Resource 1 is in Asia-Pacific: the coordinator of another region may not change it.
        {"GET /library/{id}/edit", {SignIn, Deny, Deny, Deny, Allow}},
        {"POST /library/{id}/edit", {Deny, Deny, Deny, Deny, Allow}},
        {"POST /library/{id}/delete", {Deny, Deny, Deny, Deny, Allow}},  // without confirm=yes: 422, nothing deleted
        {"POST /library/{id}/files", {Deny, Deny, Deny, Deny, Allow}},
        {"POST /library/{id}/files/{file_id}/delete", {Deny, Deny, Deny, Deny, Allow}},
    },
    {{"{id}", "1"}, {"{file_id}", "1"}, {"{slug}", "asia-pacific"}, {"{theme}", "bargaining"}},
    [](App& app, const Personas&) {
        std::istringstream resource(
            R"({"title":"Resource one","lang":"en","regions":["asia-pacific"],"themes":[5],"type":"guide","date":"2024-01-01"})");
        app.module<library::LibraryModule>().import_jsonl(resource);
    },
    {},
    // Twenty more resources in two languages, each with a file: listings, feeds, region pages and
    // searches must not cost more for them.
    [](App& app, const Personas&) {
        std::ostringstream lines;
        for (int i = 0; i < 20; ++i)
            for (const char* lang : {"en", "fr"})
                lines << R"({"ref":"grow-)" << i << R"(","title":"Workers and data )" << i << R"(","lang":")" << lang
                      << R"(","regions":["asia-pacific","global"],"themes":[1,5],"type":"guide","date":"2024-02-0)" << (i % 9 + 1) << "\"}\n";
        std::istringstream in(lines.str());
        auto& library = app.module<library::LibraryModule>();
        library.import_jsonl(in);
        auto store = library.store();
        for (const auto& hit : store.browse({}, 0, 100, false, false).hits)
            store.add_file(hit.resource.id, hit.resource.versions.front().lang,
                           {0, "main", std::string(64, 'a'), "file.pdf", "application/pdf", 10}, std::nullopt, 0);
    },
});

TEST(LibraryRouteTable, IsRegisteredOnceAndWellFormed) { EXPECT_EQ(route_table_problems("library"), std::vector<std::string>{}); }

}  // namespace
}  // namespace avenir::testing
