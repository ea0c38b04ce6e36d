-- Refresh with rotation (RFC 6749 §6, RFC 9700 §4.14.2). SBS_TOKENS holds one refresh token per connection: each
-- is a chain. A request takes a chain's current token; its answer must be 200 with an access_token and a NEW
-- refresh_token (never one sent before), which becomes the chain's current token. So every chain is used by one
-- request at a time, exactly as a client that serialises its refreshes, and no token is ever presented twice
-- (wrk's Lua API does not say which connection a response came on, so a thread's chains live in a FIFO that its
-- connections share; with as many chains as connections a chain is always free unless one was lost).
-- An answer without a new token loses its chain: that is counted (unexpected), and a request that finds no chain
-- left (lost_chains) is sent with an invalid token so that it is counted too, never silently skipped.
local c = dofile(os.getenv("SBS_LUA_DIR") .. "/common.lua")
c.form_headers()
local path = os.getenv("SBS_PATH")
local prefix = "grant_type=refresh_token"
local client_id = os.getenv("SBS_CLIENT_ID") or ""
if client_id ~= "" then prefix = prefix .. "&client_id=" .. c.enc(client_id) end
prefix = prefix .. "&refresh_token="
local queue, head, tail = {}, 1, 0
local used = {}
lost_chains = 0
local verify_call = false

-- init runs in each thread's state after setup() has numbered the threads (common.lua): thread k of n takes every
-- n-th token, so no chain is shared between threads (SBS_THREADS must be wrk's -t). wrk calls request() once more
-- in the first thread's state before the run to check what it returns (script_verify_request in wrk.c); that call
-- must not take a chain, or one connection would find none for the whole run.
init = function(args)
  local n, k = tonumber(os.getenv("SBS_THREADS") or "1"), thread_id or 1
  for i, t in ipairs(c.lines(os.getenv("SBS_TOKENS"))) do
    if (i - 1) % n == k - 1 then tail = tail + 1; queue[tail] = t end
  end
  verify_call = (k == 1)
end

request = function()
  if verify_call then
    verify_call = false
    return wrk.format(nil, path, nil, prefix .. "wrk-checks-the-script")
  end
  local token
  if head <= tail then
    token = queue[head]; queue[head] = nil; head = head + 1
  else
    lost_chains = lost_chains + 1
    token = "no-chain-left"
  end
  used[token] = true
  return wrk.format(nil, path, nil, prefix .. c.enc(token))
end

c.install(function(status, b)
  if status ~= 200 or string.find(b, '"access_token"%s*:%s*"[^"]+"') == nil then return false end
  local fresh = string.match(b, '"refresh_token"%s*:%s*"([^"]+)"')
  if fresh == nil or used[fresh] then return false end
  tail = tail + 1; queue[tail] = fresh
  return true
end)
