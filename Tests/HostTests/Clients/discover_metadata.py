"""Discovers a server's protected resource metadata (RFC 9728) as the official Python SDK's OAuth
client does on a 401: the SDK's own helpers read the challenge, order the URLs to try, parse the
document and check its resource against the server URL.

Usage: discover_metadata.py SERVER_URL   (an /mcp or /sse URL; the request carries no token)
Prints one JSON object: the 401's status and resource_metadata, each URL tried with its status
and whether the SDK accepted the document, and, for the document accepted, its resource, its
authorization servers and whether the resource covers the server URL.
"""
import asyncio
import json
import sys

import httpx2
from mcp.client.auth.utils import (
    build_protected_resource_metadata_discovery_urls,
    extract_resource_metadata_from_www_auth,
)
from mcp.shared.auth import ProtectedResourceMetadata
from mcp.shared.auth_utils import check_resource_allowed, resource_url_from_server_url
from pydantic import ValidationError

INITIALIZE = {
    "jsonrpc": "2.0", "id": 1, "method": "initialize",
    "params": {"protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": {"name": "t", "version": "1"}},
}


async def main():
    server_url = sys.argv[1]
    # Generous: under a loaded CI machine a request can wait seconds for a core.
    async with httpx2.AsyncClient(timeout=60) as client:
        if server_url.endswith("/sse"):
            refused = await client.get(server_url, headers={"Accept": "text/event-stream"})
        else:
            refused = await client.post(
                server_url, json=INITIALIZE, headers={"Accept": "application/json, text/event-stream"})
        header_url = extract_resource_metadata_from_www_auth(refused)
        summary = {"status": refused.status_code, "resource_metadata": header_url, "tried": []}
        for url in build_protected_resource_metadata_discovery_urls(header_url, server_url):
            response = await client.get(url)
            entry = {"url": url, "status": response.status_code, "accepted": False}
            summary["tried"].append(entry)
            if response.status_code != 200:
                continue
            try:
                metadata = ProtectedResourceMetadata.model_validate_json(response.content)
            except ValidationError:
                continue
            entry["accepted"] = True
            summary["resource"] = str(metadata.resource)
            summary["authorization_servers"] = [str(server) for server in metadata.authorization_servers]
            summary["allowed"] = check_resource_allowed(
                requested_resource=resource_url_from_server_url(server_url),
                configured_resource=str(metadata.resource))
            break
        print(json.dumps(summary))


asyncio.run(main())
