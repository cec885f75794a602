-- tools/list, first page, over the first session of BENCH_SESSIONS.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

local headers
local counter = 0

function init(args)
  headers = load_sessions()[1]
end

function request()
  counter = counter + 1
  local body = string.format('{"jsonrpc":"2.0","id":%d,"method":"tools/list","params":{}}', tid * 1000000000 + counter)
  return wrk.format("POST", nil, headers, body)
end

function response(status, headers, body)
  if status ~= 200 or not body:find('"tools":[', 1, true) then bad = bad + 1 end
end
