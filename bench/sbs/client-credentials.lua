-- client_credentials token requests (RFC 6749 §4.4) from a confidential client (HTTP Basic, SBS_BASIC).
-- Expected: 200 with an access_token (§4.4.3); anything else is counted.
local c = dofile(os.getenv("SBS_LUA_DIR") .. "/common.lua")
c.static_post("grant_type=client_credentials")

c.install(function(status, b)
  return status == 200 and string.find(b, '"access_token"%s*:%s*"[^"]+"') ~= nil
end)
