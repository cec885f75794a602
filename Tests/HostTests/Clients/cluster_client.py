"""Drives several paragon-mcp instances behind a round-robin proxy (cluster mode) with the official
Python SDK (PyPI `mcp` 2.3), in either era, for the cluster tests.

Usage:
  cluster_client.py --proxy URL --token TOKEN [--token2 TOKEN] [--instance URL ...]
                    --era handshake|stateless --scenario alternate|delete|load|listen
                    [--tool NAME] [--arguments JSON] [--requests N]
                    [--sessions M] [--calls N] [--duration SECONDS] [--pause SECONDS]
                    [--wait SECONDS] [--ready-file FILE] [--path PATH] [--timeout SECONDS]

URLs are base URLs (`http://127.0.0.1:PORT`); PATH (default /mcp, may carry `?user=ID` in
development mode, with TOKEN "-" for no Authorization header) is appended. `--instance` names each
instance directly, for the checks that must reach one (delete). TOKEN2, of the same user, is sent
instead of TOKEN on every other request of `alternate`. Each answer's `X-Upstream` header (the
proxy's `$upstream_addr`), when the proxy adds one, names the instance that served it. The
`READY` line of load and listen is also written to FILE (--ready-file), for a harness that waits
for a file rather than reading stdout as it comes.

Scenarios (one JSON object on stdout, its last line):
  alternate  one session (handshake: the SDK's initialize; stateless: the SDK pinned to 2026-07-28)
             through the proxy, then N requests (--requests, 12) alternating tools/list and a
             tools/call of TOOL with ARGUMENTS:
             {"scenario", "era", "protocolVersion", "sessionId", "requests", "succeeded",
              "errors": [{"request", "method", "error"}], "served": [upstream per request],
              "upstreams": {upstream: count}, "tokens": 1 | 2}
  delete     (handshake) a session through the proxy, tools/list on it directly at each instance,
             DELETE through the proxy, then tools/list on it directly at each instance again:
             {"scenario", "era", "protocolVersion", "sessionId", "listed" (tools on the first
              page, through the proxy; null, with "listError", when that failed), "before": [status
              per instance], "delete": {"status", "upstream"}, "after": [status per instance],
              "afterCodes": [JSON-RPC error code per instance, or null]}
  load       M sessions (--sessions, 4) at once through the proxy, each making sequential
             tools/call requests of TOOL, --calls (20) of them or until --duration has passed,
             whichever comes first, --pause apart (at least 0.1 s after a failure), in raw HTTP
             (the SDK hides statuses and connection errors). A request the proxy could not deliver
             (502, 503 or 504 from it, or a connection error) counts as not sent to a live instance
             and is sent again, once. Prints `READY` once every session is open, before the calls:
             {"scenario", "era", "sessions", "calls", "ok", "retried", "failures": {kind: count},
              "sessionsLost", "allSessionsEndedOk", "upstreams": {upstream: tools/call POSTs},
              "elapsed", "perSession": [{"session", "sessionId", "calls", "ok", "retried",
              "failures": {kind: count}, "lastOk", "okAfterLastFailure", "trace",
              "errors": [the first 5 failures]}]}
             kinds: unreachable (502/503/504, twice), connection, timeout, sessionNotFound (404 on a
             session), http<status>, rpc<code> (a JSON-RPC error at 200), toolError (isError),
             noAnswer; trace: one character per call, "." ok, "r" ok once sent again, "x" failed.
             A session is lost when its last call failed. Sessions end with DELETE afterwards.
  listen     a stream for the user's change notifications through the proxy: the session's GET
             stream (handshake), `subscriptions/listen` (stateless); prints
             `READY {"upstream": UPSTREAM}` once it is open, then waits up to --wait (30) seconds for
             `notifications/tools/list_changed`:
             {"scenario", "era", "protocolVersion", "sessionId", "upstream", "received", "elapsed",
              "notifications": [methods of the notifications received, in order]}
Exit status: 0 the scenario ran (what it found is in the JSON); 1 it could not run (a session that
does not open, a stream that does not open; message on stderr); 2 usage.
"""
import argparse
import json
import os
import sys
import time

import anyio
import httpx2
import mcp_types as types
from mcp import Client
from mcp.client.streamable_http import streamable_http_client
from mcp.client.subscriptions import ToolsListChanged

from client_support import describe, json_object_argument

HANDSHAKE_VERSION = "2025-11-25"
MODERN_VERSION = "2026-07-28"
CLIENT_INFO = {"name": "paragon-tests-cluster-client", "version": "1.0"}
UNREACHABLE = {502, 503, 504}  # from the proxy: no live instance took the request
RETRIED = {"unreachable", "connection"}  # the kinds sent again, once
ACCEPT = "application/json, text/event-stream"
UPSTREAM_HEADER = "x-upstream"
FAILURE_PAUSE = 0.1  # seconds after a failed call: a session that lost its instance must not spin


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--proxy", required=True)
    parser.add_argument("--token", required=True)
    parser.add_argument("--token2")
    parser.add_argument("--instance", action="append", default=[])
    parser.add_argument("--era", required=True, choices=["handshake", "stateless"])
    parser.add_argument("--scenario", required=True, choices=["alternate", "delete", "load", "listen"])
    parser.add_argument("--tool")
    parser.add_argument("--arguments", default="{}")
    parser.add_argument("--requests", type=int, default=12)
    parser.add_argument("--sessions", type=int, default=4)
    parser.add_argument("--calls", type=int, default=20)
    parser.add_argument("--duration", type=float)
    parser.add_argument("--pause", type=float, default=0.0)
    parser.add_argument("--wait", type=float, default=30.0)
    parser.add_argument("--ready-file")
    parser.add_argument("--path", default="/mcp")
    parser.add_argument("--timeout", type=float, default=60.0, help="per-request read timeout (seconds)")
    args = parser.parse_args()
    args.arguments = json_object_argument(parser, args.arguments)
    if args.scenario in ("alternate", "load") and args.tool is None:
        parser.error(f"--scenario {args.scenario} needs --tool")
    if args.scenario == "delete" and args.era != "handshake":
        parser.error("--scenario delete has sessions to end only in the handshake era")
    if args.scenario == "delete" and not args.instance:
        parser.error("--scenario delete needs --instance for each instance")
    if args.requests < 1 or args.sessions < 1 or args.calls < 1:
        parser.error("--requests, --sessions and --calls must be at least 1")
    return args


def authorization(token):
    return {} if token in ("", "-") else {"Authorization": f"Bearer {token}"}


def endpoint(base, args):
    return base.rstrip("/") + args.path


def count(counts, key):
    counts[key] = counts.get(key, 0) + 1


def ready(args, line):
    """Tells the harness the run is ready for what it does next (kill an instance, complete a setup)."""
    print(line, flush=True)
    if args.ready_file is not None:
        with open(args.ready_file + ".tmp", "w") as file:
            file.write(line + "\n")
        os.replace(args.ready_file + ".tmp", args.ready_file)


class Recorder:
    """An httpx2 response hook: the session id the server gave, and which upstream answered each
    POST (by its JSON-RPC method) and each GET, in order."""

    def __init__(self):
        self.session_id = None
        self.posts = []
        self.gets = []

    async def hook(self, response):
        upstream = response.headers.get(UPSTREAM_HEADER)
        if response.request.method == "GET":
            self.gets.append({"status": response.status_code, "upstream": upstream,
                              "stream": response.headers.get("content-type", "").startswith("text/event-stream")})
            return
        if response.request.method != "POST":
            return
        if self.session_id is None and response.headers.get("mcp-session-id"):
            self.session_id = response.headers["mcp-session-id"]
        try:
            method = json.loads(response.request.content).get("method")
        except (httpx2.RequestNotRead, ValueError, AttributeError):
            method = None
        self.posts.append({"method": method, "status": response.status_code, "upstream": upstream})

    def upstream_since(self, mark, method):
        """The upstream of the first POST of `method` recorded after `mark` (a len(self.posts)): a
        request's own, before any the SDK makes after it (a tools/call on a session whose listing
        it lacks is followed by a tools/list)."""
        found = [post["upstream"] for post in self.posts[mark:] if post["method"] == method]
        return found[0] if found else None


def sdk_client(args, http, message_handler=None):
    """The SDK's client through the proxy: the initialize handshake, or pinned to 2026-07-28 with
    no probe. No response cache: each tools/list must reach the server. It ends its session with
    DELETE when it closes, except in delete, which sends its own."""
    return Client(
        streamable_http_client(
            endpoint(args.proxy, args), http_client=http, terminate_on_close=args.scenario != "delete"),
        mode="legacy" if args.era == "handshake" else MODERN_VERSION,
        read_timeout_seconds=args.timeout,
        client_info=types.Implementation(**CLIENT_INFO),
        cache=None,
        message_handler=message_handler,
    )


def recording_http(args, recorder):
    return httpx2.AsyncClient(
        headers=authorization(args.token), timeout=httpx2.Timeout(30, read=max(args.timeout, args.wait) + 30),
        event_hooks={"response": [recorder.hook]})


# alternate


async def alternate(args):
    recorder = Recorder()
    tokens = [args.token] if args.token2 is None else [args.token, args.token2]
    out = {"scenario": "alternate", "era": args.era, "protocolVersion": None, "sessionId": None,
           "requests": args.requests, "succeeded": 0, "errors": [], "served": [], "upstreams": {},
           "tokens": len(tokens)}
    async with recording_http(args, recorder) as http:
        async with sdk_client(args, http) as client:
            out["protocolVersion"] = client.protocol_version
            out["sessionId"] = recorder.session_id
            for index in range(args.requests):
                http.headers.update(authorization(tokens[index % len(tokens)]))
                method = "tools/list" if index % 2 == 0 else "tools/call"
                mark = len(recorder.posts)
                try:
                    if method == "tools/list":
                        await client.list_tools()
                    else:
                        result = await client.call_tool(args.tool, args.arguments)
                        if result.is_error:
                            text = result.content[0].text if result.content else ""
                            raise RuntimeError(f"isError: {text[:300]}")
                    out["succeeded"] += 1
                except Exception as error:  # each request's failure is reported, the next one still runs
                    out["errors"].append({"request": index, "method": method, "error": describe(error)})
                upstream = recorder.upstream_since(mark, method)
                out["served"].append(upstream)
                if upstream is not None:
                    count(out["upstreams"], upstream)
    return out


# raw HTTP: delete's direct checks, and load


def rpc_headers(args, token, method, session_id=None, name=None):
    headers = {"Accept": ACCEPT, "Content-Type": "application/json", **authorization(token)}
    if args.era == "handshake":
        headers["MCP-Protocol-Version"] = HANDSHAKE_VERSION
        if session_id is not None:
            headers["Mcp-Session-Id"] = session_id
    else:
        headers["MCP-Protocol-Version"] = MODERN_VERSION
        headers["Mcp-Method"] = method
        if name is not None:
            headers["Mcp-Name"] = name
    return headers


def session_headers(args, session_id):
    """A DELETE's: the session and its version."""
    return {**authorization(args.token), "Mcp-Session-Id": session_id, "MCP-Protocol-Version": HANDSHAKE_VERSION}


def rpc_message(args, request_id, method, params):
    params = dict(params)
    if args.era == "stateless":
        params["_meta"] = {
            "io.modelcontextprotocol/protocolVersion": MODERN_VERSION,
            "io.modelcontextprotocol/clientCapabilities": {},
            "io.modelcontextprotocol/clientInfo": CLIENT_INFO,
        }
    message = {"jsonrpc": "2.0", "method": method, "params": params}
    if request_id is not None:
        message["id"] = request_id
    return message


async def post(http, url, message, headers):
    """One POST. Returns its status, upstream, session id (if any) and the JSON-RPC answer to
    `message` (from a JSON body or an event stream; None when there is none). Transport errors
    propagate."""
    async with http.stream("POST", url, json=message, headers=headers) as response:
        answer = None
        content_type = response.headers.get("content-type", "")
        if content_type.startswith("text/event-stream"):
            async for event in httpx2.EventSource(response):
                try:
                    data = json.loads(event.data)
                except ValueError:
                    continue
                if isinstance(data, dict) and data.get("id") == message.get("id") and (
                        "result" in data or "error" in data):
                    answer = data
                    break
        else:
            body = await response.aread()
            if content_type.startswith("application/json") and body:
                try:
                    answer = json.loads(body)
                except ValueError:
                    answer = None
        return {"status": response.status_code, "upstream": response.headers.get(UPSTREAM_HEADER),
                "sessionId": response.headers.get("mcp-session-id"),
                "answer": answer if isinstance(answer, dict) else None}


def outcome_of(reply, era):
    """The kind of a POST's reply: ok, or the failure it was (see the module's doc)."""
    status, answer = reply["status"], reply["answer"]
    if status in UNREACHABLE:
        return "unreachable", f"HTTP {status} from the proxy"
    error = answer.get("error") if answer else None
    detail = f"{error.get('code')} {error.get('message')}" if isinstance(error, dict) else f"HTTP {status}"
    if status == 404 and era == "handshake":
        return "sessionNotFound", detail
    if status != 200:
        return f"http{status}", detail
    if isinstance(error, dict):
        return f"rpc{error.get('code')}", detail
    if answer is None or not isinstance(answer.get("result"), dict):
        return "noAnswer", "no JSON-RPC answer"
    if answer["result"].get("isError"):
        content = answer["result"].get("content") or [{}]
        return "toolError", str(content[0].get("text", ""))[:300]
    return "ok", None


def transport_kind(error):
    return "timeout" if isinstance(error, httpx2.ReadTimeout) else "connection"


class LoadSession:
    """One client of the load run: its own connections to the proxy, its session (handshake),
    its sequential calls and their outcomes."""

    def __init__(self, args, index):
        self.args = args
        self.index = index
        self.url = endpoint(args.proxy, args)
        self.http = httpx2.AsyncClient(timeout=httpx2.Timeout(30, read=args.timeout))
        self.session_id = None
        self.next_id = 1
        self.trace = []
        self.failures = {}
        self.retried = 0
        self.upstreams = {}
        self.errors = []

    async def send(self, method, params, name=None, notification=False):
        """Sends once, and once more if the proxy could not deliver it; returns (kind, detail,
        reply, sent again)."""
        attempt = 1
        while True:
            request_id = None if notification else self.next_id
            if not notification:
                self.next_id += 1
            message = rpc_message(self.args, request_id, method, params)
            headers = rpc_headers(self.args, self.args.token, method, self.session_id, name)
            try:
                reply = await post(self.http, self.url, message, headers)
            except httpx2.TransportError as error:
                kind, detail, reply = transport_kind(error), f"{type(error).__name__}: {error}", None
            else:
                if method == "tools/call" and reply["upstream"] is not None:
                    count(self.upstreams, reply["upstream"])
                if notification and reply["status"] == 202:
                    return "ok", None, reply, attempt == 2
                kind, detail = outcome_of(reply, self.args.era)
            if attempt == 2 or kind not in RETRIED:
                return kind, detail, reply, attempt == 2
            attempt += 1
            self.retried += 1

    async def open(self):
        if self.args.era == "stateless":
            return
        params = {"protocolVersion": HANDSHAKE_VERSION, "capabilities": {}, "clientInfo": CLIENT_INFO}
        kind, detail, reply, _ = await self.send("initialize", params)
        if kind != "ok" or not reply["sessionId"]:
            raise RuntimeError(f"session {self.index}: initialize through the proxy failed: {kind} {detail}")
        self.session_id = reply["sessionId"]
        kind, detail, _, _ = await self.send("notifications/initialized", {}, notification=True)
        if kind != "ok":  # as the SDK does, the session goes on; its calls tell whether it works
            self.errors.append({"call": "notifications/initialized", "kind": kind, "detail": detail})

    async def run(self, deadline):
        for call in range(self.args.calls):
            if deadline is not None and time.monotonic() >= deadline:
                break
            if call > 0 and self.args.pause > 0:
                await anyio.sleep(self.args.pause)
            kind, detail, _, again = await self.send(
                "tools/call", {"name": self.args.tool, "arguments": self.args.arguments}, name=self.args.tool)
            if kind == "ok":
                self.trace.append("r" if again else ".")
            else:
                self.trace.append("x")
                count(self.failures, kind)
                if len(self.errors) < 5:
                    self.errors.append({"call": call, "kind": kind, "detail": detail})
                await anyio.sleep(max(self.args.pause, FAILURE_PAUSE))

    async def close(self):
        """Ends the session (DELETE through the proxy), best effort: the run is over."""
        if self.session_id is not None:
            try:
                await self.http.delete(self.url, headers=session_headers(self.args, self.session_id))
            except httpx2.TransportError:
                pass
        await self.http.aclose()

    def summary(self):
        trace = "".join(self.trace)
        return {"session": self.index, "sessionId": self.session_id, "calls": len(trace),
                "ok": trace.count(".") + trace.count("r"), "retried": self.retried, "failures": self.failures,
                "lastOk": trace[-1:] in (".", "r"), "okAfterLastFailure": len(trace) - 1 - trace.rfind("x"),
                "trace": trace, "errors": self.errors}


async def load(args):
    sessions = [LoadSession(args, index) for index in range(args.sessions)]
    try:
        async with anyio.create_task_group() as group:
            for session in sessions:
                group.start_soon(session.open)
        ready(args, "READY")
        started = time.monotonic()
        deadline = started + args.duration if args.duration is not None else None
        async with anyio.create_task_group() as group:
            for session in sessions:
                group.start_soon(session.run, deadline)
        elapsed = time.monotonic() - started
    finally:
        for session in sessions:
            await session.close()
    per_session = [session.summary() for session in sessions]
    failures, upstreams = {}, {}
    for session in sessions:
        for kind, number in session.failures.items():
            failures[kind] = failures.get(kind, 0) + number
        for upstream, number in session.upstreams.items():
            upstreams[upstream] = upstreams.get(upstream, 0) + number
    lost = sum(1 for summary in per_session if not summary["lastOk"])
    return {"scenario": "load", "era": args.era, "sessions": args.sessions,
            "calls": sum(summary["calls"] for summary in per_session),
            "ok": sum(summary["ok"] for summary in per_session),
            "retried": sum(summary["retried"] for summary in per_session), "failures": failures,
            "sessionsLost": lost, "allSessionsEndedOk": lost == 0, "upstreams": upstreams,
            "elapsed": round(elapsed, 3), "perSession": per_session}


# delete


async def direct_list(args, http, session_id):
    """tools/list on the session at each instance directly: the statuses and JSON-RPC error codes."""
    statuses, codes = [], []
    for base in args.instance:
        headers = rpc_headers(args, args.token, "tools/list", session_id)
        reply = await post(http, endpoint(base, args), rpc_message(args, 1, "tools/list", {}), headers)
        error = reply["answer"].get("error") if reply["answer"] else None
        statuses.append(reply["status"])
        codes.append(error.get("code") if isinstance(error, dict) else None)
    return statuses, codes


async def delete(args):
    recorder = Recorder()
    out = {"scenario": "delete", "era": args.era, "protocolVersion": None, "sessionId": None, "listed": None}
    async with recording_http(args, recorder) as http:
        async with sdk_client(args, http) as client:
            out["protocolVersion"] = client.protocol_version
            out["sessionId"] = recorder.session_id
            try:
                out["listed"] = len((await client.list_tools()).tools)
            except Exception as error:  # reported: the DELETE and the checks after it still tell
                out["listError"] = describe(error)
    session_id = out["sessionId"]
    if session_id is None:
        raise RuntimeError("initialize through the proxy gave no Mcp-Session-Id")
    async with httpx2.AsyncClient(timeout=httpx2.Timeout(30, read=args.timeout)) as http:
        out["before"], _ = await direct_list(args, http, session_id)
        ended = await http.delete(endpoint(args.proxy, args), headers=session_headers(args, session_id))
        out["delete"] = {"status": ended.status_code, "upstream": ended.headers.get(UPSTREAM_HEADER)}
        out["after"], out["afterCodes"] = await direct_list(args, http, session_id)
    return out


# listen


async def listen(args):
    recorder = Recorder()
    seen, changed = [], anyio.Event()

    async def on_message(message):
        method = getattr(message, "method", None)
        if method is not None:
            seen.append(method)
            if method == "notifications/tools/list_changed":
                changed.set()

    out = {"scenario": "listen", "era": args.era, "protocolVersion": None, "sessionId": None, "upstream": None,
           "received": False, "elapsed": None, "notifications": seen}
    async with recording_http(args, recorder) as http:
        async with sdk_client(args, http, on_message) as client:
            out["protocolVersion"] = client.protocol_version
            out["sessionId"] = recorder.session_id
            if args.era == "handshake":
                # The SDK opens the session's GET stream itself once initialized; wait for it.
                with anyio.move_on_after(args.wait):
                    while not any(get["status"] == 200 and get["stream"] for get in recorder.gets):
                        await anyio.sleep(0.05)
                opened = [get for get in recorder.gets if get["status"] == 200 and get["stream"]]
                if not opened:
                    tried = [get["status"] for get in recorder.gets]
                    raise RuntimeError(f"the session's GET stream did not open through the proxy (GETs: {tried})")
                out["upstream"] = opened[0]["upstream"]
                await wait_for_change(args, out, changed)
            else:
                mark = len(recorder.posts)
                async with client.listen(tools_list_changed=True) as subscription:
                    out["upstream"] = recorder.upstream_since(mark, "subscriptions/listen")

                    async def events():
                        async for event in subscription:
                            if isinstance(event, ToolsListChanged):
                                changed.set()

                    async with anyio.create_task_group() as group:
                        group.start_soon(events)
                        await wait_for_change(args, out, changed)
                        group.cancel_scope.cancel()
    return out


async def wait_for_change(args, out, changed):
    ready(args, "READY " + json.dumps({"upstream": out["upstream"]}))
    started = time.monotonic()
    with anyio.move_on_after(args.wait):
        await changed.wait()
    out["received"] = changed.is_set()
    out["elapsed"] = round(time.monotonic() - started, 3)


SCENARIOS = {"alternate": alternate, "delete": delete, "load": load, "listen": listen}


def main():
    args = parse_args()
    try:
        out = anyio.run(SCENARIOS[args.scenario], args)
    except BaseException as error:  # one line for every failure
        print(f"cluster_client: {args.scenario} ({args.era}): {describe(error)}", file=sys.stderr)
        sys.exit(1)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
