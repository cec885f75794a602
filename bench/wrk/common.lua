-- What the MCP scripts share: thread numbers (for unique JSON-RPC ids), the sessions of
-- BENCH_SESSIONS ("<session id> <bearer token>" lines), the bearer tokens of BENCH_TOKENS (one
-- a line, for the single-exchange path), and a count of bad answers that done() prints as
-- "bad responses: N". Loaded with dofile() from BENCH_LUA_DIR.
local threads = {}
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("tid", thread_count)
  table.insert(threads, thread)
end

bad = 0

function load_sessions()
  local sessions = {}
  for line in io.lines(os.getenv("BENCH_SESSIONS")) do
    local sid, token = line:match("^(%S+) (%S+)$")
    if sid then
      table.insert(sessions, {
        ["Content-Type"] = "application/json",
        ["Accept"] = "application/json, text/event-stream",
        ["Authorization"] = "Bearer " .. token,
        ["Mcp-Session-Id"] = sid,
      })
    end
  end
  return sessions
end

function load_tokens()
  local tokens = {}
  for line in io.lines(os.getenv("BENCH_TOKENS")) do
    local token = line:match("^(%S+)$")
    if token then table.insert(tokens, token) end
  end
  return tokens
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + (thread:get("bad") or 0) end
  io.write(string.format("bad responses: %d\n", total))
end
