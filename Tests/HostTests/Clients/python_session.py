"""Drives one MCP session against paragon-mcp with the official Python SDK.

Usage: python_session.py URL TOKEN TRANSPORT   (TRANSPORT: streamable | sse; TOKEN - for none,
as with a development URL carrying ?user=)
Prints one JSON object: the negotiated version, the tool names and the echo call's text.
"""
import asyncio
import json
import sys

import httpx2
from mcp.client.session import ClientSession
from mcp.client.sse import sse_client
from mcp.client.streamable_http import streamable_http_client


async def drive(read, write):
    async with ClientSession(read, write) as session:
        init = await session.initialize()
        tools = await session.list_tools()
        result = await session.call_tool("EXAMPLE_ECHO", {"text": "from python"})
        return {
            "protocolVersion": getattr(init, "protocol_version", None) or getattr(init, "protocolVersion", None),
            "tools": [tool.name for tool in tools.tools],
            "text": result.content[0].text,
            "isError": bool(getattr(result, "is_error", False) or getattr(result, "isError", False)),
        }


async def main():
    url, token, transport = sys.argv[1], sys.argv[2], sys.argv[3]
    headers = {} if token == "-" else {"Authorization": f"Bearer {token}"}
    if transport == "sse":
        async with sse_client(url, headers=headers) as (read, write):
            print(json.dumps(await drive(read, write)))
    else:
        async with httpx2.AsyncClient(headers=headers, timeout=30) as client:
            async with streamable_http_client(url, http_client=client) as streams:
                print(json.dumps(await drive(streams[0], streams[1])))


asyncio.run(main())
