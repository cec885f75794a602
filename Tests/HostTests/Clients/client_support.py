"""What modern_client.py and stdio_client.py share: argument reading, the tool walk, result and
error shapes, and the exit protocol (0 success; 3 the call ended in a JSON-RPC error, stdout
still carrying the summary with "callError"; 1 any other failure, message on stderr)."""
import json
import sys

import anyio
from mcp.shared.exceptions import MCPError

MAX_PAGES = 1000


def json_object_argument(parser, text):
    """`--arguments`: a JSON object, or a usage error."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError as e:
        parser.error(f"--arguments is not JSON: {e}")
    if not isinstance(value, dict):
        parser.error("--arguments must be a JSON object")
    return value


def leaves(error):
    """The innermost exceptions of a (possibly nested) exception group."""
    if isinstance(error, BaseExceptionGroup):
        return [leaf for inner in error.exceptions for leaf in leaves(inner)]
    return [error]


def describe(error):
    parts = []
    for leaf in leaves(error):
        code = getattr(leaf, "code", None) if isinstance(leaf, MCPError) else None
        parts.append(f"{type(leaf).__name__}{f' {code}' if code is not None else ''}: {leaf}")
    return "; ".join(parts)


def call_json(result):
    dumped = result.model_dump(by_alias=True, mode="json", exclude_none=True)
    return {
        "content": dumped.get("content", []),
        "isError": bool(dumped.get("isError", False)),
        "structuredContent": dumped.get("structuredContent"),
    }


def error_json(error):
    return {"code": error.code, "message": error.message, "data": error.data}


def server_info_json(client):
    info = client.server_info
    return info.model_dump(by_alias=True, mode="json", exclude_none=True) if info else None


async def list_all_tools(client):
    """Every tool name, following nextCursor; a repeated cursor or an endless walk fails."""
    names, cursor, seen = [], None, set()
    for _ in range(MAX_PAGES):
        page = await client.list_tools(cursor=cursor)
        names.extend(tool.name for tool in page.tools)
        cursor = page.next_cursor
        if cursor is None:
            return names
        if cursor in seen:
            raise RuntimeError(f"tools/list repeated cursor {cursor!r}")
        seen.add(cursor)
    raise RuntimeError(f"tools/list did not end within {MAX_PAGES} pages")


def finish(name, args, run):
    """Runs `run(args)` (returning the summary and the call's error, if any) and exits by the
    protocol above."""
    try:
        out, call_error = anyio.run(run, args)
    except BaseException as error:  # report every failure as one line; KeyboardInterrupt included
        print(f"{name}: {describe(error)}", file=sys.stderr)
        sys.exit(1)
    print(json.dumps(out))
    if call_error is not None:
        print(f"{name}: tools/call {args.call} failed: {call_error['code']} {call_error['message']}",
              file=sys.stderr)
        sys.exit(3)
