"""Drives an MCP server over stdio with the official Python SDK (PyPI `mcp` 2.3), in either era.

Usage:
  stdio_client.py --mode auto|legacy|2026-07-28 [--call TOOL [--arguments JSON]] [--timeout SECONDS]
                  -- COMMAND [ARGS...]

Starts COMMAND as a subprocess with this process's whole environment (the SDK alone would pass only
HOME, LOGNAME, PATH, SHELL, TERM and USER); its stderr is passed through. The first line the server
reads is `server/discover` in `auto`, `initialize` in `legacy`, and the first real request (here
tools/list, carrying the 2026-07-28 `_meta` envelope) in `2026-07-28`.
Lists every tool (following nextCursor), then optionally calls TOOL.

Prints one JSON object on stdout:
  {"protocolVersion", "serverInfo", "tools": [names], "call": {content, isError, structuredContent} | null,
   "callError"?: {code, message, data}}
Exit status: 0 success; 3 the call ended in a JSON-RPC error (stdout still carries the object,
with "callError"); 1 any other failure (message on stderr, nothing on stdout); 2 usage.
"""
import argparse
import json
import os
import sys

import anyio
import mcp_types as types
from mcp import Client, StdioServerParameters
from mcp.shared.exceptions import MCPError

from client_support import call_json, error_json, finish, json_object_argument, list_all_tools, server_info_json


def parse_args():
    argv = sys.argv[1:]
    if "--" not in argv:
        print("stdio_client: usage: stdio_client.py --mode MODE [--call TOOL --arguments JSON] -- COMMAND ARGS...",
              file=sys.stderr)
        sys.exit(2)
    split = argv.index("--")
    own, command = argv[:split], argv[split + 1:]
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mode", required=True, choices=["auto", "legacy", "2026-07-28"])
    parser.add_argument("--call")
    parser.add_argument("--arguments", default="{}")
    parser.add_argument("--timeout", type=float, default=60.0, help="per-request read timeout (seconds)")
    args = parser.parse_args(own)
    if not command:
        parser.error("no server command after --")
    args.command = command
    args.arguments = json_object_argument(parser, args.arguments)
    return args


async def run(args):
    server = StdioServerParameters(command=args.command[0], args=args.command[1:], env=dict(os.environ))
    out = {"protocolVersion": None, "serverInfo": None, "tools": [], "call": None}
    call_error = None
    client = Client(
        server,
        mode=args.mode,
        read_timeout_seconds=args.timeout,
        client_info=types.Implementation(name="paragon-tests-stdio-client", version="1.0"),
    )
    async with client:
        out["protocolVersion"] = client.protocol_version
        out["serverInfo"] = server_info_json(client)
        out["tools"] = await list_all_tools(client)
        if args.call is not None:
            try:
                out["call"] = call_json(await client.call_tool(args.call, args.arguments))
            except MCPError as error:
                call_error = error_json(error)
    if call_error is not None:
        out["callError"] = call_error
    return out, call_error


def main():
    finish("stdio_client", parse_args(), run)


if __name__ == "__main__":
    main()
