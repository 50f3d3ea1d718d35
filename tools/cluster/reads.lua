-- wrk script of deploy/local-cluster.sh: a signed-in rep's pages in turn, with the session cookie
-- of COOKIE; anything but a 200 (a redirect to the sign-in page included) counts as an error.
local paths = { "/sales/today", "/sales/leads", "/sales/pipeline", "/sales/tasks" }
local cookie = os.getenv("COOKIE")
local n = 0
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  bad = 0
  good = 0
end

function request()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1], { ["Cookie"] = cookie })
end

function response(status, headers, body)
  if status == 200 then
    good = good + 1
  else
    bad = bad + 1
  end
end

function done(summary, latency, requests)
  local g, b = 0, 0
  for _, t in ipairs(threads) do
    g = g + t:get("good")
    b = b + t:get("bad")
  end
  io.write(string.format("READS ok=%d bad=%d socket_errors=%d p50_ms=%.1f p99_ms=%.1f\n", g, b,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
