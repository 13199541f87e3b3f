#!/usr/bin/env python3
"""Validates the PACT responses the Swift test suite captured (FOOTPRINT_PACT_CAPTURE) against the
schemas of the PACT conformance tool's OpenAPI v3 file (../shared/pact/openapi-v3.yaml, MIT).

Each captured file is named KIND-<uuid>.json: list ({"data": [ProductFootprint]}), get
({"data": ProductFootprint}), error (Error), fulfilled (RequestFulfilledEvent), rejected
(RequestRejectedEvent). Exits 1 listing every failure; 0 when every file validates."""
import glob, json, os, sys

import yaml
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry
from referencing.jsonschema import DRAFT202012

def main():
    folder, spec_path = sys.argv[1], sys.argv[2]
    with open(spec_path) as f:
        spec = yaml.safe_load(f)
    resource = DRAFT202012.create_resource(spec)
    registry = Registry().with_resource("urn:pact:openapi", resource)
    def ref(name):
        return {"$ref": f"urn:pact:openapi#/components/schemas/{name}"}
    schemas = {
        "list": {"type": "object", "required": ["data"], "properties": {"data": {"type": "array", "items": ref("ProductFootprint")}}},
        "get": {"type": "object", "required": ["data"], "properties": {"data": ref("ProductFootprint")}},
        "error": ref("Error"),
        "fulfilled": ref("RequestFulfilledEvent"),
        "rejected": ref("RequestRejectedEvent"),
    }
    files = sorted(glob.glob(os.path.join(folder, "*.json")))
    if not files:
        print(f"no captured PACT responses in {folder}: did the server tests run?", file=sys.stderr)
        return 1
    failures = 0
    counts = {}
    for path in files:
        kind = os.path.basename(path).split("-", 1)[0]
        schema = schemas.get(kind)
        if schema is None:
            print(f"{path}: unknown kind '{kind}'", file=sys.stderr)
            failures += 1
            continue
        with open(path) as f:
            body = json.load(f)
        validator = Draft202012Validator(schema, registry=registry, format_checker=FormatChecker())
        errors = sorted(validator.iter_errors(body), key=lambda e: list(e.absolute_path))
        for e in errors:
            print(f"{os.path.basename(path)}: /{'/'.join(str(p) for p in e.absolute_path)}: {e.message}", file=sys.stderr)
        failures += 1 if errors else 0
        counts[kind] = counts.get(kind, 0) + 1
    summary = ", ".join(f"{n} {k}" for k, n in sorted(counts.items()))
    if failures:
        print(f"PACT schema check: {failures} of {len(files)} responses do not validate ({summary})", file=sys.stderr)
        return 1
    print(f"PACT schema check: all {len(files)} captured responses validate against openapi-v3.yaml ({summary})")
    return 0

if __name__ == "__main__":
    sys.exit(main())
