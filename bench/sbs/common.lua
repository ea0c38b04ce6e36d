-- Shared part of the side-by-side wrk scripts (bench/side-by-side.sh). Every answer is checked by the scenario's
-- check(status, body) function; answers it does not expect are counted per thread and shown in the summary, with
-- the first one as a sample. done() prints one machine-readable line that side-by-side.sh turns into the table.
local M = {}
local threads = {}

-- check(status, body) -> true when the answer is the expected one; extras: names of further global counters the
-- scenario keeps in each thread, summed and printed as name=value
function M.install(check, extras)
  ok_count, bad_count, bad_sample, bad_statuses = 0, 0, "", {}

  setup = function(thread)
    table.insert(threads, thread)
    thread:set("thread_id", #threads)   -- 1, 2, ... in the thread's own state, before its init()
  end

  response = function(status, headers, body)
    if check(status, body) then
      ok_count = ok_count + 1
    else
      bad_count = bad_count + 1
      bad_statuses[status] = (bad_statuses[status] or 0) + 1
      if bad_sample == "" then
        bad_sample = status .. " " .. string.sub(string.gsub(body or "", "[%c\"]", " "), 1, 160)
      end
    end
  end

  done = function(summary, latency, requests)
    local ok, bad, lost, sample, statuses = 0, 0, 0, "", ""
    for _, t in ipairs(threads) do
      ok = ok + (t:get("ok_count") or 0)
      bad = bad + (t:get("bad_count") or 0)
      lost = lost + (t:get("lost_chains") or 0)
      local s = t:get("bad_sample") or ""
      if sample == "" then sample = s end
      local st = t:get("bad_statuses") or {}
      for k, v in pairs(st) do statuses = statuses .. k .. ":" .. v .. " " end
    end
    local more = ""
    for _, name in ipairs(extras or {}) do
      local sum = 0
      for _, t in ipairs(threads) do sum = sum + (t:get(name) or 0) end
      more = more .. name .. "=" .. sum .. " "
    end
    local e = summary.errors
    io.write(string.format(
      "SBS_RESULT %srps=%.1f requests=%d ok=%d unexpected=%d p50_ms=%.2f p99_ms=%.2f " ..
      "lost_chains=%d sock_errors=%d timeouts=%d unexpected_statuses=%s sample=%s\n",
      more, summary.requests / (summary.duration / 1e6), summary.requests, ok, bad,
      latency:percentile(50) / 1000, latency:percentile(99) / 1000,
      lost, e.connect + e.read + e.write, e.timeout,
      (statuses == "" and "-" or string.gsub(statuses, " $", "")), (sample == "" and "-" or sample)))
  end
end

-- form-encodes one value (RFC 6749 appendix B)
function M.enc(s)
  return (string.gsub(s, "[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function M.lines(path)
  local out = {}
  for line in io.lines(path) do
    if line ~= "" then out[#out + 1] = line end
  end
  assert(#out > 0, "no lines in " .. path)
  return out
end

function M.form_headers()
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  local basic = os.getenv("SBS_BASIC") or ""
  if basic ~= "" then wrk.headers["Authorization"] = "Basic " .. basic end
end

-- a static form POST to SBS_PATH: the given body, plus scope=SBS_SCOPE when that is set
function M.static_post(body)
  M.form_headers()
  local scope = os.getenv("SBS_SCOPE") or ""
  if scope ~= "" then body = body .. "&scope=" .. M.enc(scope) end
  wrk.body = body
  wrk.path = os.getenv("SBS_PATH")
end

return M
