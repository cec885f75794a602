#!/usr/bin/env python3
"""Writes bench/search/queries.json from the parts in bench/search/queries/: one object a line,
{query, catalog, expected, kind}. `expected` lists every right tool (usually one).

    python3 bench/search/build_queries.py [--check]

--check compares with the committed file instead of writing it. Then run check_queries.py.
"""

import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "queries"))
sys.path.insert(0, os.path.join(HERE, "catalog"))

import sandbox  # noqa: E402
import synthetic_direct  # noqa: E402
import synthetic_implied  # noqa: E402
import synthetic_paraphrase  # noqa: E402
import synthetic_typo  # noqa: E402
from written import write_or_check  # noqa: E402

OUTPUT = os.path.join(HERE, "queries.json")


def parts(module):
    """(kind, [(query, expected)]) of a part: its PARTS, or its one KIND and QUERIES."""
    return module.PARTS if hasattr(module, "PARTS") else [(module.KIND, module.QUERIES)]


def build():
    entries, seen = [], set()
    for module in (synthetic_direct, synthetic_paraphrase, synthetic_implied, synthetic_typo, sandbox):
        for kind, queries in parts(module):
            for query, expected in queries:
                expected = [expected] if isinstance(expected, str) else list(expected)
                key = (module.CATALOG, query.lower())
                if key in seen:
                    raise SystemExit(f"the query {query!r} is there twice")
                seen.add(key)
                entries.append({"query": query, "catalog": module.CATALOG, "expected": expected, "kind": kind})
    return entries


def main():
    text = "[\n" + ",\n".join(json.dumps(entry, ensure_ascii=False) for entry in build()) + "\n]\n"
    write_or_check(OUTPUT, text)
    print(f"{OUTPUT}: {text.count(chr(10)) - 2} queries")


if __name__ == "__main__":
    main()
