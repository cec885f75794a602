"""Drives paragon-mcp over Streamable HTTP with the official Python SDK (PyPI `mcp` 2.3), in either era.

Usage:
  modern_client.py --url URL --token TOKEN --mode auto|legacy|2026-07-28
                   [--call TOOL [--arguments JSON]]
                   [--elicit-wait SECONDS [--elicit-ack FILE]] [--timeout SECONDS]

TOKEN "-" (or "") sends no Authorization header. `auto` probes server/discover and falls back to
initialize; `legacy` runs the initialize handshake (2025-11-25); `2026-07-28` pins the stateless
revision without a probe. Lists every tool (following nextCursor), then optionally calls TOOL.

With --elicit-wait a URL elicitation callback is registered (the SDK then declares
`elicitation: {form: {}, url: {}}`). For each URL elicitation, either an `input_required` round
(2026-07-28) or a -32042 error's `data.elicitations` (2025-11-25; the call is then made again, as a
user-facing client would), one line goes to stderr:
  ELICIT {"elicitationUrl": URL, "message": MESSAGE}
and the script waits: with --elicit-ack FILE until FILE exists (it is deleted once seen, so each
elicitation needs its own acknowledgment), without it for SECONDS; then it answers `accept`. If
FILE does not appear within SECONDS it answers `cancel`. Form-mode elicitations are declined.
With --elicit-open SCRIPT (implies --elicit-wait 0), the callback runs `python3 SCRIPT URL` (a
browser that completes the page) first, records its exit status and output, then accepts.

Prints one JSON object on stdout:
  {"protocolVersion", "serverInfo", "tools": [names], "call": {content, isError, structuredContent} | null,
   "elicitations": [{"url", "message", "elicitationId"?, "action", "era"}], "callError"?: {code, message, data}}
Exit status: 0 success; 3 the call ended in a JSON-RPC error (stdout still carries the object,
with "callError"); 1 any other failure (message on stderr, nothing on stdout); 2 usage.
"""
import argparse
import json
import os
import sys

import anyio
import httpx2
import mcp_types as types
from mcp import Client
from mcp.client.streamable_http import streamable_http_client
from mcp.shared.exceptions import MCPError, UrlElicitationRequiredError

from client_support import call_json, error_json, finish, json_object_argument, list_all_tools, server_info_json

URL_ELICITATION_REQUIRED = -32042
MAX_LEGACY_ROUNDS = 5


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", required=True)
    parser.add_argument("--token", required=True)
    parser.add_argument("--mode", required=True, choices=["auto", "legacy", "2026-07-28"])
    parser.add_argument("--call")
    parser.add_argument("--arguments", default="{}")
    parser.add_argument("--elicit-wait", type=float)
    parser.add_argument("--elicit-ack")
    parser.add_argument("--elicit-open")
    parser.add_argument("--timeout", type=float, default=60.0, help="per-request read timeout (seconds)")
    args = parser.parse_args()
    args.arguments = json_object_argument(parser, args.arguments)
    if args.elicit_ack is not None and args.elicit_wait is None:
        parser.error("--elicit-ack needs --elicit-wait")
    return args


class Elicitor:
    """Records URL elicitations, announces each on stderr and waits for the harness's go-ahead."""

    def __init__(self, wait, ack, open_with=None):
        self.wait = wait
        self.ack = ack
        self.open_with = open_with
        self.records = []

    async def handle_url(self, url, message, elicitation_id, era):
        record = {"url": url, "message": message}
        if elicitation_id is not None:
            record["elicitationId"] = elicitation_id
        record["era"] = era
        self.records.append(record)
        print("ELICIT " + json.dumps({"elicitationUrl": url, "message": message}), file=sys.stderr, flush=True)
        action = "accept"
        if self.open_with is not None:
            opened = await anyio.run_process([sys.executable, self.open_with, url], check=False)
            record["browserStatus"] = opened.returncode
            record["browser"] = opened.stdout.decode(errors="replace")
        elif self.ack is None:
            await anyio.sleep(self.wait)
        else:
            with anyio.move_on_after(self.wait) as scope:
                while not os.path.exists(self.ack):
                    await anyio.sleep(0.1)
            if scope.cancelled_caught:
                action = "cancel"
            else:
                try:
                    os.remove(self.ack)
                except FileNotFoundError:
                    pass
        record["action"] = action
        return action

    async def callback(self, context, params):
        """SDK elicitation callback: modern input_required rounds and legacy elicitation/create requests."""
        if isinstance(params, types.ElicitRequestURLParams):
            era = "legacy-request" if params.elicitation_id is not None else "input_required"
            action = await self.handle_url(params.url, params.message, params.elicitation_id, era)
            return types.ElicitResult(action=action)
        self.records.append({"mode": "form", "message": getattr(params, "message", None), "action": "decline"})
        return types.ElicitResult(action="decline")


async def call_tool(client, name, arguments, elicitor):
    """Calls the tool; a -32042 (2025-11-25) is shown to the 'user' and the call made again."""
    for _ in range(MAX_LEGACY_ROUNDS):
        try:
            return await client.call_tool(name, arguments)
        except MCPError as error:
            if error.code != URL_ELICITATION_REQUIRED or elicitor is None:
                raise
            pending = UrlElicitationRequiredError.from_error(error.error).elicitations
            if not pending:
                raise
            for elicitation in pending:
                action = await elicitor.handle_url(
                    elicitation.url, elicitation.message, elicitation.elicitation_id, "-32042")
                if action != "accept":
                    raise
    raise RuntimeError(f"tools/call {name} still answered -32042 after {MAX_LEGACY_ROUNDS} rounds")


async def run(args):
    headers = {} if args.token in ("", "-") else {"Authorization": f"Bearer {args.token}"}
    if args.elicit_open is not None and args.elicit_wait is None:
        args.elicit_wait = 0
    elicitor = (
        Elicitor(args.elicit_wait, args.elicit_ack, args.elicit_open) if args.elicit_wait is not None else None)
    http = httpx2.AsyncClient(headers=headers, timeout=httpx2.Timeout(30, read=300))
    out = {"protocolVersion": None, "serverInfo": None, "tools": [], "call": None, "elicitations": []}
    call_error = None
    async with http:
        client = Client(
            streamable_http_client(args.url, http_client=http),
            mode=args.mode,
            read_timeout_seconds=args.timeout,
            client_info=types.Implementation(name="paragon-tests-modern-client", version="1.0"),
            elicitation_callback=elicitor.callback if elicitor is not None else None,
        )
        async with client:
            out["protocolVersion"] = client.protocol_version
            out["serverInfo"] = server_info_json(client)
            out["tools"] = await list_all_tools(client)
            if args.call is not None:
                try:
                    out["call"] = call_json(await call_tool(client, args.call, args.arguments, elicitor))
                except MCPError as error:
                    call_error = error_json(error)
    if elicitor is not None:
        out["elicitations"] = elicitor.records
    if call_error is not None:
        out["callError"] = call_error
    return out, call_error


def main():
    finish("modern_client", parse_args(), run)


if __name__ == "__main__":
    main()
