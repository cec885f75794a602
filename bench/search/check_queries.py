#!/usr/bin/env python3
"""Checks bench/search/queries.json: each entry's shape, and that every expected tool exists in
the catalog it names; prints the counts by kind and catalog. Exits 1 on any problem.

    python3 bench/search/check_queries.py [queries.json]

"synthetic" is SandboxCatalog.synthetic(integrations: 130, actionsPerIntegration: 20): the first
130 integrations of Sources/Sandbox/Resources/synthetic-catalog.json and the first 20 actions of
each. "sandbox" is Sources/Sandbox/Resources/catalog.json. ActionKit's tools are named as its
actions are (Plugins/ActionKit/Core/ActionKitProvider.swift: the tool's name is the action's).
"""

import collections
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
RESOURCES = os.path.join(HERE, "..", "..", "Sources", "Sandbox", "Resources")
KINDS = ["direct", "paraphrase", "implied", "typo", "language"]
CATALOGS = ["synthetic", "sandbox"]


def tool_names(path, integrations=None, actions=None):
    with open(path, encoding="utf-8") as file:
        listed = json.load(file)["integrations"]
    return {action["name"] for integration in listed[:integrations] for action in integration["actions"][:actions]}


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "queries.json")
    with open(path, encoding="utf-8") as file:
        entries = json.load(file)
    tools = {
        "synthetic": tool_names(os.path.join(RESOURCES, "synthetic-catalog.json"), 130, 20),
        "sandbox": tool_names(os.path.join(RESOURCES, "catalog.json")),
    }
    problems, counts, seen = [], collections.Counter(), set()
    for number, entry in enumerate(entries):
        where = f"entry {number} ({entry.get('query')!r})"
        if set(entry) != {"query", "catalog", "expected", "kind"}:
            problems.append(f"{where}: keys {sorted(entry)}")
            continue
        query, catalog, expected, kind = entry["query"], entry["catalog"], entry["expected"], entry["kind"]
        if not isinstance(query, str) or not query.strip():
            problems.append(f"{where}: an empty query")
        if (catalog, query.lower()) in seen:
            problems.append(f"{where}: the same query twice")
        seen.add((catalog, query.lower()))
        if catalog not in CATALOGS:
            problems.append(f"{where}: unknown catalog {catalog!r}")
            continue
        if kind not in KINDS:
            problems.append(f"{where}: unknown kind {kind!r}")
        if not isinstance(expected, list) or not expected or len(set(expected)) != len(expected):
            problems.append(f"{where}: expected must be a non-empty list without repeats")
            continue
        for name in expected:
            if name not in tools[catalog]:
                problems.append(f"{where}: {name} is not a tool of the {catalog} catalog")
        counts[(kind, catalog)] += 1
    print(f"{len(entries)} queries; synthetic catalog {len(tools['synthetic'])} tools, "
          f"sandbox catalog {len(tools['sandbox'])} tools")
    print(f"{'kind':<12}" + "".join(f"{catalog:>11}" for catalog in CATALOGS) + f"{'all':>7}{'share':>8}")
    for kind in KINDS:
        row = [counts[(kind, catalog)] for catalog in CATALOGS]
        print(f"{kind:<12}" + "".join(f"{value:>11}" for value in row)
              + f"{sum(row):>7}{sum(row) / max(len(entries), 1):>8.0%}")
    totals = [sum(counts[(kind, catalog)] for kind in KINDS) for catalog in CATALOGS]
    print(f"{'all':<12}" + "".join(f"{value:>11}" for value in totals) + f"{sum(totals):>7}")
    several = sum(1 for entry in entries if len(entry.get("expected") or []) > 1)
    print(f"{several} queries have more than one right tool")
    for problem in problems:
        print("problem: " + problem, file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
