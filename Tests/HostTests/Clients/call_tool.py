"""Drives one MCP session with the official Python SDK over Streamable HTTP and calls a tool.

Usage: call_tool.py URL TOOL ARGUMENTS_JSON   (URL may carry ?user=ID in development mode)
Prints one JSON object: how many tools the first page listed, and the call's text and isError.
"""
import asyncio
import json
import sys

from mcp.client.session import ClientSession
from mcp.client.streamable_http import streamable_http_client


async def main():
    url, tool, arguments = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
    async with streamable_http_client(url) as streams:
        async with ClientSession(streams[0], streams[1]) as session:
            await session.initialize()
            tools = await session.list_tools()
            result = await session.call_tool(tool, arguments)
            print(json.dumps({
                "tools": len(tools.tools),
                "text": result.content[0].text,
                "isError": bool(getattr(result, "is_error", False) or getattr(result, "isError", False)),
            }))


asyncio.run(main())
