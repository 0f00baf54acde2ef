#pragma once
// Lowering the calling thread's CPU priority, for threads whose work may wait: handler workers
// (below the io threads that serve cached pages) and password hashing (below everything).

namespace avenir {

// Sets the calling thread's niceness (Linux applies it per thread) and, on kernels with the EEVDF
// scheduler (6.12+), a short slice of `slice_us` microseconds: once picked, the thread hands the
// CPU back quickly to a thread of higher priority that is waiting. Returns false when neither
// could be set; that only costs priority, never work. nice 0 and slice 0 change nothing.
bool lower_thread_priority(int nice, unsigned slice_us = 100);

// Puts the calling thread in SCHED_IDLE: it runs when its CPU has nothing else to do, and any
// ordinary thread that wakes takes the CPU from it at once. For work that can wait for seconds
// without harm (and is bounded elsewhere, as it may wait that long under full load). Returns false
// when the kernel refused (the thread keeps its priority).
bool run_thread_only_when_idle();

}  // namespace avenir
