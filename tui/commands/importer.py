"""``quotelens import FILE.jsonld [--document FILE]``: read W3C Web Annotations into the database.

Everything is read and checked before anything is written: a file that is not W3C annotation
JSON-LD, or annotations whose document cannot be told, is one line on stderr, exit status 2,
and the database is unchanged.  Never imports Textual.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from . import fail, reports_failures


def _read(path: str) -> str:
    from ..store.errors import StoreError

    p = Path(path)
    try:
        if not p.is_file():
            raise StoreError(f"{path}: {'no such file' if not p.exists() else 'not a regular file'}")
        raw = p.read_bytes()
    except OSError as err:
        raise StoreError(f"{path}: {err.strerror or err}") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise StoreError(f"{path}: not UTF-8 text, so not JSON-LD") from None


@reports_failures
def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="quotelens import",
                                 description="Import W3C Web Annotations (JSON-LD, as `export --format w3c` writes).")
    ap.add_argument("file", help="a .jsonld file: an AnnotationCollection, an Annotation, or a list of them")
    ap.add_argument("--document", default=None, metavar="FILE",
                    help="the document the annotations belong to, when the file does not say")
    ap.add_argument("--db", default=None, metavar="PATH", help="database file (default: $QUOTELENS_DB, "
                    "else the user data folder)")
    args = ap.parse_args(argv)

    from ..export.w3c import parse
    from ..sources import open_document
    from ..store import Library, default_db_path, document_id
    from ..store.database_file import source_path

    collections = parse(_read(args.file), args.file)
    plan = []
    for c in collections:
        doc_id, path, title = c.doc_id, c.path, c.label
        if args.document is not None:
            doc = open_document(args.document)
            doc_id, path, title = document_id(doc), source_path(doc.source), title or doc.title
        elif doc_id is None and path and os.path.isfile(path):
            doc = open_document(path)
            doc_id, title = document_id(doc), title or doc.title
        if doc_id is None:
            return fail(f"{args.file}: cannot tell which document its annotations belong to "
                        f"({c.source or 'no source'}): name it with --document FILE")
        plan.append((doc_id, path, title, c.annotations))
    from ..store.visits import add_imported

    added = replaced = 0
    with Library.open(default_db_path(args.db)) as lib, lib.transaction():  # all or nothing
        for doc_id, path, title, anns in plan:
            a, r = add_imported(lib, doc_id, path, title, anns)
            added, replaced = added + a, replaced + r
    print(f"imported {added + replaced} annotation{'s' * (added + replaced != 1)} "
          f"({added} new, {replaced} replaced) for {len(plan)} document{'s' * (len(plan) != 1)}")
    return 0
