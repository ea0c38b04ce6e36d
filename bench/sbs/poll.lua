-- Pending device-code polls (RFC 8628 §3.4), round-robin over SBS_CODES (codes nobody approves).
-- Expected: 400 with error authorization_pending or slow_down (RFC 8628 §3.5); anything else is counted.
local c = dofile(os.getenv("SBS_LUA_DIR") .. "/common.lua")
local codes = c.lines(os.getenv("SBS_CODES"))
local path = os.getenv("SBS_PATH")
local prefix = "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code&client_id=" ..
  c.enc(os.getenv("SBS_CLIENT_ID")) .. "&device_code="
local i = 0
c.form_headers()

request = function()
  i = i + 1
  return wrk.format(nil, path, nil, prefix .. c.enc(codes[(i % #codes) + 1]))
end

c.install(function(status, body)
  return status == 400 and (string.find(body, '"error"%s*:%s*"authorization_pending"') ~= nil
    or string.find(body, '"error"%s*:%s*"slow_down"') ~= nil)
end)
