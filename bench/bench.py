#!/usr/bin/env python3
"""paragon-mcp's benchmark: one run against the nginx stand-in, one table. See docs/benchmark.md.

Usage: bench/run [--smoke] (bench/run builds the release binaries, then runs this with --bin).
"""

import argparse
import functools
import http.client
import json
import os
import platform
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

import cluster
import searcheval
import specload
import tokens
from standin import PROJECT, StandIn

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
ACCEPT = "application/json, text/event-stream"
# The first action of the stand-in's first integration (bench/standin.py), with its required
# parameter and a few optional ones: a call the server validates against the tool's schema.
TOOL = "SALESFORCE_CREATE_CONTACT"
ARGUMENTS = '{"email":"bench@example.com","firstName":"Ana","lastName":"Bench"}'
CURSOR = re.compile(rb'"nextCursor":"([^"]+)"')
MODERN = "2026-07-28"  # MCP's single-exchange revision: no initialize, no session


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class MCPConnection:
    """One keep-alive HTTP connection to the server's /mcp."""

    def __init__(self, port):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.next_id = 0

    def post(self, method, params, token, session=None, notification=False):
        self.next_id += 1
        message = {"jsonrpc": "2.0", "method": method, "params": params}
        if not notification:
            message["id"] = self.next_id
        headers = {"Content-Type": "application/json", "Accept": ACCEPT, "Authorization": "Bearer " + token}
        if session:
            headers["Mcp-Session-Id"] = session
        self.connection.request("POST", "/mcp", body=json.dumps(message), headers=headers)
        response = self.connection.getresponse()
        return response.status, response.getheader("Mcp-Session-Id"), response.read()

    def initialize(self, token):
        params = {"protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": {"name": "bench", "version": "1"}}
        status, session, body = self.post("initialize", params, token)
        if status != 200 or not session:
            raise RuntimeError(f"initialize: {status} {body[:200]!r}")
        status, _, body = self.post("notifications/initialized", {}, token, session, notification=True)
        if status not in (200, 202):
            raise RuntimeError(f"notifications/initialized: {status} {body[:200]!r}")
        return session

    def call(self, token, session, tool, arguments):
        """One tools/call on a session; raises unless bench/wrk/call.lua would count the answer
        as good (the load run's check, with the answer in the message)."""
        params = {"name": tool, "arguments": json.loads(arguments)}
        status, _, body = self.post("tools/call", params, token, session)
        if status != 200 or b'"error":{' in body or b'"isError":true' in body:
            raise RuntimeError(f"tools/call: {status} {body[:300]!r}")

    def call_modern(self, token, tool, arguments):
        """One tools/call on the single-exchange path, as bench/wrk/modern.lua sends it; raises
        unless the answer is a complete, successful result (the load run's check, with the
        answer in the message)."""
        self.next_id += 1
        meta = {"io.modelcontextprotocol/protocolVersion": MODERN, "io.modelcontextprotocol/clientCapabilities": {}}
        message = {"jsonrpc": "2.0", "id": self.next_id, "method": "tools/call",
                   "params": {"name": tool, "arguments": json.loads(arguments), "_meta": meta}}
        headers = {"Content-Type": "application/json", "Accept": ACCEPT, "Authorization": "Bearer " + token,
                   "MCP-Protocol-Version": MODERN, "Mcp-Method": "tools/call", "Mcp-Name": tool}
        self.connection.request("POST", "/mcp", body=json.dumps(message), headers=headers)
        response = self.connection.getresponse()
        body = response.read()
        result = json.loads(body).get("result") if response.status == 200 else None
        if not result or result.get("resultType") != "complete" or result.get("isError"):
            raise RuntimeError(f"tools/call ({MODERN}): {response.status} {body[:300]!r}")


class RawConnection:
    """A lean keep-alive HTTP/1.1 client for tools/list walks: http.client's own overhead would
    be a large part of a sub-millisecond page."""

    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port))
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.port, self.buffer, self.next_id = port, b"", 0

    def post(self, body, token, session):
        head = (
            f"POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\nContent-Type: application/json\r\n"
            f"Accept: {ACCEPT}\r\nAuthorization: Bearer {token}\r\nMcp-Session-Id: {session}\r\n"
            f"Content-Length: {len(body)}\r\n\r\n"
        ).encode()
        self.sock.sendall(head + body)
        while b"\r\n\r\n" not in self.buffer:
            self.buffer += self.sock.recv(262144)
        header, self.buffer = self.buffer.split(b"\r\n\r\n", 1)
        length = int(re.search(rb"(?i)content-length: *(\d+)", header).group(1))
        while len(self.buffer) < length:
            self.buffer += self.sock.recv(max(262144, length - len(self.buffer)))
        body, self.buffer = self.buffer[:length], self.buffer[length:]
        return int(header[9:12]), body

    def walk(self, token, session, count_tools=False):
        """Lists every page; returns the number of pages, or of tools when asked (timed walks do
        not count: the client's time is part of their figure)."""
        cursor, pages, tools = None, 0, 0
        while True:
            self.next_id += 1
            params = f'{{"cursor":"{cursor}"}}' if cursor else "{}"
            body = f'{{"jsonrpc":"2.0","id":{self.next_id},"method":"tools/list","params":{params}}}'.encode()
            status, answer = self.post(body, token, session)
            if status != 200:
                raise RuntimeError(f"tools/list: {status} {answer[:200]!r}")
            pages += 1
            if count_tools:
                tools += answer.count(b'"inputSchema"')
            match = CURSOR.search(answer)
            if not match:
                return tools if count_tools else pages
            cursor = match.group(1).decode()


class Server:
    """paragon-mcp as a child process on `port`, its standard error appended to `log` in
    `workdir`."""

    def __init__(self, binary, workdir, environment, log="server.log"):
        self.binary, self.workdir, self.environment, self.log = binary, workdir, environment, log
        self.port = int(environment["PORT"])
        self.process = None

    def start(self):
        """Starts it; returns the seconds from exec to /readyz answering 200."""
        log = open(os.path.join(self.workdir, self.log), "ab")
        started = time.monotonic()
        self.process = subprocess.Popen(
            [self.binary, "serve"], cwd=self.workdir, env=self.environment, stdout=subprocess.DEVNULL, stderr=log)
        while time.monotonic() - started < 30:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server exited with {self.process.returncode}; see {log.name}")
            try:
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=1)
                connection.request("GET", "/readyz")
                if connection.getresponse().status == 200:
                    return time.monotonic() - started
            except OSError:
                pass
            time.sleep(0.002)
        raise RuntimeError("the server did not become ready in 30 s")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=30)

    def rss_bytes(self):
        with open(f"/proc/{self.process.pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
        return 0

    def cpu_seconds(self):
        with open(f"/proc/{self.process.pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def milliseconds(text):
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def wrk(url, script, environment, connections, duration, threads=None):
    threads = threads or min(connections, 2)
    environment = dict(os.environ, BENCH_LUA_DIR=os.path.join(HERE, "wrk"), **environment)
    result = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency"] + (["-s", script] if script else [])
        + [url],
        env=environment, capture_output=True, text=True, check=True)
    out = result.stdout
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)$", out, re.M))
    bad = re.search(r"bad responses: (\d+)", out)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
        "p50": milliseconds(latency["50"]),
        "p99": milliseconds(latency["99"]),
        "bad": (int(bad.group(1)) if bad else 0) + (int(non2xx.group(1)) if non2xx else 0),
        "socket_errors": errors.group(1) if errors else "",
    }


def upstream_client(binary, url, environment, concurrency, duration):
    """The outbound-client floor, from bench-upstream-client (built with the server); None
    when that binary is missing."""
    if not os.path.exists(binary):
        return None
    result = subprocess.run([binary, url, str(concurrency), str(duration)], env=dict(os.environ, **environment),
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def run_cluster(binary, workdir, environment, bearer_tokens, connections, duration):
    """The cluster rows' runs: PostgreSQL, two instances with DATABASE_URL pointing at it (the
    single instance's environment and stand-in otherwise) and nginx round-robin in front, then
    the same tools/call through the proxy with sessions and without (2026-07-28), as the users
    of `bearer_tokens`. Returns {"sessions": ..., "modern": ...}: each what cluster_load
    returns, {"skipped": reason} when the cluster cannot run here, or {"failed": reason} when it
    cannot be set up. Never an exception, so the rest of the table still prints."""
    reason = cluster.unavailable()
    if reason:
        return {"sessions": {"skipped": reason}, "modern": {"skipped": reason}}
    try:
        with cluster.Postgres(free_port()) as store:
            instances = [Server(binary, workdir, dict(environment, PORT=str(free_port()), DATABASE_URL=store.url),
                                log=f"instance-{number}.log") for number in (1, 2)]
            try:
                for instance in instances:
                    instance.start()
                ports = [instance.port for instance in instances]
                with cluster.Proxy(os.path.join(workdir, "proxy"), free_port(), ports) as proxy:
                    # Each instance fetches each user's list once, straight, as the single
                    # instance did before its runs: the load windows measure steady state.
                    for port in ports:
                        connection = MCPConnection(port)
                        for token in bearer_tokens:
                            connection.call_modern(token, TOOL, ARGUMENTS)
                    runs = {}
                    for era, prepare, script in (("sessions", cluster_sessions, "call.lua"),
                                                 ("modern", cluster_tokens, "modern.lua")):
                        check = functools.partial(prepare, proxy.port, workdir, bearer_tokens)
                        runs[era] = cluster_load(proxy.port, ports, check, script, connections, duration)
                    return runs
            finally:
                for instance in instances:
                    instance.stop()
    except (OSError, RuntimeError, subprocess.SubprocessError) as error:
        reason = f"the cluster could not be set up: {error}"
        return {"sessions": {"failed": reason}, "modern": {"failed": reason}}


def cluster_sessions(port, workdir, bearer_tokens):
    """Opens one handshake-era session per user through the proxy and calls twice on each, so
    that both instances serve every session (round-robin alternates requests); returns wrk's
    environment for call.lua. Raises, naming how many sessions failed and the first answer,
    when any request is refused."""
    connection, lines, failures = MCPConnection(port), [], []
    for token in bearer_tokens:
        try:
            session = connection.initialize(token)
            for _ in range(2):
                connection.call(token, session, TOOL, ARGUMENTS)
            lines.append(f"{session} {token}\n")
        except RuntimeError as error:
            failures.append(str(error))
    if failures:
        raise RuntimeError(f"{len(failures)} of {len(bearer_tokens)} sessions refused a request through the proxy; "
                           f"first: {failures[0]}")
    path = os.path.join(workdir, "cluster-sessions.txt")
    with open(path, "w") as file:
        file.writelines(lines)
    return {"BENCH_SESSIONS": path}


def cluster_tokens(port, workdir, bearer_tokens):
    """Checks one 2026-07-28 call per user through the proxy (raising on a bad answer); returns
    wrk's environment for modern.lua."""
    connection = MCPConnection(port)
    for token in bearer_tokens:
        connection.call_modern(token, TOOL, ARGUMENTS)
    path = os.path.join(workdir, "cluster-tokens.txt")
    with open(path, "w") as file:
        file.writelines(f"{token}\n" for token in bearer_tokens)
    return {"BENCH_TOKENS": path}


def cluster_load(proxy_port, ports, prepare, script, connections, duration):
    """One load run through the proxy: wrk's result with the instances' store round trips per
    1,000 calls in the window ("round_trips", "round_trip_total"), or {"failed": reason} when
    prepare's check of the calls fails (a load of refused requests measures nothing) or the run
    does."""
    try:
        script_environment = prepare()
        before = cluster.store_round_trips(ports)
        result = wrk(f"http://127.0.0.1:{proxy_port}/mcp", os.path.join(HERE, "wrk", script),
                     dict(script_environment, BENCH_TOOL=TOOL, BENCH_ARGUMENTS=ARGUMENTS), connections, duration)
        after = cluster.store_round_trips(ports)
    except (OSError, RuntimeError, subprocess.SubprocessError) as error:
        return {"failed": str(error)}
    result["round_trip_total"] = after - before
    result["round_trips"] = result["round_trip_total"] / max(result["requests"], 1) * 1000
    return result


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def machine():
    cpu = "unknown CPU"
    with open("/proc/cpuinfo") as info:
        for line in info:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as info:
        memory = int(info.readline().split()[1]) / 1024 / 1024
    def version(command):
        try:
            result = subprocess.run(command, capture_output=True, text=True)
            return (result.stdout + result.stderr).strip().splitlines()[0]
        except OSError:
            return "?"
    return (
        f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GiB; {platform.system()} {platform.release()}; "
        f"{version(['nginx', '-v'])}; {version(['wrk', '--version'])}"
    )


def cluster_rows(clustered, many, modern, users_count, connections):
    """The cluster's rows: each era's throughput beside the single instance's in the same run,
    and its store round trips per 1,000 calls. A failed or skipped run says why, and its round
    trips are not measured."""
    rows = []
    for era, single, label in (
            ("sessions", many, f"{users_count} sessions over {connections} connections"),
            ("modern", modern, f"without sessions ({MODERN} single exchange), {users_count} users over "
                               f"{connections} connections")):
        run = clustered[era]
        calls = f"tools/call, cluster of 2 instances behind a round-robin proxy, {label}"
        trips = f"store round trips per 1,000 cluster calls, {'sessions' if era == 'sessions' else MODERN}"
        if "failed" in run or "skipped" in run:
            why = f"failed: {run['failed']}" if "failed" in run else f"skipped: {run['skipped']}"
            rows += [(calls, why, ""), (trips, "not measured", "< 10 in steady state")]
            continue
        rows += [
            (calls, f"{run['rps']:,.0f} req/s; {latency(run)}{checked(run)}; one instance: {single['rps']:,.0f} req/s",
             "beside one instance"),
            (trips, f"{run['round_trips']:.1f} ({run['round_trip_total']:.0f} in {run['requests']:,} calls)",
             "< 10 in steady state"),
        ]
    return rows


def latency(result):
    return f"p50 {result['p50']:.2f} ms, p99 {result['p99']:.2f} ms"


def checked(result):
    problems = []
    if result["bad"]:
        problems.append(f"{result['bad']} bad answers")
    if result["socket_errors"]:
        problems.append("socket errors: " + result["socket_errors"])
    return f" ({'; '.join(problems)})" if problems else ""


def stop_on_terminate(signum, frame):
    """SIGTERM unwinds like Ctrl-C, so what the run started (the stand-in, servers, PostgreSQL)
    is stopped on the way out."""
    sys.exit(128 + signum)


def main():
    signal.signal(signal.SIGTERM, stop_on_terminate)
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bin", required=True, help="folder holding paragon-mcp and the provider libraries")
    parser.add_argument("--smoke", action="store_true", help="seconds, not minutes: checks the harness only")
    parser.add_argument("--duration", type=int, help="seconds per load run (default 10; smoke 1)")
    parser.add_argument("--idle-sessions", type=int, help="idle sessions for the memory figure (default 10000)")
    parser.add_argument("--sessions", type=int, help="sessions (users) of the call runs (default 32; smoke 4)")
    args = parser.parse_args()
    duration = args.duration or (1 if args.smoke else 10)
    idle = args.idle_sessions or (100 if args.smoke else 10_000)
    startups = 2 if args.smoke else 10
    users_count = args.sessions or (2 if args.smoke else 32)
    # The smoke run loads the machine lightly (one connection, one wrk thread): it runs beside
    # the test suite.
    connections = 1 if args.smoke else 32
    # Paragon's size: 130 integrations x 20 actions; the smoke run lists a small catalog.
    integrations, actions = (13, 5) if args.smoke else (130, 20)
    binary = os.path.join(os.path.abspath(args.bin), "paragon-mcp")
    build = "debug" if "/debug" in binary else "release"

    workdir = tempfile.mkdtemp(prefix="paragon-bench-")
    key = os.path.join(workdir, "key.pem")
    tokens.make_key(key)
    os.makedirs(os.path.join(workdir, "openapi"))
    shutil.copy(os.path.join(ROOT, "config.yaml"), os.path.join(workdir, "config.yaml"))
    rows = []
    print(f"Machine: {machine()}", flush=True)
    print(f"Build: {build} ({binary}); {duration} s per load run; work files in {workdir}", flush=True)

    with StandIn(os.path.join(workdir, "upstream"), free_port(), integrations, actions) as upstream:
        environment = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PROJECT_ID": PROJECT, "SIGNING_KEY_PATH": key,
            "NODE_ENV": "production", "HOST": "127.0.0.1", "PORT": str(free_port()),
            "ACTIONKIT_BASE_URL": upstream.base, "ZEUS_BASE_URL": upstream.base, "PROXY_BASE_URL": upstream.base,
            "ENABLE_CUSTOM_OPENAPI_ACTIONS": "true", "ENABLE_PROXY_API_TOOL": "true",
            # The idle sessions are one user's: the per-user cap would close all but the newest.
            "MCP_MAX_SESSIONS": str(idle + 1000), "MCP_MAX_SESSIONS_PER_USER": str(idle + 1000),
            "LOG_LEVEL": "error",
            # The whole list is what the list and call figures measure, whatever the client takes.
            "TOOLS_MODE": "direct",
        }
        server = Server(binary, workdir, environment)

        # 5. Start-up to ready, all three providers enabled.
        times = []
        for _ in range(startups):
            times.append(server.start())
            server.stop()
        startup = sorted(times)[len(times) // 2] * 1000

        server.start()
        try:
            url = f"http://127.0.0.1:{server.port}/mcp"
            users = [f"user{index}" for index in range(users_count)]
            user_tokens = {user: tokens.sign(key, user) for user in users}
            connection = MCPConnection(server.port)
            sessions = [(connection.initialize(user_tokens[user]), user_tokens[user]) for user in users]
            tool_count = 0
            lister = RawConnection(server.port)
            for session, token in sessions:  # each user's list fetched once, as agents do first
                tool_count = lister.walk(token, session, count_tools=True)
            files = {}
            for name, chosen in (("many", sessions), ("1", sessions[:1])):
                files[name] = os.path.join(workdir, f"sessions-{name}.txt")
                with open(files[name], "w") as file:
                    file.writelines(f"{session} {token}\n" for session, token in chosen)
            # The same users' tokens, for the single-exchange path (no sessions).
            files["tokens"] = os.path.join(workdir, "tokens-many.txt")
            with open(files["tokens"], "w") as file:
                file.writelines(f"{token}\n" for _, token in sessions)
            for _, token in sessions:
                connection.call_modern(token, TOOL, ARGUMENTS)
            call_env = {"BENCH_TOOL": TOOL, "BENCH_ARGUMENTS": ARGUMENTS}
            call = os.path.join(HERE, "wrk", "call.lua")

            # 1. tools/call, with CPU time and the stand-in's connections during the main run.
            cpu, before = server.cpu_seconds(), upstream.status()
            many = wrk(url, call, dict(call_env, BENCH_SESSIONS=files["many"]), connections, duration)
            cpu_per_thousand = (server.cpu_seconds() - cpu) / many["requests"] * 1000 * 1000
            after = upstream.status()
            # 1b. The same calls on the single-exchange path (MCP 2026-07-28): same users, tool,
            # arguments and connections, each request whole and authenticated on its own.
            cpu = server.cpu_seconds()
            modern = wrk(url, os.path.join(HERE, "wrk", "modern.lua"),
                         dict(call_env, BENCH_TOKENS=files["tokens"]), connections, duration)
            modern_cpu_per_thousand = (server.cpu_seconds() - cpu) / modern["requests"] * 1000 * 1000
            one = wrk(url, call, dict(call_env, BENCH_SESSIONS=files["1"]), connections, duration)
            single = wrk(url, call, dict(call_env, BENCH_SESSIONS=files["many"]), 1, duration)

            # 2. The stand-in alone, under the same loads.
            upstream_url = f"{upstream.base}/projects/{PROJECT}/actions"
            upstream_env = {
                "BENCH_TOKEN": user_tokens[users[0]],
                "BENCH_ACTION_BODY": json.dumps({"action": TOOL, "parameters": json.loads(ARGUMENTS)}),
            }
            upstream_script = os.path.join(HERE, "wrk", "upstream.lua")
            bare = wrk(upstream_url, upstream_script, upstream_env, connections, duration)
            bare_single = wrk(upstream_url, upstream_script, upstream_env, 1, duration)

            # 3. tools/list of the cached catalog: the first page, and whole walks.
            first = wrk(url, os.path.join(HERE, "wrk", "list.lua"), {"BENCH_SESSIONS": files["1"]}, 1, duration)
            walks = []
            session, token = sessions[0]
            raw = RawConnection(server.port)
            end = time.monotonic() + duration
            while time.monotonic() < end:
                started = time.perf_counter()
                pages = raw.walk(token, session)
                walks.append((time.perf_counter() - started) * 1000)

            # 6. The floors under a call: the HTTP server alone (GET /healthz), and the outbound
            # client alone (AsyncHTTPClient as the server configures it, to the stand-in).
            cpu = server.cpu_seconds()
            health = wrk(f"http://127.0.0.1:{server.port}/healthz", None, {}, connections, duration)
            health_cpu = (server.cpu_seconds() - cpu) / max(health["requests"], 1) * 1e6
        finally:
            server.stop()
        client = upstream_client(os.path.join(os.path.abspath(args.bin), "bench-upstream-client"),
                                 upstream_url, upstream_env, connections, duration)

        # 4. Memory of idle sessions, on a fresh server (what the load runs left in its heap
        # would hide the sessions' own cost).
        server.start()
        try:
            idle_token = tokens.sign(key, "idle-user")
            idle_connection = MCPConnection(server.port)
            idle_connection.initialize(idle_token)
            time.sleep(0.5)
            rss_before = server.rss_bytes()
            for _ in range(idle - 1):
                idle_connection.initialize(idle_token)
            time.sleep(0.5)
            rss_after = server.rss_bytes()
        finally:
            server.stop()

        # 9. The cluster: two instances, PostgreSQL and a round-robin proxy, the same calls.
        clustered = run_cluster(binary, workdir, environment, [user_tokens[user] for user in users],
                                connections, duration)

    rows += [
        (f"tools/call, {users_count} sessions over {connections} connections",
         f"{many['rps']:,.0f} req/s; {latency(many)}{checked(many)}", "≥ 15,000 req/s, p99 ≤ 5 ms"),
        (f"tools/call without sessions ({MODERN} single exchange), {users_count} users over {connections} connections",
         f"{modern['rps']:,.0f} req/s; {latency(modern)}{checked(modern)}", "as fast as sessions"),
        *cluster_rows(clustered, many, modern, users_count, connections),
        (f"tools/call, 1 session over {connections} connections",
         f"{one['rps']:,.0f} req/s; {latency(one)}{checked(one)}", "not much slower than 32 sessions"),
        ("tools/call, 1 connection", f"{single['rps']:,.0f} req/s; {latency(single)}{checked(single)}", ""),
        (f"upstream alone, {connections} connections", f"{bare['rps']:,.0f} req/s; {latency(bare)}", "the limit"),
        ("upstream alone, 1 connection", f"{bare_single['rps']:,.0f} req/s; {latency(bare_single)}", ""),
        (f"server's added latency per call, {connections} connections",
         f"p50 {many['p50'] - bare['p50']:.2f} ms, p99 {many['p99'] - bare['p99']:.2f} ms", ""),
        ("server's added latency per call, 1 connection",
         f"p50 {single['p50'] - bare_single['p50']:.2f} ms, p99 {single['p99'] - bare_single['p99']:.2f} ms",
         "p50 ≤ 0.3 ms"),
        (f"tools/list, first page ({tool_count:,} tools cached)", f"{latency(first)}{checked(first)}", "p50 ≤ 1 ms"),
        (f"tools/list, full paginated walk ({pages} pages; {len(walks)} walks)",
         f"p50 {percentile(walks, 0.5):.2f} ms, p99 {percentile(walks, 0.99):.2f} ms", "p50 ≤ 5 ms"),
        (f"resident memory, {idle:,} idle sessions",
         f"{rss_after / 1048576:.0f} MB in all; {(rss_after - rss_before) / (idle - 1) / 1024:.1f} kB per session",
         "≤ 200 MB"),
        (f"start-up to ready, all providers (median of {startups})", f"{startup:.0f} ms", "≤ 300 ms"),
        ("CPU time per 1,000 calls", f"{cpu_per_thousand:.0f} ms", ""),
        (f"CPU time per 1,000 single-exchange calls ({MODERN}, no sessions)",
         f"{modern_cpu_per_thousand:.0f} ms ({modern_cpu_per_thousand - cpu_per_thousand:+.0f} ms against sessions)",
         "no more than with sessions"),
        (f"floor: HTTP server alone (GET /healthz), {connections} connections",
         f"{health['rps']:,.0f} req/s; {health_cpu:.0f} µs CPU a request{checked(health)}", ""),
        (f"floor: outbound client alone (AsyncHTTPClient to the stand-in), {connections} in flight",
         f"{client['rps']:,.0f} req/s; {client['cpu_us']:.0f} µs CPU a request" if client else "not built", ""),
        (f"stand-in connections during the {users_count}-session run",
         f"{after['accepted'] - before['accepted']} opened for {after['requests'] - before['requests']:,} requests",
         "pooled: few"),
    ]
    # 7. Spec load time of the OpenAPI provider (bench/specload.py).
    rows += specload.measure(args.bin, args.smoke)
    # 8. Search mode's ranking on labelled queries, its latency and index build (bench/searcheval.py).
    rows += searcheval.measure(args.bin, args.smoke)
    print()
    print("| measure | result | target |")
    print("|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
