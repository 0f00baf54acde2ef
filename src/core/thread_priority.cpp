#include "core/thread_priority.hpp"

#include <sched.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cstdint>

namespace avenir {
namespace {

// The kernel's struct sched_attr (a stable ABI; glibc 2.36 has no wrapper for sched_setattr, and
// <linux/sched/types.h> clashes with <sched.h>).
struct SchedAttr {
    std::uint32_t size;
    std::uint32_t sched_policy;
    std::uint64_t sched_flags;
    std::int32_t sched_nice;
    std::uint32_t sched_priority;
    std::uint64_t sched_runtime, sched_deadline, sched_period;
};

}  // namespace

bool lower_thread_priority(int nice, unsigned slice_us) {
    if (nice == 0 && slice_us == 0) return true;
    SchedAttr attr{};
    attr.size = sizeof attr;
    attr.sched_policy = SCHED_OTHER;
    attr.sched_nice = nice;
    attr.sched_runtime = static_cast<std::uint64_t>(slice_us) * 1000;  // EEVDF reads it as the slice
    if (::syscall(SYS_sched_setattr, 0, &attr, 0) == 0) return true;
    // Older kernels refuse a runtime for SCHED_OTHER: niceness alone.
    return nice == 0 || ::setpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid)), nice) == 0;
}

bool run_thread_only_when_idle() {
    sched_param param{};
    param.sched_priority = 0;
    return ::sched_setscheduler(0, SCHED_IDLE, &param) == 0;  // 0: the calling thread on Linux
}

}  // namespace avenir
