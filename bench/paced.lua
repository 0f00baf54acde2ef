-- wrk script for bench/http's paced rows: each connection waits BENCH_DELAY_MS before every
-- request, which holds the load at about connections x 1000 / (delay + latency) requests a second
-- instead of as many as the server can take.
local d = tonumber(os.getenv("BENCH_DELAY_MS") or "0")
function delay()
  return d
end
