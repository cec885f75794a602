-- tools/list, first page, over one MCP session (BENCH_SESSIONS: its "<id> <token>" line).
local threads = {}
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("tid", thread_count)
  table.insert(threads, thread)
end

local headers
local counter = 0
local bad = 0

function init(args)
  for line in io.lines(os.getenv("BENCH_SESSIONS")) do
    local sid, token = line:match("^(%S+) (%S+)$")
    if sid and not headers then
      headers = {
        ["Content-Type"] = "application/json",
        ["Accept"] = "application/json, text/event-stream",
        ["Authorization"] = "Bearer " .. token,
        ["Mcp-Session-Id"] = sid,
      }
    end
  end
end

function request()
  counter = counter + 1
  local body = string.format('{"jsonrpc":"2.0","id":%d,"method":"tools/list","params":{}}', tid * 1000000000 + counter)
  return wrk.format("POST", nil, headers, body)
end

function response(status, headers, body)
  if status ~= 200 or not body:find('"tools":[', 1, true) then bad = bad + 1 end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + (thread:get("bad") or 0) end
  io.write(string.format("bad responses: %d\n", total))
end
