-- The stand-in alone: the request ActionKit's provider sends for one call (BENCH_TOKEN is the
-- user's token; BENCH_ACTION_BODY the JSON body).
local body = os.getenv("BENCH_ACTION_BODY")
local headers = {
  ["Content-Type"] = "application/json",
  ["Authorization"] = "Bearer " .. (os.getenv("BENCH_TOKEN") or ""),
}

function request()
  return wrk.format("POST", nil, headers, body)
end
