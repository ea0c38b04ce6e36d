-- wrk script: RFC 8628 device-code polls, round-robin over a pool of device codes that nobody approves.
-- Each answer is authorization_pending or slow_down: the same hot path (one Lua script in Redis).
local codes = {}
for line in io.lines(os.getenv("CODES_FILE") or "codes.txt") do codes[#codes + 1] = line end
local i = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"

request = function()
  i = i + 1
  local code = codes[(i % #codes) + 1]
  return wrk.format(nil, "/oauth/token", nil,
    "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code&client_id=latchkey-cli&device_code=" .. code)
end

done = function(summary, latency, requests)
  io.write(string.format("non-2xx/3xx responses are expected: every answer is an RFC 8628 §3.5 error\n"))
end
