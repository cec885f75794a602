"""Drives paragon-mcp's search mode over Streamable HTTP with the official Python SDK (PyPI `mcp` 2.3).

Usage:
  search_client.py --url URL --token TOKEN [--mode legacy|2026-07-28] [--client-name NAME]
                   [--handshake-version VERSION] [--search QUERY [--limit N]]
                   [--call TOOL [--arguments JSON]] [--direct-call TOOL [--arguments JSON]]

Declares itself as NAME in `clientInfo` (as Cursor or VS Code do), optionally pins the handshake's
version (e.g. 2024-11-05), lists every tool (following nextCursor), then optionally searches with
SEARCH_TOOLS, runs TOOL through CALL_TOOL, and calls TOOL by its own name.

Prints one JSON object on stdout:
  {"protocolVersion", "tools": [names], "titled": N, "annotated": N, "found": [names] | null,
   "connected": [true | false | null, one per found tool],
   "call": {content, isError, structuredContent} | null, "callError"?: {code, message, data},
   "directCall": ... | null, "directCallError"?: ...}
Exit status: 0 success; 1 any other failure (message on stderr); 2 usage.
"""
import argparse
import json
import sys

import anyio
import httpx2
import mcp.client.session as session_module
import mcp_types as types
from mcp import Client
from mcp.client.streamable_http import streamable_http_client
from mcp.shared.exceptions import MCPError

from client_support import MAX_PAGES, call_json, describe, error_json, json_object_argument


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", required=True)
    parser.add_argument("--token", required=True)
    parser.add_argument("--mode", default="legacy", choices=["legacy", "2026-07-28"])
    parser.add_argument("--client-name", default="paragon-tests-search-client")
    parser.add_argument("--handshake-version")
    parser.add_argument("--search")
    parser.add_argument("--limit", type=int, default=5)
    parser.add_argument("--call")
    parser.add_argument("--direct-call")
    parser.add_argument("--arguments", default="{}")
    args = parser.parse_args()
    args.arguments = json_object_argument(parser, args.arguments)
    return args


async def all_tools(client):
    """Every tool object, following nextCursor."""
    tools, cursor = [], None
    for _ in range(MAX_PAGES):
        page = await client.list_tools(cursor=cursor)
        tools.extend(page.tools)
        cursor = page.next_cursor
        if cursor is None:
            return tools
    raise RuntimeError(f"tools/list did not end within {MAX_PAGES} pages")


async def attempt(out, key, call):
    """Runs a tools/call; its result or its JSON-RPC error goes into `out`."""
    try:
        out[key] = call_json(await call)
    except MCPError as error:
        out[key + "Error"] = error_json(error)


async def run(args):
    if args.handshake_version is not None:
        session_module.LATEST_HANDSHAKE_VERSION = args.handshake_version
    headers = {} if args.token in ("", "-") else {"Authorization": f"Bearer {args.token}"}
    out = {"protocolVersion": None, "tools": [], "found": None, "call": None, "directCall": None}
    async with httpx2.AsyncClient(headers=headers, timeout=httpx2.Timeout(30, read=120)) as http:
        client = Client(
            streamable_http_client(args.url, http_client=http), mode=args.mode, read_timeout_seconds=60,
            client_info=types.Implementation(name=args.client_name, version="1.0"))
        async with client:
            out["protocolVersion"] = client.protocol_version
            tools = await all_tools(client)
            out["tools"] = [tool.name for tool in tools]
            out["titled"] = sum(1 for tool in tools if tool.title is not None)
            out["annotated"] = sum(1 for tool in tools if tool.annotations is not None)
            if args.search is not None:
                result = await client.call_tool("SEARCH_TOOLS", {"query": args.search, "limit": args.limit})
                answer = json.loads(result.content[0].text)
                out["found"] = [tool["name"] for tool in answer.get("tools", [])]
                out["connected"] = [tool.get("connected") for tool in answer.get("tools", [])]
            if args.call is not None:
                await attempt(out, "call", client.call_tool("CALL_TOOL", {"name": args.call, "arguments": args.arguments}))
            if args.direct_call is not None:
                await attempt(out, "directCall", client.call_tool(args.direct_call, args.arguments))
    return out


def main():
    args = parse_args()
    try:
        out = anyio.run(run, args)
    except BaseException as error:  # one line for every failure
        print(f"search_client: {describe(error)}", file=sys.stderr)
        sys.exit(1)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
