#pragma once
// What the guide puts in the platform search: each workshop (title, summary, objectives, key
// points, overview) and each of its steps (title, facilitator's script, participants' text), in
// every language it is written in. Drafts are for editors only (audience "draft": readers allowed
// guide_editor), and lead to the editor.
#include <vector>

#include "core/search/index.hpp"
#include "modules/guide/guide_types.hpp"

namespace avenir::guide {

inline constexpr const char* kSearchSource = "guide";
inline constexpr const char* kDraftAudience = "draft";

std::vector<search::Document> search_documents(const Workshop& w);
// Keeps the index in step: every workshop (after a seed), or one workshop (after an edit), in the
// caller's transaction.
int index_guide(storage::Transaction& tx, const GuideContent& content);
int index_workshop(storage::Transaction& tx, const Workshop& w);

}  // namespace avenir::guide
