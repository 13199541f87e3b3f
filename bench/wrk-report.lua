-- wrk script of bench/web.sh: WRK_PATHS (paths separated by spaces) are asked for in turn, one per
-- request; at the end one line: requests, requests per second, non-2xx answers, p50/p95/p99 in ms.
local paths = {}
for p in string.gmatch(os.getenv("WRK_PATHS") or "", "%S+") do paths[#paths + 1] = p end
local i = 0
request = function()
  if #paths == 0 then return wrk.format(nil) end
  i = i % #paths + 1
  return wrk.format(nil, paths[i])
end
done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("report requests %d rps %.1f non2xx %d errors %d p50 %.1f p95 %.1f p99 %.1f max %.1f\n",
    summary.requests, summary.requests / seconds, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
