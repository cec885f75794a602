-- tools/call over MCP sessions opened beforehand. BENCH_SESSIONS names a file of
-- "<session id> <bearer token>" lines; requests go round-robin over them. Each request in
-- flight on a session gets its own JSON-RPC id (thread number, then a counter).
-- BENCH_TOOL and BENCH_ARGUMENTS say what to call.
local threads = {}
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("tid", thread_count)
  table.insert(threads, thread)
end

local sessions = {}
local counter = 0
local bad = 0
local body_format

function init(args)
  for line in io.lines(os.getenv("BENCH_SESSIONS")) do
    local sid, token = line:match("^(%S+) (%S+)$")
    if sid then table.insert(sessions, { sid = sid, auth = "Bearer " .. token }) end
  end
  body_format = '{"jsonrpc":"2.0","id":%d,"method":"tools/call","params":{"name":"'
    .. os.getenv("BENCH_TOOL") .. '","arguments":' .. os.getenv("BENCH_ARGUMENTS") .. '}}'
end

function request()
  counter = counter + 1
  local session = sessions[(counter % #sessions) + 1]
  local headers = {
    ["Content-Type"] = "application/json",
    ["Accept"] = "application/json, text/event-stream",
    ["Authorization"] = session.auth,
    ["Mcp-Session-Id"] = session.sid,
  }
  return wrk.format("POST", nil, headers, string.format(body_format, tid * 1000000000 + counter))
end

-- A JSON-RPC error or a tool error counts as bad; wrk counts non-2xx statuses itself.
function response(status, headers, body)
  if status ~= 200 or body:find('"error":{', 1, true) or body:find('"isError":true', 1, true) then
    bad = bad + 1
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + (thread:get("bad") or 0) end
  io.write(string.format("bad responses: %d\n", total))
end
