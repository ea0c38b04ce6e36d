-- Device authorization requests (RFC 8628 §3.1) from a public client. Expected: 200 with a device_code and a
-- user_code (§3.2); anything else is counted.
local c = dofile(os.getenv("SBS_LUA_DIR") .. "/common.lua")
c.static_post("client_id=" .. c.enc(os.getenv("SBS_CLIENT_ID")))

c.install(function(status, b)
  return status == 200 and string.find(b, '"device_code"%s*:%s*"[^"]+"') ~= nil
    and string.find(b, '"user_code"%s*:%s*"[^"]+"') ~= nil
end)
