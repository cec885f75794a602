#!/usr/bin/env python3
"""Spec load time of the OpenAPI provider: `paragon-mcp check` over a folder holding one spec,
timed from start to exit, less the same check over an empty folder (the process, the config and
the other providers). Each figure is the median of several runs.

Documents: a generated Stripe-like one (about 4 MB of JSON: form-encoded request bodies with
deepObject encodings written inline, as Stripe's are, and a large `components.schemas` that
responses reference), and the real Box (1.7 MB, OpenAPI 3.0) and Slack (1.2 MB, Swagger 2.0)
documents of the tests' fixtures.

Usage: python3 bench/specload.py --bin DIR [--smoke]  (bench.py runs it as part of its table)
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
REAL = os.path.join(ROOT, "Tests", "OpenAPICustomCoreTests", "Fixtures", "real")


def stripe_like(target_bytes=4_000_000):
    """A document shaped like Stripe's: request bodies inline and form-encoded, responses by
    reference into big component schemas, until the JSON reaches `target_bytes`."""
    schemas = {}
    for index in range(120):
        properties = {}
        for field in range(40):
            name = f"field_{field}"
            if field % 7 == 3:
                properties[name] = {"anyOf": [{"maxLength": 5000, "type": "string"},
                                              {"$ref": f"#/components/schemas/resource_{(index + field) % 120}"}],
                                    "description": "The ID of the related object, or the object when expanded.",
                                    "nullable": True, "x-expansionResources": {"oneOf": [
                                        {"$ref": f"#/components/schemas/resource_{(index + field) % 120}"}]}}
            elif field % 5 == 0:
                properties[name] = {"additionalProperties": {"maxLength": 500, "type": "string"},
                                    "description": "Set of key-value pairs that you can attach to an object.",
                                    "type": "object"}
            else:
                properties[name] = {"description": f"Field {field} of resource {index}: " + "words " * 8,
                                    "maxLength": 5000, "type": "string"}
        schemas[f"resource_{index}"] = {"description": f"Resource {index}.", "properties": properties,
                                        "required": ["field_1", "field_2"], "title": f"Resource{index}",
                                        "type": "object", "x-resourceId": f"resource_{index}"}
    document = {"openapi": "3.0.0", "info": {"title": "Stripe-like API", "version": "2024-01-01"},
                "servers": [{"url": "https://api.stripe.com/"}], "paths": {},
                "components": {"schemas": schemas, "securitySchemes": {"basicAuth": {"type": "http", "scheme": "basic"}}}}

    def body(index):
        properties = {
            "description": {"description": "An arbitrary string.", "maxLength": 5000, "type": "string"},
            "metadata": {"anyOf": [{"additionalProperties": {"type": "string"}, "type": "object"},
                                   {"enum": [""], "type": "string"}],
                         "description": "Set of key-value pairs."},
            "expand": {"description": "Fields to expand.", "items": {"maxLength": 5000, "type": "string"},
                       "type": "array"},
            "address": {"description": "The address.", "properties": {
                key: {"maxLength": 5000, "type": "string"} for key in ("city", "country", "line1", "line2",
                                                                    "postal_code", "state")},
                        "title": "optional_fields_address", "type": "object"},
            "items": {"description": "A list of up to 20 items.", "items": {
                "properties": {"price": {"maxLength": 5000, "type": "string"}, "quantity": {"type": "integer"},
                               "metadata": {"additionalProperties": {"type": "string"}, "type": "object"}},
                "title": "item_create_params", "type": "object"}, "type": "array"},
        }
        for extra in range(index % 12):
            properties[f"option_{extra}"] = {"description": "An option. " + "more words " * 6,
                                             "enum": ["always", "if_required", "never"], "type": "string"}
        encoding = {key: {"explode": True, "style": "deepObject"} for key in ("metadata", "expand", "address", "items")}
        return {"content": {"application/x-www-form-urlencoded": {"encoding": encoding, "schema": {
            "additionalProperties": False, "properties": properties, "type": "object"}}}, "required": False}

    index = 0
    while len(json.dumps(document)) < target_bytes:
        resource = f"resource_{index % 120}"
        path = f"/v1/{resource}s_{index}"
        reference = {"$ref": f"#/components/schemas/{resource}"}
        responses = {"200": {"content": {"application/json": {"schema": reference}}, "description": "OK"},
                     "default": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/resource_0"}}},
                                 "description": "Error response."}}
        query = [{"description": "Fields to expand.", "explode": True, "in": "query", "name": "expand",
                  "required": False, "schema": {"items": {"maxLength": 5000, "type": "string"}, "type": "array"},
                  "style": "deepObject"}]
        document["paths"][path] = {
            "get": {"description": f"Lists {resource}s.", "operationId": f"Get{resource.title()}s{index}",
                    "parameters": query + [{"in": "query", "name": "limit", "schema": {"type": "integer"}}],
                    "responses": responses},
            "post": {"description": f"Creates a {resource}.", "operationId": f"Post{resource.title()}s{index}",
                     "requestBody": body(index), "responses": responses},
        }
        document["paths"][path + "/{id}"] = {
            "post": {"description": f"Updates a {resource}.", "operationId": f"Post{resource.title()}sId{index}",
                     "parameters": [{"in": "path", "name": "id", "required": True,
                                     "schema": {"maxLength": 5000, "type": "string"}, "style": "simple"}],
                     "requestBody": body(index + 1), "responses": responses},
            "delete": {"description": f"Deletes a {resource}.", "operationId": f"Delete{resource.title()}sId{index}",
                       "parameters": [{"in": "path", "name": "id", "required": True, "schema": {"type": "string"}}],
                       "responses": responses},
        }
        index += 1
    return document


def check_seconds(binary, folder, runs):
    """Median wall time of `paragon-mcp check` with the OpenAPI provider on `folder`, and its output."""
    config = os.path.join(folder, "..", os.path.basename(folder) + ".yaml")
    with open(config, "w") as file:
        file.write("providers:\n  actionkit: {enabled: false}\n  proxy: {enabled: false}\n"
                   f"  openapi:\n    enabled: true\n    config: {{folder: {folder}}}\n")
    environment = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LOG_LEVEL": "error"}
    times, output = [], ""
    for _ in range(runs):
        started = time.perf_counter()
        result = subprocess.run([binary, "check", "--config", config], capture_output=True, text=True,
                                env=environment, timeout=300)
        times.append(time.perf_counter() - started)
        output = result.stdout + result.stderr
    return sorted(times)[len(times) // 2], output


def tool_count(output):
    for line in output.splitlines():
        if "openapi" in line and " tools" in line:
            words = line.split()
            for index, word in enumerate(words):
                if word.startswith("tools") and index > 0 and words[index - 1].isdigit():
                    return int(words[index - 1])
    return None


def measure(bin_dir, smoke=False):
    """Rows (measure, result, target) of the spec load times."""
    binary = os.path.join(os.path.abspath(bin_dir), "paragon-mcp")
    runs = 1 if smoke else 5
    workdir = tempfile.mkdtemp(prefix="paragon-specload-")
    try:
        documents = []
        stripe = os.path.join(workdir, "stripe")
        os.makedirs(stripe)
        text = json.dumps(stripe_like(1_500_000 if smoke else 4_000_000))
        # Files take a sandbox integration's name: `check` without a project lists through the
        # embedded sandbox, which lists only the tools of its integrations.
        with open(os.path.join(stripe, "github.json"), "w") as file:
            file.write(text)
        documents.append((f"Stripe-like, generated ({len(text) / 1e6:.1f} MB)", stripe, "well under 2 s"))
        for name, source, target in (("box", "box-openapi.json", "github.json"),
                                     ("slack", "slack_web_openapi_v2.json", "slack.json")):
            if smoke and name == "box":
                continue
            folder = os.path.join(workdir, name)
            os.makedirs(folder)
            shutil.copy(os.path.join(REAL, source), os.path.join(folder, target))
            size = os.path.getsize(os.path.join(folder, target)) / 1e6
            documents.append((f"{name.title()}, real ({size:.1f} MB)", folder, ""))
        empty = os.path.join(workdir, "empty")
        os.makedirs(empty)
        base, _ = check_seconds(binary, empty, runs)
        rows = []
        for label, folder, target in documents:
            seconds, output = check_seconds(binary, folder, runs)
            tools = tool_count(output)
            rows.append((f"spec load: {label}", f"{(seconds - base) * 1000:,.0f} ms"
                         f" ({tools if tools is not None else '?'} tools; check {seconds * 1000:,.0f} ms in all,"
                         f" {base * 1000:,.0f} ms without specs)", target))
        return rows
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bin", required=True, help="folder holding paragon-mcp and the provider libraries")
    parser.add_argument("--smoke", action="store_true", help="a small document, one run each")
    args = parser.parse_args()
    print("| measure | result | target |")
    print("|---|---|---|")
    for row in measure(args.bin, args.smoke):
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    sys.exit(main())
