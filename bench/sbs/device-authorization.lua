-- Device authorization requests (RFC 8628 §3.1) from a public client. Expected: 200 with a device_code and a
-- user_code (§3.2); anything else is counted.
local c = dofile(os.getenv("SBS_LUA_DIR") .. "/common.lua")
c.form_headers()
local body = "client_id=" .. c.enc(os.getenv("SBS_CLIENT_ID"))
local scope = os.getenv("SBS_SCOPE") or ""
if scope ~= "" then body = body .. "&scope=" .. c.enc(scope) end
wrk.body = body
wrk.path = os.getenv("SBS_PATH")

c.install(function(status, b)
  return status == 200 and string.find(b, '"device_code"%s*:%s*"[^"]+"') ~= nil
    and string.find(b, '"user_code"%s*:%s*"[^"]+"') ~= nil
end)
