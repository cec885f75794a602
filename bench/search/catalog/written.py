"""How the generators write their output: the file, or with --check only whether it is current."""

import sys


def write_or_check(path, text):
    """Writes `text` to `path`; with --check on the command line, exits 0 when the file already
    holds it and 1 when it does not, writing nothing."""
    if "--check" in sys.argv:
        with open(path, encoding="utf-8") as file:
            same = file.read() == text
        print(("up to date: " if same else "out of date: ") + path)
        sys.exit(0 if same else 1)
    with open(path, "w", encoding="utf-8") as file:
        file.write(text)
