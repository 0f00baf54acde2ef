#pragma once
// The platform search (/search): one query across every source the reader may see (today the
// guide's workshops and steps and the library's resources; each later module provides its own
// kit::SearchSource), results grouped by kind with counts, or one kind page by page. No tables of
// its own: sources keep their documents in the shared index (core/search/index.hpp) or answer from
// an index of their own. The header's search field on every page leads here.
#include "core/http/router.hpp"
#include "core/kit/module.hpp"

namespace avenir::sitesearch {

class SearchModule final : public kit::Module {
public:
    std::string name() const override { return "sitesearch"; }
    void start(kit::Context& ctx, kit::Registration& reg) override;

    static constexpr int kPerGroup = 5;   // hits per kind on the grouped page
    static constexpr int kPerPage = 20;   // hits per page of one kind

private:
    void routes(kit::Registration& reg);
    http::Response results(http::Request& req);

    kit::Context* ctx_ = nullptr;
};

}  // namespace avenir::sitesearch
