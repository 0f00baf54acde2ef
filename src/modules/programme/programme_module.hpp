#pragma once
// The programme's public pages: home, regions, a region, contacts. Content comes from
// content/programme (see `avenir seed`) through ProgrammeStore, and is held in memory as one
// snapshot per generation of the reference data, so these pages cost no query. The module also
// owns the reference data every module reads (regions and themes).
#include <memory>
#include <mutex>

#include "core/http/router.hpp"
#include "core/kit/module.hpp"
#include "core/view/layout.hpp"
#include "modules/programme/programme_store.hpp"

namespace avenir::programme {

class ProgrammeModule final : public kit::Module {
public:
    std::string name() const override { return "programme"; }
    void start(kit::Context& ctx, kit::Registration& reg) override;

    // Loads content_root/programme into the database; returns the rows changed.
    int seed(const std::filesystem::path& content_root);

private:
    void routes(kit::Registration& reg);
    // The content as of the current reference generation (loaded once per generation).
    std::shared_ptr<const Content> content();
    http::Response home(http::Request& req);
    http::Response regions(http::Request& req);
    http::Response region(http::Request& req);
    http::Response contacts(http::Request& req);

    kit::Context* ctx_ = nullptr;
    const view::Layout* layout_ = nullptr;
    std::mutex content_mutex_;
    std::shared_ptr<const Content> content_;
    std::string content_generation_;
};

// The reference snapshot (regions and themes) from the programme's tables.
kit::ReferenceSnapshot load_reference(storage::Executor& db);

}  // namespace avenir::programme
