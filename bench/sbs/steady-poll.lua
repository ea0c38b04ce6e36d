-- Steady state (bench/steady-state.sh): device-code polls at a paced rate, each code at its interval.
-- SBS_CODES holds the outstanding codes; SBS_RATE is the offered rate (polls/s, all threads together). Thread k of
-- SBS_THREADS polls every SBS_THREADS-th code round-robin, so with N codes each code is polled every N / SBS_RATE
-- seconds (100,000 codes at 20,000/s: every 5 s, RFC 8628's default interval). Pacing: delay() holds each request
-- until its slot on the thread's schedule (LuaJIT's ffi clock), so the offered rate does not follow the latency
-- as long as there are connections free (connections >= rate x latency). Latency is measured from the send, not
-- from the slot (no coordinated-omission correction, unlike wrk2): the script also reports how late the sends ran
-- behind the schedule (behind_ms, at the end of the run).
-- Expected answers: 400 authorization_pending or slow_down (counted apart: slow_down means a code came round
-- sooner than its interval).
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } sbs_timespec;
  int clock_gettime(int clk_id, sbs_timespec *tp);
]]
local ts = ffi.new("sbs_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

local c = dofile(os.getenv("SBS_LUA_DIR") .. "/common.lua")
local path = os.getenv("SBS_PATH") or "/oauth/token"
local prefix = "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code&client_id=" ..
  c.enc(os.getenv("SBS_CLIENT_ID") or "latchkey-cli") .. "&device_code="
c.form_headers()
local codes, i, period, next_slot = {}, 0, 0, nil
pending, slow_down, behind_ms = 0, 0, 0

init = function(args)
  local n, k = tonumber(os.getenv("SBS_THREADS") or "1"), thread_id or 1
  for j, code in ipairs(c.lines(os.getenv("SBS_CODES"))) do
    if (j - 1) % n == k - 1 then codes[#codes + 1] = code end
  end
  period = 1000 * n / tonumber(os.getenv("SBS_RATE"))
end

delay = function()
  local now = now_ms()
  if next_slot == nil then next_slot = now end
  next_slot = next_slot + period
  behind_ms = math.max(0, now - next_slot)
  return math.max(0, next_slot - now)
end

request = function()
  i = i + 1
  return wrk.format(nil, path, nil, prefix .. c.enc(codes[(i % #codes) + 1]))
end

c.install(function(status, body)
  if status ~= 400 then return false end
  if string.find(body, '"error"%s*:%s*"authorization_pending"') then pending = pending + 1; return true end
  if string.find(body, '"error"%s*:%s*"slow_down"') then slow_down = slow_down + 1; return true end
  return false
end, {"pending", "slow_down", "behind_ms"})
