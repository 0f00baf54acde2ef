#pragma once
// The digital bargaining hub. Today: the clause library's records (bargaining_types.hpp), its
// store (bargaining_store.cpp), and the shipped model clauses, taxonomy and joint-governance
// models (content/bargaining, read by bargaining_content.cpp and seeded here). Browsing, the
// composer with its DOCX/ODT documents, the gap checker and contributions come next (issue 14).
#include <filesystem>

#include "core/kit/module.hpp"
#include "modules/bargaining/bargaining_store.hpp"

namespace avenir::bargaining {

class BargainingModule final : public kit::Module {
public:
    std::string name() const override { return "bargaining"; }
    void start(kit::Context& ctx, kit::Registration& reg) override;
    // The shipped taxonomy, models and clauses: each created once (by slug), never overwritten,
    // so edits made on the platform stay. Returns what was created.
    int seed(const std::filesystem::path& content_root);
    BargainingStore store() { return BargainingStore(ctx_->db); }

private:
    kit::Context* ctx_ = nullptr;
};

}  // namespace avenir::bargaining
