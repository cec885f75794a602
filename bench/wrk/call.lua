-- tools/call over MCP sessions opened beforehand, round-robin; each request in flight on a
-- session has its own JSON-RPC id (thread number, then a counter). BENCH_TOOL and
-- BENCH_ARGUMENTS say what to call.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

local sessions
local counter = 0
local body_format

function init(args)
  sessions = load_sessions()
  body_format = '{"jsonrpc":"2.0","id":%d,"method":"tools/call","params":{"name":"'
    .. os.getenv("BENCH_TOOL") .. '","arguments":' .. os.getenv("BENCH_ARGUMENTS") .. '}}'
end

function request()
  counter = counter + 1
  local headers = sessions[(counter % #sessions) + 1]
  return wrk.format("POST", nil, headers, string.format(body_format, tid * 1000000000 + counter))
end

-- A JSON-RPC error or a tool error counts as bad; wrk counts non-2xx statuses itself.
function response(status, headers, body)
  if status ~= 200 or body:find('"error":{', 1, true) or body:find('"isError":true', 1, true) then
    bad = bad + 1
  end
end
