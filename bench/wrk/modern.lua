-- tools/call on MCP 2026-07-28's single-exchange path: no initialize, no session; each POST is
-- a whole request with the routing headers (MCP-Protocol-Version, Mcp-Method, Mcp-Name) and the
-- request envelope in params._meta. Requests cycle through the users' bearer tokens of
-- BENCH_TOKENS (one a line) as call.lua cycles through sessions; each request in flight has its
-- own JSON-RPC id. BENCH_TOOL and BENCH_ARGUMENTS say what to call.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

local users
local counter = 0
local body_format

function init(args)
  local tool = os.getenv("BENCH_TOOL")
  users = {}
  for _, token in ipairs(load_tokens()) do
    table.insert(users, {
      ["Content-Type"] = "application/json",
      ["Accept"] = "application/json, text/event-stream",
      ["Authorization"] = "Bearer " .. token,
      ["MCP-Protocol-Version"] = "2026-07-28",
      ["Mcp-Method"] = "tools/call",
      ["Mcp-Name"] = tool,
    })
  end
  body_format = '{"jsonrpc":"2.0","id":%d,"method":"tools/call","params":{"name":"' .. tool
    .. '","arguments":' .. os.getenv("BENCH_ARGUMENTS") .. ',"_meta":{'
    .. '"io.modelcontextprotocol/protocolVersion":"2026-07-28",'
    .. '"io.modelcontextprotocol/clientCapabilities":{}}}}'
end

function request()
  counter = counter + 1
  local headers = users[(counter % #users) + 1]
  return wrk.format("POST", nil, headers, string.format(body_format, tid * 1000000000 + counter))
end

-- Only a complete, successful result counts as good: a JSON-RPC error, a tool error or an
-- input_required result is bad; wrk counts non-2xx statuses itself.
function response(status, headers, body)
  if status ~= 200 or body:find('"error":{', 1, true) or body:find('"isError":true', 1, true)
    or not body:find('"resultType":"complete"', 1, true) then
    bad = bad + 1
  end
end
