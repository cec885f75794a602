#!/usr/bin/env python3
"""Search mode's evaluation: the labelled queries of bench/search/queries.json run against the
tool lists the server really serves, and the figures bench.py's table prints.

The lists come from the real thing: the built-in sandbox (`paragon-mcp sandbox`, with the
130 x 20 synthetic catalog and with the hand-written one) listed by `paragon-mcp tools --json
--user` through the ActionKit provider. `bench-tool-search` builds the index as the server does
and reports recall@1, recall@5 and MRR, search latency p50/p99 on the 2,600 tools, and the
index build time.

Usage: python3 bench/searcheval.py --bin DIR [--smoke] [--misses]  (bench.py runs it for its table)
"""

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

import tokens

HERE = os.path.dirname(os.path.abspath(__file__))
QUERIES = os.path.join(HERE, "search", "queries.json")
CATALOGS = (("synthetic", ["--synthetic", "130x20"]), ("sandbox", []))


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def listed_tools(binary, workdir, key, name, catalog_arguments):
    """The tools the ActionKit provider lists to a user of a sandbox serving the catalog."""
    port = free_port()
    log = open(os.path.join(workdir, f"sandbox-{name}.log"), "w")
    sandbox = subprocess.Popen(
        [binary, "sandbox", "--port", str(port), "--signing-key-path", key] + catalog_arguments,
        stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or sandbox.poll() is not None:
                    raise RuntimeError(f"the {name} sandbox did not start (see {log.name})")
                time.sleep(0.05)
        base = f"http://127.0.0.1:{port}"
        environment = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PROJECT_ID": "sandbox-project",
            "SIGNING_KEY_PATH": key, "ACTIONKIT_BASE_URL": base, "ZEUS_BASE_URL": base, "PROXY_BASE_URL": base,
        }
        listed = subprocess.run(
            [binary, "tools", "--json", "--user", "alice"], cwd=workdir, env=environment, capture_output=True,
            text=True, timeout=120)
        if listed.returncode != 0:
            raise RuntimeError(f"paragon-mcp tools failed: {listed.stderr.strip()}")
        path = os.path.join(workdir, f"{name}.json")
        with open(path, "w") as file:
            file.write(listed.stdout)
        return path
    finally:
        sandbox.terminate()
        sandbox.wait(timeout=10)
        log.close()


def evaluate(bin_dir, smoke):
    """The evaluation's report (bench-tool-search's JSON)."""
    binary = os.path.join(os.path.abspath(bin_dir), "paragon-mcp")
    evaluator = os.path.join(os.path.abspath(bin_dir), "bench-tool-search")
    workdir = tempfile.mkdtemp(prefix="paragon-search-")
    try:
        key = os.path.join(workdir, "key.pem")
        tokens.make_key(key)
        arguments = [evaluator, "--queries", QUERIES, "--repeat", "1" if smoke else "20"]
        for name, catalog_arguments in CATALOGS:
            arguments += ["--tools", f"{name}={listed_tools(binary, workdir, key, name, catalog_arguments)}"]
        run = subprocess.run(arguments, capture_output=True, text=True, timeout=600)
        if run.returncode != 0:
            raise RuntimeError(f"bench-tool-search failed: {run.stderr.strip()}")
        return json.loads(run.stdout)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def rows(report):
    """bench.py's table rows."""
    overall, latency = report["overall"], report["latency"]
    kinds = ", ".join(
        f"{kind} {score['recall5']:.2f}" for kind, score in sorted(report["byKind"].items()))
    catalogs = "; ".join(
        f"{name}: {score['recall1']:.2f} / {score['recall5']:.2f}" for name, score in sorted(report["byCatalog"].items()))
    synthetic = report["catalogs"].get("synthetic", {})
    return [
        (f"tool search recall@1 / recall@5 / MRR ({overall['queries']} labelled queries)",
         f"{overall['recall1']:.2f} / {overall['recall5']:.2f} / {overall['mrr']:.2f} ({catalogs})",
         "recall@1 ≥ 0.60, recall@5 ≥ 0.90"),
        ("tool search recall@5 by kind of query", kinds, ""),
        (f"tool search latency ({latency['tools']:,} tools, {latency['searches']:,} searches)",
         f"p50 {latency['p50Us'] / 1000:.3f} ms, p99 {latency['p99Us'] / 1000:.3f} ms", "p50 ≤ 1 ms"),
        (f"search index build ({synthetic.get('tools', 0):,} tools, median of 3)",
         f"{synthetic.get('buildMs', 0):.0f} ms", "off the request path"),
    ]


def measure(bin_dir, smoke):
    try:
        return rows(evaluate(bin_dir, smoke))
    except (RuntimeError, subprocess.SubprocessError, OSError, ValueError, KeyError) as error:
        return [("tool search evaluation", f"failed: {error}", "")]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bin", required=True)
    parser.add_argument("--smoke", action="store_true")
    parser.add_argument("--misses", action="store_true", help="also print the queries missed in the first five")
    args = parser.parse_args()
    report = evaluate(args.bin, args.smoke)
    for row in rows(report):
        print(" | ".join(row))
    if args.misses:
        for miss in report["misses"]:
            print(json.dumps(miss))


if __name__ == "__main__":
    sys.exit(main())
