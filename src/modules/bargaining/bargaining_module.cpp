#include "modules/bargaining/bargaining_module.hpp"

#include "core/clock.hpp"
#include "core/log.hpp"
#include "modules/bargaining/bargaining_content.hpp"

namespace avenir::bargaining {
namespace fs = std::filesystem;

std::unique_ptr<kit::Module> make_module() { return std::make_unique<BargainingModule>(); }

void BargainingModule::start(kit::Context& ctx, kit::Registration& reg) {
    ctx_ = &ctx;
    reg.seeder([this](const fs::path& root) { return seed(root); });
    // A contributed clause stays when its contributor is erased, without them (SET NULL).
    reg.personal_data({"bargaining_clauses", {"contributor_id"}, {}});
}

int BargainingModule::seed(const fs::path& content_root) {
    const Content content = read_content(content_root / "bargaining");
    const std::int64_t now = clock::unix_seconds();
    int created = 0;
    ctx_->db.with_tx([&](storage::Transaction& tx) {
        BargainingStore st(tx);
        const auto existing = st.topics();
        for (const auto& t : content.topics)
            if (std::none_of(existing.begin(), existing.end(), [&](const Topic& e) { return e.slug == t.slug; })) {
                st.put_topic(t);
                ++created;
            }
        const auto models = st.models();
        for (const auto& m : content.models)
            if (std::none_of(models.begin(), models.end(), [&](const Model& e) { return e.slug == m.slug; })) {
                st.put_model(m, now);
                ++created;
            }
        for (const auto& c : content.clauses)
            if (!st.by_slug(c.slug)) {
                st.create(c, now);
                ++created;
            }
    });
    if (created) log::info("bargaining_seeded", log::kv("created", static_cast<long long>(created)));
    return created;
}

}  // namespace avenir::bargaining
