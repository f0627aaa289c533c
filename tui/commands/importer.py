"""``quotelens import FILE.jsonld [--document FILE]``: read W3C Web Annotations into the database.

Everything is read and checked before anything is written: a file that is not W3C annotation
JSON-LD, or annotations whose document cannot be told, is one line on stderr, exit status 2,
and the database is unchanged.  Never imports Textual.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from . import add_db_argument, fail, load_file, reports_failures


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
    add_db_argument(ap)
    args = ap.parse_args(argv)

    from ..export.w3c import parse
    from ..store import Library, default_db_path
    from ..store.database_file import source_path
    from ..store.visits import library_data

    collections = parse(_read(args.file), args.file)
    plan = []  # (the document when it was read, or its id from the file; its path; title; annotations)
    for c in collections:
        doc = None
        if args.document is not None:
            doc = load_file(args.document)
        elif c.doc_id is None and c.path and os.path.isfile(c.path):
            doc = load_file(c.path)
        if doc is None and c.doc_id is None:
            return fail(f"{args.file}: cannot tell which document its annotations belong to "
                        f"({c.source or 'no source'}): name it with --document FILE")
        path = source_path(doc.source) if doc is not None else c.path
        plan.append((doc, c.doc_id, path, c.label or (doc.title if doc is not None else ""), c.annotations))
    from ..store.visits import add_imported, document_key

    added = replaced = 0
    with Library.open(default_db_path(args.db)) as lib, lib.transaction():  # all or nothing
        for doc, doc_id, path, title, anns in plan:
            if doc is not None:  # the id the library keeps this document under
                lib.register(doc)
                doc_id = document_key(library_data(lib), doc)
            assert doc_id is not None
            a, r = add_imported(lib, doc_id, path, title, anns)
            added, replaced = added + a, replaced + r
    print(f"imported {added + replaced} annotation{'s' * (added + replaced != 1)} "
          f"({added} new, {replaced} replaced) for {len(plan)} document{'s' * (len(plan) != 1)}")
    return 0
