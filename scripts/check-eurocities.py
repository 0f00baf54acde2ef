#!/usr/bin/python3
"""Validates Eurocities v0.3.1 exports against the schema Avenir wrote from the standard.

Usage: scripts/check-eurocities.py SCHEMA.json FILE.json ...
Exit 0 when every file is valid; 1 with each error's JSON path otherwise (python3-jsonschema).
"""
import json
import sys

import jsonschema  # python3-jsonschema


def main():
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    bad = 0
    for path in sys.argv[2:]:
        doc = json.load(open(path, encoding="utf-8"))
        for error in sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path)):
            bad += 1
            where = "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path)
            print(f"{path}: {where}: {error.message}")
    if bad == 0:
        print(f"valid: {len(sys.argv) - 2} file(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
