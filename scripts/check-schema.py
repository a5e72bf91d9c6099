#!/usr/bin/env python3
"""Validates JSON Lines records against output/record.schema.json (JSON Schema 2020-12).

usage: check-schema.py SCHEMA FILE.jsonl...   prints 'N passed, N failed' and exits 1 on a failure
"""
import json
import sys

import jsonschema


def main() -> int:
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    passed = failed = 0
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                errors = list(validator.iter_errors(json.loads(line)))
                if errors:
                    failed += 1
                    e = errors[0]
                    print(f"{path}:{n}: {'/'.join(map(str, e.absolute_path))}: {e.message}", file=sys.stderr)
                else:
                    passed += 1
    print(f"schema: {passed} passed, {failed} failed")
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main())
