#!/usr/bin/env python3
"""Copies docs/openapi.json, the API's one source of truth, into the Swift source that serves it
(Sources/FactDeskServer/API/OpenAPIDocument.swift), byte for byte. Edit the JSON, then run this;
OpenAPIDocumentTests fails while the two differ. `--check` only says whether they do."""
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
DOCUMENT = ROOT / "docs" / "openapi.json"
SWIFT = ROOT / "Sources" / "FactDeskServer" / "API" / "OpenAPIDocument.swift"

HEADER = '''// Generated from docs/openapi.json by Tests/Server/sync_openapi.py: edit the JSON, not this file.

/// The API's OpenAPI 3.1 description, served at `/api/openapi.json`: the bytes of
/// `docs/openapi.json`, which is checked against the running server by schemathesis.
enum OpenAPIDocument {
    static let json = #"""
'''
FOOTER = '''
    """#
}
'''


def swift_source(text: str) -> str:
    if '"""#' in text or "\\#" in text or "\r" in text:
        sys.exit("sync_openapi: the document holds a sequence a Swift raw string cannot (\"\"\"# or \\#, or CR)")
    if not text.endswith("\n"):
        sys.exit("sync_openapi: docs/openapi.json must end with a newline")
    json.loads(text)  # refuses to copy a document that is not JSON
    # Every line indented like the closing delimiter, which Swift strips; the blank line before it
    # keeps the document's final newline.
    body = "".join(("    " + line if line else line) + "\n" for line in text[:-1].split("\n"))
    return HEADER + body + FOOTER


def main() -> int:
    wanted = swift_source(DOCUMENT.read_text(encoding="utf-8"))
    current = SWIFT.read_text(encoding="utf-8") if SWIFT.exists() else ""
    if "--check" in sys.argv[1:]:
        if current != wanted:
            print(f"{SWIFT.relative_to(ROOT)} differs from docs/openapi.json: run Tests/Server/sync_openapi.py", file=sys.stderr)
            return 1
        return 0
    if current != wanted:
        SWIFT.write_text(wanted, encoding="utf-8")
        print(f"wrote {SWIFT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
