#pragma once
// The platform's audit log, written by any module and kept by the one that owns it (accounts).
// record() takes the executor the caller writes with, so an action and its audit entry commit or
// roll back together: db.with_tx([&](Transaction& tx) { ...write...; ctx.audit.record(tx, {...}); }).
// Never put personal data in `detail` (ids and slugs only).
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>

#include "storage/database.hpp"

namespace avenir::kit {

struct AuditEvent {
    std::string event;                    // "library_resource_created"
    std::optional<std::int64_t> actor;    // who did it (a person's id)
    std::optional<std::int64_t> subject;  // whom it concerns (a person's id)
    std::string detail;                   // ids, slugs
};

class AuditLog {
public:
    using Writer = std::function<void(storage::Executor&, const AuditEvent&)>;
    void set_writer(Writer writer) { writer_ = std::move(writer); }
    void record(storage::Executor& ex, const AuditEvent& e) const {
        if (!writer_) throw std::logic_error("no module keeps the audit log (the accounts module must be in the module list)");
        writer_(ex, e);
    }

private:
    Writer writer_;
};

}  // namespace avenir::kit
